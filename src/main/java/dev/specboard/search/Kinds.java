package dev.specboard.search;

import dev.specboard.web.PathExtensions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The searchable kinds of the features that exist today: stories, specs, their tasks, plans with
 * their artifacts, files of the latest manifests and review threads. Bounded contexts and components
 * (architecture), pages and features (design side) add their own {@link SearchableKind} beans.
 */
final class Kinds {

    private Kinds() {
    }

    /** How many matches of one kind are ranked at most: ranking reads each match's vector. */
    static final int RANKED = 2000;

    /**
     * The first {@link #RANKED} + 1 rows {@code matches} finds, numbered ({@code n}) and each flagged {@code partial} when
     * there were more than {@link #RANKED}: the kind ranks those with {@code n <= RANKED} and says that it left some out.
     * Before, the matches past the cut were dropped without a word, and a page of the best results was not.
     */
    private static String firstFound(String matches) {
        return "(SELECT f.*, row_number() OVER () AS n, count(*) OVER () > " + RANKED + " AS partial FROM (" + matches
                + " LIMIT " + (RANKED + 1) + ") f)";
    }

    /** JSON punctuation out of the text a snippet is cut from (a task's assigned files are a JSON list). */
    private static final String JSON_TEXT = "regexp_replace(%s, '[\"{}\\[\\],:]+|\\\\n', ' ', 'g')";

    @ApplicationScoped
    static class Stories implements SearchableKind {
        public String kind() {
            return "story";
        }

        public String label() {
            return "Stories";
        }

        public int order() {
            return 10;
        }

        public String sql() {
            // As for files: the best stories first, then their text; a word in every story ranks the first RANKED found
            // and says that it left the others out (firstFound). Ties go by number, and the story the query names exactly
            // first, as the search orders them: a story cut here is never one a page shows. A story is found by its key
            // too (US-3). The description is read as markdown on its own: the acceptance criteria joined to it would
            // continue its last line, and a reference definition there ([g]: https://...) would not end its line.
            return """
                    SELECT 'US-' || s.number, s.title, '/projects/' || params.slug || '/stories/' || s.number,
                           b.rank, %s, b.partial
                    FROM (SELECT m.id, ts_rank(m.search, params.q) AS rank, m.partial
                          FROM %s m, params WHERE m.n <= %d
                          ORDER BY ts_rank(m.search, params.q) + %s DESC, m.number LIMIT ?4 + ?5) b
                    JOIN stories s ON s.id = b.id, params""".formatted(
                    SearchableKind.markdownAsText("s.title || ' — ' || markdown_text(s.description) || ' ' || coalesce(s.acceptance_criteria, '')"),
                    firstFound("""
                            SELECT c.id, c.number, c.title, c.search FROM stories c, params
                            WHERE c.project_id = params.project AND (c.search @@ params.q OR c.number = %s)"""
                            .formatted(SearchableKind.keyNumber("US-"))),
                    RANKED, SearchableKind.exactBonus("m.title", "'US-' || m.number"));
        }

        @Override
        public boolean ranksSome() {
            return true;
        }
    }

    /**
     * The text a spec's snippet is cut from: a hierarchical spec's parts labelled and in order ("Phase db — Models — …
     * — files: src/Main.java"), as the spec page reads; its bare words (spec_search_text) ran together as "ov db d phase1
     * content src/Main.java". Nested CASEs, since AND does not promise to test the JSON before casting it; JSON that does
     * not parse keeps the bare words.
     */
    private static final String SPEC_SNIPPET_TEXT = """
            left(CASE WHEN t.spec_type = 'hierarchical' AND pg_input_is_valid(t.content, 'jsonb')
                 THEN CASE WHEN jsonb_typeof(t.content::jsonb) = 'object'
                      THEN (SELECT concat_ws('. ', nullif(btrim(j.doc ->> 'overview'), ''), nullif(btrim(j.doc ->> 'architecture'), ''),
                                nullif(btrim(j.doc ->> 'technology_stack'), ''),
                                (SELECT string_agg(concat_ws(' — ', 'Phase ' || (p ->> 'name'), nullif(btrim(p ->> 'description'), ''),
                                            nullif(btrim(p ->> 'content'), ''),
                                            'files: ' || (SELECT string_agg(f, ', ') FROM jsonb_array_elements_text(CASE
                                                WHEN jsonb_typeof(p -> 'assigned_files') = 'array' THEN p -> 'assigned_files' ELSE '[]'::jsonb END) f)), '. ')
                                 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(j.doc -> 'phases') = 'array'
                                     THEN j.doc -> 'phases' ELSE '[]'::jsonb END) p))
                            FROM (SELECT t.content::jsonb AS doc) j)
                      ELSE spec_search_text(t.spec_type, left(t.content, 60000)) END
                 ELSE spec_search_text(t.spec_type, left(t.content, 60000)) END, 60000)""";

    @ApplicationScoped
    static class Specs implements SearchableKind {
        public String kind() {
            return "spec";
        }

        public String label() {
            return "Specs";
        }

        public int order() {
            return 20;
        }

        public String sql() {
            // The best specs first, then their text: the snippet's text (the spec's JSON read part by part) was built for
            // every matching spec, and all but a page of them were dropped. The order is the search's (the spec the query
            // names exactly first, ties by number), so a spec cut here is never one a page shows.
            return """
                    SELECT 'SPEC-' || t.spec_number, t.title, '/projects/' || params.slug || '/specs/SPEC-' || t.spec_number,
                           b.rank, t.title || ' — ' || %s
                    FROM (SELECT sm.id, ts_rank(sm.search, params.q) AS rank FROM technical_specs sm, params
                          WHERE sm.project_id = params.project AND (sm.search @@ params.q OR sm.spec_number = %s)
                          ORDER BY ts_rank(sm.search, params.q) + %s DESC, sm.spec_number LIMIT ?4 + ?5) b
                    JOIN technical_specs t ON t.id = b.id, params"""
                    .formatted(SearchableKind.markdownAsText(SPEC_SNIPPET_TEXT), SearchableKind.keyNumber("SPEC-"),
                            SearchableKind.exactBonus("sm.title", "'SPEC-' || sm.spec_number"));
        }
    }

    /**
     * A spec's tasks, a kind of their own so that a search can ask for tasks alone (they were in the spec kind). Matching and
     * ranking read the task's stored vector (V1003, kept by a trigger since V1005): its expression was computed twice for every
     * matching task, to match and to rank.
     */
    @ApplicationScoped
    static class Tasks implements SearchableKind {
        public String kind() {
            return "task";
        }

        public String label() {
            return "Tasks";
        }

        public int order() {
            return 25;
        }

        public String sql() {
            // As for specs: the best tasks first, in the search's order (ties by key, numbers as numbers), then their text.
            return """
                    SELECT i.task_id, i.task_id || ': ' || i.scope, '/projects/' || params.slug || '/tasks/' || i.task_id,
                           b.rank, i.scope || ' — ' || markdown_text(coalesce(i.scope_description, '')) || ' — files: ' || %s
                    FROM (SELECT tm.id, ts_rank(tm.search, params.q) AS rank FROM implementation_tasks tm, params
                          WHERE tm.project_id = params.project AND (tm.search @@ params.q OR tm.task_id = upper(params.typed))
                          ORDER BY ts_rank(tm.search, params.q) + %s DESC, %s, tm.task_id LIMIT ?4 + ?5) b
                    JOIN implementation_tasks i ON i.id = b.id, params"""
                    .formatted(JSON_TEXT.formatted("i.assigned_files::text"),
                            SearchableKind.exactBonus("tm.task_id || ': ' || tm.scope", "tm.task_id"), SearchableKind.sortKey("tm.task_id"));
        }
    }

    /**
     * Only a plan's newest version is found, with its artifacts: the older ones are read-only history, and a search (the
     * chat's sources among them) linked "Plan A v1" while v3 was the plan. "No newer version" rather than "the version is
     * the max": the planner may join it (an anti join, each probe one look into plans_repository_name_version_key, or
     * one pass over the project's plans), where a max() subquery ran once for every matching row.
     */
    private static final String NEWEST_PLAN =
            "NOT EXISTS (SELECT 1 FROM plans o WHERE o.repository_id = p.repository_id AND o.name = p.name AND o.version > p.version)";

    /** The newest artifact of its type in the plan version, as {@link #NEWEST_PLAN} (idx_plan_artifacts_plan_type). */
    private static final String NEWEST_ARTIFACT = "NOT EXISTS (SELECT 1 FROM plan_artifacts b WHERE b.plan_id = a.plan_id"
            + " AND b.artifact_type = a.artifact_type AND b.created_at > a.created_at)";

    @ApplicationScoped
    static class Plans implements SearchableKind {
        public String kind() {
            return "plan";
        }

        public String label() {
            return "Plans";
        }

        public int order() {
            return 30;
        }

        public String sql() {
            return """
                    SELECT p.name || ' v' || p.version, p.name || ' v' || p.version, '/projects/' || params.slug || '/plans/' || p.id,
                           ts_rank(p.search, params.q), %1$s
                    FROM plans p, params WHERE p.project_id = params.project AND p.search @@ params.q AND %2$s
                    UNION ALL
                    SELECT p.name || ' v' || p.version || ' ' || a.artifact_type,
                           p.name || ' v' || p.version || ' · ' || initcap(replace(a.artifact_type, '_', ' ')),
                           '/projects/' || params.slug || '/plans/' || p.id || '#artifact-' || a.artifact_type,
                           ts_rank(a.search, params.q),
                           (SELECT string_agg(markdown_text(v #>> '{}'), ' · ') FROM jsonb_path_query(a.content, 'strict $.**') v WHERE jsonb_typeof(v) = 'string')
                    FROM plan_artifacts a JOIN plans p ON p.id = a.plan_id, params
                    WHERE p.project_id = params.project AND a.search @@ params.q AND %2$s AND %3$s"""
                    .formatted(SearchableKind.markdownAsText("p.name || ' — ' || coalesce(p.description, '')"), NEWEST_PLAN, NEWEST_ARTIFACT);
        }
    }

    @ApplicationScoped
    static class Files implements SearchableKind {
        public String kind() {
            return "file";
        }

        public String label() {
            return "Files";
        }

        public int order() {
            return 60;
        }

        public String sql() {
            // The best files first, then their text: a common word matches thousands of files, and cutting the
            // text of each before ranking read every matching file's content. Ranking itself reads each match's
            // vector, so a word found in nearly all of 20,000 files ranks the first RANKED of them (38 ms → a few) and
            // says that it left the others out (firstFound). Ties go by key (repository:path, numbers as numbers), and a
            // file named exactly first, as the search orders them, so a file cut here is never one a page shows. A name or
            // path typed as one word (q.sql, src/UserService.java) also matches as the path is indexed (params.path_q). A
            // markdown file's vector reads its text as people read it, without link targets (V1013), and so does its snippet.
            return """
                    SELECT r.name || ':' || f.path, r.name || ' / ' || f.path,
                           '/projects/' || params.slug || '/repos/' || r.name || '/blob/' || f.path,
                           f.rank, f.path || ' — ' || CASE WHEN markdown_path(f.path) THEN %s
                                                             ELSE left(coalesce(t.content, ''), 20000) END, f.partial
                    FROM (SELECT m.repository_id, m.path, greatest(ts_rank(m.search, params.q), coalesce(ts_rank(m.search, params.path_q), 0)) AS rank,
                                 m.partial
                          FROM %s m
                          JOIN repositories n ON n.id = m.repository_id, params
                          WHERE m.n <= %d
                          ORDER BY greatest(ts_rank(m.search, params.q), coalesce(ts_rank(m.search, params.path_q), 0)) + %s DESC,
                                   %s, n.name || ':' || m.path LIMIT ?4 + ?5) f
                    JOIN file_texts t ON t.repository_id = f.repository_id AND t.path = f.path
                    JOIN repositories r ON r.id = f.repository_id, params""".formatted(
                    SearchableKind.markdownAsText("left(coalesce(t.content, ''), 20000)"), firstFound("""
                            SELECT c.repository_id, c.path, c.search FROM file_texts c, params
                            WHERE c.project_id = params.project AND (c.search @@ params.q OR c.search @@ params.path_q)"""), RANKED,
                    SearchableKind.exactBonus("n.name || ' / ' || m.path", "n.name || ':' || m.path"), SearchableKind.sortKey("n.name || ':' || m.path"));
        }

        @Override
        public boolean ranksSome() {
            return true;
        }

        /** The file's path percent-encoded after {@code /blob/} (slugs and repository names need no encoding and hold no {@code /blob/}). */
        @Override
        public String url(String selected) {
            int blob = selected.indexOf("/blob/") + "/blob/".length();
            return selected.substring(0, blob) + PathExtensions.pathEncoded(selected.substring(blob));
        }

    }

    /**
     * A review thread by its best matching comment. Matching and ranking read the comment's stored vector (V1005): its
     * expression was computed for every matching comment to match it, then again to rank it.
     */
    @ApplicationScoped
    static class Threads implements SearchableKind {
        public String kind() {
            return "thread";
        }

        public String label() {
            return "Review threads";
        }

        public int order() {
            return 70;
        }

        public String sql() {
            return """
                    SELECT DISTINCT ON (t.id) r.name || ':' || t.file_path || '#L' || t.line_start,
                           t.file_path || ', lines ' || t.line_start || '–' || t.line_end || ' (' || t.state || ')',
                           '/projects/' || params.slug || '/repos/' || r.name || '/threads?path=' || t.file_path || '#thread-' || t.id,
                           ts_rank(c.search, params.q), %s
                    FROM comments c JOIN comment_threads t ON t.id = c.thread_id JOIN repositories r ON r.id = t.repository_id, params
                    WHERE t.project_id = params.project AND c.search @@ params.q
                    ORDER BY t.id, ts_rank(c.search, params.q) DESC""".formatted(SearchableKind.markdownAsText("c.body"));
        }

        /**
         * The thread's file path percent-encoded in the {@code path} parameter, as files' links encode theirs: a path with a
         * space, {@code #}, {@code ?}, {@code %} or letters beyond ASCII gave a broken link. The path runs from {@code ?path=}
         * to the last {@code #thread-} (a path may hold {@code #thread-} itself).
         */
        @Override
        public String url(String selected) {
            int path = selected.indexOf("?path=") + "?path=".length();
            int thread = selected.lastIndexOf("#thread-");
            return selected.substring(0, path) + PathExtensions.pathEncoded(selected.substring(path, thread)) + selected.substring(thread);
        }
    }
}
