package dev.specboard.review;

import dev.specboard.account.Account;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import dev.specboard.web.PathExtensions;
import dev.specboard.notification.MentionNotifier;
import dev.specboard.notification.NotificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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
    MentionNotifier mentions;

    @Inject
    EntityManager em;

    void onComment(@Observes ThreadCommented e) {
        String link = link(e.projectId(), e.threadId());
        // The assistant's answer (an EXPLANATION job's) is not its asker's reply: "ag1 replied" sent people to look for ag1's words.
        String author = e.byAssistant() ? "The assistant" : author(e.authorId());
        Set<UUID> mentioned = mentions.notifyMembers(e.projectId(), e.authorId(), e.mentionedUsernames(),
                author + " mentioned you in a review thread", link);
        for (UUID id : e.participantIds()) {
            if (!mentioned.contains(id) && !id.equals(e.authorId())) {
                notifications.notify(id, e.projectId(), "thread_reply", Map.of("message", author + (e.byAssistant() ? " answered" : " replied") + " in a thread you took part in", "link", link));
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

    /** The thread's lines on the file page, the whole range ({@code #L3-L5}, one line {@code #L3}) as the page selects it. */
    private String link(UUID projectId, UUID threadId) {
        Object[] row = em.createQuery("select p.slug, r.name, t.filePath, t.lineStart, t.lineEnd from CommentThread t, Repo r, Project p "
                        + "where t.id = :t and r.id = t.repositoryId and p.id = :p", Object[].class)
                .setParameter("t", threadId).setParameter("p", projectId).getSingleResult();
        int start = (Integer) row[3];
        int end = (Integer) row[4];
        return "/projects/" + row[0] + "/repos/" + row[1] + "/blob/" + PathExtensions.pathEncoded((String) row[2])
                + "#L" + start + (end > start ? "-L" + end : "");
    }
}
