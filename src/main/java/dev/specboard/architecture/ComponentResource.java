package dev.specboard.architecture;

import dev.specboard.kernel.DependencyGraph;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.Markdown;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
    DesignDocService designDocs;

    @Inject
    WorkSessionService sessions;

    @Inject
    Markdown markdown;

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("type") String type, @QueryParam("completion") String completion,
                         @QueryParam("context") String context, @Context HttpHeaders headers) {
        Access access = projectAccess.read(slug);
        ComponentListView page = listPage(access, type, completion, context, ComponentForm.empty(), FormErrors.none());
        return Htmx.pageOrFragment(headers, () -> Templates.components(page), () -> Templates.components$list(page));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("slug") String slug, @BeanParam ComponentForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            Component c = components.create(access, form);
            return Flash.redirect(headers, link(access, c.id), "Component " + c.name + " created.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.components(listPage(access, null, null, null, form, e.errors())));
        }
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        return Htmx.page(Templates.component(page(access, uuid(id), DependencyForm.empty(), FormErrors.none(), null, List.of())));
    }

    @GET
    @Path("/{id}/edit")
    public Response edit(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Component c = components.get(access.project().id, uuid(id));
        return Htmx.page(Templates.componentEdit(access, row(access, c.id), ComponentForm.of(c), FormErrors.none(),
                contexts.refs(access.project().id), Map.of()));
    }

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
            return Htmx.invalid(Templates.componentEdit(access, row(access, cid), form, e.errors(), contexts.refs(access.project().id), Map.of()));
        } catch (StaleVersionException e) {
            // Keep what was typed, now based on the current version, and show what changed meanwhile.
            ComponentForm rebased = new ComponentForm(form.name(), form.type(), form.filePath(), form.contextId(), form.description(),
                    e.currentVersion());
            return Htmx.page(Templates.componentEdit(access, row(access, cid), rebased,
                    FormErrors.none().add("version", e.getMessage()), contexts.refs(access.project().id), e.current()), 409);
        }
    }

    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") String id, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        components.delete(access, uuid(id));
        return Flash.redirect(headers, "/projects/" + access.slug() + "/components", "Component deleted.");
    }

    @POST
    @Path("/{id}/completion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response completion(@PathParam("slug") String slug, @PathParam("id") String id, @BeanParam CompletionForm form,
                               @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID cid = uuid(id);
        components.setCompletion(access, cid, form.docsComplete(), form.codeComplete(), form.testsComplete());
        if (Htmx.isHtmx(headers)) {
            return Htmx.page(Templates.component$completion(page(access, cid, DependencyForm.empty(), FormErrors.none(), null, List.of())));
        }
        return Flash.redirect(headers, link(access, cid), "Completion saved.");
    }

    /** Adds an edge; a refused one re-renders the form with the cycle named and the choice kept (409, or 422 for a bad choice). */
    @POST
    @Path("/{id}/dependencies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addDependency(@PathParam("slug") String slug, @PathParam("id") String id, @BeanParam DependencyForm form,
                                  @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID cid = uuid(id);
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
            return Htmx.page(Templates.component$dependencies(page(access, cid, DependencyForm.empty(), FormErrors.none(), null, List.of())));
        }
        return Flash.redirect(headers, link(access, cid) + "#dependencies", "Dependency added.");
    }

    private Response refused(Access access, UUID cid, DependencyForm form, FormErrors errors, String message, List<String> cycle, int status,
                             HttpHeaders headers) {
        ComponentView page = page(access, cid, form, errors, message, cycle);
        return Htmx.page(Htmx.isHtmx(headers) ? Templates.component$dependencies(page) : Templates.component(page), status);
    }

    @POST
    @Path("/{id}/dependencies/{dependsOn}/remove")
    public Response removeDependency(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("dependsOn") String dependsOn,
                                     @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID cid = uuid(id);
        components.removeDependency(access, cid, uuid(dependsOn));
        if (Htmx.isHtmx(headers)) {
            return Htmx.page(Templates.component$dependencies(page(access, cid, DependencyForm.empty(), FormErrors.none(), null, List.of())));
        }
        return Flash.redirect(headers, link(access, cid) + "#dependencies", "Dependency removed.");
    }

    private ComponentListView listPage(Access access, String type, String completion, String context, ComponentForm form, FormErrors errors) {
        String t = type != null && Component.TYPES.contains(type) ? type : "";
        String done = "complete".equals(completion) || "incomplete".equals(completion) ? completion : "";
        String ctx = context == null ? "" : context.trim();
        UUID ctxId = ComponentService.parse(ctx);
        ComponentSet set = components.all(access.project());
        Map<String, ComponentListView.GroupView> groups = new LinkedHashMap<>();
        int shown = 0;
        for (ComponentRow r : set.rows()) {
            boolean keep = (t.isEmpty() || t.equals(r.type()))
                    && (done.isEmpty() || ("complete".equals(done) == r.complete()))
                    && (ctx.isEmpty() || ("none".equals(ctx) ? r.contextId() == null : r.contextId() != null && r.contextId().equals(ctxId)));
            if (keep) {
                shown++;
                groups.computeIfAbsent(r.contextLabel(), k -> new ComponentListView.GroupView(r.contextId(), k, new ArrayList<>())).rows().add(r);
            }
        }
        String ctxShown = "none".equals(ctx) || ctxId != null ? ctx : "";
        return new ComponentListView(access, new ArrayList<>(groups.values()), t, done, ctxShown, set.rows().size(), shown,
                contexts.refs(access.project().id), form, errors);
    }

    ComponentView page(Access access, UUID id, DependencyForm depForm, FormErrors depErrors, String depError, List<String> cycle) {
        components.get(access.project().id, id);
        ComponentSet set = components.all(access.project());
        ComponentRow c = set.byId().get(id);
        DependencyGraph<UUID> g = set.graph();
        Set<UUID> direct = g.directDependencies(id);
        List<ComponentRef> candidates = set.rows().stream()
                .filter(r -> !r.id().equals(id) && !direct.contains(r.id())).map(ComponentRow::ref).toList();
        List<ComponentRow> near = GraphSvg.neighbourhood(set, id, 1);
        String svg = GraphSvg.render(access.slug(), near, GraphSvg.palette(set.rows()), id,
                "Direct dependencies and dependents of " + c.name(), "neighbourhood", null);
        java.util.Optional<DesignDoc> found = designDocs.find(id);
        ComponentView.DocView doc = found
                .map(d -> new ComponentView.DocView(d.version, d.approved, d.approvedVersion, markdown.render(d.content), c.dirty()))
                .orElse(null);
        List<DesignDocRevisionRow> revisions = found.map(d -> designDocs.revisions(d.id)).orElse(List.of());
        return new ComponentView(access, c, set.refs(List.copyOf(direct)), set.refs(g.dependencies(id)), set.refs(List.copyOf(g.directDependents(id))),
                set.refs(g.dependents(id)), candidates, depForm, depErrors, depError, cycle, svg, doc, revisions,
                sessions.list(access.project().id, WorkSessionFilter.forTarget(id)));
    }

    private ComponentRow row(Access access, UUID id) {
        ComponentRow r = components.all(access.project()).byId().get(id);
        if (r == null) {
            throw ApiException.notFound("No such component in this project");
        }
        return r;
    }

    static String link(Access access, UUID id) {
        return "/projects/" + access.slug() + "/components/" + id;
    }

    static UUID uuid(String id) {
        UUID u = ComponentService.parse(id);
        if (u == null) {
            throw ApiException.notFound("No such component in this project");
        }
        return u;
    }
}
