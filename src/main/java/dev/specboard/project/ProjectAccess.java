package dev.specboard.project;

import dev.specboard.kernel.Role;
import dev.specboard.account.CurrentUser;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The project policy: every project-scoped page, API call and MCP tool asks it "may this caller read
 * / do X in this project". A non-member gets 404 (the project's existence is not revealed), a member
 * without the role 403, and any change to an archived project 409 (see {@link Access#requireWrite}). The same
 * statement reads the project's counters ({@link ProjectCounter}), with which features tell whether what they keep
 * rendered is still current.
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

    /**
     * A change, or the form that leads to one: the role, and a project that is not archived. The answer carries no
     * counters, for the change will move them: nothing this request renders may come from what is kept.
     */
    public Access write(String slug, Role needed) {
        cached = resolve(slug).requireWrite(needed).withoutCounters();
        return cached;
    }

    private Access resolve(String slug) {
        if (cached != null && cached.project().slug.equals(slug)) {
            return cached;
        }
        UUID accountId = currentUser.requireAccountId();
        // One row per counter of the project (or one with no counter): the project and the role repeat.
        List<Object[]> rows = Project.getEntityManager().createQuery(
                        "select p, m.role, c.name, c.value from Project p "
                                + "left join Membership m on m.project = p and m.account.id = :account "
                                + "left join ProjectCounter c on c.projectId = p.id where p.slug = :slug", Object[].class)
                .setParameter("account", accountId)
                .setParameter("slug", slug == null ? "" : slug)
                // A list, not a stream: the stream scrolls a cursor, measurably dearer for these few rows.
                .getResultList();
        if (rows.isEmpty()) {
            throw notFound();
        }
        Project project = (Project) rows.get(0)[0];
        Role role = (Role) rows.get(0)[1];
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
        Map<String, Long> counters = new HashMap<>(4);
        for (Object[] row : rows) {
            if (row[2] != null) {
                counters.put((String) row[2], (Long) row[3]);
            }
        }
        cached = new Access(project, role, accountId, counters);
        return cached;
    }

    static ApiException notFound() {
        return ApiException.notFound("Project not found");
    }
}
