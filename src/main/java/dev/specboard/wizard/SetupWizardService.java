package dev.specboard.wizard;

import dev.specboard.project.Access;
import dev.specboard.project.InviteRow;
import dev.specboard.project.MemberService;
import dev.specboard.project.Project;
import dev.specboard.project.ProjectForm;
import dev.specboard.project.ProjectRepositories;
import dev.specboard.project.ProjectService;
import dev.specboard.project.RepoForm;
import dev.specboard.project.SummaryForm;
import dev.specboard.project.VisionForm;
import dev.specboard.kernel.Role;
import dev.specboard.repo.RepoService;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.RepoUrls;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the project setup wizard: each submitted step updates the project and is saved to the
 * account's {@code wizard_runs} row (answers, current phase, phase history), so it can be resumed.
 */
@ApplicationScoped
public class SetupWizardService {

    @Inject
    ProjectService projects;

    @Inject
    RepoService repos;

    @Inject
    RepoUrls repoUrls;

    @Inject
    MemberService members;

    @Inject
    ProjectRepositories repositories;

    /** A skipped step's mark in the run's decisions: the step list says "skipped" until the step's data exists. */
    static final String SKIPPED = "skipped";

    /** The account's unfinished setup run, if any. */
    public Optional<WizardRun> current(UUID accountId) {
        return WizardRun.findUnfinished(accountId, WizardRun.PROJECT_SETUP);
    }

    /** Opens a step of the unfinished run and remembers it as the place to resume; without a project only the basics can open. */
    @Transactional
    public WizardRun visit(UUID accountId, SetupStep step) {
        WizardRun run = require(accountId);
        run.enter(run.projectId == null ? SetupStep.BASICS : step);
        return run;
    }

    /**
     * Leaves a step by Back or a step of the step list: what was typed there is kept as the step's draft and the chosen step
     * opens. The draft is kept as typed, unchecked, and changes nothing in the project: leaving is moving about, as in a
     * GitHub or Linear draft, so a half-written summary or a colour not yet valid neither blocks the move with a 422 nor
     * reaches the project (or connects a repository, or sends invitations); the step shows it again and its Next checks it.
     */
    @Transactional
    public WizardRun leave(UUID accountId, SetupStep from, Map<String, Object> draft, SetupStep to) {
        WizardRun run = require(accountId);
        if (draft != null) {
            run.keepDraft(from, SetupForms.changes(run, from, draft) ? draft : null);
        }
        run.enter(run.projectId == null ? SetupStep.BASICS : to);
        return run;
    }

    /** The first step: creates the project (creator becomes owner) and the run, or changes the basics of the run's project. */
    @Transactional
    public WizardRun submitBasics(UUID accountId, ProjectForm form) {
        WizardRun run = current(accountId).orElse(null);
        if (run == null || run.projectId == null) {
            Project p = projects.create(accountId, form);
            if (run == null) {
                run = WizardRun.start(accountId, WizardRun.PROJECT_SETUP, SetupStep.BASICS);
                run.persist();
            }
            run.projectId = p.id;
        } else {
            ownerAccess(run).requireWrite(Role.OWNER);
            projects.updateBasics(run.projectId, form);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", form.name().trim());
        values.put("slug", form.slugOrDerived());
        values.put("type", form.type());
        values.put("framework", n(form.framework()));
        values.put("description", n(form.description()));
        run.record(SetupStep.BASICS, values);
        run.enter(SetupStep.VISION);
        return run;
    }

    /** The vision step: statement, target feeling, reference apps, icon and colour. */
    @Transactional
    public WizardRun submitVision(UUID accountId, VisionForm form) {
        WizardRun run = requireProject(accountId);
        ownerAccess(run).requireWrite(Role.OWNER);
        projects.updateVision(run.projectId, form);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("visionStatement", n(form.visionStatement()));
        values.put("targetFeeling", n(form.targetFeeling()));
        values.put("referenceApps", form.referenceAppList());
        values.put("icon", n(form.icon()));
        values.put("color", n(form.color()));
        run.record(SetupStep.VISION, values);
        run.enter(SetupStep.REPOSITORY);
        return run;
    }

    /** The repository step: records the URL and default branch on the project and connects the repository, which starts its first sync. */
    @Transactional
    public WizardRun submitRepository(UUID accountId, RepoForm form) {
        WizardRun run = requireProject(accountId);
        Access access = ownerAccess(run).requireWrite(Role.OWNER);
        // Every problem at once: the form's and the branch's, and whether the server may fetch the URL (the repository
        // feature's rule, the same one its own settings page applies).
        FormErrors problems = projects.checkRepository(form);
        if (!problems.has("repoUrl")) {
            repoUrls.problem(form.repoUrl()).ifPresent(problem -> problems.add("repoUrl", problem));
        }
        if (problems.any()) {
            throw new ValidationException(problems);
        }
        projects.updateRepository(run.projectId, form);
        try {
            repos.connect(run.projectId, form.repoUrl(), form.branchOrMain(), accountId);
        } catch (ValidationException e) {
            // The repository feature names its fields url and defaultBranch; this step calls them repoUrl and defaultBranch.
            FormErrors errors = FormErrors.none();
            e.errors().asMap().forEach((field, message) -> errors.add("url".equals(field) || "name".equals(field) ? "repoUrl" : field, message));
            throw new ValidationException(errors);
        }
        String earlier = run.answer(SetupStep.REPOSITORY, "repoUrl");
        if (!earlier.isEmpty() && !RepoService.sameUrl(earlier, form.repoUrl())) {
            // Back at this step with another URL, the person corrects the first one (a typo, the wrong remote): left
            // connected, it kept failing to sync beside the right one and stood first as the project's repository.
            repos.disconnect(access, earlier);
        }
        run.record(SetupStep.REPOSITORY, Map.of("repoUrl", form.repoUrl().trim(), "defaultBranch", form.branchOrMain()));
        run.enter(SetupStep.SUMMARY);
        return run;
    }

    /** The executive summary step (markdown). */
    @Transactional
    public WizardRun submitSummary(UUID accountId, SummaryForm form) {
        WizardRun run = requireProject(accountId);
        ownerAccess(run).requireWrite(Role.OWNER);
        projects.updateSummary(run.projectId, form);
        run.record(SetupStep.SUMMARY, Map.of("executiveSummary", form.executiveSummary().strip()));
        run.enter(SetupStep.INVITE);
        return run;
    }

    /** The last step: invites the listed people (all or nothing), marks the setup complete and closes the run. */
    @Transactional
    public Finished finish(UUID accountId, List<InviteRow> invites, String baseUrl) {
        WizardRun run = requireProject(accountId);
        Access access = ownerAccess(run);
        List<String> invited = members.addAll(access, invites, baseUrl);
        run.record(SetupStep.INVITE, Map.of("invites", invites.stream()
                .map(r -> Map.of("who", r.who().trim(), "role", r.role())).toList()));
        Project p = projects.completeSetup(run.projectId);
        run.complete();
        return new Finished(p, invited);
    }

    /** The project just set up, and the email addresses that got an invitation link. */
    public record Finished(Project project, List<String> invited) {
    }

    /** Skips an optional step; skipping the last one finishes the wizard (then the project is returned). */
    @Transactional
    public Optional<Project> skip(UUID accountId, SetupStep step) {
        return skip(accountId, step, null);
    }

    /** Skips an optional step, keeping what was typed on it (if anything) as its draft, as leaving it by Back does ({@link #leave}). */
    @Transactional
    public Optional<Project> skip(UUID accountId, SetupStep step, Map<String, Object> draft) {
        if (!step.optional()) {
            throw ValidationException.of("step", "The " + step.label().toLowerCase() + " step cannot be skipped");
        }
        WizardRun run = requireProject(accountId);
        if (draft != null && !step.isLast()) {
            run.keepDraft(step, SetupForms.changes(run, step, draft) ? draft : null);
        }
        run.decide(step, SKIPPED, null);
        if (step.isLast()) {
            return Optional.of(finish(accountId, List.of(), "").project());
        }
        run.enter(step.next().orElseThrow());
        return Optional.empty();
    }

    /**
     * Continues the setup of a project made elsewhere (over the API, or left by an abandoned run), or of one whose wizard
     * ended with steps skipped: the owner's run for it resumes where it stood, or a new one starts at the first step whose
     * data the project lacks, with what the project already has as its answers. Another unfinished setup of the owner is
     * left as {@link #abandon} leaves it, its project unfinished.
     */
    @Transactional
    public WizardRun continueSetup(Access access) {
        access.requireWrite(Role.OWNER);
        Project p = access.project();
        boolean hasRepository = !repositories.list(p.id).isEmpty();
        if (!p.setupToContinue(hasRepository)) {
            throw ApiException.conflict("The setup of " + p.name + " is already complete.");
        }
        WizardRun run = current(access.accountId()).orElse(null);
        if (run != null && p.id.equals(run.projectId)) {
            return run;
        }
        if (run != null) {
            run.abandon();
        }
        run = WizardRun.start(access.accountId(), WizardRun.PROJECT_SETUP, SetupStep.BASICS);
        run.projectId = p.id;
        Map<String, Object> basics = new LinkedHashMap<>();
        basics.put("name", p.name);
        basics.put("slug", p.slug);
        basics.put("type", p.type);
        basics.put("framework", n(p.framework));
        basics.put("description", n(p.description));
        run.record(SetupStep.BASICS, basics);
        Map<String, Object> vision = new LinkedHashMap<>();
        vision.put("visionStatement", n(p.visionStatement));
        vision.put("targetFeeling", n(p.targetFeeling));
        vision.put("referenceApps", p.referenceApps == null ? List.of() : List.copyOf(p.referenceApps));
        vision.put("icon", n(p.icon));
        vision.put("color", n(p.color));
        run.record(SetupStep.VISION, vision);
        if (p.hasSummary()) {
            run.record(SetupStep.SUMMARY, Map.of("executiveSummary", p.executiveSummary));
        }
        Set<SetupStep> filled = filled(p, hasRepository);
        run.enter(java.util.stream.Stream.of(SetupStep.VISION, SetupStep.REPOSITORY, SetupStep.SUMMARY)
                .filter(s -> !filled.contains(s)).findFirst().orElse(SetupStep.INVITE));
        run.persist();
        return run;
    }

    /**
     * The steps whose data the run's project has (the basics once it exists, its vision statement, a repository, its
     * executive summary): only these are done, whatever the run recorded, since a step may be passed without filling it.
     */
    public Set<SetupStep> filled(WizardRun run) {
        Project p = run == null ? null : project(run).orElse(null);
        return p == null ? Set.of() : filled(p, !repositories.list(p.id).isEmpty());
    }

    private static Set<SetupStep> filled(Project p, boolean hasRepository) {
        Set<SetupStep> filled = java.util.EnumSet.of(SetupStep.BASICS);
        if (p.hasVision()) {
            filled.add(SetupStep.VISION);
        }
        if (hasRepository) {
            filled.add(SetupStep.REPOSITORY);
        }
        if (p.hasSummary()) {
            filled.add(SetupStep.SUMMARY);
        }
        return filled;
    }

    /** Leaves the unfinished run (its project stays, with its setup unfinished) so a new project can be started. */
    @Transactional
    public void abandon(UUID accountId) {
        current(accountId).ifPresent(WizardRun::abandon);
    }

    /** The run's project, loaded for display. */
    /** The newest sync of the repository the account's unfinished setup connected, if it connected one. */
    public Optional<RepoSync> firstSync(UUID accountId) {
        return current(accountId).filter(r -> r.projectId != null)
                .flatMap(r -> RepoSync.<RepoSync>find("projectId = ?1 order by createdAt desc", r.projectId).firstResultOptional());
    }

    public Optional<Project> project(WizardRun run) {
        return run.projectId == null ? Optional.empty() : Optional.ofNullable(Project.findById(run.projectId));
    }

    private WizardRun require(UUID accountId) {
        return current(accountId).orElseThrow(() -> ApiException.conflict("There is no unfinished project setup; start with the basics."));
    }

    private WizardRun requireProject(UUID accountId) {
        WizardRun run = require(accountId);
        if (run.projectId == null) {
            throw ApiException.conflict("Fill in the basics first.");
        }
        return run;
    }

    /** The wizard changes a project only while its creator is still one of its owners. */
    private Access ownerAccess(WizardRun run) {
        return projects.memberAccess(run.projectId, run.userId).requireRole(Role.OWNER);
    }

    private static String n(String s) {
        return s == null ? "" : s.trim();
    }
}
