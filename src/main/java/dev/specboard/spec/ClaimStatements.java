package dev.specboard.spec;

import dev.specboard.kernel.JdbcStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The SQL of a claim, apart from {@link TaskClaims} which runs it: the candidate a claim takes, the one statement that
 * claims it and what that statement answers. A lapsed lease counts as pending here by {@link ImplementationTask#lapsedSql}.
 */
final class ClaimStatements {

    private ClaimStatements() {
    }

    /** Skips tasks whose spec waits for an incomplete dependency. */
    static final String READY = " NOT EXISTS (SELECT 1 FROM spec_dependencies d JOIN technical_specs ds ON ds.id = d.depends_on_id"
            + " WHERE d.spec_id = t.spec_id AND ds.status <> 'complete') ";

    /** Held tasks (claimed or started, lease not lapsed) of project ?1 but {@code self} sharing a file with the JSON array {@code files}, through their GIN index. */
    static String heldSharing(String files, String self) {
        return "SELECT 1 FROM implementation_tasks h WHERE h.project_id = ?1 AND h.status IN ('claimed', 'in_progress') AND h.id <> " + self
                + " AND " + ImplementationTask.notLapsedSql("h", "now()")
                + " AND h.assigned_files @> ANY (ARRAY(SELECT jsonb_build_array(f) FROM jsonb_array_elements_text(" + files + ") f))";
    }

    /**
     * The best ready task of project ?1, row-locked, skipping the ids of ?2 (comma-separated): first one whose lease
     * lapsed before ?5 (through the lease index; the sweep leaves few), which counts as given back at once and was first
     * in line when it was claimed, then a pending one, in the order of {@code implementation_tasks_claim_order_idx}, so
     * PostgreSQL walks that index and stops at the first task that fits: not row-locked by a parallel claim, its spec
     * waiting for nothing, no file shared with held work. The append reads its parts in order and stops at the first
     * row (each part is a subquery: PostgreSQL refuses FOR UPDATE on a part of a UNION). In a project with a WIP limit on
     * the claimed column it finds nothing until the claim holds the project's turn (?3).
     */
    static final String NEXT_CANDIDATE = "SELECT * FROM " + nextCandidate(ImplementationTask.lapsedSql("t", "?5"),
            "t.lease_expires_at") + " lapsed UNION ALL SELECT * FROM " + nextCandidate("t.status = 'pending'",
            "t.claim_rank, t.spec_waiters DESC, t.created_at, t.spec_number, t.task_number") + " pending LIMIT 1";

    private static String nextCandidate(String kind, String order) {
        return """
                (SELECT t.id, t.assigned_files, t.status, t.claimed_by, t.lease_expires_at FROM implementation_tasks t
                WHERE t.project_id = ?1 AND %s AND t.id <> ALL (CAST(string_to_array(?2, ',') AS uuid[]))
                  AND t.spec_id NOT IN (SELECT d.spec_id FROM spec_dependencies d JOIN technical_specs ds ON ds.id = d.depends_on_id
                                        WHERE ds.project_id = ?1 AND ds.status <> 'complete')
                  AND (t.assigned_files = '[]' OR NOT EXISTS (%s))
                  AND (?3 OR NOT (SELECT yes FROM limited))
                ORDER BY %s LIMIT 1 FOR UPDATE OF t SKIP LOCKED)""".formatted(kind, heldSharing("t.assigned_files", "t.id"), order);
    }

    /** A claimable task: pending, or held by a claim whose lease lapsed before {@code now} (the sweep has not come yet). */
    static String claimable(String now) {
        return "(t.status = 'pending' OR " + ImplementationTask.lapsedSql("t", now) + ")";
    }

    /**
     * One statement claims a task: the candidate (row-locked), its move to claimed by ?4 at ?5 with its lease until
     * ?6, the move's log (door ?7), the spec's start (only the first claim of a spec takes the spec's row lock), and
     * everything the answer needs: the task as it is now, the spec's number, title, story, version, type and
     * monolithic text, the claimer's name and whether the task has notes. The candidate is moved only when
     * {@code free} holds; otherwise it stays row-locked, unmoved, for the caller to take its file locks first. The
     * first column says whether the project has a WIP limit on the claimed column.
     */
    static JdbcStatement claiming(String candidate, String free) {
        return JdbcStatement.numbered("""
                WITH limited AS (SELECT EXISTS (SELECT 1 FROM board_wip_limits WHERE project_id = ?1 AND status = 'claimed') AS yes),
                candidate AS MATERIALIZED (%s),
                moved AS (UPDATE implementation_tasks t SET status = 'claimed', claimed_by = ?4, claimed_at = ?5, started_at = NULL,
                                 commit_sha = NULL, worktree_path = NULL, lease_expires_at = ?6, updated_at = ?5, version = t.version + 1
                          FROM candidate c WHERE t.id = c.id AND %s AND %s
                          RETURNING t.*),
                logged AS (INSERT INTO task_events (task_id, from_status, to_status, actor_id, via, created_at)
                           SELECT m.id, 'pending', 'claimed', ?4, ?7, ?5 FROM moved m),
                started AS (UPDATE technical_specs s SET status = 'in_progress', started_at = coalesce(s.started_at, now())
                            FROM moved m WHERE s.id = m.spec_id AND s.status IN ('draft', 'approved'))
                SELECT (SELECT yes FROM limited), c.id, CAST(c.assigned_files AS text),
                       m.id, m.task_id, m.scope, m.scope_description, CAST(m.assigned_files AS text), m.branch_name,
                       m.claimed_at, m.started_at, m.completed_at, m.commit_sha, m.merged_at, m.failure_reason,
                       m.estimated_hours, m.actual_hours, m.created_at, m.updated_at, m.priority, m.lease_expires_at,
                       s.id, s.author_id, s.spec_number, s.title, s.story_number, s.version, s.spec_type = 'hierarchical',
                       CASE WHEN s.spec_type = 'hierarchical' THEN NULL ELSE s.content END,
                       (SELECT a.username FROM accounts a WHERE a.id = ?4),
                       EXISTS (SELECT 1 FROM task_notes n WHERE n.task_id = m.id), c.status, c.claimed_by, c.lease_expires_at,
                       (SELECT a.username FROM accounts a WHERE a.id = c.claimed_by), (SELECT p.slug FROM projects p WHERE p.id = ?1),
                       s.dirty
                FROM (SELECT 1) one LEFT JOIN candidate c ON true LEFT JOIN moved m ON m.id = c.id
                     LEFT JOIN technical_specs s ON s.id = m.spec_id""".formatted(candidate, claimable("?5"), free));
    }

    /** Picks the best ready task and claims it at once when it has no files and the project no WIP limit. */
    static final JdbcStatement CLAIM_NEXT = claiming(NEXT_CANDIDATE, "c.assigned_files = '[]' AND NOT ?3");

    /** Claims the task ?2 this transaction row-locked already (and whose files it holds). */
    static final JdbcStatement CLAIM_LOCKED = claiming("SELECT t.id, t.assigned_files, t.status, t.claimed_by, t.lease_expires_at"
            + " FROM implementation_tasks t WHERE t.id = CAST(?2 AS uuid)", "true");

    /** What one claiming statement answered: the candidate, and when it moved, the task and what the answer needs. */
    record Claimed(boolean limited, UUID candidateId, String candidateFiles, String taskKey, TaskRow row, UUID specId,
                           UUID specAuthor, int specVersion, boolean hierarchical, String monolithic, boolean hasNotes,
                           TaskStatus was, UUID formerClaimer, Instant lapsedAt, String formerName, String projectSlug,
                           boolean specDirty) {

        static Claimed read(ResultSet rs) throws SQLException {
            boolean limited = rs.getBoolean(1);
            UUID candidate = rs.getObject(2, UUID.class);
            String candidateFiles = rs.getString(3);
            if (rs.getObject(4) == null) {
                return new Claimed(limited, candidate, candidateFiles, null, null, null, null, 0, false, null, false,
                        null, null, null, null, null, false);
            }
            Integer story = rs.getObject(26, Integer.class);
            TaskRow row = new TaskRow(rs.getString(5), rs.getInt(24), rs.getString(25), story, rs.getString(6), rs.getString(7),
                    SpecContent.parseList(rs.getString(8)), rs.getString(9), TaskStatus.CLAIMED, rs.getString(30), instant(rs, 10),
                    instant(rs, 11), instant(rs, 12), rs.getString(13), instant(rs, 14), rs.getString(15), rs.getBigDecimal(16),
                    rs.getBigDecimal(17), instant(rs, 18), instant(rs, 19), false, TaskPriority.parse(rs.getString(20)).orElseThrow(),
                    instant(rs, 21), null);
            return new Claimed(limited, candidate, candidateFiles, row.key(), row, rs.getObject(22, UUID.class),
                    rs.getObject(23, UUID.class), rs.getInt(27), rs.getBoolean(28), rs.getString(29), rs.getBoolean(31),
                    TaskStatus.parse(rs.getString(32)).orElseThrow(), rs.getObject(33, UUID.class), instant(rs, 34), rs.getString(35),
                    rs.getString(36), rs.getBoolean(37));
        }

        private static Instant instant(ResultSet rs, int column) throws SQLException {
            OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
    }
}
