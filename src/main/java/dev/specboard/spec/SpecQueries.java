package dev.specboard.spec;

import dev.specboard.kernel.SqlValues;
import dev.specboard.project.Project;
import dev.specboard.story.StorySpecs;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.PageNumbers;
import dev.specboard.web.WordExtensions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
     * What the spec list shows: the specs of one story when {@code story} is set, and those in one status when
     * {@code status} is (null for any).
     */
    public record SpecFilter(Integer story, String status) {

        public static final SpecFilter ALL = new SpecFilter(null, null);

        /** The filter's query string, ending ready for another parameter ("story=12&status=draft&" or ""). */
        String query() {
            return (story == null ? "" : "story=" + story + "&") + (status == null ? "" : "status=" + status + "&");
        }
    }

    /**
     * One page of the spec list, filtered by story and status, and the hours per story over all of the project's specs.
     * {@code errors} names a filter value the page refused.
     */
    public record SpecListView(List<SpecRow> specs, PageNumbers at, SpecFilter filter, List<StoryHoursRow> stories, FormErrors errors) {

        /** The list of a refused filter: nothing listed, the refusal said at its select. */
        public static SpecListView refused(SpecFilter filter, FormErrors errors) {
            return new SpecListView(List.of(), PageNumbers.of(null, 0, PAGE_SIZE), filter, List.of(), errors);
        }

        public Integer story() {
            return filter.story();
        }

        /** The status filtered by, "" for any (as the filter's select shows it). */
        public String status() {
            return filter.status() == null ? "" : filter.status();
        }

        public List<String> statuses() {
            return TechnicalSpec.STATUSES;
        }

        /** The status filtered by in words within a sentence: "in progress". */
        public String statusWords() {
            return WordExtensions.worded(status()).toLowerCase(Locale.ROOT);
        }

        /** Some filter is set or was refused: the empty list says so instead of "No specs yet". */
        public boolean filtered() {
            return filter.story() != null || filter.status() != null || errors.any();
        }

        /** The list's own address for another page, keeping the filters asked for. */
        public String pageHref(String slug) {
            return "/projects/" + slug + "/specs?" + filter.query() + "page=";
        }
    }

    /** Every spec of the project with task counts and hours, in one query. */
    public List<SpecRow> list(Project project) {
        return list(project, SpecFilter.ALL);
    }

    /** Every spec of the project that the filter lets through, with task counts, hours and current phase, in one query. */
    public List<SpecRow> list(Project project, SpecFilter filter) {
        return rows(project, filter, Integer.MAX_VALUE, 0);
    }

    /**
     * A page of the spec list (asked for: kept between the first and the last) that the filter lets through, with the
     * hours per story, in three queries.
     */
    public SpecListView page(Project project, Integer page, SpecFilter filter) {
        Query count = em.createNativeQuery("SELECT count(*) FROM technical_specs s WHERE s.project_id = :project" + filterClause(filter))
                .setParameter("project", project.id);
        bindFilter(count, filter);
        PageNumbers at = PageNumbers.of(page, ((Number) count.getSingleResult()).longValue(), PAGE_SIZE);
        return new SpecListView(rows(project, filter, PAGE_SIZE, at.offset()), at, filter, hoursByStory(project), FormErrors.none());
    }

    /**
     * The two columns a spec's current phase is read from, for specs {@code s}: a hierarchical spec's phase files and its
     * tasks as {@code scope:status} (both null for a monolithic spec); {@link #phase} reads them.
     */
    private static final String PHASE_COLUMNS = """
            CASE WHEN s.spec_type = 'hierarchical' THEN s.phase_files::text END,
            CASE WHEN s.spec_type = 'hierarchical'
                 THEN (SELECT string_agg(p.scope || ':' || p.status, ',') FROM implementation_tasks p WHERE p.spec_id = s.id) END
            """;

    /** The current phase from the {@link #PHASE_COLUMNS} read at {@code at} and after it; null for a monolithic spec. */
    private static CurrentPhase phase(Object[] row, int at) {
        return row[at] == null ? null : CurrentPhase.ofListed(SpecContent.parseList((String) row[at]), (String) row[at + 1]);
    }

    /**
     * The specs linked to a story, for its page; one query. Without their current phases: the story page is kept until a
     * spec's own row changes (V0990), and moving it for every task move would let each claim drop every kept story page.
     */
    @Override
    public List<StorySpecs.Linked> forStory(UUID projectId, int storyNumber) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT spec_number, title, status FROM technical_specs WHERE project_id = ?1 AND story_number = ?2
                ORDER BY spec_number""").setParameter(1, projectId).setParameter(2, storyNumber).getResultList();
        return rows.stream().map(r -> new SpecRef(((Number) r[0]).intValue(), (String) r[1], (String) r[2]))
                .map(r -> new StorySpecs.Linked(r.key(), r.title(), r.status(), r.statusLabel())).toList();
    }

    /** The filter's conditions on specs {@code s}, as parameters {@code :story} and {@code :status}; nothing for every spec. */
    private static String filterClause(SpecFilter filter) {
        return (filter.story() == null ? "" : " AND s.story_number = :story") + (filter.status() == null ? "" : " AND s.status = :status");
    }

    private static void bindFilter(Query query, SpecFilter filter) {
        if (filter.story() != null) {
            query.setParameter("story", filter.story());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
    }

    @SuppressWarnings("unchecked")
    private List<SpecRow> rows(Project project, SpecFilter filter, int limit, int offset) {
        var query = em.createNativeQuery("""
                SELECT s.spec_number, s.title, s.status, s.spec_type, s.roadmap_item_id, s.story_number, s.estimated_hours,
                       sum(t.actual_hours), count(t.id),
                       count(t.id) FILTER (WHERE t.status IN ('completed', 'merged')), a.username, s.updated_at, s.dirty,
                       """ + PHASE_COLUMNS + """
                FROM technical_specs s
                JOIN accounts a ON a.id = s.author_id
                LEFT JOIN implementation_tasks t ON t.spec_id = s.id
                WHERE s.project_id = :project""" + filterClause(filter) + """

                GROUP BY s.id, a.username
                ORDER BY s.spec_number
                LIMIT :limit OFFSET :offset""").setParameter("project", project.id).setParameter("limit", limit).setParameter("offset", offset);
        bindFilter(query, filter);
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new SpecRow(((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], r[5] == null ? null : ((Number) r[5]).intValue(), (BigDecimal) r[6], (BigDecimal) r[7],
                ((Number) r[8]).longValue(), ((Number) r[9]).longValue(), (String) r[10], SqlValues.instant(r[11]), (Boolean) r[12],
                phase(r, 13))).toList();
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

}
