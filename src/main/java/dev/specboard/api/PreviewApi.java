package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Role;
import dev.specboard.preview.PreviewForm;
import dev.specboard.preview.PreviewRow;
import dev.specboard.preview.PreviewService;
import dev.specboard.preview.PreviewSession;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
import dev.specboard.web.PublicAddress;
import dev.specboard.web.ValidationException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** API v1 for preview links: create (a lead), read with the cleanup stages, list and revoke. */
@Path("/api/v1/projects/{slug}/previews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreviewApi {

    /** {@code hours}' largest value is the setting {@code specboard.previews.max-hours}, named by a 400 for a number too large for it. */
    @RegisterForReflection
    public record PreviewBody(String pagePath, @jakarta.validation.constraints.Min(1)
            @dev.specboard.web.ConfiguredMax(property = "specboard.previews.max-hours", fallback = 720) Integer hours) {
    }

    @RegisterForReflection
    public record Created(UUID id, String token, String url, Instant expiresAt, String status) {
    }

    @RegisterForReflection
    public record PreviewAnswer(UUID id, String status, String url, String page, int pageCount, Instant createdAt, Instant expiresAt,
                                Instant revokedAt, boolean open, List<Event> events, String closedReason) {
    }

    @RegisterForReflection
    public record Event(String stage, Instant createdAt) {
    }

    @Inject
    ListPaging paging;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    PreviewService previews;

    @Inject
    PublicAddress publicAddress;

    @RoleFirst.Lead
    @POST
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Created.class)))
    public Response create(@PathParam("slug") String slug, PreviewBody body, @Context UriInfo uri) {
        return Response.status(201).entity(create(slug, body, publicAddress.base(uri))).build();
    }

    /** Creates a preview whose link starts at {@code base}: the API's base URI, or the MCP request's for the tool. */
    Created create(String slug, PreviewBody body, URI base) {
        Access access = projectAccess.write(slug, Role.LEAD);
        PreviewBody b = ComponentApi.body(body);
        PreviewSession s = ValidationException.renaming("page", "pagePath", () -> previews.create(access, PreviewForm.of(b.pagePath(), b.hours())));
        String token = previews.link(s);
        return new Created(s.id, token, url(base, token), s.expiresAt, s.status);
    }

    /** The project's previews, newest first, 25 a page; past the last page an empty list. */
    @GET
    public List<PreviewAnswer> list(@PathParam("slug") String slug,
                                    @QueryParam("page") Integer page,
                                    @Context UriInfo uri) {
        return list(slug, page, publicAddress.base(uri));
    }

    List<PreviewAnswer> list(String slug, Integer page, URI base) {
        Access access = projectAccess.read(slug);
        PreviewService.Listing found = previews.page(access.project().id, page);
        paging.counted(page, found.at().total(), found.at().size());
        if (page != null && page > found.at().pages()) {
            return List.of();
        }
        return found.rows().stream().map(r -> answer(r, base, access)).toList();
    }

    @GET
    @Path("/{id}")
    public PreviewAnswer get(@PathParam("slug") String slug, @PathParam("id") String id, @Context UriInfo uri) {
        return get(slug, id, publicAddress.base(uri));
    }

    PreviewAnswer get(String slug, String id, URI base) {
        Access access = projectAccess.read(slug);
        return answer(previews.row(access.project().id, DesignApi.uuid(id)), base, access);
    }

    @RoleFirst.Lead
    @POST
    @Path("/{id}/revoke")
    public PreviewAnswer revoke(@PathParam("slug") String slug, @PathParam("id") String id, @Context UriInfo uri) {
        return revoke(slug, id, publicAddress.base(uri));
    }

    PreviewAnswer revoke(String slug, String id, URI base) {
        Access access = projectAccess.closeAccess(slug, Role.LEAD);
        previews.revoke(access, DesignApi.uuid(id));
        return get(slug, id, base);
    }

    /** The link is shown to leads (who may share it); other members see the preview's state only. */
    private static PreviewAnswer answer(PreviewRow r, URI base, Access access) {
        return new PreviewAnswer(r.id(), r.status(), r.open() && access.has(Role.LEAD) && r.token() != null ? url(base, r.token()) : null, r.pageName(), r.pageCount(),
                r.createdAt(), r.expiresAt(), r.revokedAt(), r.open(), r.events().stream().map(e -> new Event(e.stage(), e.createdAt())).toList(),
                r.closedReason());
    }

    private static String url(URI base, String token) {
        return UriBuilder.fromUri(base).path("preview").path(token).build().toString();
    }
}
