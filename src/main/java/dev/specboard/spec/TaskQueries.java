package dev.specboard.spec;

import dev.specboard.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads implementation tasks for pages and the API: rows with their blocked flag, a task's phase context and its history. */
@ApplicationScoped
public class TaskQueries {

    /** Tasks a page of the API list holds when it is asked for one. */
    public static final int PAGE_SIZE = 50;

    @Inject
    EntityManager em;

    /** The phase an agent works on, and only that phase (progressive disclosure). */
    public record TaskContextView(TaskRow task, String specKey, String specTitle, String overview, String phaseName,
                              String phaseDescription, BigDecimal phaseHours, String phaseContent, List<String> assignedFiles,
                              boolean specDirty) {
    }

    /** A line of a task's history. */
    public record EventRow(TaskStatus from, TaskStatus to, String actor, String via, String note, Instant at) {
    }

    /** One task as a row, with its blocked flag. */
    public TaskRow row(Project project, String key) {
        ImplementationTask t = ImplementationTask.byKey(project, key);
        return rows(List.of(t), blockedSpecs(project)).get(0);
    }

    /** The phase of this task only, with the spec's overview. */
    public TaskContextView context(Project project, String key) {
        ImplementationTask t = ImplementationTask.byKey(project, key);
        // Only a pending task can be blocked: a task just claimed needs no look at the dependencies.
        TaskRow row = rows(List.of(t), t.status == TaskStatus.PENDING || t.leaseLapsed(Instant.now()) ? blockedSpecs(project) : Set.of()).get(0);
        TechnicalSpec spec = t.spec;
        return context(row, spec.title, spec.isHierarchical() ? spec.sharedContent() : null, spec.content, spec.dirty);
    }

    /**
     * The context of a task whose row is made already: the phase of a hierarchical spec's parsed content, or the whole
     * content of a monolithic one.
     */
    static TaskContextView context(TaskRow row, String specTitle, SpecContent hierarchical, String monolithic, boolean specDirty) {
        String specKey = row.specKey();
        if (hierarchical != null) {
            SpecContent.Phase phase = hierarchical.phase(row.scope()).orElse(new SpecContent.Phase(null, row.scope(),
                    row.scopeDescription(), row.estimatedHours(), "", row.assignedFiles()));
            return new TaskContextView(row, specKey, specTitle, hierarchical.overview(), phase.name(), phase.description(),
                    phase.hoursOrZero(), phase.content() == null ? "" : phase.content(), phase.files(), specDirty);
        }
        return new TaskContextView(row, specKey, specTitle, null, row.scope(), row.scopeDescription(), row.estimatedHours(),
                monolithic, row.assignedFiles(), specDirty);
    }

    /** A task's transitions, oldest first, with who made them. */
    public List<EventRow> history(Project project, String key) {
        return em.createQuery("from TaskEvent e left join fetch e.actor where e.task.project = :p and e.task.taskKey = :k "
                        + "order by e.createdAt, e.id", TaskEvent.class)
                .setParameter("p", project).setParameter("k", ImplementationTask.requireKey(key)).getResultList().stream()
                .map(e -> new EventRow(e.fromStatus, e.toStatus, e.actor == null ? null : e.actor.username, e.via, e.note, e.createdAt))
                .toList();
    }

    /**
     * Tasks for the API list by spec and task number, optionally by status and spec: all of them, or with {@code page}
     * the {@link #PAGE_SIZE} of that page (none past the last); {@link #count} counts the same tasks.
     */
    public List<TaskRow> list(Project project, TaskStatus status, String specKey, Integer page) {
        Filter filter = filter(project, status, specKey);
        var query = em.createQuery("from ImplementationTask t join t.spec s" + filter.where() + " order by s.specNumber, t.taskNumber",
                ImplementationTask.class);
        filter.params().forEach(query::setParameter);
        if (page != null) {
            query.setFirstResult((page - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE);
        }
        // A lease that lapses between the query and the rows shows its task as pending: a held filter leaves it out.
        return rows(em, withSpecs(em, query.getResultList()), blockedSpecs(project)).stream()
                .filter(r -> status == null || r.status() == status).toList();
    }

    /** How many tasks {@link #list} finds under the same filter, in one statement (the API's {@code X-Total-Count}). */
    public long count(Project project, TaskStatus status, String specKey) {
        Filter filter = filter(project, status, specKey);
        var query = em.createQuery("select count(t) from ImplementationTask t join t.spec s" + filter.where(), Long.class);
        filter.params().forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The condition of the API's task list and its parameters, written once for its page and its count. */
    private record Filter(String where, Map<String, Object> params) {
    }

    private static Filter filter(Project project, TaskStatus status, String specKey) {
        StringBuilder q = new StringBuilder(" where t.project = :p");
        Map<String, Object> params = new HashMap<>();
        params.put("p", project);
        Instant now = Instant.now();
        if (status == TaskStatus.PENDING) {
            // A lapsed claim lists as pending (see row), so the page holds what the rows will show.
            q.append(" and (t.status = :pending or (t.status in :held and t.leaseExpiresAt < :now))");
            params.put("pending", TaskStatus.PENDING);
            params.put("held", List.of(TaskStatus.CLAIMED, TaskStatus.IN_PROGRESS));
            params.put("now", now);
        } else if (status != null && status.isHeld()) {
            q.append(" and t.status = :status and (t.leaseExpiresAt is null or t.leaseExpiresAt >= :now)");
            params.put("status", status);
            params.put("now", now);
        } else if (status != null) {
            q.append(" and t.status = :status");
            params.put("status", status);
        }
        if (specKey != null && !specKey.isBlank()) {
            q.append(" and s.specNumber = :n");
            params.put("n", TechnicalSpec.parseKey(specKey).orElse(-1));
        }
        return new Filter(q.toString(), params);
    }

    /** Numbers of the project's specs that wait for an incomplete dependency. */
    @SuppressWarnings("unchecked")
    public Set<Integer> blockedSpecs(Project project) {
        List<Number> rows = em.createNativeQuery("""
                SELECT DISTINCT s.spec_number FROM technical_specs s
                JOIN spec_dependencies d ON d.spec_id = s.id JOIN technical_specs ds ON ds.id = d.depends_on_id
                WHERE s.project_id = ?1 AND ds.status <> 'complete'""").setParameter(1, project.id).getResultList();
        Set<Integer> out = new HashSet<>();
        rows.forEach(n -> out.add(n.intValue()));
        return out;
    }

    /**
     * Loads the specs of these tasks in one query, each spec once. A {@code join fetch t.spec} would repeat
     * the spec's whole content (every phase) on every task row: for a spec of 2,000 phases that is its
     * content 2,000 times over, which ran a 256 MB heap out of memory.
     */
    static List<ImplementationTask> withSpecs(EntityManager em, List<ImplementationTask> tasks) {
        PersistenceUnitUtil util = em.getEntityManagerFactory().getPersistenceUnitUtil();
        Set<Object> ids = new HashSet<>();
        for (ImplementationTask t : tasks) {
            ids.add(util.getIdentifier(t.spec)); // read from the proxy, without loading it
        }
        if (!ids.isEmpty()) {
            em.createQuery("from TechnicalSpec s where s.id in :ids", TechnicalSpec.class).setParameter("ids", ids).getResultList();
        }
        return tasks;
    }

    static List<TaskRow> rows(Collection<ImplementationTask> tasks, Set<Integer> blockedSpecs) {
        return rows(tasks, blockedSpecs, t -> t.claimedBy == null ? null : t.claimedBy.username);
    }

    /**
     * Rows of many tasks, with their claimers' names read in one query of names only: fetching the claimers
     * would load each one's whole account (its password hash included) for a name on a card.
     */
    static List<TaskRow> rows(EntityManager em, Collection<ImplementationTask> tasks, Set<Integer> blockedSpecs) {
        PersistenceUnitUtil util = em.getEntityManagerFactory().getPersistenceUnitUtil();
        Set<Object> ids = new HashSet<>();
        for (ImplementationTask t : tasks) {
            if (t.claimedBy != null) {
                ids.add(util.getIdentifier(t.claimedBy)); // read from the proxy, without loading it
            }
        }
        Map<Object, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select a.id, a.username from Account a where a.id in :ids", Object[].class).setParameter("ids", ids)
                    .getResultList().forEach(r -> names.put(r[0], (String) r[1]));
        }
        return rows(tasks, blockedSpecs, t -> t.claimedBy == null ? null : names.get(util.getIdentifier(t.claimedBy)));
    }

    private static List<TaskRow> rows(Collection<ImplementationTask> tasks, Set<Integer> blockedSpecs,
                                      Function<ImplementationTask, String> claimer) {
        Instant now = Instant.now();
        return tasks.stream().map(t -> row(t, t.spec.specNumber, t.spec.title, t.spec.storyNumber, claimer.apply(t),
                (t.status == TaskStatus.PENDING || t.leaseLapsed(now)) && blockedSpecs.contains(t.spec.specNumber))).toList();
    }

    /** The row of a task whose spec's number, title and story the caller read (without loading the spec). */
    static TaskRow row(ImplementationTask t, int specNumber, String specTitle, Integer storyNumber, String claimer, boolean blocked) {
        if (t.leaseLapsed(Instant.now())) {
            // A claim whose lease lapsed counts as given back at once: it reads as the sweep will leave it, pending and
            // unclaimed, so that nobody waits for a claim that anyone may take.
            return new TaskRow(t.taskKey, specNumber, specTitle, storyNumber, t.scope, t.scopeDescription, t.assignedFiles(),
                    t.branchName, TaskStatus.PENDING, null, null, null, t.completedAt, null, t.mergedAt, t.failureReason,
                    t.estimatedHours, t.actualHours, t.createdAt, t.updatedAt, blocked, t.priority, null, null);
        }
        return new TaskRow(t.taskKey, specNumber, specTitle, storyNumber, t.scope, t.scopeDescription, t.assignedFiles(),
                t.branchName, t.status, claimer, t.claimedAt, t.startedAt, t.completedAt, t.commitSha, t.mergedAt,
                t.failureReason, t.estimatedHours, t.actualHours, t.createdAt, t.updatedAt, blocked, t.priority, t.leaseExpiresAt,
                t.worktreePath);
    }
}
