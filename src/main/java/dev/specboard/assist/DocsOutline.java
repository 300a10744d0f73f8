package dev.specboard.assist;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.architecture.Component;
import dev.specboard.architecture.DesignDoc;
import dev.specboard.kernel.Ids;
import dev.specboard.repo.ManifestEntry;
import dev.specboard.repo.Repo;
import dev.specboard.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A DOCS job: the documentation outline of a file, a folder or a component's path. The public
 * types and functions with their signatures and doc comments, what calls what inside the scope, the
 * component and design doc it belongs to, and the tasks whose assigned files touch it; with a model,
 * a written draft on top ({@code result.draft}).
 */
@ApplicationScoped
public class DocsOutline implements JobRunner {

    static final List<String> STEPS = List.of("Reading the scope", "Parsing the code", "Tracing calls",
            "Linking the component, design doc and tasks", "Writing a draft");

    @Inject
    ScopeFiles scopes;

    @Inject
    Drafts drafts;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** The outline as stored in {@code ai_jobs.result}. */
    @RegisterForReflection
    public record Result(String repo, String path, String scopeKind, int manifestVersion, String commitSha,
                         List<CodeOutline> files, List<CallLink> calls, List<ComponentLink> components, List<TaskLink> tasks,
                         List<String> skipped, Omitted omitted, String markdown, String draft) {

        /** The component the scope belongs to (the one whose path holds it), if any. */
        public Optional<ComponentLink> owner() {
            return components.stream().filter(ComponentLink::owner).findFirst();
        }

        public String shortCommit() {
            return commitSha.substring(0, Math.min(10, commitSha.length()));
        }

        public int declarationCount() {
            return files.stream().mapToInt(f -> f.all().size()).sum();
        }
    }

    /**
     * What an outline left out to stay small (see {@link OutlineBudget}): of {@code codeFiles} code files, the last {@code files}
     * whole, {@code entries} declarations in all, and calls and names of unread files beyond the first.
     */
    @RegisterForReflection
    public record Omitted(int codeFiles, int files, int entries, int calls, int skipped) {

        boolean any() {
            return files > 0 || entries > 0 || calls > 0 || skipped > 0;
        }

        /** One sentence saying what is missing and how to get it. */
        public String note() {
            List<String> parts = new ArrayList<>();
            if (files > 0) {
                parts.add("the last " + files + " of " + codeFiles + " code files");
            }
            if (entries > 0) {
                parts.add(entries + (entries == 1 ? " declaration" : " declarations") + " in all");
            }
            if (calls > 0) {
                parts.add(calls + (calls == 1 ? " call" : " calls"));
            }
            if (skipped > 0) {
                parts.add("the names of " + skipped + " more unread files");
            }
            return "Left out to keep this outline small: " + String.join(", ", parts)
                    + ". Outline a narrower path (a folder or file inside this one) for the rest.";
        }
    }

    /** Inside the scope, {@code from} calls {@code to} (both Type.method) at a line of a file. */
    @RegisterForReflection
    public record CallLink(String from, String to, String path, int line) {
    }

    /** A component the scope belongs to ({@code owner}) or that lies inside it, with its design doc's state. */
    @RegisterForReflection
    public record ComponentLink(UUID id, String name, String filePath, boolean owner, Integer designDocVersion, boolean designDocApproved) {
    }

    /** A spec task whose assigned files touch the scope. */
    @RegisterForReflection
    public record TaskLink(String key, String scope, String status, List<String> files) {
    }

    record Scope(ScopeFiles.Snapshot snapshot, String path, String kind, UUID componentId) {
    }

    @Override
    public List<String> steps() {
        return STEPS;
    }

    @Override
    public Outcome run(JobContext job) {
        job.step(1);
        Scope scope = QuarkusTransaction.requiringNew().call(() -> scope(job.projectId, job.param("repo"), job.param("path"),
                job.param("componentId")));
        List<ManifestEntry> entries = scope.snapshot().under(scope.path());
        if (entries.isEmpty()) {
            throw new JobProblem("Nothing to outline: " + (scope.path().isEmpty() ? "the repository" : scope.path()) + " has no files.");
        }

        job.step(2);
        Repo repo = scope.snapshot().repo();
        List<CodeOutline> outlines = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int i = 0;
        for (ManifestEntry e : entries) {
            job.detail(++i + " of " + entries.size() + " files");
            if (e.language() == null || !isCode(e.language())) {
                continue;
            }
            Optional<String> text = scopes.text(repo, e);
            if (text.isEmpty()) {
                skipped.add(e.path());
                continue;
            }
            outlines.add(CodeOutline.of(e.path(), e.language(), text.get()));
        }

        job.step(3);
        List<CallLink> calls = calls(outlines);

        job.step(4);
        List<ComponentLink> components = QuarkusTransaction.requiringNew().call(() -> components(job.projectId, scope));
        List<TaskLink> tasks = QuarkusTransaction.requiringNew().call(() -> tasks(job.projectId, scope.path()));

        OutlineBudget.Bounded kept = OutlineBudget.apply(outlines, calls, skipped);
        Result draftless = new Result(repo.name, scope.path(), scope.kind(), scope.snapshot().manifestVersion(),
                scope.snapshot().commitSha(), kept.files(), kept.calls(), components, tasks, kept.skipped(), kept.omitted(), null, null);
        String markdown = markdown(draftless);

        job.step(5);
        String subject = draftless.owner().map(c -> "the component " + c.name()).orElse(scope.path().isEmpty() ? "the repository" : scope.path());
        String draft = drafts.write("Write a design document draft in markdown for " + subject + ". Explain its purpose, its public "
                + "API and how its parts call each other, using only what the outline below states; name open questions.", markdown, job.cancelSignal())
                .orElse(null);
        Result result = new Result(draftless.repo(), draftless.path(), draftless.scopeKind(), draftless.manifestVersion(),
                draftless.commitSha(), kept.files(), kept.calls(), components, tasks, kept.skipped(), kept.omitted(), markdown, draft);
        return Outcome.of(json.convertValue(result, new TypeReference<Map<String, Object>>() {
        }));
    }

    /** Reads a stored result back. */
    Result read(Map<String, Object> stored) {
        return json.convertValue(stored, Result.class);
    }

    private static boolean isCode(String language) {
        return !Set.of("markdown", "plaintext", "json", "yaml", "xml", "ini", "properties", "css", "scss", "less").contains(language);
    }

    /** Checks a DOCS request's parameters and answers its scope; used when the job is queued and again when it runs. */
    Scope scope(UUID projectId, String repoName, String rawPath, String componentId) {
        Component component = null;
        String path = rawPath == null ? null : ScopeFiles.clean(rawPath);
        if (componentId != null && !componentId.isBlank()) {
            UUID id = Ids.parseOrNull(componentId);
            if (id == null) {
                throw dev.specboard.web.ValidationException.of("componentId", "Not a component id");
            }
            component = Component.findById(id);
            if (component == null || !component.projectId.equals(projectId)) {
                throw ApiException.notFound("No such component");
            }
            if (path == null || path.isEmpty()) {
                if (component.filePath == null || component.filePath.isBlank()) {
                    throw dev.specboard.web.ValidationException.of("componentId", "The component " + component.name + " has no file path to outline");
                }
                path = ScopeFiles.clean(component.filePath);
            }
        }
        ScopeFiles.Snapshot snapshot = scopes.snapshot(scopes.repo(projectId, repoName));
        String p = path == null ? "" : path;
        if (!p.isEmpty() && snapshot.under(p).isEmpty()) {
            throw dev.specboard.web.ValidationException.of("path", "No file or folder " + p + " in " + snapshot.repo().name);
        }
        String kind = component != null ? "component" : snapshot.isFile(p) ? "file" : "folder";
        return new Scope(snapshot, p, kind, component == null ? null : component.id);
    }

    /** Calls from a method of the scope to a method or type declared in the scope; a call on a named type picks that type. */
    static List<CallLink> calls(List<CodeOutline> outlines) {
        Map<String, List<String>> byName = new HashMap<>();
        for (CodeOutline o : outlines) {
            for (CodeOutline.Declaration type : o.declarations()) {
                collect(type, type.name(), byName);
            }
        }
        Set<CallLink> out = new LinkedHashSet<>();
        for (CodeOutline o : outlines) {
            for (CodeOutline.Call call : o.calls()) {
                List<String> targets = byName.getOrDefault(call.name(), List.of());
                if (targets.isEmpty()) {
                    continue;
                }
                String ownType = call.from().substring(0, call.from().indexOf('.') + 1);
                List<String> narrowed = call.scope() != null
                        ? targets.stream().filter(t -> t.startsWith(call.scope() + ".") || t.equals(call.scope())).toList()
                        : targets.stream().filter(t -> t.startsWith(ownType)).toList();
                for (String to : narrowed.isEmpty() ? targets : narrowed) {
                    if (!to.equals(call.from())) {
                        out.add(new CallLink(call.from(), to, o.path(), call.line()));
                    }
                }
            }
        }
        return out.stream().sorted(Comparator.comparing(CallLink::from).thenComparing(CallLink::to)).toList();
    }

    private static void collect(CodeOutline.Declaration d, String owner, Map<String, List<String>> byName) {
        if (Set.of("class", "interface", "enum", "record").contains(d.kind())) {
            byName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d.name());
        }
        for (CodeOutline.Declaration m : d.members()) {
            if (m.kind().equals("method")) {
                byName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(d.name() + "." + m.name());
            } else if (!m.members().isEmpty() || Set.of("class", "interface", "enum", "record").contains(m.kind())) {
                collect(m, m.name(), byName);
            }
        }
    }

    /** The component whose path holds the scope (the deepest), and those whose path lies inside it, with their design docs. */
    private List<ComponentLink> components(UUID projectId, Scope scope) {
        List<Component> all = Component.list("projectId = ?1 order by name", projectId);
        String p = scope.path();
        Component owner = null;
        if (scope.componentId() != null) {
            owner = all.stream().filter(c -> c.id.equals(scope.componentId())).findFirst().orElse(null);
        } else {
            for (Component c : all) {
                String fp = c.filePath == null ? "" : c.filePath.replaceAll("^/+|/+$", "");
                if (!fp.isEmpty() && (p.equals(fp) || p.startsWith(fp + "/"))
                        && (owner == null || fp.length() > owner.filePath.replaceAll("^/+|/+$", "").length())) {
                    owner = c;
                }
            }
        }
        List<Component> linked = new ArrayList<>();
        if (owner != null) {
            linked.add(owner);
        }
        for (Component c : all) {
            String fp = c.filePath == null ? "" : c.filePath.replaceAll("^/+|/+$", "");
            if (c != owner && !fp.isEmpty() && (p.isEmpty() || fp.startsWith(p + "/"))) {
                linked.add(c);
            }
        }
        if (linked.isEmpty()) {
            return List.of();
        }
        Map<UUID, DesignDoc> docs = new HashMap<>();
        DesignDoc.<DesignDoc>list("componentId in ?1", linked.stream().map(c -> c.id).toList()).forEach(d -> docs.put(d.componentId, d));
        Component o = owner;
        return linked.stream().map(c -> {
            DesignDoc d = docs.get(c.id);
            return new ComponentLink(c.id, c.name, c.filePath, c == o, d == null ? null : d.version, d != null && d.approved);
        }).toList();
    }

    /** The project's tasks with an assigned file inside the scope (or holding it), in one query. */
    @SuppressWarnings("unchecked")
    private List<TaskLink> tasks(UUID projectId, String path) {
        List<Object[]> rows = em.createNativeQuery("SELECT t.task_id, t.scope, t.status, t.assigned_files::text FROM implementation_tasks t "
                        + "WHERE t.project_id = ?1 AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.assigned_files) f(p) "
                        + "WHERE ?2 = '' OR trim(both '/' from f.p) = ?2 OR starts_with(trim(both '/' from f.p), ?2 || '/') "
                        + "OR starts_with(?2, trim(both '/' from f.p) || '/')) ORDER BY t.created_at, t.task_id")
                .setParameter(1, projectId).setParameter(2, path).getResultList();
        List<TaskLink> out = new ArrayList<>();
        for (Object[] r : rows) {
            List<String> files;
            try {
                files = json.readValue((String) r[3], new TypeReference<List<String>>() {
                });
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                files = List.of();
            }
            out.add(new TaskLink((String) r[0], (String) r[1], (String) r[2], files));
        }
        return out;
    }

    /** The outline as markdown: what a design doc draft starts from, and the facts a model writes from. */
    static String markdown(Result r) {
        StringBuilder md = new StringBuilder();
        md.append("# Outline of ").append(r.path().isEmpty() ? "the repository " + r.repo() : "`" + r.path() + "`")
                .append("\n\n_Generated from ").append(r.repo()).append(" at commit ")
                .append(r.commitSha(), 0, Math.min(10, r.commitSha().length())).append(" (manifest v").append(r.manifestVersion())
                .append(")._\n");
        r.owner().ifPresent(c -> md.append("\nComponent: **").append(c.name()).append("**")
                .append(c.designDocVersion() == null ? " (no design doc yet)" : " (design doc v" + c.designDocVersion()
                        + (c.designDocApproved() ? ", approved" : "") + ")").append('\n'));
        md.append("\n## Public API\n");
        boolean any = false;
        for (CodeOutline f : r.files()) {
            if (f.declarations().isEmpty()) {
                continue;
            }
            any = true;
            md.append("\n### `").append(f.path()).append("`\n\n");
            for (CodeOutline.Declaration d : f.declarations()) {
                declaration(md, d, 0);
            }
        }
        if (!any) {
            md.append("\nNo public declarations.\n");
        }
        if (r.omitted() != null) {
            md.append("\n_").append(r.omitted().note()).append("_\n");
        }
        if (!r.calls().isEmpty()) {
            md.append("\n## Calls inside the scope\n\n");
            r.calls().forEach(c -> md.append("- `").append(c.from()).append("` → `").append(c.to()).append("`\n"));
        }
        List<ComponentLink> others = r.components().stream().filter(c -> !c.owner()).toList();
        if (!others.isEmpty()) {
            md.append("\n## Components inside\n\n");
            others.forEach(c -> md.append("- ").append(c.name()).append(" (`").append(c.filePath()).append("`)\n"));
        }
        if (!r.tasks().isEmpty()) {
            md.append("\n## Tasks touching it\n\n");
            r.tasks().forEach(t -> md.append("- ").append(t.key()).append(" ").append(t.scope()).append(" (").append(t.status())
                    .append(")\n"));
        }
        return md.toString();
    }

    private static void declaration(StringBuilder md, CodeOutline.Declaration d, int depth) {
        md.append("  ".repeat(depth)).append("- `").append(d.signature().replace("`", "'")).append("`");
        if (d.hasDoc()) {
            md.append(" — ").append(d.doc().replaceAll("\\s*\\n\\s*", " "));
        }
        md.append('\n');
        d.members().forEach(m -> declaration(md, m, depth + 1));
    }
}
