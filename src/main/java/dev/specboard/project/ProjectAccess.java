package dev.specboard.project;

import dev.specboard.kernel.Role;
import dev.specboard.account.CurrentUser;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * The project policy: every project-scoped page, API call and MCP tool asks it "may this caller read
 * / do X in this project". A non-member gets 404 (the project's existence is not revealed), a member
 * without the role 403, and any change to an archived project 409 (see {@link Access#requireWrite}).
 */
@RequestScoped
public class ProjectAccess {

    @Inject
    CurrentUser currentUser;

    private Access cached;

    /** Any member may read; membership and project come in one query, reused for the rest of the request. */
    public Access read(String slug) {
        return resolve(slug);
    }

    /** A page that needs a role but changes nothing (the settings page of an archived project, say). */
    public Access readAs(String slug, Role needed) {
        return resolve(slug).requireRole(needed);
    }

    /** A change, or the form that leads to one: the role, and a project that is not archived. */
    public Access write(String slug, Role needed) {
        return resolve(slug).requireWrite(needed);
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
                // A list, not a stream: the stream scrolls a cursor, measurably dearer for this one row.
                .getResultList().stream().findFirst()
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
