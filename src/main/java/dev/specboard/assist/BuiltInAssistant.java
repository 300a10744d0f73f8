package dev.specboard.assist;

import dev.specboard.project.Project;
import dev.specboard.search.SearchHit;
import dev.specboard.search.SearchService;
import dev.specboard.spec.SpecContent;
import dev.specboard.spec.SpecRevision;
import dev.specboard.spec.TechnicalSpec;
import dev.specboard.story.StoryRevision;
import dev.specboard.kernel.TextDiff;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assistant that needs no model: it recognises a few questions ("which tasks are blocked", "which
 * tasks touch the checkout code", "who owns X", "what changed in SPEC-3") and answers them from the
 * project's tasks, specs and stories; anything else it answers by quoting the best passages of the
 * project search, with links. It says so when it finds nothing, and never invents.
 */
@ApplicationScoped
@Typed(BuiltInAssistant.class)
public class BuiltInAssistant implements Assistant {

    private static final Pattern BLOCKED = Pattern.compile("\\b(blocked|blocking|stuck|waiting)\\b");
    private static final Pattern TOUCH = Pattern.compile(
            "\\b(?:which|what)\\s+tasks?\\s+(?:touch(?:es)?|change|changes|modify|modifies|affect|affects|use|uses|work on|are about|cover|covers)\\s+(.+)");
    private static final Pattern OWNS = Pattern.compile("\\bwho\\s+(?:owns|is working on|works on|has|claimed|wrote|is responsible for)\\s+(.+)");
    private static final Pattern CHANGED = Pattern.compile("\\b(?:what|which)\\s+changed?\\s+(?:in|on|to|about)\\s+(spec|us|story)[\\s-]*(\\d{1,9})\\b");
    private static final Pattern KEY = Pattern.compile("^(task-\\d+-\\d+|spec-\\d+|us-\\d+)$");
    private static final Set<String> FILLER = Set.of("the", "a", "an", "our", "my", "this", "that", "code", "codes", "files", "file",
            "module", "part", "parts", "of", "in", "for", "and", "area", "feature", "please", "now");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Inject
    SearchService search;

    @Inject
    EntityManager em;

    @Override
    public Answer answer(Question question, Consumer<String> tokens) {
        Answer a = QuarkusTransaction.requiringNew().call(() -> compose(question, false));
        tokens.accept(a.text());
        return a;
    }

    /**
     * What the project's data says about the question, for a configured model to answer from: the same findings, but
     * worded for the model when the search finds nothing (the reader's wording, "no model is configured, try other
     * words", was pasted into the model's own prompt).
     */
    Answer facts(Question question) {
        return QuarkusTransaction.requiringNew().call(() -> compose(question, true));
    }

    @Override
    public Optional<String> write(String instruction, String facts, Consumer<String> tokens) {
        return Optional.empty();
    }

    @Override
    public boolean usesModel() {
        return false;
    }

    private Answer compose(Question q, boolean forModel) {
        String text = q.text() == null ? "" : q.text().strip();
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("[?!.]+$", "").strip();
        Matcher m;
        if ((m = CHANGED.matcher(lower)).find()) {
            int n = Integer.parseInt(m.group(2));
            return m.group(1).equals("spec") ? specChanges(q, n) : storyChanges(q, n);
        }
        if ((m = TOUCH.matcher(lower)).find()) {
            return tasksTouching(q, subject(m.group(1)), forModel);
        }
        if ((m = OWNS.matcher(lower)).find()) {
            return owner(q, subject(m.group(1)), forModel);
        }
        if (BLOCKED.matcher(lower).find() && lower.contains("task")) {
            return blocked(q);
        }
        return passages(q, text, forModel);
    }

    /** "the checkout code" → "checkout". */
    static String subject(String phrase) {
        List<String> words = new ArrayList<>();
        for (String w : phrase.replaceAll("[?!.,;:\"“”'‘’]+", " ").strip().split("\\s+")) {
            if (!w.isEmpty() && !FILLER.contains(w)) {
                words.add(w);
            }
        }
        return String.join(" ", words);
    }

    // --- intents

    private Answer tasksTouching(Question q, String subject, boolean forModel) {
        if (subject.isBlank()) {
            return passages(q, q.text(), forModel);
        }
        String like = "%" + subject.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace(' ', '%') + "%";
        List<Object[]> rows = tasks(q, like, "t.scope ILIKE ?2 OR t.scope_description ILIKE ?2 "
                + "OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.assigned_files) f WHERE f ILIKE ?2)");
        if (!rows.isEmpty()) {
            return tasksList(q, new StringBuilder(rows.size() == 1 ? "One task touches " : rows.size() + " tasks touch ")
                    .append("“").append(subject).append("”:\n"), rows);
        }
        // A spec named after the subject ("Checkout") says its tasks are about it even when their files and scopes do
        // not name it: answering "no task" while SPEC-1 "Checkout" had three read as wrong. Files and scopes still come
        // first, so a spec's task on other code (its receipt mails) is not listed when some task names the subject.
        List<Object[]> bySpec = tasks(q, like, "s.title ILIKE ?2");
        if (!bySpec.isEmpty()) {
            return tasksList(q, new StringBuilder("No task of this project is assigned files, or has a scope, matching “").append(subject)
                    .append("”; ").append(bySpec.size() == 1 ? "this task belongs" : "these " + bySpec.size() + " tasks belong")
                    .append(" to a spec whose title matches it:\n"), bySpec);
        }
        Answer found = passages(q, subject, forModel);
        return new Answer("No task of this project is assigned files, has a scope, or belongs to a spec titled, matching “" + subject + "”.\n\n"
                + found.text(), found.sources());
    }

    /** The project's tasks meeting {@code condition} (on {@code t}, the task, and {@code s}, its spec; {@code ?2} the pattern). */
    @SuppressWarnings("unchecked")
    private List<Object[]> tasks(Question q, String like, String condition) {
        return em.createNativeQuery("""
                SELECT t.task_id, t.scope, t.status, a.username,
                       (SELECT string_agg(f, ', ') FROM jsonb_array_elements_text(t.assigned_files) f), s.spec_number, s.title
                FROM implementation_tasks t JOIN technical_specs s ON s.id = t.spec_id LEFT JOIN accounts a ON a.id = t.claimed_by
                WHERE t.project_id = ?1 AND (""" + condition + """
                )
                ORDER BY s.spec_number, t.task_number LIMIT 50""").setParameter(1, q.projectId()).setParameter(2, like).getResultList();
    }

    private Answer tasksList(Question q, StringBuilder b, List<Object[]> rows) {
        List<Source> sources = new ArrayList<>();
        for (Object[] r : rows) {
            String key = (String) r[0];
            String url = base(q) + "/tasks/" + key;
            String files = r[4] == null ? "" : (String) r[4];
            b.append("\n- [").append(key).append("](").append(url).append(") ").append(r[1]).append(" — ").append(status((String) r[2]))
                    .append(r[3] == null ? "" : ", claimed by @" + r[3])
                    .append(" (SPEC-").append(r[5]).append(" ").append(r[6]).append(")")
                    .append(files.isEmpty() ? "" : "; files: " + files);
            sources.add(new Source("task", key + ": " + r[1], url, files.isEmpty() ? String.valueOf(r[1]) : "Files: " + files));
        }
        return new Answer(b.toString(), sources);
    }

    private Answer blocked(Question q) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT t.task_id, t.scope, t.status, string_agg(DISTINCT 'SPEC-' || d.spec_number, ', '), NULL
                FROM implementation_tasks t JOIN spec_dependencies sd ON sd.spec_id = t.spec_id
                JOIN technical_specs d ON d.id = sd.depends_on_id
                WHERE t.project_id = ?1 AND t.status IN ('pending', 'claimed', 'in_progress') AND d.status <> 'complete'
                GROUP BY t.task_id, t.scope, t.status, t.spec_id, t.task_number
                UNION ALL
                SELECT t.task_id, t.scope, t.status, NULL, t.failure_reason FROM implementation_tasks t
                WHERE t.project_id = ?1 AND t.status = 'failed'
                ORDER BY 1 LIMIT 100""").setParameter(1, q.projectId()).getResultList();
        if (rows.isEmpty()) {
            return new Answer("No task is blocked: every task's spec has its dependencies complete, and no task has failed.", List.of());
        }
        StringBuilder b = new StringBuilder("These tasks are blocked:\n");
        List<Source> sources = new ArrayList<>();
        for (Object[] r : rows) {
            String key = (String) r[0];
            String url = base(q) + "/tasks/" + key;
            String why = r[3] != null ? "waits for " + r[3] + " to be complete" : "failed" + (r[4] == null ? "" : ": " + r[4]);
            b.append("\n- [").append(key).append("](").append(url).append(") ").append(r[1]).append(" — ").append(why);
            sources.add(new Source("task", key + ": " + r[1], url, why));
        }
        return new Answer(b.toString(), sources);
    }

    private Answer owner(Question q, String subject, boolean forModel) {
        String s = subject.replace(' ', '-');
        if (KEY.matcher(s).matches()) {
            String key = s.toUpperCase(Locale.ROOT);
            Object[] row = null;
            String url;
            if (key.startsWith("TASK-")) {
                row = first("SELECT t.scope, a.username, t.status FROM implementation_tasks t LEFT JOIN accounts a ON a.id = t.claimed_by "
                        + "WHERE t.project_id = ?1 AND t.task_id = ?2", q, key);
                url = base(q) + "/tasks/" + key;
                if (row != null) {
                    String who = row[1] == null ? "Nobody has claimed " + key + " (" + row[0] + ") yet; it is " + status((String) row[2]) + "."
                            : "@" + row[1] + " has " + key + " (" + row[0] + "); it is " + status((String) row[2]) + ".";
                    return new Answer(who + " [" + key + "](" + url + ")", List.of(new Source("task", key + ": " + row[0], url, who)));
                }
            } else if (key.startsWith("SPEC-")) {
                row = first("SELECT s.title, a.username FROM technical_specs s JOIN accounts a ON a.id = s.author_id "
                        + "WHERE s.project_id = ?1 AND 'SPEC-' || s.spec_number = ?2", q, key);
                url = base(q) + "/specs/" + key;
                if (row != null) {
                    String who = "@" + row[1] + " wrote " + key + " (" + row[0] + ").";
                    return new Answer(who + " [" + key + "](" + url + ")", List.of(new Source("spec", key + ": " + row[0], url, who)));
                }
            } else {
                row = first("SELECT s.title, a.username FROM stories s LEFT JOIN accounts a ON a.id = s.author_id "
                        + "WHERE s.project_id = ?1 AND 'US-' || s.number = ?2", q, key);
                url = base(q) + "/stories/" + key.substring(3);
                if (row != null) {
                    String who = (row[1] == null ? "An account that no longer exists" : "@" + row[1]) + " wrote " + key + " (" + row[0] + ").";
                    return new Answer(who + " [" + key + "](" + url + ")", List.of(new Source("story", key + ": " + row[0], url, who)));
                }
            }
            return new Answer("There is no " + key + " in this project.", List.of());
        }
        Answer touching = tasksTouching(q, subject, forModel);
        return new Answer("Specboard records who claimed a task, not who owns code; the tasks about “" + subject
                + "” and who claimed them:\n\n" + touching.text(), touching.sources());
    }

    private Answer specChanges(Question q, int number) {
        String key = "SPEC-" + number;
        Project project = Project.findById(q.projectId());
        Optional<TechnicalSpec> spec = TechnicalSpec.findByKey(project, key);
        if (spec.isEmpty()) {
            return new Answer("There is no " + key + " in this project.", List.of());
        }
        List<SpecRevision> revisions = SpecRevision.list("spec = ?1 order by version desc", spec.get());
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            SpecRevision r = revisions.get(i);
            SpecRevision before = i + 1 < revisions.size() ? revisions.get(i + 1) : null;
            changes.add(new Change(r.version, username(r.authorId), r.createdAt,
                    before == null ? null : readable(before), readable(r), before != null && !before.title.equals(r.title) ? r.title : null));
        }
        return changes(q, key, spec.get().title, base(q) + "/specs/" + key, "spec", changes);
    }

    private Answer storyChanges(Question q, int number) {
        String key = "US-" + number;
        Object[] story = first("SELECT s.id, s.title FROM stories s WHERE s.project_id = ?1 AND 'US-' || s.number = ?2", q, key);
        if (story == null) {
            return new Answer("There is no " + key + " in this project.", List.of());
        }
        List<StoryRevision> revisions = StoryRevision.list("storyId = ?1 order by version desc", story[0]);
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            StoryRevision r = revisions.get(i);
            StoryRevision before = i + 1 < revisions.size() ? revisions.get(i + 1) : null;
            changes.add(new Change(r.version, username(r.authorId), r.createdAt, before == null ? null : storyText(before), storyText(r),
                    before != null && !before.title.equals(r.title) ? r.title : null));
        }
        return changes(q, key, (String) story[1], base(q) + "/stories/" + number, "story", changes);
    }

    private record Change(int version, String author, Instant at, String before, String after, String newTitle) {
    }

    private Answer changes(Question q, String key, String title, String url, String kind, List<Change> changes) {
        if (changes.size() <= 1) {
            return new Answer(key + " (" + title + ") has not changed since it was written" + (changes.isEmpty() ? "" : " (version 1, "
                    + DAY.format(changes.get(0).at()) + ")") + ". [" + key + "](" + url + ")", List.of(new Source(kind, key + ": " + title, url, title)));
        }
        StringBuilder b = new StringBuilder(key).append(" (").append(title).append(") has ").append(changes.size()).append(" versions; the latest changes:\n");
        List<Source> sources = new ArrayList<>();
        for (Change c : changes.subList(0, Math.min(3, changes.size() - 1))) {
            String diffUrl = url + "/diff?from=" + (c.version() - 1) + "&to=" + c.version();
            b.append("\n- [Version ").append(c.version()).append("](").append(diffUrl).append(")")
                    .append(c.author() == null ? "" : " by @" + c.author()).append(", ").append(DAY.format(c.at())).append(": ")
                    .append(summary(c));
            sources.add(new Source(kind, key + " version " + (c.version() - 1) + " → " + c.version(), diffUrl, summary(c)));
        }
        return new Answer(b.toString(), sources);
    }

    /** What a version added and removed, in a few quoted words. */
    private static String summary(Change c) {
        List<String> parts = new ArrayList<>();
        if (c.newTitle() != null) {
            parts.add("renamed to “" + c.newTitle() + "”");
        }
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (TextDiff.Segment s : TextDiff.diff(c.before(), c.after())) {
            String t = s.text().strip().replaceAll("\\s+", " ");
            if (t.length() < 2) {
                continue;
            }
            (s.isInsert() ? added : s.isDelete() ? removed : new ArrayList<String>()).add(t.length() > 80 ? t.substring(0, 77) + "…" : t);
        }
        if (!added.isEmpty()) {
            parts.add("added “" + String.join("”, “", added.subList(0, Math.min(3, added.size()))) + "”");
        }
        if (!removed.isEmpty()) {
            parts.add("removed “" + String.join("”, “", removed.subList(0, Math.min(3, removed.size()))) + "”");
        }
        return parts.isEmpty() ? "no change in the text" : String.join("; ", parts);
    }

    private static String readable(SpecRevision r) {
        return TechnicalSpec.TYPE_HIERARCHICAL.equals(r.specType) ? SpecContent.parse(r.content).readable() : r.content;
    }

    private static String storyText(StoryRevision r) {
        return r.description + (r.acceptanceCriteria == null ? "" : "\n\n" + r.acceptanceCriteria);
    }

    // --- search

    private Answer passages(Question q, String text, boolean forModel) {
        List<SearchHit> hits = search.ranked(q.projectId(), q.projectSlug(), anyOf(text), null, 5).stream().limit(5).toList();
        if (hits.isEmpty() && forModel) {
            return new Answer("The search of this project's stories, specs, plans, files and review threads found nothing about “"
                    + text.strip() + "”.", List.of());
        }
        if (hits.isEmpty()) {
            return new Answer("I found nothing about “" + text.strip() + "” in this project's stories, specs, plans, files or review threads. "
                    + "I answer only from what the project contains (no model is configured), so try other words, or ask "
                    + "“which tasks are blocked”, “which tasks touch the checkout code”, “who owns TASK-1-2” or “what changed in SPEC-3”.",
                    List.of());
        }
        StringBuilder b = new StringBuilder("Here is what the project says about it:\n");
        List<Source> sources = new ArrayList<>();
        for (SearchHit h : hits) {
            b.append("\n- [").append(h.title()).append("](").append(h.url()).append("): “").append(h.snippetText().strip()).append("”");
            sources.add(new Source(h.kind(), h.title(), h.url(), h.snippetText().strip()));
        }
        return new Answer(b.toString(), sources);
    }

    /**
     * A question as a search for any of its meaningful words, so that a full sentence still finds passages. It stays
     * within the search's own limit ({@link SearchService#MAX_QUERY}): a long question searches for its first words
     * that fit, as a question of a few paragraphs was refused by the search and its answer failed, Retry after Retry.
     */
    static String anyOf(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_-]+")) {
            if (w.length() >= 3 && !QUESTION_WORDS.contains(w)) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            String plain = text.strip();
            return plain.length() <= SearchService.MAX_QUERY ? plain : plain.substring(0, SearchService.MAX_QUERY).strip();
        }
        StringBuilder query = new StringBuilder();
        for (String w : words) {
            int length = query.length() + (query.length() == 0 ? 0 : " or ".length()) + w.length();
            if (length > SearchService.MAX_QUERY) {
                continue;
            }
            query.append(query.length() == 0 ? "" : " or ").append(w);
        }
        return query.toString();
    }

    private static final Set<String> QUESTION_WORDS = Set.of("what", "which", "who", "whom", "whose", "where", "when", "why", "how",
            "does", "did", "are", "was", "were", "the", "and", "for", "with", "about", "this", "that", "there", "have", "has", "can",
            "could", "should", "would", "tell", "show", "find", "give", "list", "any", "all", "our", "you", "your", "from", "into");

    // --- helpers

    private Object[] first(String sql, Question q, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, q.projectId()).setParameter(2, key).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String username(java.util.UUID accountId) {
        if (accountId == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("SELECT username FROM accounts WHERE id = ?1").setParameter(1, accountId).getResultList();
        return names.isEmpty() ? null : names.get(0);
    }

    private static String base(Question q) {
        return "/projects/" + q.projectSlug();
    }

    private static String status(String value) {
        return value.replace('_', ' ');
    }
}
