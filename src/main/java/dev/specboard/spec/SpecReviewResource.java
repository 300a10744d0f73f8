package dev.specboard.spec;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.Htmx;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A lead's review of a spec: approve it, mark it reviewed against its story, and compare two of its versions. */
@Path("/projects/{slug}/specs")
@Produces(MediaType.TEXT_HTML)
public class SpecReviewResource {

    @Inject
    ProjectAccess projectAccess;

    @Inject
    SpecService specs;

    @Inject
    SpecViews views;

    /** The approve and reviewed forms live on the spec's page: a GET of their address opens it (a key is per project by nature). */
    @GET
    @Path("{key}/{form: approve|reviewed}")
    public Response reviewForms(@PathParam("slug") String slug, @PathParam("key") String key) {
        projectAccess.read(slug);
        return FormAddress.holder("/projects/{slug}/specs/{key}", slug, key);
    }

    @RoleFirst.Lead
    @POST
    @Path("{key}/approve")
    public Response approve(@PathParam("slug") String slug, @PathParam("key") String key, @FormParam("version") Integer version,
                            @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.LEAD);
        TechnicalSpec spec = specs.approve(access, key, version);
        return Flash.redirect(headers, "/projects/" + slug + "/specs/" + spec.key(), spec.key() + " approved");
    }

    /** Two versions of a spec side by side as a word diff of the readable document (default: the last change). */
    @GET
    @Path("{key}/diff")
    public Response diff(@PathParam("slug") String slug, @PathParam("key") String key,
                         @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        Access access = projectAccess.read(slug);
        SpecDiffView v = views.diff(access, key, from, to);
        return Htmx.page(SpecResource.Templates.diff(access, v.key(), v.title(), v.from(), v.to(), v.versions(), v.titleDiff(), v.contentDiff()));
    }

    @RoleFirst.Lead
    @POST
    @Path("{key}/reviewed")
    public Response reviewed(@PathParam("slug") String slug, @PathParam("key") String key, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.LEAD);
        TechnicalSpec spec = specs.markReviewed(access, key);
        return Flash.redirect(headers, "/projects/" + slug + "/specs/" + spec.key(), spec.key() + " marked as reviewed against its story");
    }
}
