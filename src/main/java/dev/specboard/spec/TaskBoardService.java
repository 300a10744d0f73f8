package dev.specboard.spec;

import dev.specboard.kernel.QuerySpaces;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.kernel.Role;
import dev.specboard.web.FilterChoices;
import dev.specboard.web.QueryValues;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The task board: columns of cards per status with filters and WIP limits, read in a fixed number of queries. */
@ApplicationScoped
public class TaskBoardService {

    /** The column a task shows in: a claim whose lease lapsed counts as given back at once, before the sweep moves it. */
    private static final String SHOWN_STATUS = "CASE WHEN " + ImplementationTask.lapsedSql("t", "now()") + " THEN 'pending' ELSE t.status END";

    @Inject
    EntityManager em;

    @Inject
    TaskService tasks;

    @Inject
    TaskQueries taskQueries;

    @Inject
    TaskClaims claims;

    @Inject
    TaskNotes notes;

    @Inject
    WipLimits wipLimits;

    @Inject
    SpecQueries specQueries;

    /** Board filters, as they appear in the URL. */
    public record BoardFilter(String spec, Integer story, String claimant, String q) {

        /** A story as a filter names it, its number written as in a spec key (US-0 is no story). */
        private static final Pattern STORY = Pattern.compile("^(?i:US-)?" + TechnicalSpec.KEY_NUMBER + "$");

        public static BoardFilter none() {
            return new BoardFilter(null, null, null, null);
        }

        /** The filters as a form's hidden fields give them back; a story that is no story number was tampered with (400 naming it). */
        public static BoardFilter of(String spec, String story, String claimant, String q) {
            return new BoardFilter(TechnicalSpec.filterKey(spec), storyNumber(story), blank(claimant), blank(q));
        }

        /**
         * The filters as the board's URL gives them: a spec that is no spec key or a story that is no story number is
         * recorded in {@code choices} (the page says so at its field, the value kept) and read as no filter, where it was
         * a bare 400 page without the board.
         */
        public static BoardFilter read(String spec, String story, String claimant, String q, FilterChoices choices) {
            String key = blank(spec);
            if (key != null && TechnicalSpec.parseKey(key).isEmpty()) {
                choices.refuse("spec", "spec", key, "a spec from the list (a key such as SPEC-3)");
                key = null;
            }
            return new BoardFilter(key, storyNumber(story, choices), blank(claimant), blank(q));
        }

        /** A story number as a list's filter gives it ("12" or "US-12"), null for none; anything else is recorded in {@code choices}. */
        public static Integer storyNumber(String story, FilterChoices choices) {
            try {
                return storyNumber(story);
            } catch (QueryValues.Malformed e) {
                choices.refuse("story", "story", story, "a story by its number, such as 12 or US-12");
                return null;
            }
        }

        /**
         * A story as a filter gives it ("12" or "US-12"): null for none. Anything else is refused rather than shown as an
         * empty list, which would read as "no specs for this story".
         */
        public static Integer storyNumber(String story) {
            if (story == null || story.isBlank()) {
                return null;
            }
            Matcher m = STORY.matcher(story.trim());
            if (!m.matches()) {
                throw new QueryValues.Malformed("story", "must be a story number, such as 12 or US-12");
            }
            return Integer.valueOf(m.group(1));
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }

        public boolean any() {
            return notBlank(spec) || story != null || notBlank(claimant) || notBlank(q);
        }

        /** The filters as a query string, to keep them across moves and polls. */
        public String query() {
            StringBuilder b = new StringBuilder();
            append(b, "spec", spec);
            append(b, "story", story == null ? null : story.toString());
            append(b, "claimant", claimant);
            append(b, "q", q);
            return b.toString();
        }

        private static void append(StringBuilder b, String name, String value) {
            if (notBlank(value)) {
                b.append(b.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value.trim(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * A board column with its WIP limit and its first {@link #CARDS_SHOWN} cards and how many it holds: a column of 2,000 cards made a 3 MB
     * page that the board's refresh rendered again every few seconds, and sixteen at once ran the heap out of memory.
     */
    public record ColumnView(TaskStatus status, List<TaskRow> cards, int total, Integer wipLimit) {

        public static final int CARDS_SHOWN = 100;

        public boolean overLimit() {
            return wipLimit != null && total > wipLimit;
        }

        /** How many cards the column holds beyond those shown. */
        public int hidden() {
            return total - cards.size();
        }

        public String id() {
            return "col-" + status.value();
        }
    }

    /** A move waiting for confirmation because it exceeds a WIP limit. */
    public record MoveView(String task, String to, String label) {
    }

    /** What a move from the board came to: the message to show, a move waiting for confirmation, and the status to answer with. */
    public record MoveResultView(String message, MoveView confirm, int status) {

        public boolean moved() {
            return status == 200;
        }
    }

    /** The board: columns in order, plus what the filter form offers. */
    public record BoardView(List<ColumnView> columns, List<SpecRef> specs, List<String> claimants, BoardFilter filter, int total) {

        /** The claimant filter as the select spells it: the filter matches names whatever their case. */
        public String selectedClaimant() {
            String wanted = filter.claimant();
            return wanted == null ? "" : claimants.stream().filter(wanted::equalsIgnoreCase).findFirst().orElse(wanted);
        }
    }

    /**
     * The project's board version: it moves with every committed change the board shows (migration V0330's triggers,
     * whichever path or app instance makes it).
     */
    public long version(UUID projectId) {
        return ((Number) em.createNativeQuery("SELECT coalesce(sum(version), 0) FROM spec_board_versions WHERE project_id = ?1")
                .setParameter(1, projectId).getSingleResult()).longValue();
    }

    /** The board, in a fixed number of queries whatever the number of tasks. */
    public BoardView board(Project project, BoardFilter filter) {
        StringBuilder where = new StringBuilder("t.project_id = ?1");
        List<Object> params = new ArrayList<>(List.of(project.id));
        if (notBlank(filter.spec())) {
            params.add(TechnicalSpec.parseKey(filter.spec()).orElse(-1));
            where.append(" AND s.spec_number = ?").append(params.size());
        }
        if (filter.story() != null) {
            params.add(filter.story());
            where.append(" AND s.story_number = ?").append(params.size());
        }
        if (notBlank(filter.claimant())) {
            params.add(filter.claimant().trim().toLowerCase());
            where.append(" AND t.claimed_by IN (SELECT a.id FROM accounts a WHERE lower(a.username) = ?").append(params.size()).append(")");
            // A lapsed claim shows unclaimed in pending: it is nobody's card any more, whatever claimed_by still says.
            where.append(" AND ").append(ImplementationTask.notLapsedSql("t", "now()"));
        }
        if (notBlank(filter.q())) {
            params.add("%" + filter.q().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            String p = "?" + params.size();
            where.append(" AND (lower(t.task_id) LIKE ").append(p).append(" OR lower(t.scope) LIKE ").append(p)
                    .append(" OR lower(coalesce(t.scope_description, '')) LIKE ").append(p).append(" OR lower(s.title) LIKE ").append(p)
                    .append(" OR lower(t.branch_name) LIKE ").append(p).append(")");
        }
        // The database counts each column and numbers its cards, and sends only the shown ones: reading every
        // matching task (2,000 of them) to show 100 a column was most of the board's time.
        var query = em.createNativeQuery("SELECT x.id, x.status, x.total FROM ("
                + " SELECT t.id, " + SHOWN_STATUS + " AS status, count(*) OVER w AS total,"
                + " row_number() OVER (w ORDER BY t.created_at, s.spec_number, t.task_number) AS n"
                + " FROM implementation_tasks t JOIN technical_specs s ON s.id = t.spec_id"
                + " WHERE " + where + " WINDOW w AS (PARTITION BY " + SHOWN_STATUS + ")) x"
                + " WHERE x.n <= ?" + (params.size() + 1) + " ORDER BY x.n");
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        query.setParameter(params.size() + 1, ColumnView.CARDS_SHOWN);
        Map<TaskStatus, List<UUID>> idsByStatus = new EnumMap<>(TaskStatus.class);
        Map<TaskStatus, Integer> totals = new EnumMap<>(TaskStatus.class);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        for (Object[] row : rows) {
            TaskStatus status = TaskStatus.parse((String) row[1]).orElseThrow();
            totals.put(status, ((Number) row[2]).intValue());
            idsByStatus.computeIfAbsent(status, k -> new ArrayList<>()).add((UUID) row[0]);
        }
        int total = totals.values().stream().mapToInt(Integer::intValue).sum();
        List<UUID> shown = idsByStatus.values().stream().flatMap(List::stream).toList();
        List<ImplementationTask> loaded = shown.isEmpty() ? List.of() : em.createQuery(
                        "from ImplementationTask t where t.id in :ids order by t.createdAt, t.taskNumber", ImplementationTask.class)
                .setParameter("ids", shown).getResultList();
        List<TaskRow> cards = TaskQueries.rows(em, TaskQueries.withSpecs(em, loaded), taskQueries.blockedSpecs(project));
        Map<UUID, TaskRow> byId = new HashMap<>();
        for (int i = 0; i < loaded.size(); i++) {
            byId.put(loaded.get(i).id, cards.get(i));
        }
        Map<TaskStatus, Integer> limits = wipLimits(project);
        List<ColumnView> columns = TaskStatus.columns().stream().map(st -> new ColumnView(st,
                idsByStatus.getOrDefault(st, List.of()).stream().map(byId::get).toList(), totals.getOrDefault(st, 0), limits.get(st))).toList();
        @SuppressWarnings("unchecked")
        List<String> claimants = new ArrayList<>(em.createNativeQuery("SELECT DISTINCT a.username FROM implementation_tasks t"
                + " JOIN accounts a ON a.id = t.claimed_by WHERE t.project_id = ?1 AND " + ImplementationTask.notLapsedSql("t", "now()")
                + " ORDER BY a.username").setParameter(1, project.id).getResultList());
        String wanted = filter.claimant();
        if (wanted != null && claimants.stream().noneMatch(wanted::equalsIgnoreCase)) {
            // A name holding no task stays chosen in the select: an empty board then says whose tasks it looked for,
            // where "Anyone" beside no cards read as if the board were empty.
            claimants.add(wanted);
        }
        return new BoardView(columns, specQueries.refs(project), claimants, filter, total);
    }

    /**
     * Moves a card as the board asks. Not one transaction: the move is one, and its refusal is an answer
     * here. A move past a WIP limit waits for confirmation (409); a refused move says why, with its status.
     */
    public MoveResultView move(Access access, MoveForm form) {
        TaskStatus target = TaskStatus.parse(form.to()).orElse(null);
        String key = ImplementationTask.normalizeKey(form.task()).orElse(form.task());
        if (target == null) {
            return new MoveResultView("Choose a column to move " + key + " to.", null, 422);
        }
        try {
            tasks.move(access, key, target, form.commitSha(), null, null,
                    new TaskService.Actor(access.accountId(), TaskEvent.VIA_WEB, form.confirmed()));
            return new MoveResultView(key + " moved to " + target.label().toLowerCase() + ".", null, 200);
        } catch (WipLimitExceeded e) {
            return new MoveResultView(e.reason() + " Move " + key + " there anyway?", new MoveView(key, target.value(), target.label()), 409);
        } catch (ValidationException e) {
            return new MoveResultView("Not moved: " + String.join(" ", e.errors().asMap().values())
                    + (target == TaskStatus.COMPLETED ? " Complete it from its task page." : ""), null, 422);
        } catch (ApiException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return new MoveResultView("Not moved: " + e.getMessage(), null, e.status());
        }
    }

    /**
     * Does what a task page's button asks (claim, start, complete, fail, release, retry, reopen, a
     * note, a priority) and returns the task; a refusal is thrown as it comes.
     */
    public ImplementationTask act(Access access, String key, String action, TaskActionForm form) {
        TaskService.Actor actor = new TaskService.Actor(access.accountId(), TaskEvent.VIA_WEB, form.pastWipLimit());
        return switch (action) {
            case "claim" -> claims.claim(access, key, actor);
            case "start" -> tasks.start(access, key, actor);
            case "complete" -> {
                java.math.BigDecimal hours;
                try {
                    hours = form.hours();
                } catch (ValidationException e) {
                    throw TaskService.withShaProblem(form.commitSha(), e);
                }
                yield tasks.complete(access, key, form.commitSha(), hours, actor).task();
            }
            case "fail" -> tasks.fail(access, key, form.reason(), actor);
            case "release" -> tasks.release(access, key, actor);
            case "retry" -> tasks.retry(access, key, actor);
            case "reopen" -> tasks.reopen(access, key, actor);
            case "notes" -> {
                notes.addNote(access, key, form.body(), actor);
                yield ImplementationTask.byKey(access.project(), key);
            }
            case "priority" -> tasks.prioritize(access, key, form.priority());
            default -> tasks.move(access, key, TaskStatus.IN_PROGRESS, null, null, null, actor);
        };
    }

    // --- WIP limits

    /** The limits a lead's form gives, column by column: empty for none, -1 for what is no number (refused by {@link #setWipLimits}). */
    public static Map<TaskStatus, Integer> parseWipLimits(Map<String, List<String>> form) {
        Map<TaskStatus, Integer> limits = new EnumMap<>(TaskStatus.class);
        for (TaskStatus s : TaskStatus.values()) {
            List<String> values = form.get(WipLimitsForm.field(s));
            String v = values == null || values.isEmpty() ? null : values.get(0);
            if (v == null) {
                continue;
            }
            if (v.isBlank()) {
                limits.put(s, null);
            } else {
                try {
                    limits.put(s, Integer.valueOf(v.trim()));
                } catch (NumberFormatException e) {
                    limits.put(s, -1);
                }
            }
        }
        return limits;
    }

    public Map<TaskStatus, Integer> wipLimits(Project project) {
        return wipLimits.of(project);
    }

    /** A lead sets (or clears, with null) the WIP limit of each column. */
    @Transactional
    public void setWipLimits(Access access, Map<TaskStatus, Integer> limits) {
        access.requireWrite(Role.LEAD);
        for (Map.Entry<TaskStatus, Integer> e : limits.entrySet()) {
            if (e.getValue() != null && !e.getKey().takesWipLimit()) {
                throw ValidationException.of(WipLimitsForm.field(e.getKey()), e.getKey().noWipLimitReason());
            }
            if (e.getValue() != null && (e.getValue() < 1 || e.getValue() > 10_000)) {
                throw ValidationException.of(WipLimitsForm.field(e.getKey()), "A limit is a number from 1 to 10000, or empty for none");
            }
        }
        for (Map.Entry<TaskStatus, Integer> e : limits.entrySet()) {
            if (e.getValue() == null) {
                QuerySpaces.touching(em.createNativeQuery("DELETE FROM board_wip_limits WHERE project_id = ?1 AND status = ?2"), "board_wip_limits")
                        .setParameter(1, access.project().id).setParameter(2, e.getKey().value()).executeUpdate();
            } else {
                QuerySpaces.touching(em.createNativeQuery("""
                        INSERT INTO board_wip_limits (project_id, status, wip_limit) VALUES (?1, ?2, ?3)
                        ON CONFLICT (project_id, status) DO UPDATE SET wip_limit = excluded.wip_limit, updated_at = now()"""), "board_wip_limits")
                        .setParameter(1, access.project().id).setParameter(2, e.getKey().value()).setParameter(3, e.getValue())
                        .executeUpdate();
            }
        }
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
