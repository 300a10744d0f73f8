package dev.specboard.spec;

import dev.specboard.repo.GitMirror;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoSynced;
import dev.specboard.story.StoryChanged;
import dev.specboard.story.StoryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/**
 * What specs and tasks do when other features change: a sync marks tasks merged whose commit it contains, a
 * completed spec may complete its story, and an edited approved story makes its specs dirty.
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
    StoryService stories;

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
        }
    }

    /** A story is implemented once every spec linked to it is complete. */
    void onSpecCompleted(@Observes SpecCompleted event) {
        if (event.storyNumber() == null) {
            return;
        }
        long open = em.createQuery("select count(s) from TechnicalSpec s where s.project.id = :p and s.storyNumber = :n "
                        + "and s.status <> :complete", Long.class)
                .setParameter("p", event.projectId()).setParameter("n", event.storyNumber())
                .setParameter("complete", TechnicalSpec.STATUS_COMPLETE).getSingleResult();
        // Only a ready story can become implemented; a draft keeps its state (and no exception may roll back the task).
        Long ready = em.createQuery("select count(s) from Story s where s.projectId = :p and s.number = :n and s.status = 'ready'", Long.class)
                .setParameter("p", event.projectId()).setParameter("n", event.storyNumber()).getSingleResult();
        if (open == 0 && ready == 1) {
            stories.markImplemented(event.projectId(), event.storyNumber());
        }
    }

    /** An approved story changed: the specs whose roadmap item it is need another look. */
    void onStoryChanged(@Observes StoryChanged event) {
        em.createQuery("update TechnicalSpec s set s.dirty = true where s.project.id = :p and s.storyNumber = :n")
                .setParameter("p", event.projectId()).setParameter("n", event.storyNumber()).executeUpdate();
    }
}
