package dev.specboard.spec;

import dev.specboard.kernel.JdbcStatement;
import dev.specboard.notification.NotificationService;
import dev.specboard.repo.GitMirror;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoService;
import dev.specboard.repo.RepoSynced;
import dev.specboard.story.StoryApproved;
import dev.specboard.story.StoryChanged;
import dev.specboard.story.StoryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What specs and tasks do when other features change: a sync marks tasks merged whose commit it contains, a
 * story is implemented while all its specs are complete (and ready again when one is not), and an edited approved
 * story makes its specs dirty.
 */
@ApplicationScoped
public class SpecRollups {

    @Inject
    EntityManager em;

    @Inject
    GitMirror mirror;

    @Inject
    TaskService tasks;

    @Inject
    RepoService repos;

    @Inject
    StoryService stories;

    @Inject
    NotificationService notifications;

    /**
     * After every successful sync, also one that found no new commit: every completed task whose
     * commit the synced branch contains becomes merged, all of them found in one revision walk.
     */
    void onSynced(@Observes RepoSynced event) {
        Repo repo = Repo.findById(event.repoId());
        if (repo == null) {
            return;
        }
        List<String> shas = em.createQuery("select distinct t.commitSha from ImplementationTask t "
                        + "where t.project.id = :p and t.status = :s and t.commitSha is not null", String.class)
                .setParameter("p", event.projectId()).setParameter("s", TaskStatus.COMPLETED).getResultList();
        if (!shas.isEmpty()) {
            tasks.markMerged(event.projectId(), mirror.reachable(repo, event.commitSha(), shas), Instant.now());
            checkUncheckedCommits(event.projectId(), repo);
        }
    }

    /** Logs what a sync found of a commit that could not be checked when its task was completed. */
    private static final JdbcStatement LOG_CHECK = JdbcStatement.numbered("""
            INSERT INTO task_events (task_id, from_status, to_status, actor_id, via, note)
            VALUES (?1, 'completed', 'completed', NULL, 'system', ?2)""");

    /**
     * A full SHA reported before any repository of the project was synced is taken unchecked. The first sync after the
     * completion checks it once, in every synced repository, and logs (a commit not found waits until every repository
     * of the project has been synced once) in the task's history what it found, so that a
     * task whose commit no repository holds does not wait in completed with nobody told why it never becomes merged:
     * whoever completed it is notified too. (A commit on the default branch made the task merged just before; one of
     * another branch is logged as found.)
     */
    private void checkUncheckedCommits(UUID projectId, Repo repo) {
        @SuppressWarnings("unchecked")
        List<Object[]> unchecked = em.createNativeQuery("""
                        SELECT t.id, t.commit_sha, t.claimed_by, t.task_id, (SELECT p.slug FROM projects p WHERE p.id = t.project_id)
                        FROM implementation_tasks t
                        WHERE t.project_id = ?1 AND t.status = 'completed' AND t.commit_sha IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM project_manifests m WHERE m.project_id = ?1 AND m.created_at < t.completed_at)
                          AND NOT EXISTS (SELECT 1 FROM task_events e WHERE e.task_id = t.id AND e.from_status = 'completed'
                                          AND e.to_status = 'completed' AND e.created_at >= t.completed_at)
                        ORDER BY t.completed_at""").setParameter(1, projectId).getResultList();
        if (unchecked.isEmpty()) {
            return;
        }
        // A commit not found yet may be in a repository of the project that has not been synced: its first sync checks again.
        boolean allSynced = ((Number) em.createNativeQuery("SELECT count(*) FROM repositories r WHERE r.project_id = ?1"
                + " AND NOT EXISTS (SELECT 1 FROM project_manifests m WHERE m.repository_id = r.id)")
                .setParameter(1, projectId).getSingleResult()).longValue() == 0;
        Instant at = Instant.now();
        for (Object[] task : unchecked) {
            String sha = (String) task[1];
            boolean known = repos.commitKnown(projectId, sha).orElse(false);
            if (!known && !allSynced) {
                continue;
            }
            LOG_CHECK.update(em, task[0], known
                    ? "Commit " + sha + " was found after the sync of repository " + repo.name + " at " + at
                    + ": the task becomes merged once the commit is on the default branch."
                    : "Commit " + sha + " was not found in repository " + repo.name + " (nor in another synced repository of the project)"
                    + " after its sync at " + at + ": the task cannot become merged until that commit is pushed and synced. If the SHA"
                    + " is wrong, move the task back to in progress and complete it with the right one.");
            if (!known && task[2] != null) {
                notifications.notify((UUID) task[2], projectId, "task_commit_missing", Map.of("message", task[3] + ": commit "
                        + sha.substring(0, Math.min(7, sha.length())) + " was not found in repository " + repo.name + ", so the task cannot become merged",
                        "link", "/projects/" + task[4] + "/tasks/" + task[3]));
            }
        }
    }

    /** A story is implemented once every spec linked to it is complete. */
    void onSpecCompleted(@Observes SpecCompleted event) {
        if (event.storyNumber() != null) {
            storyFollowsSpecs(event.projectId(), event.storyNumber());
        }
    }

    /**
     * A story approved (again) after its specs were all completed (they completed while it was in review, or it was
     * edited and re-approved afterwards) is implemented at once: no spec will complete again to say so.
     */
    void onStoryApproved(@Observes StoryApproved event) {
        storyFollowsSpecs(event.projectId(), event.storyNumber());
    }

    /** A spec was linked or unlinked, or reopened: the story may be implemented, or not any more. */
    void onStorySpecsChanged(@Observes StorySpecsChanged event) {
        storyFollowsSpecs(event.projectId(), event.storyNumber());
    }

    /**
     * An approved story is implemented while it has specs and every one is complete, and ready again once one is not
     * (a task reopened, another spec linked). A draft or a story in review keeps its state, and a story number that
     * names no story is left alone: no exception may roll back the task move or the spec save that got here.
     */
    private void storyFollowsSpecs(UUID projectId, int number) {
        Object[] specs = em.createQuery("select count(s), coalesce(sum(case when s.status <> :complete then 1 else 0 end), 0) "
                        + "from TechnicalSpec s where s.project.id = :p and s.storyNumber = :n", Object[].class)
                .setParameter("p", projectId).setParameter("n", number)
                .setParameter("complete", TechnicalSpec.STATUS_COMPLETE).getSingleResult();
        long total = ((Number) specs[0]).longValue();
        long open = ((Number) specs[1]).longValue();
        String status = em.createQuery("select s.status from Story s where s.projectId = :p and s.number = :n", String.class)
                .setParameter("p", projectId).setParameter("n", number).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        if (total > 0 && open == 0 && "ready".equals(status)) {
            stories.markImplemented(projectId, number);
        } else if (open > 0 && "implemented".equals(status)) {
            stories.reopenImplemented(projectId, number);
        }
    }

    /** An approved story changed: the specs whose roadmap item it is need another look. */
    void onStoryChanged(@Observes StoryChanged event) {
        em.createQuery("update TechnicalSpec s set s.dirty = true where s.project.id = :p and s.storyNumber = :n")
                .setParameter("p", event.projectId()).setParameter("n", event.storyNumber()).executeUpdate();
    }
}
