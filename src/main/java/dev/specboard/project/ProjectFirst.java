package dev.specboard.project;

import dev.specboard.kernel.Role;
import dev.specboard.web.ApiException;
import dev.specboard.web.EditorRefusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.List;
import java.util.Set;

/**
 * Asks the project policy whether the caller may see the project before the body of a change is read, on the API and
 * on the pages alike. JAX-RS reads the body into its record (or a form's fields, checked for NUL characters) before the
 * resource method runs, so a body with an unknown field or a NUL character was refused with 422 before the method's own
 * access check: a non-member learnt that the route took a body there, and the policy answers a non-member 404
 * whatever the body, a viewer (who may change nothing) 403, and a change to an archived project 409. The answer is
 * kept for the request ({@link ProjectAccess} resolves once), so the resource's own check costs no second query. On an
 * editor's form the viewer's 403 and the archived project's 409 are still decided here, but answered once the form is
 * read, with the typed text to copy ({@link EditorRefusal}).
 */
public class ProjectFirst {

    /** The methods of a change, which the request filters judge before a body is read. */
    public static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> PROJECTS = List.of("/api/v1/projects/", "/projects/");
    private static final Set<String> ARCHIVING = Set.of("/archive", "/unarchive", "/settings/archive", "/settings/unarchive");
    /**
     * The routes that close access the project gave out (revoking a preview link), the one other change an archived
     * project takes: a public link must not stay open because the project was archived (see {@link Access#requireCloseAccess}).
     */
    private static final java.util.regex.Pattern CLOSING_ACCESS = java.util.regex.Pattern.compile("/previews/[^/]+/revoke");

    @Inject
    ProjectAccess projectAccess;

    /** After authentication (a missing token stays 401) and the CSRF check, and before the body is deserialized. */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 20)
    public void visibleFirst(ResteasyReactiveContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String prefix = PROJECTS.stream().filter(path::startsWith).findFirst().orElse(null);
        if (!CHANGES.contains(request.getMethod()) || prefix == null) {
            return;
        }
        String slug = request.getUriInfo().getPathParameters().getFirst("slug");
        if (slug != null) {
            Access access = projectAccess.read(slug);
            // The lowest role any change asks for is reviewer: a viewer is refused here, before a malformed
            // body could be answered 422 ahead of the 403 its role gets in any case.
            if (!access.has(Role.REVIEWER)) {
                ApiException refusal = ApiException.forbidden("A viewer changes nothing in " + access.project().name + ": reviewers"
                        + " review and leave feedback, members and above make changes; " + access.whoseRole() + ".");
                // An editor's form keeps its typed text: its 403 is answered once the form is read (EditorRefusal).
                if (EditorRefusal.waits(request, refusal)) {
                    return;
                }
                throw refusal;
            }
            // An archived project takes no change but being archived or unarchived, or closing access: 409 whatever the body, too.
            String rest = path.substring(Math.min(path.length(), prefix.length() + slug.length()));
            if (!ARCHIVING.contains(rest) && !CLOSING_ACCESS.matcher(rest).matches()) {
                try {
                    access.requireWrite(Role.REVIEWER);
                } catch (ApiException refusal) {
                    // An editor's form keeps its typed text: its 409 is answered once the form is read (EditorRefusal).
                    if (!EditorRefusal.waits(request, refusal)) {
                        throw refusal;
                    }
                }
            }
        }
    }
}
