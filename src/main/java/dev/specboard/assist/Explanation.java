package dev.specboard.assist;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.kernel.Ids;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.repo.FileBrowserService;
import dev.specboard.repo.ManifestEntry;
import dev.specboard.repo.Repo;
import dev.specboard.review.Comment;
import dev.specboard.review.CommentForm;
import dev.specboard.review.CommentThread;
import dev.specboard.review.NewThreadForm;
import dev.specboard.review.ReviewService;
import dev.specboard.review.ThreadView;
import dev.specboard.web.PathExtensions;
import dev.specboard.web.ValidationException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An EXPLANATION job: for a line range of a file, what the lines declare and use, where the used
 * names are defined in the repository, the commits that last changed the lines (blame), the threads
 * on them and the tasks whose commits introduced them; with a model, prose grounded in that. The
 * answer lands in a review thread as a comment of the assistant (author type AI).
 */
@ApplicationScoped
public class Explanation implements JobRunner {

    static final List<String> STEPS = List.of("Reading the lines", "Parsing what they declare and use",
            "Finding where the used names are defined", "Reading who last changed them", "Finding threads and tasks",
            "Writing the explanation");
    /** At most this many files are read to find definitions. */
    static final int MAX_INDEX_FILES = 3000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Inject
    ScopeFiles scopes;

    @Inject
    MirrorGit git;

    @Inject
    Drafts drafts;

    @Inject
    ReviewService review;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** The explanation as stored in {@code ai_jobs.result}. */
    @RegisterForReflection
    public record Result(String repo, String path, int lineStart, int lineEnd, int manifestVersion, String commitSha, String parser,
                         List<Named> declares, List<UsedName> uses, List<CommitLink> commits, List<ThreadLink> threads,
                         String markdown, String draft, UUID threadId, UUID commentId) {
    }

    /** A name the lines declare. */
    @RegisterForReflection
    public record Named(String name, String kind, int line) {
    }

    /** A name the lines use and where the repository defines it (possibly in several places, possibly nowhere). */
    @RegisterForReflection
    public record UsedName(String name, String kind, List<Definition> definitions) {
    }

    @RegisterForReflection
    public record Definition(String path, int line, String kind, String signature) {
    }

    /** A commit that last changed some of the lines, and the task whose commit it is. */
    @RegisterForReflection
    public record CommitLink(String sha, String author, Instant when, String summary, List<Integer> lines, String taskKey) {
        public String shortSha() {
            return sha.substring(0, Math.min(10, sha.length()));
        }

        public String day() {
            return when == null ? "" : DAY.format(when);
        }
    }

    @RegisterForReflection
    public record ThreadLink(UUID id, int lineStart, int lineEnd, String state) {
    }

    /** The lines to explain, checked: the file at the latest manifest, the range inside it, the thread to answer on. */
    record Target(ScopeFiles.Snapshot snapshot, String slug, ManifestEntry file, int start, int end, UUID threadId) {
    }

    @Override
    public List<String> steps() {
        return STEPS;
    }

    /** Checks an EXPLANATION request's parameters; used when the job is queued and again when it runs. */
    Target target(UUID projectId, String repoName, String rawPath, Integer lineStart, Integer lineEnd, String threadId) {
        UUID thread = null;
        Repo repo;
        String path = rawPath;
        Integer start = lineStart;
        Integer end = lineEnd;
        if (threadId != null && !threadId.isBlank()) {
            thread = Ids.parseOrNull(threadId);
            if (thread == null) {
                throw ValidationException.of("threadId", "Not a thread id");
            }
            CommentThread t = CommentThread.findById(thread);
            if (t == null || !t.projectId.equals(projectId)) {
                // A bad reference inside a body is that field's mistake (422), as a work session's targetId is.
                throw ValidationException.of("threadId", "No review thread " + threadId.strip() + " in this project");
            }
            repo = Repo.findById(t.repositoryId);
            ThreadAnchor.refuseOthers(t, repo, repoName, path, start, end);
            path = t.filePath;
            start = t.lineStart;
            end = t.lineEnd;
        } else {
            repo = scopes.repo(projectId, repoName);
        }
        if (path == null || path.isBlank()) {
            throw ValidationException.of("path", "Name the file whose lines to explain");
        }
        String p = ScopeFiles.clean(path);
        String slug = Project.<Project>findById(projectId).slug;
        ScopeFiles.Snapshot snapshot = scopes.snapshot(repo);
        ManifestEntry file = snapshot.file(p).orElseThrow(() -> ValidationException.of("path", "No file " + p + " in " + repo.name));
        if (file.binary() || file.lines() == null) {
            throw ValidationException.of("path", "The file " + p + " is not a text file");
        }
        if (file.lines() == 0) {
            throw ValidationException.of("lineStart", "The file " + p + " is empty: it has no lines to explain");
        }
        if (start == null || start < 1 || start > file.lines()) {
            throw ValidationException.of("lineStart", "Choose a line between 1 and " + file.lines());
        }
        int last = end == null ? start : end;
        if (last < start || last > file.lines()) {
            throw ValidationException.of("lineEnd", (last < start ? "The first line must come before the last: choose" : "Choose") + " a line between " + start + " and " + file.lines());
        }
        return new Target(snapshot, slug, file, start, last, thread);
    }

    @Override
    public Outcome run(JobContext job) {
        job.step(1);
        Target t = QuarkusTransaction.requiringNew().call(() -> target(job.projectId, job.param("repo"), job.param("path"),
                job.intParam("lineStart"), job.intParam("lineEnd"), job.param("threadId")));
        Repo repo = t.snapshot().repo();
        String text = scopes.text(repo, t.file()).orElseThrow(() -> new JobProblem("The file " + t.file().path()
                + " is too large or not UTF-8 text; it cannot be explained."));
        List<String> lines = FileBrowserService.splitLines(text);

        job.step(2);
        boolean java = "java".equals(t.file().language());
        JavaCode.Parsed parsed = java ? JavaCode.parse(text) : new JavaCode.Parsed(null, null);
        List<Named> declares = new ArrayList<>();
        List<JavaCode.Use> used;
        Map<String, JavaCode.Use> fileDeclarations = Map.of();
        if (parsed.unit() != null) {
            JavaCode.declaredIn(parsed.unit(), t.start(), t.end()).values().forEach(u -> declares.add(new Named(u.name(), u.kind(), u.line())));
            used = JavaCode.usedIn(parsed.unit(), t.start(), t.end());
            fileDeclarations = JavaCode.declaredIn(parsed.unit(), 1, Integer.MAX_VALUE);
        } else {
            CodeOutline outline = CodeOutline.of(t.file().path(), t.file().language(), text);
            outline.all().stream().filter(d -> d.line() >= t.start() && d.line() <= t.end())
                    .forEach(d -> declares.add(new Named(d.name(), d.kind(), d.line())));
            used = words(lines, t.start(), t.end(), declares);
        }

        job.step(3);
        Map<String, List<Definition>> index = index(job, repo, t.snapshot(), used);
        List<UsedName> uses = new ArrayList<>();
        for (JavaCode.Use u : used) {
            List<Definition> defs = new ArrayList<>(index.getOrDefault(u.name(), List.of()));
            // Definitions in the file's own language come first: a Java call is rarely defined in a Python script.
            defs.sort(Comparator.comparing((Definition d) -> !extension(d.path()).equals(extension(t.file().path()))));
            JavaCode.Use local = fileDeclarations.get(u.name());
            if (defs.isEmpty() && local != null) {
                defs.add(new Definition(t.file().path(), local.line(), local.kind(), u.name()));
            }
            if (parsed.unit() != null || !defs.isEmpty()) {
                uses.add(new UsedName(u.name(), u.kind(), defs.size() > 10 ? defs.subList(0, 10) : defs));
            }
        }

        job.step(4);
        List<MirrorGit.BlameLine> blame = git.blame(repo, t.snapshot().commitSha(), t.file().path(), t.start(), t.end());

        job.step(5);
        Map<String, String> taskByCommit = QuarkusTransaction.requiringNew().call(() -> tasksOf(job.projectId, blame));
        List<CommitLink> commits = commits(blame, taskByCommit);
        List<ThreadLink> threads = QuarkusTransaction.requiringNew().call(() -> CommentThread.<CommentThread>list(
                        "repositoryId = ?1 and filePath = ?2 and lineStart <= ?3 and lineEnd >= ?4 order by lineStart, createdAt",
                        repo.id, t.file().path(), t.end(), t.start()).stream()
                .map(x -> new ThreadLink(x.id, x.lineStart, x.lineEnd, x.state.value())).toList());

        job.step(6);
        Result facts = new Result(repo.name, t.file().path(), t.start(), t.end(), t.snapshot().manifestVersion(),
                t.snapshot().commitSha(), parsed.unit() != null ? CodeOutline.JAVA_PARSER : CodeOutline.PLAIN, declares, uses, commits,
                threads, null, null, null, null);
        String base = "/projects/" + t.slug() + "/repos/" + repo.name;
        String factsMarkdown = factsMarkdown(facts, base);
        String code = String.join("\n", lines.subList(t.start() - 1, t.end()));
        String draft = drafts.write("Explain to a code reviewer what lines " + t.start() + "-" + t.end() + " of " + t.file().path()
                        + " do and why, in a few short paragraphs of markdown. Ground every statement in the code and the facts "
                        + "below; cite definitions by path and line; say what you cannot tell.",
                factsMarkdown + "\n\n## The lines\n\n```" + (t.file().language() == null ? "" : t.file().language()) + "\n" + code + "\n```",
                        job.cancelSignal())
                .orElse(null);
        String body = answer(facts, draft, factsMarkdown, drafts.usesModel());
        Result result = new Result(facts.repo(), facts.path(), facts.lineStart(), facts.lineEnd(), facts.manifestVersion(),
                facts.commitSha(), facts.parser(), declares, uses, commits, threads, body, draft, null, null);
        Map<String, Object> stored = json.convertValue(result, new TypeReference<Map<String, Object>>() {
        });
        UUID threadId = t.threadId();
        // The thread opens on the lines as the job read them: a sync while it ran carries moved lines to the latest
        // manifest and refuses changed ones (409, the job fails saying so), as for a person's thread on an older version.
        String readVersion = String.valueOf(t.snapshot().manifestVersion());
        return new Outcome(stored, r -> {
            Access access = job.access();
            ThreadView thread = threadId != null
                    ? review.reply(access, threadId, CommentForm.reply(body), Comment.AuthorType.AI)
                    : review.open(access, Repo.findById(repo.id), new NewThreadForm(t.file().path(), String.valueOf(t.start()),
                    String.valueOf(t.end()), body, readVersion), Comment.AuthorType.AI);
            r.put("threadId", thread.id().toString());
            r.put("commentId", thread.comments().get(thread.comments().size() - 1).id().toString());
        });
    }

    Result read(Map<String, Object> stored) {
        return json.convertValue(stored, Result.class);
    }

    /** Outside Java: the words of the lines that some declaration of the repository names (found in the next step). */
    private static List<JavaCode.Use> words(List<String> lines, int start, int end, List<Named> declares) {
        Map<String, JavaCode.Use> out = new LinkedHashMap<>();
        Set<String> declared = new java.util.HashSet<>();
        declares.forEach(d -> declared.add(d.name()));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z_$][\\w$]*").matcher("");
        for (int i = start; i <= end; i++) {
            m.reset(lines.get(i - 1));
            while (m.find()) {
                String w = m.group();
                if (w.length() > 1 && !declared.contains(w)) {
                    out.putIfAbsent(w, new JavaCode.Use(w, "name", i));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Where the repository declares each used name: one outline per code file, at most {@link #MAX_INDEX_FILES} files. */
    private Map<String, List<Definition>> index(JobContext job, Repo repo, ScopeFiles.Snapshot snapshot, List<JavaCode.Use> used) {
        Set<String> wanted = new java.util.HashSet<>();
        used.forEach(u -> wanted.add(u.name()));
        Map<String, List<Definition>> out = new HashMap<>();
        List<ManifestEntry> code = snapshot.files().stream()
                .filter(f -> f.language() != null && !f.binary() && !Set.of("markdown", "plaintext", "json", "yaml", "xml").contains(f.language()))
                .limit(MAX_INDEX_FILES).toList();
        int i = 0;
        for (ManifestEntry f : code) {
            job.detail(++i + " of " + code.size() + " files");
            Optional<String> text = scopes.text(repo, f);
            if (text.isEmpty() || wanted.stream().noneMatch(text.get()::contains)) {
                continue;
            }
            for (CodeOutline.Declaration d : CodeOutline.of(f.path(), f.language(), text.get()).all()) {
                if (wanted.contains(d.name())) {
                    out.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(new Definition(f.path(), d.line(), d.kind(), d.signature()));
                }
            }
        }
        return out;
    }

    /** The tasks whose commit is one of the blamed commits, in one query. */
    @SuppressWarnings("unchecked")
    private Map<String, String> tasksOf(UUID projectId, List<MirrorGit.BlameLine> blame) {
        List<String> shas = blame.stream().map(MirrorGit.BlameLine::commitSha).distinct().toList();
        Map<String, String> out = new HashMap<>();
        if (shas.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT commit_sha, task_id FROM implementation_tasks WHERE project_id = ?1 "
                + "AND commit_sha IN (?2) ORDER BY created_at").setParameter(1, projectId).setParameter(2, shas).getResultList();
        rows.forEach(r -> out.putIfAbsent((String) r[0], (String) r[1]));
        return out;
    }

    private static List<CommitLink> commits(List<MirrorGit.BlameLine> blame, Map<String, String> taskByCommit) {
        Map<String, CommitLink> out = new LinkedHashMap<>();
        for (MirrorGit.BlameLine b : blame) {
            CommitLink c = out.get(b.commitSha());
            List<Integer> lines = c == null ? new ArrayList<>() : new ArrayList<>(c.lines());
            lines.add(b.line());
            out.put(b.commitSha(), new CommitLink(b.commitSha(), b.author(), b.when(), b.summary(), lines, taskByCommit.get(b.commitSha())));
        }
        return new ArrayList<>(out.values());
    }

    /** The facts as markdown with links to the lines where names are defined: what a model writes from. */
    static String factsMarkdown(Result r, String base) {
        StringBuilder md = new StringBuilder();
        md.append("**Declares:** ");
        md.append(r.declares().isEmpty() ? "nothing" : String.join(", ", r.declares().stream()
                .map(d -> "`" + d.name() + "` (" + d.kind() + ", line " + d.line() + ")").toList()));
        List<UsedName> defined = r.uses().stream().filter(u -> !u.definitions().isEmpty()).toList();
        List<UsedName> elsewhere = r.uses().stream().filter(u -> u.definitions().isEmpty()).toList();
        md.append("\n\n**Uses:**");
        if (defined.isEmpty()) {
            md.append(" nothing defined in this repository\n");
        } else {
            md.append('\n');
            for (UsedName u : defined) {
                md.append("- `").append(u.name()).append("` (").append(u.kind()).append("), defined at ").append(String.join(", ",
                        u.definitions().stream().map(d -> "[" + d.path() + ":" + d.line() + "](" + base + "/blob/"
                                + PathExtensions.pathEncoded(d.path()) + "#L" + d.line() + ")").toList())).append('\n');
            }
        }
        if (!elsewhere.isEmpty()) {
            md.append("\n**Also uses** (not defined in this repository): ")
                    .append(String.join(", ", elsewhere.stream().map(u -> "`" + u.name() + "`").toList())).append('\n');
        }
        md.append("\n**Last changed by:**");
        if (r.commits().isEmpty()) {
            md.append(" no commit found\n");
        }
        md.append('\n');
        for (CommitLink c : r.commits()) {
            md.append("- `").append(c.shortSha()).append("` by ").append(c.author()).append(" on ").append(c.day()).append(": \"")
                    .append(c.summary().replace("\"", "'")).append("\" (").append(ranges(c.lines())).append(")");
            if (c.taskKey() != null) {
                md.append(", the commit of task ").append(c.taskKey());
            }
            md.append('\n');
        }
        if (!r.threads().isEmpty()) {
            md.append("\n**Threads on these lines:** ").append(String.join(", ", r.threads().stream()
                    .map(x -> "[lines " + x.lineStart() + "–" + x.lineEnd() + "](" + base + "/blob/" + PathExtensions.pathEncoded(r.path()) + "#L" + x.lineStart()
                            + (x.lineEnd() > x.lineStart() ? "-L" + x.lineEnd() : "") + ") (" + x.state() + ")").toList())).append('\n');
        }
        return md.toString();
    }

    /** The comment posted on the thread: marked as the assistant's, the model's prose first when there is one, then the facts. */
    static String answer(Result r, String draft, String factsMarkdown, boolean model) {
        StringBuilder md = new StringBuilder("**Assistant** · explanation of `").append(r.path()).append("` ")
                .append(r.lineStart() == r.lineEnd() ? "line " + r.lineStart() : "lines " + r.lineStart() + "–" + r.lineEnd())
                .append(model ? " (written by the model from the facts below)" : " (built-in: facts read from the code, no model)")
                .append("\n\n");
        if (draft != null) {
            md.append(draft).append("\n\n---\n\n");
        }
        md.append(factsMarkdown);
        String s = md.toString();
        return s.length() > 60_000 ? s.substring(0, 60_000) + "\n\n(cut)" : s;
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot);
    }

    static String ranges(List<Integer> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int j = i;
            while (j + 1 < lines.size() && lines.get(j + 1) == lines.get(j) + 1) {
                j++;
            }
            out.add(i == j ? "line " + lines.get(i) : "lines " + lines.get(i) + "–" + lines.get(j));
            i = j + 1;
        }
        return String.join(", ", out);
    }
}
