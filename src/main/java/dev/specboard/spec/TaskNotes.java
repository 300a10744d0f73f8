package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.notification.Mentions;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import dev.specboard.web.Markdown;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** A task's progress log: notes in markdown, each raising {@link TaskNoted} for the people the task concerns. */
@ApplicationScoped
public class TaskNotes {

    /** The live event kind of a new progress note. */
    public static final String NOTE_EVENT = "task-note";

    @Inject
    EntityManager em;

    @Inject
    Markdown markdown;

    @Inject
    LiveUpdates live;

    @Inject
    TaskHistory history;

    @Inject
    Event<TaskNoted> noted;

    /** Adds an entry (markdown) to the task's progress log; open boards show it. */
    @Transactional
    public TaskNoteRow addNote(Access access, String key, String body, TaskService.Actor actor) {
        access.requireWrite(Role.MEMBER);
        if (body == null || body.isBlank()) {
            throw ValidationException.of("body", "Write the note");
        }
        if (body.length() > TaskNote.MAX_LENGTH) {
            throw ValidationException.of("body", "At most " + TaskNote.MAX_LENGTH + " characters");
        }
        TaskNote note = new TaskNote();
        note.task = ImplementationTask.byKey(access.project(), key);
        note.author = em.find(Account.class, actor.accountId());
        note.via = actor.via();
        note.body = body.strip();
        note.persist();
        em.flush();
        noted.fire(new TaskNoted(access.project().id, access.project().slug, note.task.taskKey, note.author.id, note.author.username,
                note.task.claimedBy == null ? null : note.task.claimedBy.id, history.specAuthor(note.task), Mentions.parse(note.body)));
        live.publish(LiveEvent.forProject(NOTE_EVENT, access.project().id));
        return row(note);
    }

    /** A task's progress log, oldest first, with the authors, in one query. */
    public List<TaskNoteRow> notes(Project project, String key) {
        return em.createQuery("from TaskNote n join fetch n.author where n.task.project = :p and n.task.taskKey = :k "
                        + "order by n.createdAt, n.id", TaskNote.class)
                .setParameter("p", project).setParameter("k", ImplementationTask.requireKey(key)).getResultList().stream()
                .map(this::row).toList();
    }

    private TaskNoteRow row(TaskNote n) {
        return new TaskNoteRow(n.id, n.author.username, n.via, n.body, markdown.render(n.body), n.createdAt);
    }
}
