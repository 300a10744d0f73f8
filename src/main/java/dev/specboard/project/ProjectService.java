package dev.specboard.project;

import dev.specboard.kernel.JdbcStatement;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.account.Account;
import dev.specboard.web.FormErrors;
import dev.specboard.web.ParallelChange;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import jakarta.persistence.PersistenceException;

/** Creates, edits, archives and lists projects; holds the rules of a project's own fields. */
@ApplicationScoped
public class ProjectService {

    /** Slugs that would collide with fixed URLs under /projects. */
    static final Set<String> RESERVED_SLUGS = Set.of("new", "api", "admin", "settings");

    private static final JdbcStatement LOCK_FOR_ARCHIVE = JdbcStatement.numbered("SELECT 1 FROM projects WHERE id = ?1 FOR UPDATE");
    private static final Pattern BRANCH = Pattern.compile("^(?!-)(?!.*\\.\\.)(?!.*//)(?!.*@\\{)[A-Za-z0-9._/-]+(?<!\\.lock)(?<![/.])$");

    @Inject
    Validation validation;

    @Inject
    FormerSlugs formerSlugs;

    static final String SLUG_TAKEN = "Another project already uses this slug";

    /** Checks a project's basics, including that its slug is free. */
    public FormErrors check(ProjectForm form, UUID exceptProject) {
        FormErrors errors = validation.check(form);
        String slug = form.slugOrDerived();
        if (!errors.has("slug") && !slug.matches("^[a-z0-9][a-z0-9-]{1,62}$")) {
            errors.add("slug", "2 to 63 lowercase letters, digits or -, starting with a letter or digit");
        }
        if (!errors.has("slug") && RESERVED_SLUGS.contains(slug)) {
            errors.add("slug", "This slug is reserved; choose another");
        }
        if (!errors.has("slug")) {
            Project.findBySlug(slug).filter(p -> !p.id.equals(exceptProject))
                    .ifPresent(p -> errors.add("slug", SLUG_TAKEN));
        }
        return errors;
    }

    /** Creates the project with its creator as owner. */
    @Transactional
    public Project create(UUID accountId, ProjectForm form) {
        FormErrors errors = check(form, null);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        Project p = new Project();
        p.owner = Account.findById(accountId);
        apply(p, form);
        p.persist();
        flushSlug();
        Membership m = new Membership();
        m.project = p;
        m.account = p.owner;
        m.role = Role.OWNER;
        m.persist();
        return p;
    }

    /** Changes the basics (name, slug, type, framework, description) of a project. */
    @Transactional
    public Project updateBasics(UUID projectId, ProjectForm form) {
        Project p = load(projectId);
        FormErrors errors = check(form, p.id);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        apply(p, form);
        flushSlug();
        return p;
    }

    /**
     * Writes the project now, so that a parallel create or rename that took the slug between {@link #check} and this
     * write is answered as if it had come first (422 on {@code slug}, the same message), not as a 409 from the unique constraint.
     */
    private static void flushSlug() {
        try {
            Project.getEntityManager().flush();
        } catch (PersistenceException e) {
            if (ParallelChange.isDuplicate(e)) {
                throw ValidationException.of("slug", SLUG_TAKEN);
            }
            throw e;
        }
    }

    public FormErrors checkVision(VisionForm form) {
        FormErrors errors = validation.check(form);
        List<String> apps = form.referenceAppList();
        if (apps.size() > Project.MAX_REFERENCE_APPS) {
            errors.add("referenceApps", "At most " + Project.MAX_REFERENCE_APPS + " reference apps");
        } else if (apps.stream().anyMatch(a -> a.length() > Project.MAX_REFERENCE_APP_LENGTH)) {
            errors.add("referenceApps", "Each reference app at most " + Project.MAX_REFERENCE_APP_LENGTH + " characters");
        }
        return errors;
    }

    /** Records the vision statement, target feeling, reference apps, icon and colour. */
    @Transactional
    public Project updateVision(UUID projectId, VisionForm form) {
        FormErrors errors = checkVision(form);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        Project p = load(projectId);
        applyVision(p, form);
        return p;
    }

    void applyVision(Project p, VisionForm form) {
        p.visionStatement = blankToNull(form.visionStatement());
        p.targetFeeling = blankToNull(form.targetFeeling());
        p.referenceApps = new java.util.ArrayList<>(form.referenceAppList());
        p.icon = blankToNull(form.icon());
        p.color = blankToNull(form.color()) == null ? null : form.color().trim().toLowerCase();
    }

    /**
     * Checks the repository step's form and its branch name; whether the server may fetch the URL is the repository
     * feature's rule (it checks the URL when the repository is connected, see SetupWizardService).
     */
    public FormErrors checkRepository(RepoForm form) {
        FormErrors errors = validation.check(form);
        if (!errors.has("defaultBranch") && !BRANCH.matcher(form.branchOrMain()).matches()) {
            errors.add("defaultBranch", "Not a valid branch name (letters, digits, . _ / -; no spaces or ..)");
        }
        return errors;
    }

    /** The repository's name as people say it: the last part of the URL without .git. */
    static String repoName(String url) {
        String s = url.trim().replaceAll("/+$", "");
        s = s.substring(Math.max(Math.max(s.lastIndexOf('/'), s.lastIndexOf(':')), -1) + 1);
        if (s.endsWith(".git")) {
            s = s.substring(0, s.length() - 4);
        }
        return s.isBlank() ? "repo" : s;
    }

    /** Records where the project's code lives; syncing it is another feature's job. */
    @Transactional
    public Project updateRepository(UUID projectId, RepoForm form) {
        FormErrors errors = checkRepository(form);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        Project p = load(projectId);
        p.repoUrl = form.repoUrl().trim();
        p.repoName = repoName(p.repoUrl);
        p.repoDefaultBranch = form.branchOrMain();
        return p;
    }

    /** Replaces the executive summary; a changed text is a new version that needs a lead's approval again. */
    @Transactional
    public Project updateSummary(UUID projectId, SummaryForm form) {
        validation.require(form);
        Project p = load(projectId);
        String text = form.executiveSummary().strip();
        if (!text.equals(p.executiveSummary)) {
            p.executiveSummary = text;
            p.executiveSummaryVersion++;
            p.executiveSummaryApproved = false;
        }
        return p;
    }

    /** Saves the settings page (basics and vision) if nobody saved in between; otherwise 409 with both versions. */
    @Transactional
    public Project updateSettings(Access access, SettingsForm form) {
        access.requireWrite(Role.OWNER);
        Project p = Project.findById(access.project().id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProjectAccess.notFound();
        }
        if (p.isArchived()) {
            new Access(p, access.role(), access.accountId()).requireWrite(Role.OWNER); // archived meanwhile
        }
        FormErrors errors = check(form.basics(), p.id);
        checkVision(form.vision()).asMap().forEach(errors::add);
        Integer lease = form.leaseMinutes();
        if (lease != null && (lease < 1 || lease > Project.MAX_TASK_LEASE_MINUTES)) {
            errors.add("taskLeaseMinutes", "A lease of 1 to " + Project.MAX_TASK_LEASE_MINUTES + " minutes");
        }
        if (form.version() == null) {
            errors.add("version", "The form is missing its version; reload the page");
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        StaleVersionException.requireSaved("The project", form.version(), p.version);
        if (form.version() != p.version) {
            throw StaleVersionException.withMessage("Someone else saved this project while you were editing it (you edited version "
                    + form.version() + ", it is now version " + p.version + ").", form.version(), p.version,
                    texts(SettingsForm.of(p)), texts(form), null);
        }
        apply(p, form.basics());
        applyVision(p, form.vision());
        if (lease != null) {
            p.taskLeaseMinutes = lease;
        }
        flushSlug();
        return p;
    }

    /** A settings form's texts by field, for a 409's {@code current} and {@code yours}. */
    private static Map<String, String> texts(SettingsForm f) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("name", VisionForm.n(f.name()));
        t.put("slug", VisionForm.n(f.slug()));
        t.put("type", VisionForm.n(f.type()));
        t.put("framework", VisionForm.n(f.framework()));
        t.put("description", VisionForm.n(f.description()));
        t.put("visionStatement", VisionForm.n(f.visionStatement()));
        t.put("targetFeeling", VisionForm.n(f.targetFeeling()));
        t.put("referenceApps", VisionForm.n(f.referenceApps()));
        t.put("icon", VisionForm.n(f.icon()));
        t.put("color", VisionForm.n(f.color()));
        t.put("taskLeaseMinutes", VisionForm.n(f.taskLeaseMinutes()));
        return t;
    }

    /** The project as saved now, for showing it beside edits that lost to another save (read outside their rolled-back transaction). */
    public Project saved(UUID projectId) {
        return Project.findById(projectId);
    }

    /**
     * Archives the project: it stays readable, every change is refused until it is unarchived. The row lock waits for
     * the changes in flight (each holds a key share of the row, see {@link Access#requireWrite}) and holds back the
     * ones that come after until the archive commits, so none lands after the archive answered.
     */
    @Transactional
    public Project archive(Access access) {
        access.requireRole(Role.OWNER);
        LOCK_FOR_ARCHIVE.list(Project.getEntityManager(), new Object[] {access.project().id}, rs -> rs.getInt(1));
        Project p = load(access.project().id);
        p.archive();
        return p;
    }

    /** Makes an archived project changeable again. */
    @Transactional
    public Project unarchive(Access access) {
        access.requireRole(Role.OWNER);
        Project p = load(access.project().id);
        p.unarchive();
        return p;
    }

    /** Marks the setup as done (the wizard's last step). */
    @Transactional
    public Project completeSetup(UUID projectId) {
        Project p = load(projectId);
        p.setupComplete = true;
        return p;
    }

    /** What a member may do in a project outside a request (a wizard run acting for its creator): 404 when not a member. */
    public Access memberAccess(UUID projectId, UUID accountId) {
        Project p = load(projectId);
        Role role = Membership.find(p, accountId).map(m -> m.role).orElseThrow(ProjectAccess::notFound);
        return new Access(p, role, accountId);
    }

    static Project load(UUID projectId) {
        Project p = Project.findById(projectId);
        if (p == null) {
            throw ProjectAccess.notFound();
        }
        return p;
    }

    void apply(Project p, ProjectForm form) {
        String slug = form.slugOrDerived();
        formerSlugs.moving(p, slug);
        p.name = form.name().trim();
        p.slug = slug;
        p.type = form.type();
        p.framework = blankToNull(form.framework());
        p.description = blankToNull(form.description());
    }

    /** The projects an account belongs to (every project for a site admin), with its role, in one query. */
    public List<ProjectRow> listFor(UUID accountId, boolean admin) {
        String select = "select new dev.specboard.project.ProjectRow(p.id, p.slug, p.name, p.description, p.type, p.status, "
                + "p.setupComplete, p.color, m.role, p.updatedAt) ";
        if (admin) {
            return Project.getEntityManager().createQuery(select
                            + "from Project p left join Membership m on m.project = p and m.account.id = :a "
                            + "order by case when p.status = 'archived' then 1 else 0 end, p.lastOpenedAt desc", ProjectRow.class)
                    .setParameter("a", accountId).getResultList()
                    .stream().map(r -> r.role() == null ? withRole(r, Role.OWNER) : r).toList();
        }
        return Project.getEntityManager().createQuery(select
                        + "from Membership m join m.project p where m.account.id = :a "
                        + "order by case when p.status = 'archived' then 1 else 0 end, p.lastOpenedAt desc", ProjectRow.class)
                .setParameter("a", accountId).getResultList();
    }

    private static ProjectRow withRole(ProjectRow r, Role role) {
        return new ProjectRow(r.id(), r.slug(), r.name(), r.description(), r.type(), r.status(), r.setupComplete(), r.color(), role, r.updatedAt());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
