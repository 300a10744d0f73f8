package dev.specboard.spec;

import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import dev.specboard.notification.MentionNotifier;
import dev.specboard.notification.NotificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * After a task moves: open boards of the project refresh themselves, the spec's author hears
 * about claims, completions, failures and merges made by someone else, and a claimer hears when someone else released
 * its task or marked it failed.
 */
@ApplicationScoped
public class TaskNotifications {

    private static final Set<TaskStatus> TOLD = Set.of(TaskStatus.CLAIMED, TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.MERGED);

    @Inject
    NotificationService notifications;

    @Inject
    LiveUpdates live;

    @Inject
    MentionNotifier mentions;

    @Inject
    EntityManager em;

    /** The live event kind when a claim lapsed. */
    public static final String LEASE_EXPIRED = "lease-expired";

    /** One notification per former claimer and sweep, however many of their tasks lapsed: a sweep of 100 was 100 inserts. */
    void onLeaseExpired(@Observes TaskLeaseExpired e) {
        live.publish(LiveEvent.forProject(LEASE_EXPIRED, e.projectId()));
        List<String> keys = e.taskKeys();
        String message;
        String link;
        if (keys.size() == 1) {
            message = keys.get(0) + " went back to pending: your lease ran out without a heartbeat";
            link = "/projects/" + e.projectSlug() + "/tasks/" + keys.get(0);
        } else {
            int shown = Math.min(keys.size(), 5);
            String others = String.join(", ", keys.subList(1, shown)) + (keys.size() > shown ? " and " + (keys.size() - shown) + " more" : "");
            message = keys.get(0) + " went back to pending, and so did " + others + ": your leases ran out without a heartbeat";
            link = "/projects/" + e.projectSlug() + "/board";
        }
        notifications.notify(e.formerClaimerId(), e.projectId(), "task_lease_expired", Map.of("message", message, "link", link));
    }

    /** Mentioned members, then the task's claimer and its spec's author, hear of a comment once each, never its writer. */
    void onNote(@Observes TaskNoted n) {
        String link = "/projects/" + n.projectSlug() + "/tasks/" + n.taskKey();
        Set<UUID> told = new HashSet<>(mentions.notifyMembers(n.projectId(), n.authorId(), n.mentionedUsernames(),
                n.authorName() + " mentioned you on " + n.taskKey(), link));
        told.add(n.authorId());
        for (UUID id : new UUID[] {n.claimerId(), n.specAuthorId()}) {
            if (id != null && told.add(id)) {
                notifications.notify(id, n.projectId(), "task_comment", Map.of("message", n.authorName() + " wrote on " + n.taskKey(),
                        "link", link));
            }
        }
    }

    void onTransition(@Observes TaskTransitioned t) {
        live.publishSoon(LiveEvent.forProject("board", t.projectId()));
        boolean holder = t.takenFromHolder();
        boolean author = t.specAuthorId() != null && TOLD.contains(t.to()) && !Objects.equals(t.specAuthorId(), t.actorAccountId())
                // The holder who is also the spec's author hears it once, as its holder.
                && !(holder && t.specAuthorId().equals(t.holderId()));
        if (!holder && !author) {
            return;
        }
        // The project's slug and who moved the task (none for a merge, which a sync finds), in one statement.
        Object[] row = em.createQuery("select p.slug, (select a.username from Account a where a.id = :actor) from Project p where p.id = :id",
                        Object[].class)
                .setParameter("id", t.projectId()).setParameter("actor", t.actorAccountId()).getSingleResult();
        String actor = (String) row[1];
        if (holder) {
            // The claimer's next call would otherwise be refused with no word of why: it is told who took the task away.
            boolean failed = t.to() == TaskStatus.FAILED;
            notifications.notify(t.holderId(), t.projectId(), failed ? "task_failed" : "task_released", Map.of(
                    "message", t.taskKey() + (failed ? " was marked failed by " + actor + " while you held it"
                            : " was released by " + actor + ": it is pending again and no longer yours"),
                    "link", "/projects/" + row[0] + "/tasks/" + t.taskKey(), "actor", actor));
        }
        if (!author) {
            return;
        }
        String verb = switch (t.to()) {
            case CLAIMED -> "was claimed";
            case COMPLETED -> "was completed";
            case FAILED -> "failed";
            default -> "was merged";
        };
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("message", t.taskKey() + " " + verb + (actor == null ? "" : (t.to() == TaskStatus.FAILED ? ", reported by " : " by ") + actor));
        payload.put("link", "/projects/" + row[0] + "/tasks/" + t.taskKey());
        if (actor != null) {
            payload.put("actor", actor);
        }
        notifications.notify(t.specAuthorId(), t.projectId(), "task_" + t.to().name().toLowerCase(), payload);
    }
}
