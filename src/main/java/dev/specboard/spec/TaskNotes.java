package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.kernel.JdbcStatement;
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

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A task's progress log: notes in markdown, each raising {@link TaskNoted} for the people the task concerns. */
@ApplicationScoped
public class TaskNotes {

    /** The live event kind of a new progress note. */
    public static final String NOTE_EVENT = "task-note";

    /**
     * The notes of the project's (?1) task ?2 with their authors and whether each author held the task when writing it:
     * the last move before the note that began a claim (from pending to claimed or in progress) or ended one (back to
     * pending) was the author's claim. The log remembers claims the task no longer carries.
     */
    private static final JdbcStatement NOTES = JdbcStatement.numbered("""
            SELECT n.id, a.username, n.via, n.body, n.created_at,
                   coalesce((SELECT e.to_status <> 'pending' AND e.actor_id IS NOT DISTINCT FROM n.author_id FROM task_events e
                             WHERE e.task_id = n.task_id AND e.created_at <= n.created_at
                               AND (e.to_status = 'pending' OR (e.from_status = 'pending' AND e.to_status IN ('claimed', 'in_progress')))
                             ORDER BY e.created_at DESC LIMIT 1), false)
            FROM task_notes n JOIN implementation_tasks t ON t.id = n.task_id JOIN accounts a ON a.id = n.author_id
            WHERE t.project_id = ?1 AND t.task_id = ?2
            ORDER BY n.created_at, n.id""");

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
        if (dev.specboard.web.Chars.Check.over(body, TaskNote.MAX_LENGTH)) {
            throw ValidationException.of("body", "At most " + TaskNote.MAX_LENGTH + " characters");
        }
        ImplementationTask task = ImplementationTask.byKey(access.project(), key);
        // Whoever holds the task (its claimer until a release, a retry or a lapsed lease gives it back) writes its progress;
        // anyone else comments. Either way a note only adds to the log: it moves nothing and extends no lease.
        boolean byClaimer = task.claimedBy != null && task.claimedBy.id.equals(actor.accountId());
        TaskNote note = new TaskNote();
        note.task = task;
        note.author = em.find(Account.class, actor.accountId());
        note.via = actor.via();
        note.body = body.strip();
        note.persist();
        em.flush();
        noted.fire(new TaskNoted(access.project().id, access.project().slug, note.task.taskKey, note.author.id, note.author.username,
                note.task.claimedBy == null ? null : note.task.claimedBy.id, history.specAuthor(note.task), Mentions.parse(note.body)));
        live.publish(LiveEvent.forProject(NOTE_EVENT, access.project().id));
        return new TaskNoteRow(note.id, note.author.username, note.via, note.body, markdown.render(note.body), note.createdAt, byClaimer);
    }

    /** A task's progress log, oldest first, with the authors and whether each held the task then, in one query. */
    public List<TaskNoteRow> notes(Project project, String key) {
        return NOTES.list(em, new Object[] {project.id, ImplementationTask.requireKey(key)}, rs -> {
            String body = rs.getString(4);
            return new TaskNoteRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), body, markdown.render(body),
                    rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getBoolean(6));
        });
    }
}
