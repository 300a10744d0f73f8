package dev.specboard.spec;

import dev.specboard.project.Project;
import dev.specboard.story.StorySpecs;
import dev.specboard.web.ApiException;
import dev.specboard.web.PageNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reads technical specs for pages and the API: the project's list, hours per story, a spec's detail, the spec picker and
 * the specs a story's page lists.
 */
@ApplicationScoped
public class SpecQueries implements StorySpecs {

    @Inject
    EntityManager em;

    /** A spec's page: the spec, its tasks, its links and its history, in a fixed number of queries. */
    public record SpecView(TechnicalSpec spec, String authorName, SpecContent content, List<TaskRow> tasks,
                             List<SpecRef> dependsOn, List<SpecRef> dependents, List<RevisionRow> revisions,
                             BigDecimal actualHours) {

        public String key() {
            return spec.key();
        }

        public List<String> blockers() {
            return dependsOn.stream().filter(d -> !d.complete()).map(SpecRef::key).toList();
        }

        public String blockerList() {
            return String.join(", ", blockers());
        }

        public long doneTasks() {
            return tasks.stream().filter(t -> t.status().isDone()).count();
        }

        /** The phase being worked on, read from the phases' tasks; null for a spec without phases. */
        public CurrentPhase currentPhase() {
            return CurrentPhase.of(content, tasks);
        }
    }

    /** Specs shown on one page of the list. */
    public static final int PAGE_SIZE = 50;

    /**
     * One page of the spec list, of one story's specs when {@code story} is set, and the hours per story over all of the
     * project's specs.
     */
    public record SpecListView(List<SpecRow> specs, PageNumbers at, Integer story, List<StoryHoursRow> stories) {

        /** The list's own address for another page, keeping the story asked for. */
        public String pageHref(String slug) {
            return "/projects/" + slug + "/specs?" + (story == null ? "" : "story=" + story + "&") + "page=";
        }
    }

    /** Every spec of the project with task counts and hours, in one query. */
    public List<SpecRow> list(Project project) {
        return list(project, null);
    }

    /** Every spec of the project, or of one of its stories when {@code story} is set, with task counts and hours, in one query. */
    public List<SpecRow> list(Project project, Integer story) {
        return rows(project, story, Integer.MAX_VALUE, 0);
    }

    /**
     * A page of the spec list (asked for: kept between the first and the last), of one story's specs when {@code story}
     * is set, with the hours per story, in three queries.
     */
    public SpecListView page(Project project, Integer page, Integer story) {
        var count = em.createNativeQuery("SELECT count(*) FROM technical_specs WHERE project_id = ?1" + storyClause(story, "story_number", 2))
                .setParameter(1, project.id);
        if (story != null) {
            count.setParameter(2, story);
        }
        PageNumbers at = PageNumbers.of(page, ((Number) count.getSingleResult()).longValue(), PAGE_SIZE);
        return new SpecListView(rows(project, story, PAGE_SIZE, at.offset()), at, story, hoursByStory(project));
    }

    /** The specs linked to a story, for its page; one query. */
    @Override
    public List<StorySpecs.Linked> forStory(UUID projectId, int storyNumber) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT spec_number, title, status FROM technical_specs WHERE project_id = ?1 AND story_number = ?2
                ORDER BY spec_number""").setParameter(1, projectId).setParameter(2, storyNumber).getResultList();
        return rows.stream().map(r -> new SpecRef(((Number) r[0]).intValue(), (String) r[1], (String) r[2]))
                .map(r -> new StorySpecs.Linked(r.key(), r.title(), r.status(), r.statusLabel())).toList();
    }

    /** The filter by story, as parameter {@code position}, or nothing for every spec. */
    private static String storyClause(Integer story, String column, int position) {
        return story == null ? "" : " AND " + column + " = ?" + position;
    }

    @SuppressWarnings("unchecked")
    private List<SpecRow> rows(Project project, Integer story, int limit, int offset) {
        var query = em.createNativeQuery("""
                SELECT s.spec_number, s.title, s.status, s.spec_type, s.roadmap_item_id, s.story_number, s.estimated_hours,
                       sum(t.actual_hours), count(t.id),
                       count(t.id) FILTER (WHERE t.status IN ('completed', 'merged')), a.username, s.updated_at, s.dirty,
                       CASE WHEN s.spec_type = 'hierarchical' THEN s.phase_files::text END,
                       string_agg(t.scope || ':' || t.status, ',') FILTER (WHERE s.spec_type = 'hierarchical')
                FROM technical_specs s
                JOIN accounts a ON a.id = s.author_id
                LEFT JOIN implementation_tasks t ON t.spec_id = s.id
                WHERE s.project_id = ?1""" + storyClause(story, "s.story_number", 4) + """

                GROUP BY s.id, a.username
                ORDER BY s.spec_number
                LIMIT ?2 OFFSET ?3""").setParameter(1, project.id).setParameter(2, limit).setParameter(3, offset);
        if (story != null) {
            query.setParameter(4, story);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new SpecRow(((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], r[5] == null ? null : ((Number) r[5]).intValue(), (BigDecimal) r[6], (BigDecimal) r[7],
                ((Number) r[8]).longValue(), ((Number) r[9]).longValue(), (String) r[10], toInstant(r[11]), (Boolean) r[12],
                r[13] == null ? null : CurrentPhase.ofListed(SpecContent.parseList((String) r[13]), (String) r[14]))).toList();
    }

    /** Estimated vs actual hours per story, over every spec of the project linked to a story. */
    @SuppressWarnings("unchecked")
    List<StoryHoursRow> hoursByStory(Project project) {
        // Actual hours are summed per spec first: joining the tasks directly would count a spec's estimate once per task.
        List<Object[]> rows = em.createNativeQuery("""
                SELECT min(s.roadmap_item_id), s.story_number, count(*), coalesce(sum(s.estimated_hours), 0), sum(t.actual)
                FROM technical_specs s
                LEFT JOIN (SELECT x.spec_id, sum(x.actual_hours) AS actual FROM implementation_tasks x
                           JOIN technical_specs y ON y.id = x.spec_id WHERE y.project_id = ?1 GROUP BY x.spec_id) t ON t.spec_id = s.id
                WHERE s.project_id = ?1 AND s.story_number IS NOT NULL
                GROUP BY s.story_number
                ORDER BY s.story_number""").setParameter(1, project.id).getResultList();
        return rows.stream().map(r -> new StoryHoursRow((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).longValue(),
                (BigDecimal) r[3], (BigDecimal) r[4])).toList();
    }

    /** Everything a spec's page shows. */
    public SpecView detail(Project project, String key) {
        Integer n = TechnicalSpec.parseKey(key).orElseThrow(() -> ApiException.notFound("No spec " + key + " in this project"));
        TechnicalSpec spec = TechnicalSpec.<TechnicalSpec>find(
                        "from TechnicalSpec s join fetch s.author where s.project = ?1 and s.specNumber = ?2", project, n)
                .firstResultOptional().orElseThrow(() -> ApiException.notFound("No spec " + key + " in this project"));
        List<SpecRef> deps = refs("""
                SELECT d.spec_number, d.title, d.status FROM spec_dependencies x JOIN technical_specs d ON d.id = x.depends_on_id
                WHERE x.spec_id = ?1 ORDER BY d.spec_number""", spec.id);
        List<SpecRef> dependents = refs("""
                SELECT d.spec_number, d.title, d.status FROM spec_dependencies x JOIN technical_specs d ON d.id = x.spec_id
                WHERE x.depends_on_id = ?1 ORDER BY d.spec_number""", spec.id);
        boolean blocked = deps.stream().anyMatch(d -> !d.complete());
        List<TaskRow> tasks = TaskQueries.rows(em, ImplementationTask.<ImplementationTask>find(
                "from ImplementationTask t where t.spec = ?1 order by t.taskNumber",
                spec).list(), blocked ? java.util.Set.of(spec.specNumber) : java.util.Set.of());
        List<RevisionRow> revisions = em.createQuery(
                        "select new dev.specboard.spec.RevisionRow(r.version, r.title, a.username, r.createdAt) "
                                + "from SpecRevision r join Account a on a.id = r.authorId where r.spec = :s order by r.version desc", RevisionRow.class)
                .setParameter("s", spec).getResultList();
        // Null until a task reports its hours: "0 actual" read as work done in no time.
        BigDecimal actual = tasks.stream().map(TaskRow::actualHours).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal::add).orElse(null);
        return new SpecView(spec, spec.author.username, spec.parsedContent(), tasks, deps, dependents, revisions, actual);
    }

    /** The other specs of the project, for the dependency picker. */
    public List<SpecRef> refs(Project project) {
        return refs("SELECT spec_number, title, status FROM technical_specs WHERE project_id = ?1 ORDER BY spec_number", project.id);
    }

    @SuppressWarnings("unchecked")
    private List<SpecRef> refs(String sql, UUID id) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        return rows.stream().map(r -> new SpecRef(((Number) r[0]).intValue(), (String) r[1], (String) r[2])).toList();
    }

    private static Instant toInstant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + o.getClass());
    }
}
