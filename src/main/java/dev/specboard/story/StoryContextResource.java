package dev.specboard.story;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormAddress;
import dev.specboard.web.Htmx;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

/** The bounded contexts of a story, added and removed on its page (htmx swaps the contexts card). */
@Path("/projects/{slug}/stories/{number}/contexts")
@Produces(MediaType.TEXT_HTML)
public class StoryContextResource {

    @Inject
    ProjectAccess projectAccess;

    @Inject
    StoryContexts contexts;

    @Inject
    StoryViews views;

    @Context
    HttpHeaders headers;

    /** The context forms live on the story page: a GET of their address opens it (a story number is per project by nature). */
    @GET
    public Response addForm(@PathParam("slug") String slug, @PathParam("number") int number) {
        projectAccess.read(slug);
        return FormAddress.holder("/projects/{slug}/stories/{number}", slug, number);
    }

    @GET
    @Path("/{contextId}/remove")
    public Response removeForm(@PathParam("slug") String slug, @PathParam("number") int number, @PathParam("contextId") String contextId) {
        UUID id = StoryFilter.uuid(contextId);
        // another project's context is 404 under this slug, as on every route, not a redirect
        if (id == null || contexts.refs(projectAccess.read(slug).project().id).stream().noneMatch(c -> c.id().equals(id))) {
            throw ApiException.notFound("No such context in this project");
        }
        return addForm(slug, number);
    }

    @RoleFirst.Member
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addContext(@PathParam("slug") String slug, @PathParam("number") int number, @FormParam("contextId") String contextId) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        contexts.addStory(access, StoryFilter.uuid(contextId), number);
        return contextsAnswer(access, number);
    }

    @RoleFirst.Member
    @POST
    @Path("/{contextId}/remove")
    public Response removeContext(@PathParam("slug") String slug, @PathParam("number") int number, @PathParam("contextId") String contextId) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID id = StoryFilter.uuid(contextId);
        if (id == null) {
            throw ApiException.notFound("No such context in this project");
        }
        contexts.removeStory(access, id, number);
        return contextsAnswer(access, number);
    }

    private Response contextsAnswer(Access access, int number) {
        if (!Htmx.isHtmx(headers)) {
            return Response.seeOther(URI.create(StoryResource.url(access, number) + "#contexts")).build();
        }
        StoryView v = views.contexts(access, number);
        return Htmx.page(StoryResource.Templates.show$contexts(access, v.story(), v.storyContexts(), v.otherContexts()));
    }
}
