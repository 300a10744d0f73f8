package dev.specboard.project;

import dev.specboard.kernel.JdbcStatement;
import dev.specboard.kernel.QuerySpaces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/**
 * Remembers the slugs a project had, so that links made under an old one lead its members to it (a redirect), until
 * another project takes the slug; someone who is no member learns nothing from an old slug (404 as before).
 */
@ApplicationScoped
public class FormerSlugs {

    private static final JdbcStatement CURRENT = JdbcStatement.numbered("""
            SELECT p.slug FROM project_former_slugs f JOIN projects p ON p.id = f.project_id
            WHERE f.slug = ?1 AND (?3 OR EXISTS (SELECT 1 FROM project_memberships m WHERE m.project_id = p.id AND m.user_id = ?2))""");

    @Inject
    EntityManager em;

    /** Before {@code p} takes {@code slug}: its old slug is remembered, and the new one is no longer a former slug of anyone. */
    void moving(Project p, String slug) {
        // Declared to touch only its table: an undeclared native change empties Hibernate's whole second-level cache.
        QuerySpaces.touching(em.createNativeQuery("DELETE FROM project_former_slugs WHERE slug = ?1"), "project_former_slugs")
                .setParameter(1, slug).executeUpdate();
        if (p.id != null && p.slug != null && !p.slug.equals(slug)) {
            QuerySpaces.touching(em.createNativeQuery("""
                    INSERT INTO project_former_slugs (slug, project_id) VALUES (?1, ?2)
                    ON CONFLICT (slug) DO UPDATE SET project_id = excluded.project_id, replaced_at = now()"""), "project_former_slugs")
                    .setParameter(1, p.slug).setParameter(2, p.id).executeUpdate();
        }
    }

    /** What to answer for a slug no project has now: where it moved, for a member of the project it was (or an admin), else 404. */
    RuntimeException notFound(String slug, UUID accountId, boolean admin) {
        List<String> now = CURRENT.list(em, new Object[] {slug, accountId, admin}, rs -> rs.getString(1));
        return now.isEmpty() ? ProjectAccess.notFound() : new ProjectMoved(slug, now.get(0));
    }
}
