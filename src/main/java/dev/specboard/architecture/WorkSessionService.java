package dev.specboard.architecture;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Work sessions: starting them on a component, context or the project, claiming them (the next
 * pending one atomically, so two agents never get the same), completing or failing them, releasing a claimed one
 * and retrying a failed one; a completed design session can save a new version of its component's design doc.
 */
@ApplicationScoped
public class WorkSessionService {

    @Inject
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    ComponentService components;

    @Inject
    DesignDocService designDocs;

    /** The session, or 404. */
    public WorkSession get(UUID projectId, UUID id) {
        WorkSession w = id == null ? null : WorkSession.findById(id);
        if (w == null || !w.projectId.equals(projectId)) {
            throw ApiException.notFound("No such work session in this project");
        }
        return w;
    }

    /** The component whose page shows the session with its forms: its target, while that component exists; empty for a project or context session. */
    public Optional<UUID> component(WorkSession w) {
        if (!"component".equals(w.targetType)) {
            return Optional.empty();
        }
        Component c = Component.findById(w.targetId);
        return c != null && c.projectId.equals(w.projectId) ? Optional.of(c.id) : Optional.empty();
    }

    /** Creates a pending session on an existing target of the project. */
    @Transactional
    public WorkSession create(Access access, WorkSessionForm form) {
        access.requireWrite(Role.MEMBER);
        UUID projectId = access.project().id;
        FormErrors errors = FormErrors.none();
        if (form.sessionType() == null || !WorkSession.TYPES.contains(form.sessionType())) {
            errors.add("sessionType", "Choose one of: " + String.join(", ", WorkSession.TYPES));
        }
        UUID targetId = ComponentService.parse(form.targetId());
        if (form.targetType() == null || !WorkSession.TARGET_TYPES.contains(form.targetType())) {
            errors.add("targetType", "Choose one of: " + String.join(", ", WorkSession.TARGET_TYPES));
        } else if ("project".equals(form.targetType())) {
            if (targetId != null && !targetId.equals(projectId)) {
                errors.add("targetId", "A project session targets this project");
            }
            targetId = projectId;
        } else if (targetId == null) {
            errors.add("targetId", "Choose the " + form.targetType());
        } else if ("component".equals(form.targetType())) {
            Component c = Component.findById(targetId);
            if (c == null || !c.projectId.equals(projectId)) {
                errors.add("targetId", "No such component in this project");
            }
        } else {
            BoundedContext x = BoundedContext.findById(targetId);
            if (x == null || !x.projectId.equals(projectId)) {
                errors.add("targetId", "No such context in this project");
            }
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        WorkSession w = new WorkSession();
        w.projectId = projectId;
        w.sessionType = form.sessionType();
        w.targetType = form.targetType();
        w.targetId = targetId;
        w.createdBy = access.accountId();
        w.persist();
        return w;
    }

    /** Claims one pending session for the caller ({@code pending → in_progress}); 409 when someone was faster. */
    @Transactional
    public WorkSession claim(Access access, UUID id) {
        access.requireWrite(Role.MEMBER);
        WorkSession w = locked(access.project().id, id);
        if (WorkSession.IN_PROGRESS.equals(w.status) && w.claimedBy != null) {
            // Say who holds it, as the board does for a task, so the caller knows whom to ask.
            dev.specboard.account.Account holder = dev.specboard.account.Account.findById(w.claimedBy);
            throw ApiException.conflict("This session is already claimed by " + (holder == null ? "someone else" : holder.username) + ".");
        }
        w.claim(access.accountId(), Instant.now());
        return w;
    }

    /**
     * Claims the oldest pending session (of one type, if given) for the caller, skipping rows other
     * transactions hold, so concurrent callers each get a different session; empty when none is left.
     */
    @Transactional
    public Optional<WorkSession> claimNext(Access access, String type) {
        access.requireWrite(Role.MEMBER);
        String t = type == null ? "" : type.trim();
        if (!t.isEmpty() && !WorkSession.TYPES.contains(t)) {
            throw ValidationException.of("type", "Choose one of: " + String.join(", ", WorkSession.TYPES));
        }
        List<?> ids = em.createNativeQuery("update work_sessions set status = 'in_progress', claimed_by = :a, claimed_at = now(), updated_at = now() "
                        + "where id = (select id from work_sessions where project_id = :p and status = 'pending' "
                        + "and (:t = '' or session_type = :t) order by created_at, id limit 1 for update skip locked) returning id")
                .setParameter("a", access.accountId()).setParameter("p", access.project().id).setParameter("t", t)
                .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(WorkSession.findById((UUID) ids.get(0)));
    }

    /**
     * Completes a session in progress with a note; a design session on a component may bring a new
     * design doc text, saved as the next version. Only the claimer or a lead may finish it.
     */
    @Transactional
    public WorkSession complete(Access access, UUID id, WorkSessionFinishForm form) {
        access.requireWrite(Role.MEMBER);
        validation.require(form);
        WorkSession w = lockHeld(access, id, "finish");
        String note = blankToNull(form.note());
        if (form.designDoc() != null && !form.designDoc().isBlank()) {
            if (!WorkSession.takesDesignDoc(w.sessionType, w.targetType)) {
                throw ValidationException.of("designDoc", "Only a design session on a component can attach a design doc");
            }
            // Based on an older version: 409 with both texts, as the design doc editor answers.
            DesignDoc doc = ValidationException.renaming("version", "designDocVersion",
                    () -> designDocs.save(access, w.targetId, new DesignDocForm(form.designDoc(), form.designDocVersion())));
            String attached = "Design doc version " + doc.version + " attached.";
            note = note == null ? attached : note + "\n\n" + attached;
        }
        w.finish(true, note, Instant.now());
        return w;
    }

    /** Marks a session in progress as failed, with the reason. */
    @Transactional
    public WorkSession fail(Access access, UUID id, String reason) {
        access.requireWrite(Role.MEMBER);
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("note", "Say why it failed");
        }
        if (reason.length() > 20000) {
            throw ValidationException.of("note", "At most 20000 characters");
        }
        WorkSession w = lockHeld(access, id, "finish");
        w.finish(false, reason.strip(), Instant.now());
        return w;
    }

    /** Gives a session in progress back ({@code in_progress → pending}), for its claimer or a lead: a dead agent held it for good. */
    @Transactional
    public WorkSession release(Access access, UUID id) {
        access.requireWrite(Role.MEMBER);
        WorkSession w = lockHeld(access, id, "release");
        w.release();
        return w;
    }

    /** A lead returns a failed session to pending for another try. */
    @Transactional
    public WorkSession retry(Access access, UUID id) {
        access.requireWrite(Role.LEAD);
        WorkSession w = locked(access.project().id, id);
        w.retry();
        return w;
    }

    /** The session (or 404), re-read under a row lock so concurrent changes to it run one after the other. */
    private WorkSession locked(UUID projectId, UUID id) {
        WorkSession w = get(projectId, id);
        em.refresh(w, LockModeType.PESSIMISTIC_WRITE);
        return w;
    }

    /** The session locked; 409 (claimed by another, as for a task) unless the caller claimed it or leads. */
    private WorkSession lockHeld(Access access, UUID id, String verb) {
        WorkSession w = locked(access.project().id, id);
        if (WorkSession.IN_PROGRESS.equals(w.status) && !WorkSession.mayFinish(w.claimedBy, access.accountId(), access.isLead())) {
            throw ApiException.conflict("This session was claimed by someone else; only they or a lead can " + verb + " it.");
        }
        return w;
    }

    /** The project's sessions matching the filter, newest first, with target names and claimers, in one query. */
    public List<WorkSessionRow> list(UUID projectId, WorkSessionFilter filter) {
        StringBuilder q = new StringBuilder("select new dev.specboard.architecture.WorkSessionRow(w.id, w.sessionType, w.targetType, w.targetId, "
                + "coalesce(c.name, x.name, p.name), w.status, w.resultNote, a.username, w.claimedBy, w.claimedAt, w.completedAt, w.createdAt, d.version) "
                + "from WorkSession w left join Component c on c.id = w.targetId and w.targetType = 'component' "
                + "left join BoundedContext x on x.id = w.targetId and w.targetType = 'context' "
                + "left join Project p on p.id = w.targetId and w.targetType = 'project' "
                + "left join DesignDoc d on d.componentId = w.targetId and w.targetType = 'component' "
                + "left join Account a on a.id = w.claimedBy where w.projectId = :p");
        Map<String, Object> params = new HashMap<>();
        params.put("p", projectId);
        if (!filter.status().isEmpty()) {
            q.append(" and w.status = :s");
            params.put("s", filter.status());
        }
        if (!filter.type().isEmpty()) {
            q.append(" and w.sessionType = :t");
            params.put("t", filter.type());
        }
        if (!filter.target().isEmpty()) {
            q.append(" and w.targetType = :tt");
            params.put("tt", filter.target());
        }
        if (filter.targetId() != null) {
            q.append(" and w.targetId = :tid");
            params.put("tid", filter.targetId());
        }
        q.append(" order by w.createdAt desc, w.id");
        var query = em.createQuery(q.toString(), WorkSessionRow.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(500).getResultList();
    }

    /** One session as a row. */
    public WorkSessionRow row(UUID projectId, UUID id) {
        return em.createQuery("select new dev.specboard.architecture.WorkSessionRow(w.id, w.sessionType, w.targetType, w.targetId, "
                        + "coalesce(c.name, x.name, p.name), w.status, w.resultNote, a.username, w.claimedBy, w.claimedAt, w.completedAt, w.createdAt, d.version) "
                        + "from WorkSession w left join Component c on c.id = w.targetId and w.targetType = 'component' "
                        + "left join BoundedContext x on x.id = w.targetId and w.targetType = 'context' "
                        + "left join Project p on p.id = w.targetId and w.targetType = 'project' "
                        + "left join DesignDoc d on d.componentId = w.targetId and w.targetType = 'component' "
                        + "left join Account a on a.id = w.claimedBy where w.projectId = :p and w.id = :id", WorkSessionRow.class)
                .setParameter("p", projectId).setParameter("id", id).setMaxResults(1).getResultList().stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("No such work session in this project"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
