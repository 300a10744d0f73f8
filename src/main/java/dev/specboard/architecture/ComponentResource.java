package dev.specboard.architecture;

import dev.specboard.project.RoleFirst;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.web.DeletedMeanwhile;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.specboard.architecture.ComponentViews.link;
import static dev.specboard.architecture.ComponentViews.uuid;

/** The component pages: the list grouped by context, one component with its dependencies, design doc and sessions, and the edit form. */
@Path("/projects/{slug}/components")
@Produces(MediaType.TEXT_HTML)
public class ComponentResource {

    @CheckedTemplate(basePath = "architecture")
    static class Templates {
        static native TemplateInstance components(ComponentListView page);

        static native TemplateInstance components$list(ComponentListView page);

        static native TemplateInstance component(ComponentView page);

        static native TemplateInstance component$dependencies(ComponentView page);

        static native TemplateInstance component$completion(ComponentView page);

        static native TemplateInstance component$designDoc(ComponentView page);

        static native TemplateInstance componentEdit(Access access, ComponentRow c, ComponentForm form, FormErrors errors,
                                                     List<dev.specboard.story.ContextRef> contexts, Map<String, String> current);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ComponentService components;

    @Inject
    ContextService contexts;

    @Inject
    ComponentViews views;

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("type") String type, @QueryParam("completion") String completion,
                         @QueryParam("context") String context, @Context HttpHeaders headers) {
        Access access = projectAccess.read(slug);
        ComponentListView page = views.list(access, type, completion, context, ComponentForm.empty(), FormErrors.none());
        if (page.filterErrors().any()) {
            return Htmx.invalid(Htmx.isFragment(headers) ? Templates.components$list(page) : Templates.components(page));
        }
        return Htmx.pageOrFragment(headers, () -> Templates.components(page), () -> Templates.components$list(page));
    }

    @RoleFirst.Member
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("slug") String slug, @BeanParam ComponentForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            Component c = components.create(access, form);
            return Flash.redirect(headers, link(access, c.id), "Component " + c.name + " created.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.components(views.list(access, null, null, null, form, e.errors())));
        }
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        return Htmx.page(Templates.component(views.page(access, uuid(id))));
    }

    @GET
    @Path("/{id}/edit")
    public Response edit(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Component c = components.get(access.project().id, uuid(id));
        return editPage(access, c.id, ComponentForm.of(c), FormErrors.none(), Map.of(), 200);
    }

    @RoleFirst.Member
    @DeletedMeanwhile.Editor
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("slug") String slug, @PathParam("id") String id, @BeanParam ComponentForm form,
                           @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID cid = uuid(id);
        try {
            components.update(access, cid, form);
            return Flash.redirect(headers, link(access, cid), "Component saved.");
        } catch (ValidationException e) {
            return editPage(access, cid, form, e.errors(), Map.of(), 422);
        } catch (StaleVersionException e) {
            // Keep what was typed, now based on the current version, and show what changed meanwhile.
            return editPage(access, cid, form.withVersion(e.currentVersion()), FormErrors.none().add("version", e.getMessage()), e.current(), 409);
        }
    }

    private Response editPage(Access access, UUID cid, ComponentForm form, FormErrors errors, Map<String, String> current, int status) {
        return Htmx.page(Templates.componentEdit(access, views.row(access, cid), form, errors, contexts.refs(access.project().id), current), status);
    }

    /** The delete and completion forms live on the component's page: a GET of their address opens it. */
    @GET
    @Path("/{id}/{form: delete|completion}")
    public Response componentForms(@PathParam("slug") String slug, @PathParam("id") String id) {
        // another project's component is 404 under this slug, as on every route, not a redirect to a page that 404s
        components.get(projectAccess.read(slug).project().id, uuid(id));
        return FormAddress.holder("/projects/{slug}/components/{id}", slug, id);
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") String id, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        components.delete(access, uuid(id));
        return Flash.redirect(headers, "/projects/" + access.slug() + "/components", "Component deleted.");
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/completion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response completion(@PathParam("slug") String slug, @PathParam("id") String id, @BeanParam CompletionForm form,
                               @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID cid = uuid(id);
        components.setCompletion(access, cid, form.docsComplete(), form.codeComplete(), form.testsComplete());
        if (Htmx.isHtmx(headers)) {
            return Htmx.page(Templates.component$completion(views.page(access, cid)));
        }
        return Flash.redirect(headers, link(access, cid), "Completion saved.");
    }
}
