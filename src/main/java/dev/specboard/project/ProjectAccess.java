package dev.specboard.project;

import dev.specboard.kernel.JdbcStatement;
import dev.specboard.kernel.Role;
import dev.specboard.account.CurrentUser;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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

    @Inject
    FormerSlugs formerSlugs;

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

    /**
     * Closing access the project gave out (revoking a preview link): the role alone, allowed in an archived project too
     * (see {@link Access#requireCloseAccess}). Carries no counters, as {@link #write}.
     */
    public Access closeAccess(String slug, Role needed) {
        cached = resolve(slug).requireCloseAccess(needed).withoutCounters();
        return cached;
    }

    /**
     * The project, the caller's role and the project's counters, one row per counter (or one without any): the
     * project's version comes along, so that the project itself can come from the second-level cache when this
     * instance has it at that version (a project's every change moves its version, see migration V0007).
     */
    private static final JdbcStatement ACCESS = JdbcStatement.numbered("""
            SELECT p.id, p.version, m.role, c.name, c.value FROM projects p
            LEFT JOIN project_memberships m ON m.project_id = p.id AND m.user_id = ?2
            LEFT JOIN project_counters c ON c.project_id = p.id
            WHERE p.slug = ?1""");

    private record Row(UUID project, int version, String role, String counter, long value) {
    }

    private Access resolve(String slug) {
        if (cached != null && cached.project().slug.equals(slug)) {
            return cached;
        }
        UUID accountId = currentUser.requireAccountId();
        EntityManager em = Project.getEntityManager();
        List<Row> rows = ACCESS.list(em, new Object[] {slug == null ? "" : slug, accountId},
                rs -> new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
        if (rows.isEmpty()) {
            // No project has this slug now; one may have had it (a bookmark from before a rename).
            throw formerSlugs.notFound(slug == null ? "" : slug, accountId, currentUser.isAdmin());
        }
        Row first = rows.get(0);
        Role role = first.role() == null ? null : Role.parse(first.role()).orElse(null);
        if (currentUser.isAdmin()) {
            role = Role.OWNER;
        }
        if (role == null) {
            throw notFound();
        }
        Role own = role;
        if (currentUser.tokenProjectId().isPresent()) {
            if (!currentUser.tokenProjectId().get().equals(first.project())) {
                throw notFound();
            }
            role = Role.lower(role, currentUser.tokenRole().orElse(Role.VIEWER));
        }
        Map<String, Long> counters = new HashMap<>(4);
        for (Row row : rows) {
            if (row.counter() != null) {
                counters.put(row.counter(), row.value());
            }
        }
        cached = new Access(project(em, first.project(), first.version()), role, accountId, counters, role != own);
        return cached;
    }

    /**
     * The project at {@code version}: from the second-level cache when this instance keeps that version, else read
     * (a change made here, on another instance or in SQL moved the version since).
     */
    private static Project project(EntityManager em, UUID id, int version) {
        Project project = em.find(Project.class, id);
        if (project == null) {
            throw notFound();
        }
        if (project.version != version) {
            // Read afresh (a refresh would need a transaction, which a page that only reads has not).
            em.detach(project);
            em.getEntityManagerFactory().getCache().evict(Project.class, id);
            project = em.find(Project.class, id);
            if (project == null) {
                throw notFound();
            }
        }
        return project;
    }

    static ApiException notFound() {
        return ApiException.notFound("Project not found");
    }
}
