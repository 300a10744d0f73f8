package dev.specboard.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Tells the project members named with {@code @username} in a text that they were mentioned. */
@ApplicationScoped
public class MentionNotifier {

    @Inject
    EntityManager em;

    @Inject
    NotificationService notifications;

    /**
     * Resolves the usernames to members of the project (nobody else can read what they were mentioned
     * in) whose accounts are not disabled (nobody reads their notifications), leaves out the author and
     * notifies the rest; returns whom it notified.
     */
    public Set<UUID> notifyMembers(UUID projectId, UUID authorId, Set<String> usernames, String message, String link) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        List<UUID> ids = em.createQuery("select m.account.id from Membership m where m.project.id = :p "
                        + "and lower(m.account.username) in :names and m.account.disabledAt is null", UUID.class)
                .setParameter("p", projectId)
                .setParameter("names", usernames.stream().map(String::toLowerCase).toList())
                .getResultList();
        Set<UUID> told = new HashSet<>(ids);
        told.remove(authorId);
        for (UUID id : told) {
            notifications.notify(id, projectId, "mention", Map.of("message", message, "link", link));
        }
        return told;
    }
}
