package dev.specboard.project;

import dev.specboard.kernel.Role;
import dev.specboard.web.ApiException;
import dev.specboard.web.EditorRefusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Refuses a member below a change's role before its body is read, as {@link ProjectFirst} refuses a viewer: a route
 * marked {@link Member}, {@link Lead} or {@link Owner} answers a reviewer (or a member, a lead) 403 whatever the body,
 * where an unknown field was 422 first. The marks are bound when the application is built (JAX-RS name binding), so
 * nothing is looked up per request; the resource's own {@code projectAccess.write(slug, role)} stays, for the MCP tools
 * that call it directly, and the answer of the project policy is kept for the request, so it costs no second query.
 */
public class RoleFirst {

    /** A change that needs the member role. */
    @NameBinding
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Member {
    }

    /** A change that needs the lead role. */
    @NameBinding
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Lead {
    }

    /** A change that needs the owner role. */
    @NameBinding
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Owner {
    }

    @Inject
    ProjectAccess projectAccess;

    /** After {@link ProjectFirst} (a non-member's 404, a viewer's 403, an archived project's 409) and before the body is read. */
    @Member
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 25)
    public void member(ResteasyReactiveContainerRequestContext request) {
        require(request, Role.MEMBER);
    }

    @Lead
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 25)
    public void lead(ResteasyReactiveContainerRequestContext request) {
        require(request, Role.LEAD);
    }

    @Owner
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 25)
    public void owner(ResteasyReactiveContainerRequestContext request) {
        require(request, Role.OWNER);
    }

    private void require(ResteasyReactiveContainerRequestContext request, Role role) {
        String slug = request.getUriInfo().getPathParameters().getFirst("slug");
        if (slug != null) {
            Access access = projectAccess.read(slug);
            try {
                access.requireRole(role);
            } catch (ApiException refusal) {
                // An editor's form keeps its typed text: its 403 is answered once the form is read (EditorRefusal).
                if (!EditorRefusal.waits(request, refusal)) {
                    throw refusal;
                }
            }
        }
    }
}
