package dev.specboard.project;

import dev.specboard.kernel.Role;
import dev.specboard.account.CurrentUser;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * The one access check every project-scoped page and API call goes through: a non-member gets
 * 404 (the project's existence is not revealed), a member without the role 403.
 */
@RequestScoped
public class ProjectAccess {

    @Inject
    CurrentUser currentUser;

    private Access cached;

    /** Membership and project in one query; the result is reused for the rest of the request. */
    public Access require(String slug, Role needed) {
        Access access = resolve(slug);
        if (!access.can(needed)) {
            throw ApiException.forbidden("This needs the " + needed.value() + " role in " + access.project().name
                    + "; yours is " + access.role().value() + ".");
        }
        return access;
    }

    public Access read(String slug) {
        return require(slug, Role.VIEWER);
    }

    private Access resolve(String slug) {
        if (cached != null && cached.project().slug.equals(slug)) {
            return cached;
        }
        UUID accountId = currentUser.requireAccountId();
        Object[] row = Project.getEntityManager().createQuery(
                        "select p, m.role from Project p left join Membership m on m.project = p and m.account.id = :account "
                                + "where p.slug = :slug", Object[].class)
                .setParameter("account", accountId)
                .setParameter("slug", slug == null ? "" : slug)
                .getResultStream().findFirst()
                .orElseThrow(ProjectAccess::notFound);
        Project project = (Project) row[0];
        Role role = (Role) row[1];
        if (currentUser.isAdmin()) {
            role = Role.OWNER;
        }
        if (role == null) {
            throw notFound();
        }
        if (currentUser.tokenProjectId().isPresent()) {
            if (!currentUser.tokenProjectId().get().equals(project.id)) {
                throw notFound();
            }
            role = Role.lower(role, currentUser.tokenRole().orElse(Role.VIEWER));
        }
        cached = new Access(project, role, accountId);
        return cached;
    }

    static ApiException notFound() {
        return ApiException.notFound("Project not found");
    }
}
