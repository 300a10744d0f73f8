package dev.specboard.architecture;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/** A component's dependencies on its page: add one (a cycle is refused and named) or remove one; htmx swaps the dependencies card. */
@Path("/projects/{slug}/components/{id}/dependencies")
@Produces(MediaType.TEXT_HTML)
public class ComponentDependencyResource {

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ComponentService components;

    @Inject
    ComponentViews views;

    /** Adds an edge; a refused one re-renders the form with the cycle named and the choice kept (409, or 422 for a bad choice). */
    @RoleFirst.Member
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addDependency(@PathParam("slug") String slug, @PathParam("id") String id, @BeanParam DependencyForm form,
                                  @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID cid = ComponentViews.uuid(id);
        try {
            components.addDependency(access, cid, form.dependsOn());
        } catch (ValidationException e) {
            return refused(access, cid, form, e.errors(), null, List.of(), 422, headers);
        } catch (CycleException e) {
            return refused(access, cid, form, FormErrors.none().add("dependsOn", e.getMessage()), e.getMessage(), e.cycle(), 409, headers);
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            return refused(access, cid, form, FormErrors.none().add("dependsOn", e.getMessage()), e.getMessage(), List.of(), 409, headers);
        }
        if (Htmx.isHtmx(headers)) {
            return Htmx.page(ComponentResource.Templates.component$dependencies(views.page(access, cid)));
        }
        return Flash.redirect(headers, ComponentViews.link(access, cid) + "#dependencies", "Dependency added.");
    }

    private Response refused(Access access, UUID cid, DependencyForm form, FormErrors errors, String message, List<String> cycle, int status,
                             HttpHeaders headers) {
        ComponentView page = views.page(access, cid, form, errors, message, cycle);
        return Htmx.page(Htmx.isHtmx(headers) ? ComponentResource.Templates.component$dependencies(page) : ComponentResource.Templates.component(page), status);
    }

    /** The dependency forms live on the component's page: a GET of their address (a refused one, reloaded) opens it. */
    @GET
    public Response addForm(@PathParam("slug") String slug, @PathParam("id") String id) {
        // another project's component is 404 under this slug, as on every route, not a redirect to a page that 404s
        components.get(projectAccess.read(slug).project().id, ComponentViews.uuid(id));
        return FormAddress.holder("/projects/{slug}/components/{id}", slug, id);
    }

    @GET
    @Path("/{dependsOn}/remove")
    public Response removeForm(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("dependsOn") String dependsOn) {
        components.get(projectAccess.read(slug).project().id, ComponentViews.uuid(dependsOn));
        return addForm(slug, id);
    }

    @RoleFirst.Member
    @POST
    @Path("/{dependsOn}/remove")
    public Response removeDependency(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("dependsOn") String dependsOn,
                                     @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID cid = ComponentViews.uuid(id);
        components.removeDependency(access, cid, ComponentViews.uuid(dependsOn));
        if (Htmx.isHtmx(headers)) {
            return Htmx.page(ComponentResource.Templates.component$dependencies(views.page(access, cid)));
        }
        return Flash.redirect(headers, ComponentViews.link(access, cid) + "#dependencies", "Dependency removed.");
    }
}
