package dev.specboard.plan;

import dev.specboard.kernel.SqlValues;
import com.fasterxml.jackson.databind.JsonNode;
import dev.specboard.project.Access;
import dev.specboard.repo.FileBrowserService;
import dev.specboard.repo.GitMirror;
import dev.specboard.repo.ManifestEntry;
import dev.specboard.repo.ManifestFiles;
import dev.specboard.repo.Repo;
import dev.specboard.web.Markdown;
import dev.specboard.web.PageNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the plan pages show, in a fixed number of statements whatever the number of plans, versions,
 * artifacts or changed files: the list, a version with its artifacts rendered, and the comparison of two versions.
 */
@ApplicationScoped
public class PlanQueries {

    /** Files larger than this are not diffed on the plan page. */
    static final long MAX_DIFF_BYTES = 1024 * 1024;

    @Inject
    EntityManager em;

    @Inject
    ManifestFiles manifests;

    @Inject
    PlanService plans;

    @Inject
    Markdown markdown;

    @Inject
    GitMirror mirror;

    /** Plans shown on one page of the list. */
    public static final int PAGE_SIZE = 50;

    /** One page of the plan list. */
    public record PlanListView(List<PlanRow> plans, PageNumbers at) {

        /** No plans: the list of a refused filter. */
        public static PlanListView empty() {
            return new PlanListView(List.of(), PageNumbers.of(1, 0, PAGE_SIZE));
        }
    }

    /**
     * One page of the project's plans, or of one repository's (null: all), whose latest version has the given status (null:
     * any), as the API lists them, with how many the filter finds (one count, as the list page's): page 1 (also for none or
     * less) is the most recently changed {@link #PAGE_SIZE}; a page past the end is empty, as the API's job list pages.
     */
    public ApiPage apiPage(Access access, UUID repositoryId, PlanStatus status, Integer page) {
        int at = page == null || page < 1 ? 1 : Math.min(page, 100_000);
        long total = count(access, repositoryId, status);
        long offset = (long) (at - 1) * PAGE_SIZE;
        return new ApiPage(offset >= total ? List.of() : rows(access, repositoryId, status, PAGE_SIZE, (int) offset), total, PAGE_SIZE);
    }

    /** A page of plans for the API, how many plans its filter finds and how many a page holds. */
    public record ApiPage(List<PlanRow> rows, long total, int size) {
    }

    /**
     * A page of the plan list (asked for: kept between the first and the last) under the filter ({@link PlanFilter#read}
     * checked its values and found the repository), in two queries.
     */
    public PlanListView page(Access access, PlanFilter filter, Integer page) {
        PlanStatus status = filter.planStatus().orElse(null);
        UUID repositoryId = filter.repositoryId();
        PageNumbers at = PageNumbers.of(page, count(access, repositoryId, status), PAGE_SIZE);
        return new PlanListView(rows(access, repositoryId, status, PAGE_SIZE, at.offset()), at);
    }

    /** How many plans (their latest versions) of the project, or of one repository, have the status (null: any); one statement. */
    private long count(Access access, UUID repositoryId, PlanStatus status) {
        jakarta.persistence.Query count = em.createNativeQuery("SELECT count(*) FROM (" + latest(repositoryId) + ") p"
                + (status == null ? "" : " WHERE p.status = :status")).setParameter("project", access.project().id);
        bind(count, repositoryId, status);
        return ((Number) count.getSingleResult()).longValue();
    }

    /**
     * The latest version of each plan of the project (or of one repository: parameter :repo), with its number of versions.
     * The condition is written out, as a null UUID parameter has no type PostgreSQL could compare.
     */
    private static String latest(UUID repositoryId) {
        return """
                SELECT DISTINCT ON (repository_id, name) id, repository_id, name, target_branch, version, status, spec_id, updated_at,
                       count(*) OVER (PARTITION BY repository_id, name) AS versions
                FROM plans WHERE project_id = :project""" + (repositoryId == null ? "" : " AND repository_id = :repo")
                + " ORDER BY repository_id, name, version DESC";
    }

    private static void bind(jakarta.persistence.Query query, UUID repositoryId, PlanStatus status) {
        if (repositoryId != null) {
            query.setParameter("repo", repositoryId);
        }
        if (status != null) {
            query.setParameter("status", status.value());
        }
    }

    @SuppressWarnings("unchecked")
    private List<PlanRow> rows(Access access, UUID repositoryId, PlanStatus status, int limit, int offset) {
        // The status filter applies to each plan's latest version, the one the list shows.
        jakarta.persistence.Query query = em.createNativeQuery("""
                SELECT p.id, p.name, r.name AS repo, p.target_branch, p.version, p.versions, p.status, s.spec_number, p.updated_at
                FROM (""" + latest(repositoryId) + ") p" + """

                JOIN repositories r ON r.id = p.repository_id
                LEFT JOIN technical_specs s ON s.id = p.spec_id""" + (status == null ? "" : " WHERE p.status = :status") + """

                ORDER BY p.updated_at DESC, p.name, p.id
                LIMIT :limit OFFSET :offset""").setParameter("project", access.project().id).setParameter("limit", limit)
                .setParameter("offset", offset);
        bind(query, repositoryId, status);
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new PlanRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                ((Number) r[5]).intValue(), PlanStatus.parse((String) r[6]).orElseThrow(),
                r[7] == null ? null : "SPEC-" + ((Number) r[7]).intValue(), SqlValues.instant(r[8]))).toList();
    }

    /** One version of a plan (the given one, or the version {@code version} of its family) with its artifacts rendered. */
    public PlanView page(Access access, UUID planId, Integer version) {
        Plan plan = version == null ? plans.require(access, planId) : plans.requireVersion(access, planId, version);
        Repo repo = Repo.findById(plan.repositoryId);
        List<PlanView.Version> versions = versions(plan);
        List<PlanArtifact> current = PlanArtifact.current(plan.id);
        List<ArtifactView> views = new ArrayList<>();
        Optional<Manifest> manifest = current.stream().anyMatch(a -> a.type() == ArtifactType.CODE_CHANGES)
                ? manifest(repo) : Optional.empty();
        for (PlanArtifact a : current) {
            views.add(view(a, repo, manifest));
        }
        String specKey = specKey(plan);
        Number messages = (Number) em.createNativeQuery("SELECT coalesce((SELECT jsonb_array_length(messages) FROM chat_sessions "
                + "WHERE plan_id = ?1), 0)").setParameter(1, plan.id).getSingleResult();
        return new PlanView(plan, repo.name, versions, views, specKey, messages.intValue(), history(plan.id));
    }

    /** Every artifact saved in the plan version, newest first, numbered per type from the first, with its author: one query. */
    @SuppressWarnings("unchecked")
    List<ArtifactRow> history(UUID planId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.id, a.artifact_type, a.created_at, acc.username,
                       row_number() OVER (PARTITION BY a.artifact_type ORDER BY a.created_at, a.id) AS number
                FROM plan_artifacts a LEFT JOIN accounts acc ON acc.id = a.created_by
                WHERE a.plan_id = ?1 ORDER BY a.created_at DESC, a.id DESC""").setParameter(1, planId).getResultList();
        return rows.stream().map(r -> new ArtifactRow((UUID) r[0], ArtifactType.parse((String) r[1]).orElseThrow(),
                ((Number) r[4]).intValue(), SqlValues.instant(r[2]), (String) r[3])).toList();
    }

    /** The plan page's artifact form: empty, or (edit names a type) filled with the current artifact of that type and its number. */
    public ArtifactForm artifactForm(PlanView view, String edit) {
        return ArtifactType.parse(edit).flatMap(type -> PlanArtifact.current(view.plan().id).stream().filter(a -> a.type() == type)
                        .findFirst().map(a -> new ArtifactForm(type.value(), PlanService.pretty(a.content), Integer.toString(view.saved(type)))))
                .orElse(ArtifactForm.empty());
    }

    /** One saved artifact of the plan version as readable text, with the diff from it to the current one of its type. */
    public RevisionView revision(Access access, UUID planId, UUID artifactId) {
        Plan plan = plans.require(access, planId);
        List<ArtifactRow> history = history(plan.id);
        ArtifactRow row = history.stream().filter(r -> r.id().equals(artifactId)).findFirst()
                .orElseThrow(() -> dev.specboard.web.ApiException.notFound(plan.name + " " + plan.versionLabel() + " has no such artifact"));
        ArtifactRow newest = history.stream().filter(r -> r.type() == row.type()).findFirst().orElseThrow();
        PlanArtifact shown = PlanArtifact.findById(row.id());
        String text = ArtifactText.of(row.type(), PlanService.read(shown.content));
        List<LineDiff.Row> toCurrent = List.of();
        if (!newest.id().equals(row.id())) {
            PlanArtifact current = PlanArtifact.findById(newest.id());
            toCurrent = LineDiff.rows(LineDiff.lines(text), LineDiff.lines(ArtifactText.of(row.type(), PlanService.read(current.content))));
        }
        return new RevisionView(plan, row, newest.number(), text, toCurrent);
    }

    /** Two versions of a plan compared artifact by artifact, as readable text. */
    public CompareView compare(Access access, UUID planId, int from, int to) {
        Plan a = plans.requireVersion(access, planId, from);
        Plan b = plans.requireVersion(access, planId, to);
        Map<ArtifactType, PlanArtifact> before = byType(PlanArtifact.current(a.id));
        Map<ArtifactType, PlanArtifact> after = byType(PlanArtifact.current(b.id));
        List<CompareView.TypeDiff> diffs = new ArrayList<>();
        for (ArtifactType type : ArtifactType.values()) {
            PlanArtifact x = before.get(type);
            PlanArtifact y = after.get(type);
            if (x == null && y == null) {
                continue;
            }
            diffs.add(new CompareView.TypeDiff(type, x != null, y != null, LineDiff.rows(
                    LineDiff.lines(x == null ? "" : ArtifactText.of(type, PlanService.read(x.content))),
                    LineDiff.lines(y == null ? "" : ArtifactText.of(type, PlanService.read(y.content))))));
        }
        return new CompareView(a.id, a.name, from, to, versions(a), diffs);
    }

    private static Map<ArtifactType, PlanArtifact> byType(List<PlanArtifact> artifacts) {
        Map<ArtifactType, PlanArtifact> m = new HashMap<>();
        artifacts.forEach(x -> m.put(x.type(), x));
        return m;
    }

    /** The key of the spec made from the plan version, or null. */
    public String specKey(Plan plan) {
        if (plan.specId == null) {
            return null;
        }
        Object n = em.createNativeQuery("SELECT spec_number FROM technical_specs WHERE id = ?1").setParameter(1, plan.specId)
                .setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        return n == null ? null : "SPEC-" + ((Number) n).intValue();
    }

    /** Every version of the plan, oldest first. */
    public List<PlanView.Version> versions(Plan plan) {
        return plan.family().stream().map(p -> new PlanView.Version(p.id, p.version, p.status, p.createdAt)).toList();
    }

    // --- rendering artifacts

    private ArtifactView view(PlanArtifact a, Repo repo, Optional<Manifest> manifest) {
        JsonNode doc = PlanService.read(a.content);
        return switch (a.type()) {
            case FEATURE_PLAN -> new ArtifactView(a.type(), a.createdAt, featurePlan(doc), null, null);
            case IMPLEMENTATION_STEPS -> new ArtifactView(a.type(), a.createdAt, null, steps(doc), null);
            case CODE_CHANGES -> new ArtifactView(a.type(), a.createdAt, null, null, codeChanges(doc, repo, manifest));
        };
    }

    private ArtifactView.FeaturePlan featurePlan(JsonNode doc) {
        List<ArtifactView.Risk> risks = new ArrayList<>();
        doc.path("risks").forEach(r -> risks.add(new ArtifactView.Risk(r.path("risk").asText(), r.path("likelihood").asText(null),
                r.path("mitigation").asText(null))));
        return new ArtifactView.FeaturePlan(markdown.render(doc.path("summary").asText("")), strings(doc.path("goals")),
                strings(doc.path("scope").path("in")), strings(doc.path("scope").path("out")), risks);
    }

    private List<ArtifactView.Step> steps(JsonNode doc) {
        List<ArtifactView.Step> steps = new ArrayList<>();
        JsonNode list = doc.path("steps");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            steps.add(new ArtifactView.Step(i + 1, s.path("name").asText(), s.path("title").asText(), s.path("description").asText(null),
                    markdown.render(s.path("details").asText(null)), s.hasNonNull("hours") ? s.get("hours").decimalValue() : BigDecimal.ZERO,
                    strings(s.path("files")), s.path("done").asBoolean(false)));
        }
        return steps;
    }

    /** The latest manifest's files by path (read and integrity-checked once per start, see {@link ManifestFiles}). */
    private record Manifest(int version, Map<String, ManifestEntry> files) {
    }

    private Optional<Manifest> manifest(Repo repo) {
        return manifests.latest(repo.id).map(head -> new Manifest(head.version(), manifests.files(head).byPath()));
    }

    private ArtifactView.CodeChanges codeChanges(JsonNode doc, Repo repo, Optional<Manifest> manifest) {
        List<ArtifactView.FileChange> files = new ArrayList<>();
        JsonNode list = doc.path("changes");
        int stale = 0;
        for (int i = 0; i < list.size(); i++) {
            ArtifactView.FileChange change = fileChange(i + 1, list.get(i), repo, manifest);
            stale += change.stale() ? 1 : 0;
            files.add(change);
        }
        return new ArtifactView.CodeChanges(markdown.render(doc.path("summary").asText(null)), files, stale);
    }

    private ArtifactView.FileChange fileChange(int number, JsonNode c, Repo repo, Optional<Manifest> manifest) {
        String path = c.path("path").asText();
        String action = c.path("action").asText();
        String base = c.path("baseBlobSha").asText(null);
        String description = c.path("description").asText(null);
        List<String> proposed = "delete".equals(action) ? List.of() : LineDiff.lines(c.path("content").asText(""));
        ManifestEntry entry = manifest.map(m -> m.files().get(path)).orElse(null);
        boolean inRepo = entry != null;
        String staleReason = null;
        if (manifest.isEmpty()) {
            staleReason = null;
        } else if ("create".equals(action) && entry != null) {
            staleReason = "The file now exists in " + repo.name + " (manifest v" + manifest.get().version() + ").";
        } else if (!"create".equals(action) && entry == null) {
            staleReason = "The file is no longer in " + repo.name + " (manifest v" + manifest.get().version() + ").";
        } else if (!"create".equals(action) && base != null && !base.equals(entry.blobSha())) {
            staleReason = "Written against blob " + base.substring(0, 10) + "; the latest manifest (v" + manifest.get().version()
                    + ") has " + entry.blobSha().substring(0, 10) + ".";
        }
        String notice = manifest.isEmpty() ? repo.name + " has not been synced yet: the change is shown against an empty file." : null;
        List<String> current = List.of();
        if (entry != null && !"create".equals(action)) {
            if (entry.binary() || entry.size() > MAX_DIFF_BYTES) {
                return new ArtifactView.FileChange(number, path, action, description, staleReason != null, staleReason,
                        "The current file is binary or too large to compare here.", inRepo, List.of(), 0, 0);
            }
            Optional<byte[]> bytes = mirror.readBlob(repo, entry.blobSha());
            if (bytes.isEmpty()) {
                notice = "The mirror no longer has the current file; sync the repository again.";
            } else {
                current = LineDiff.lines(FileBrowserService.decode(bytes.get()));
            }
        }
        List<LineDiff.Row> rows = LineDiff.rows(current, proposed);
        int added = (int) rows.stream().filter(LineDiff.Row::isAdd).count();
        int removed = (int) rows.stream().filter(LineDiff.Row::isDel).count();
        return new ArtifactView.FileChange(number, path, action, description, staleReason != null, staleReason, notice, inRepo,
                rows, added, removed);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

}
