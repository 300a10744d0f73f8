package dev.specboard.spec;

import dev.specboard.account.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/** Writes a task's history: each move logged with who made it, then announced to the spec's author and the board. */
@ApplicationScoped
class TaskHistory {

    @Inject
    EntityManager em;

    @Inject
    Event<TaskTransitioned> transitioned;

    /** Logs a move of the task, with its actor, door and note. */
    void log(ImplementationTask task, TaskStatus from, TaskStatus to, TaskService.Actor actor, String note) {
        TaskEvent e = new TaskEvent();
        e.task = task;
        e.fromStatus = from;
        e.toStatus = to;
        e.actor = actor.accountId() == null ? null : em.getReference(Account.class, actor.accountId());
        e.via = actor.via();
        e.note = note;
        e.persist();
    }

    /** Raises {@link TaskTransitioned} for a logged move. */
    void announce(ImplementationTask task, TaskStatus from, TaskStatus to, TaskService.Actor actor) {
        announce(task, from, to, actor, specAuthor(task));
    }

    /** Raises {@link TaskTransitioned} for a logged move whose spec's author the caller read already. */
    void announce(ImplementationTask task, TaskStatus from, TaskStatus to, TaskService.Actor actor, UUID specAuthor) {
        announce(task.project.id, task.taskKey, from, to, actor, specAuthor);
    }

    /** Raises {@link TaskTransitioned} for a move made in SQL, of the project's task of this key. */
    void announce(UUID projectId, String taskKey, TaskStatus from, TaskStatus to, TaskService.Actor actor, UUID specAuthor) {
        transitioned.fire(new TaskTransitioned(projectId, taskKey, from, to, actor.accountId(), specAuthor));
    }

    /** Who wrote the task's spec, read without loading the spec's content. */
    UUID specAuthor(ImplementationTask task) {
        return (UUID) em.createNativeQuery("SELECT author_id FROM technical_specs WHERE id = ?1")
                .setParameter(1, task.spec.id).getSingleResult();
    }
}
