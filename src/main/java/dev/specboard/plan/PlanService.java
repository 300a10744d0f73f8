package dev.specboard.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.kernel.QuerySpaces;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.repo.Repo;
import dev.specboard.spec.SpecContent;
import dev.specboard.spec.SpecInput;
import dev.specboard.spec.SpecService;
import dev.specboard.spec.TechnicalSpec;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.specboard.kernel.NameLock;

/** Creates plans, adds their schema-checked artifacts, makes new versions, moves their status and turns them into specs. */
@ApplicationScoped
public class PlanService {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Validation validation;

    @Inject
    ArtifactSchemas schemas;

    @Inject
    SpecService specs;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "specboard.plans.max-artifact-bytes", defaultValue = "524288")
    int maxArtifactBytes;

    /** The plan version by id within the project, or 404. */
    public Plan require(Access access, UUID planId) {
        Plan plan = planId == null ? null : Plan.findById(planId);
        if (plan == null || !plan.projectId.equals(access.project().id)) {
            throw ApiException.notFound("No such plan in this project");
        }
        return plan;
    }

    /** The version {@code version} of the plan that {@code planId} is a version of, or 404. */
    public Plan requireVersion(Access access, UUID planId, int version) {
        Plan any = require(access, planId);
        return Plan.<Plan>find("repositoryId = ?1 and name = ?2 and version = ?3", any.repositoryId, any.name, version)
                .firstResultOptional().orElseThrow(() -> ApiException.notFound(any.name + " has no version " + version));
    }

    /** Starts a plan (version 1, draft) for a repository of the project and a target branch. */
    @Transactional
    public Plan create(Access access, PlanForm form) {
        access.requireWrite(Role.MEMBER);
        FormErrors errors = validation.check(form);
        Repo repo = null;
        if (!errors.has("repository")) {
            repo = Repo.findByName(access.project().id, form.repository().trim()).orElse(null);
            if (repo == null) {
                errors.add("repository", "This project has no repository named " + form.repository().trim());
            }
        }
        // the one rule for single-line names (no control or direction characters), as pages, features and stories
        String name = errors.has("name") ? null : dev.specboard.web.SingleLine.clean(form.name());
        if (name != null && name.isEmpty()) {
            errors.add("name", "Give the plan a name");
        }
        if (repo != null && !errors.has("name")) {
            NameLock.take(em, "plans", repo.id, name);
        }
        Plan same = repo == null || errors.has("name") ? null
                : Plan.<Plan>find("repositoryId = ?1 and name = ?2 order by version desc", repo.id, name).firstResult();
        if (same != null) {
            errors.add("name", "This repository already has a plan with this name: open it and make a new version instead");
        }
        if (errors.any()) {
            // The API's answer names the plan to open (its newest version), so that an agent need not search for it.
            throw same == null ? new ValidationException(errors) : new ValidationException(errors).with("existingPlanId", same.id);
        }
        Plan plan = Plan.draft(access.project().id, repo.id, name,
                form.description() == null || form.description().isBlank() ? null : form.description().strip(),
                form.targetBranch().trim(), 1, access.accountId());
        plan.persist();
        return plan;
    }

    /**
     * Adds an artifact to a draft or active plan version after checking its size and its type's JSON
     * Schema (422 with each problem at its JSON pointer); it becomes the version's current one of that type.
     */
    @Transactional
    public PlanArtifact addArtifact(Access access, UUID planId, ArtifactForm form) {
        return addArtifact(access, planId, form, false);
    }

    /**
     * As {@link #addArtifact(Access, UUID, ArtifactForm)}; {@code sentAsText} when an API client sent the document as a JSON
     * string holding its text (see {@link ArtifactSchemas#check(ArtifactType, String, boolean)}).
     */
    @Transactional
    public PlanArtifact addArtifact(Access access, UUID planId, ArtifactForm form, boolean sentAsText) {
        access.requireWrite(Role.MEMBER);
        Plan plan = locked(require(access, planId));
        plan.requireOpen();
        requireNewest(plan);
        ArtifactType type = ArtifactType.parse(form.artifactType())
                .orElseThrow(() -> ValidationException.of("artifactType", "Choose feature_plan, implementation_steps or code_changes"));
        String json = form.content() == null ? "" : form.content().strip();
        if (json.isEmpty()) {
            throw ValidationException.of("content", "Paste the artifact's JSON document");
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxArtifactBytes) {
            throw ValidationException.of("content", "An artifact may be at most " + maxArtifactBytes / 1024 + " KB; this one is "
                    + bytes / 1024 + " KB");
        }
        FormErrors problems = schemas.check(type, json, sentAsText);
        if (problems.any()) {
            throw new ValidationException(problems);
        }
        refuseStale(plan, type, form.baseVersion(), json);
        PlanArtifact a = new PlanArtifact();
        a.planId = plan.id;
        a.artifactType = type.value();
        a.content = normalized(json);
        a.createdBy = access.accountId();
        a.persist();
        plan.updatedAt = Instant.now();
        return a;
    }

    /**
     * Only a plan's newest version takes artifacts: an older one stays as it was when the next was made from it, so that
     * comparing versions shows what changed between them (409 naming the newest). A new version locks the version it
     * copies, so an artifact saved meanwhile is either copied or refused.
     */
    private void requireNewest(Plan plan) {
        requireNewest(plan, "keep their artifacts as they were; edit %s instead");
    }

    /**
     * The same for every other change of a version (its status, its spec, a chat message): an older version is read-only
     * as a whole, else an old version could be made active beside a newer draft, or turned into a spec the newer one
     * does not match. {@code what} says what older versions keep and what to do instead, {@code %s} standing for the newest.
     */
    void requireNewest(Plan plan, String what) {
        int newest = newestVersion(plan);
        if (newest > plan.version) {
            throw ApiException.conflict(plan.name + " " + plan.versionLabel() + " is an older version: v" + newest
                    + " is the newest. Older versions " + what.replace("%s", "v" + newest) + ".",
                    Map.of("newestVersion", newest));
        }
    }

    /** The number of the plan's newest version. */
    int newestVersion(Plan plan) {
        return ((Number) em.createQuery("select max(p.version) from Plan p where p.repositoryId = ?1 and p.name = ?2")
                .setParameter(1, plan.repositoryId).setParameter(2, plan.name).getSingleResult()).intValue();
    }

    /** The plan's newest version when {@code plan} is an older one, else empty. */
    public java.util.Optional<Plan> newer(Plan plan) {
        int newest = newestVersion(plan);
        return newest > plan.version
                ? Plan.<Plan>find("repositoryId = ?1 and name = ?2 and version = ?3", plan.repositoryId, plan.name, newest).firstResultOptional()
                : java.util.Optional.empty();
    }

    /**
     * An edit of the current artifact saved after someone else saved one of its type (the plan row is locked, so
     * saves come one at a time): 409 with theirs and yours, so that nothing is lost.
     */
    private static void refuseStale(Plan plan, ArtifactType type, Integer base, String yours) {
        List<PlanArtifact> ofType = PlanArtifact.list("planId = ?1 and artifactType = ?2 order by createdAt desc, id desc", plan.id, type.value());
        if (!ofType.isEmpty()) {
            // The first artifact of its type replaces nothing; any later one replaces the current one.
            StaleVersionException.requireGiven("version", base);
        }
        if (base == null) {
            return;
        }
        if (ofType.size() == base) {
            return;
        }
        StaleVersionException.requireSaved("The " + type.label().toLowerCase(java.util.Locale.ROOT), base, ofType.size());
        PlanArtifact theirs = ofType.get(0);
        String by = theirs.createdBy == null ? null
                : dev.specboard.account.Account.<dev.specboard.account.Account>findByIdOptional(theirs.createdBy).map(x -> x.username).orElse(null);
        StaleVersionException stale = new StaleVersionException("The " + type.label().toLowerCase(java.util.Locale.ROOT) + " artifact", base,
                ofType.size(), java.util.Map.of("content", pretty(theirs.content)), java.util.Map.of("content", yours), by);
        // The form compares both as texts; the API gives an artifact's content as a JSON document everywhere, so here too.
        stale.details().put("current", java.util.Map.of("content", read(theirs.content)));
        stale.details().put("yours", java.util.Map.of("content", read(normalized(yours))));
        throw stale;
    }

    /** A stored document indented for editing. */
    static String pretty(String json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A stored artifact is not JSON", e);
        }
    }

    /**
     * Makes the next version of a plan (draft) from its newest version, copying that version's current artifacts, with
     * the description or target branch {@code changes} gives (422 naming a field it refuses; 409 naming the newest when
     * {@code planId} is an older version, whose copy would silently drop what the newer versions added).
     */
    @Transactional
    public Plan newVersion(Access access, UUID planId, PlanChanges changes) {
        access.requireWrite(Role.MEMBER);
        Plan from = require(access, planId);
        validation.require(changes);
        // Versions of one plan are numbered one at a time, across app instances.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('plan:' || ?1 || ':' || ?2, 0))")
                .setParameter(1, from.repositoryId.toString()).setParameter(2, from.name).getSingleResult();
        // The copied version's row lock: an artifact being saved to it commits first (and is copied), a later one sees
        // this version and is refused.
        locked(from);
        requireNewest(from, "are not copied into a new version, which would drop what %s added; make the next version from %s instead");
        int next = ((Number) em.createQuery("select max(p.version) from Plan p where p.repositoryId = ?1 and p.name = ?2")
                .setParameter(1, from.repositoryId).setParameter(2, from.name).getSingleResult()).intValue() + 1;
        Plan plan = from.next(next, access.accountId());
        if (changes.description() != null) {
            plan.description = changes.description().isBlank() ? null : changes.description().strip();
        }
        if (changes.targetBranch() != null) {
            plan.targetBranch = changes.targetBranch().trim();
        }
        plan.persist();
        for (PlanArtifact a : PlanArtifact.current(from.id)) {
            PlanArtifact copy = new PlanArtifact();
            copy.planId = plan.id;
            copy.artifactType = a.artifactType;
            copy.content = a.content;
            copy.createdBy = a.createdBy;
            copy.persist();
        }
        return plan;
    }

    /** Moves a plan version along {@code draft → active → completed | archived} (409 for any other move). */
    @Transactional
    public Plan changeStatus(Access access, UUID planId, String status) {
        access.requireWrite(Role.MEMBER);
        Plan plan = locked(require(access, planId));
        requireNewest(plan, "keep the status they had; change the status of %s instead");
        PlanStatus next = PlanStatus.parse(status).orElseThrow(() -> ValidationException.of("status", status == null || status.isBlank()
                ? "Name the new status: draft, active, completed or archived"
                : "There is no plan status \u201c" + status.strip() + "\u201d: choose draft, active, completed or archived"));
        plan.moveTo(next);
        plan.updatedAt = Instant.now();
        if (!next.open()) {
            QuerySpaces.touching(em.createNativeQuery("UPDATE chat_sessions SET status = 'completed', updated_at = now() WHERE plan_id = ?1"),
                            "chat_sessions")
                    .setParameter(1, plan.id).executeUpdate();
        }
        return plan;
    }

    /**
     * Turns the plan version's implementation steps into a hierarchical spec (one phase and one task per
     * step, hours and files carried over) and links plan and spec both ways, in one transaction: when
     * the spec cannot be created nothing is saved.
     */
    @Transactional
    public TechnicalSpec toSpec(Access access, UUID planId) {
        access.requireWrite(Role.MEMBER);
        Plan plan = locked(require(access, planId));
        requireNewest(plan, "stay as they were; turn the steps of %s into a spec instead");
        if (plan.specId != null) {
            TechnicalSpec existing = TechnicalSpec.findById(plan.specId);
            throw ApiException.conflict(plan.name + " " + plan.versionLabel() + " was already turned into "
                    + (existing == null ? "a spec" : existing.key()) + ".",
                    existing == null ? Map.of() : Map.of("specKey", existing.key()));
        }
        List<PlanArtifact> current = PlanArtifact.current(plan.id);
        PlanArtifact steps = current.stream().filter(a -> a.type() == ArtifactType.IMPLEMENTATION_STEPS).findFirst()
                .orElseThrow(() -> ValidationException.of("implementation_steps",
                        "Add the implementation steps first: each step becomes a phase of the spec"));
        String overview = overview(plan, current);
        List<SpecContent.Phase> phases = new ArrayList<>();
        JsonNode list = read(steps.content).path("steps");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            List<String> files = new ArrayList<>();
            s.path("files").forEach(f -> files.add(f.asText()));
            String details = text(s, "details");
            String content = "## " + text(s, "title") + (details == null ? "" : "\n\n" + details);
            phases.add(new SpecContent.Phase(i + 1, text(s, "name"), text(s, "description"),
                    s.hasNonNull("hours") ? s.get("hours").decimalValue() : BigDecimal.ZERO, content, files));
        }
        SpecInput input = new SpecInput(null, plan.name, TechnicalSpec.TYPE_HIERARCHICAL, null,
                new SpecContent(overview, null, null, phases), List.of());
        TechnicalSpec spec;
        try {
            spec = specs.create(access, input);
        } catch (ValidationException e) {
            throw new ValidationException(stepErrors(e.errors()));
        }
        plan.specId = spec.id;
        plan.updatedAt = Instant.now();
        em.flush();
        QuerySpaces.touching(em.createNativeQuery("UPDATE technical_specs SET plan_id = ?1 WHERE id = ?2"), "technical_specs")
                .setParameter(1, plan.id).setParameter(2, spec.id).executeUpdate();
        return spec;
    }

    /** The spec's phase errors ({@code phases[1].name}) said about the steps they came from ({@code /steps/1/name}). */
    static FormErrors stepErrors(FormErrors specErrors) {
        FormErrors out = FormErrors.none();
        java.util.regex.Pattern phase = java.util.regex.Pattern.compile("^phases\\[(\\d+)]\\.(\\w+)$");
        specErrors.asMap().forEach((field, message) -> {
            java.util.regex.Matcher m = phase.matcher(field);
            if (m.matches()) {
                String f = switch (m.group(2)) {
                    case "assignedFiles" -> "files";
                    case "content" -> "details";
                    default -> m.group(2);
                };
                out.add("/steps/" + m.group(1) + "/" + f, message);
            } else {
                out.add(field.equals("phases") ? "/steps" : field, message);
            }
        });
        return out;
    }

    private static String overview(Plan plan, List<PlanArtifact> current) {
        StringBuilder b = new StringBuilder("From plan **").append(plan.name).append("** ").append(plan.versionLabel())
                .append(" (target branch `").append(plan.targetBranch).append("`).");
        if (plan.description != null) {
            b.append("\n\n").append(plan.description);
        }
        current.stream().filter(a -> a.type() == ArtifactType.FEATURE_PLAN).findFirst().ifPresent(fp -> {
            JsonNode doc = read(fp.content);
            b.append("\n\n").append(doc.path("summary").asText(""));
            if (doc.path("goals").size() > 0) {
                b.append("\n\nGoals:\n");
                doc.path("goals").forEach(g -> b.append("\n- ").append(g.asText()));
            }
        });
        return b.toString();
    }

    private Plan locked(Plan plan) {
        em.lock(plan, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(plan);
        return plan;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A stored artifact is not JSON", e);
        }
    }

    private static String normalized(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw ValidationException.of("", "This is not valid JSON: " + dev.specboard.web.JsonProblems.describe(e));
        }
    }
}
