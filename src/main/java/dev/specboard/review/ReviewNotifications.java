package dev.specboard.review;

import dev.specboard.account.Account;
import dev.specboard.notification.LiveEvent;
import dev.specboard.notification.LiveUpdates;
import dev.specboard.notification.NotificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who hears about review activity: people who took part in a thread get replies and resolutions,
 * mentioned members get a mention (once, even if they also took part).
 */
@ApplicationScoped
public class ReviewNotifications {

    @Inject
    NotificationService notifications;

    @Inject
    LiveUpdates live;

    @Inject
    EntityManager em;

    void onComment(@Observes ThreadCommented e) {
        String link = link(e.projectId(), e.threadId());
        Set<UUID> mentioned = new HashSet<>();
        if (!e.mentionedUsernames().isEmpty()) {
            // Only members of the project can be mentioned: nobody else may read the thread.
            List<UUID> ids = em.createQuery("select m.account.id from Membership m where m.project.id = :p "
                            + "and lower(m.account.username) in :names", UUID.class)
                    .setParameter("p", e.projectId())
                    .setParameter("names", e.mentionedUsernames().stream().map(String::toLowerCase).toList())
                    .getResultList();
            mentioned.addAll(ids);
        }
        mentioned.remove(e.authorId());
        String author = author(e.authorId());
        for (UUID id : mentioned) {
            notifications.notify(id, e.projectId(), "mention", Map.of("message", author + " mentioned you in a review thread", "link", link));
        }
        for (UUID id : e.participantIds()) {
            if (!mentioned.contains(id) && !id.equals(e.authorId())) {
                notifications.notify(id, e.projectId(), "thread_reply", Map.of("message", author + " replied in a thread you took part in", "link", link));
            }
        }
        live.publish(LiveEvent.forProject("thread", e.projectId()));
    }

    void onResolved(@Observes ThreadResolved e) {
        String link = link(e.projectId(), e.threadId());
        String who = author(e.resolvedBy());
        for (UUID id : e.participantIds()) {
            if (!id.equals(e.resolvedBy())) {
                notifications.notify(id, e.projectId(), "thread_resolved", Map.of("message", who + " resolved a thread you took part in", "link", link));
            }
        }
        live.publish(LiveEvent.forProject("thread", e.projectId()));
    }

    private String author(UUID accountId) {
        if (accountId == null) {
            return "The assistant";
        }
        Account a = Account.findById(accountId);
        return a == null ? "Someone" : a.username;
    }

    private String link(UUID projectId, UUID threadId) {
        Object[] row = em.createQuery("select p.slug, r.name, t.filePath, t.lineStart from CommentThread t, Repo r, Project p "
                        + "where t.id = :t and r.id = t.repositoryId and p.id = :p", Object[].class)
                .setParameter("t", threadId).setParameter("p", projectId).getSingleResult();
        return "/projects/" + row[0] + "/repos/" + row[1] + "/blob/" + row[2] + "#L" + row[3];
    }
}
