package dev.specboard.project;

import dev.specboard.account.Account;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Creates projects and lists them for the people in them. */
@ApplicationScoped
public class ProjectService {

    /** Slugs that would collide with fixed URLs under /projects. */
    static final Set<String> RESERVED_SLUGS = Set.of("new", "api", "admin", "settings");

    @Inject
    Validation validation;

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
                    .ifPresent(p -> errors.add("slug", "Another project already uses this slug"));
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
        Membership m = new Membership();
        m.project = p;
        m.account = p.owner;
        m.role = Role.OWNER;
        m.persist();
        return p;
    }

    void apply(Project p, ProjectForm form) {
        p.name = form.name().trim();
        p.slug = form.slugOrDerived();
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
