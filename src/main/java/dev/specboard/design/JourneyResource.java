package dev.specboard.design;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.DeletedMeanwhile;
import dev.specboard.web.ApiException;
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
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** Journeys: the list, one journey drawn with its outline and check, and editing it, its nodes and connections through forms. */
@Path("/projects/{slug}/journeys")
@Produces(MediaType.TEXT_HTML)
public class JourneyResource {

    @CheckedTemplate(basePath = "design")
    static class Templates {
        static native TemplateInstance journeys(JourneyListView view);

        static native TemplateInstance journey(JourneyView view);

        static native TemplateInstance nodeEditor(JourneyView view, JourneyView.NodeRow n);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    JourneyService journeys;

    @Inject
    JourneyNodeService journeyNodes;

    @Inject
    JourneyViews views;

    @Inject
    Flash flash;

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        return Htmx.page(Templates.journeys(views.list(access, page, JourneyForm.empty(), FormErrors.none())));
    }

    @RoleFirst.Member
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("slug") String slug, @BeanParam JourneyForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            JourneyFlow f = journeys.create(access, form);
            return Flash.redirect(headers, link(access, f.id), "Journey " + f.name + " created: add its first screen.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.journeys(views.list(access, null, form, e.errors())));
        }
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        JourneyFlow f = journeys.get(access.project().id, uuid(id));
        return Htmx.page(Templates.journey(views.view(access, f, NodeForm.empty(), ConnectionForm.empty(), null, FormErrors.none())));
    }

    @RoleFirst.Member
    @DeletedMeanwhile.Editor
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("slug") String slug, @PathParam("id") String id, @BeanParam JourneyForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = uuid(id);
        try {
            JourneyFlow f = journeys.update(access, fid, form);
            return Flash.redirect(headers, link(access, fid), "Journey " + f.name + " saved.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.journey(views.refusedEdit(access, journeys.get(access.project().id, fid), form, e.errors())));
        } catch (StaleVersionException e) {
            // What was typed stays, now based on the current version: saving again replaces the other change knowingly.
            JourneyForm rebased = new JourneyForm(form.name(), form.flowType(), form.description(), form.primary(), e.currentVersion());
            return Htmx.page(Templates.journey(views.refusedEdit(access, journeys.get(access.project().id, fid), rebased,
                    FormErrors.none().add("version", e.getMessage()), dev.specboard.kernel.ConflictView.of(e,
                            StaleVersionException.texts("name", "Name", "flowType", "Type", "description", "Description")))), 409);
        }
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("slug") String slug, @PathParam("id") String id, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = uuid(id);
        String name = journeys.get(access.project().id, fid).name;
        journeys.delete(access, fid);
        return Flash.redirect(headers, "/projects/" + access.slug() + "/journeys", "Journey " + name + " deleted.");
    }

    /** The node and connection forms live on the journey page: a reload of a refused answer opens that page. */
    @GET
    @Path("/{id}/{form: nodes|connections|delete}")
    public Response nodeForms(@PathParam("slug") String slug, @PathParam("id") String id) {
        // another project's journey is 404 under this slug, as on every route, not a redirect to a page that 404s
        journeys.get(projectAccess.read(slug).project().id, uuid(id));
        return FormAddress.holder("/projects/{slug}/journeys/{id}", slug, id);
    }

    /** A node's own forms (edit, lock, pin, remove) sit on the journey page too. */
    @GET
    @Path("/{id}/nodes/{key}")
    public Response nodeEditForm(@PathParam("slug") String slug, @PathParam("id") String id) {
        return nodeForms(slug, id);
    }

    /**
     * A node's forms, which its entry on the journey page loads (htmx) when opened; without htmx (the entry's link) the
     * journey page with that node's forms open.
     */
    @GET
    @Path("/{id}/nodes/{key}/edit")
    public Response nodeEditor(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("key") String key, @Context HttpHeaders headers) {
        // The forms are a member's, as every edit form is: a viewer is 403 here, not an empty fragment or a page without them.
        Access access = projectAccess.write(slug, Role.MEMBER);
        JourneyFlow f = journeys.get(access.project().id, uuid(id));
        journeys.node(f.id, key);
        if (!Htmx.isFragment(headers)) {
            return Htmx.page(Templates.journey(views.view(access, f, null, ConnectionForm.empty(), key, FormErrors.none())));
        }
        JourneyView v = views.editor(access, f, key);
        return Htmx.page(Templates.nodeEditor(v, v.nodes().get(0)));
    }

    @GET
    @Path("/{id}/nodes/{key}/{form: lock|position|remove}")
    public Response nodeActionForms(@PathParam("slug") String slug, @PathParam("id") String id) {
        return nodeForms(slug, id);
    }

    @GET
    @Path("/{id}/nodes/{key}/position/remove")
    public Response unpinForm(@PathParam("slug") String slug, @PathParam("id") String id) {
        return nodeForms(slug, id);
    }

    @GET
    @Path("/{id}/nodes/{key}/connections/{index}/remove")
    public Response disconnectForm(@PathParam("slug") String slug, @PathParam("id") String id) {
        return nodeForms(slug, id);
    }

    @RoleFirst.Member
    @DeletedMeanwhile.Editor
    @POST
    @Path("/{id}/nodes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addNode(@PathParam("slug") String slug, @PathParam("id") String id, @BeanParam NodeForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = uuid(id);
        try {
            FlowNode n = journeyNodes.addNode(access, fid, form);
            return Flash.redirect(headers, link(access, fid) + "#node-" + n.nodeKey, "Node " + n.nodeKey + " added.");
        } catch (ValidationException e) {
            return invalid(access, fid, form, ConnectionForm.empty(), "new", e.errors());
        }
    }

    @RoleFirst.Member
    @DeletedMeanwhile.Editor
    @POST
    @Path("/{id}/nodes/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateNode(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("key") String key, @BeanParam NodeForm form,
                               @FormParam("version") Integer version, @FormParam("seen") String seen, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = uuid(id);
        try {
            journeyNodes.updateNode(access, fid, key, form, version, seen);
            return Flash.redirect(headers, link(access, fid) + "#node-" + key, "Node " + key + " saved.");
        } catch (ValidationException e) {
            return invalid(access, fid, form, ConnectionForm.empty(), key, e.errors());
        } catch (StaleVersionException e) {
            // What was typed stays in the node's form, now based on the current version; the node shows its current data above it.
            JourneyFlow f = journeys.get(access.project().id, fid);
            return Htmx.page(Templates.journey(views.view(access, f, form, ConnectionForm.empty(), key,
                    FormErrors.none().add("version", e.getMessage()))), 409);
        }
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/nodes/{key}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeNode(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("key") String key,
                               @FormParam("version") Integer version, @FormParam("seen") String seen, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = uuid(id);
        try {
            journeyNodes.removeNode(access, fid, key, version, seen);
        } catch (StaleVersionException e) {
            return stale(access, fid, key, e);
        }
        return Flash.redirect(headers, link(access, fid), "Node " + key + " removed with its connections.");
    }

    /** Locks a node ({@code locked=true}) so that it stays as it is, or unlocks it. */
    @RoleFirst.Member
    @POST
    @Path("/{id}/nodes/{key}/lock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lockNode(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("key") String key, @FormParam("locked") String locked,
                             @FormParam("version") Integer version, @FormParam("seen") String seen, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = uuid(id);
        boolean lock = "true".equals(locked);
        try {
            journeyNodes.setLocked(access, fid, key, lock, version, seen);
        } catch (StaleVersionException e) {
            return stale(access, fid, key, e);
        }
        return Flash.redirect(headers, link(access, fid) + "#node-" + key, "Node " + key + (lock ? " locked: it stays as it is until it is unlocked." : " unlocked."));
    }

    /** Keeps where a node was dragged to (the drag script posts here; without it, the layout engine places every node). */
    @RoleFirst.Member
    @POST
    @Path("/{id}/nodes/{key}/position")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response position(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("key") String key, @FormParam("x") String x,
                             @FormParam("y") String y, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = uuid(id);
        JourneyFlow f = journeys.get(access.project().id, fid);
        try {
            journeyNodes.move(access, fid, key, number(x), number(y));
        } catch (ApiException e) {
            if (access.archived() || (e.status() != 409 && e.status() != 404)) {
                throw e;
            }
            // Locked or removed since the picture was drawn (the page offers no drag of a locked node): the journey as it is now
            // and what changed. The drag script reloads on 409, and the message shows there (a one-time flash).
            String said = e.status() == 404 ? "The node " + key + " was removed meanwhile, so nothing moved: the journey is shown as it is now."
                    : "The node " + key + " was locked meanwhile, so it stays where it is: unlock it to move it.";
            if (Htmx.isHtmx(headers)) {
                return Flash.with(Response.status(409).type(MediaType.TEXT_PLAIN_TYPE).entity(said), said).build();
            }
            flash.now(said);
            return Htmx.page(Templates.journey(views.view(access, f, null, ConnectionForm.empty(), null, FormErrors.none())), 409);
        }
        if (Htmx.isHtmx(headers)) {
            return Response.noContent().build();
        }
        return Flash.redirect(headers, link(access, fid), "Position saved.");
    }

    /** Gives a moved node back to the layout engine. */
    @RoleFirst.Member
    @POST
    @Path("/{id}/nodes/{key}/position/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unpin(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("key") String key, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = uuid(id);
        journeyNodes.unpin(access, fid, key);
        return Flash.redirect(headers, link(access, fid) + "#node-" + key, "Node " + key + " is placed by the layout again.");
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/connections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response connect(@PathParam("slug") String slug, @PathParam("id") String id, @BeanParam ConnectionForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = uuid(id);
        try {
            journeyNodes.connect(access, fid, form);
            return Flash.redirect(headers, link(access, fid) + "#node-" + form.from(), form.from() + " now leads to " + form.to() + ".");
        } catch (ValidationException e) {
            return invalid(access, fid, NodeForm.empty(), form, "connect", e.errors());
        }
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/nodes/{key}/connections/{index}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disconnect(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("key") String key, @PathParam("index") String index,
                               @FormParam("version") Integer version, @FormParam("seen") String seen, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = uuid(id);
        int i;
        try {
            i = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No such connection");
        }
        try {
            journeyNodes.disconnect(access, fid, key, i, version, seen);
        } catch (StaleVersionException e) {
            return stale(access, fid, key, e);
        }
        return Flash.redirect(headers, link(access, fid) + "#node-" + key, "Connection removed.");
    }

    /** A stale removal, lock or unlock: the journey as it is now, the node's entry open with the message naming both versions. */
    private Response stale(Access access, UUID fid, String key, StaleVersionException e) {
        JourneyFlow f = journeys.get(access.project().id, fid);
        return Htmx.page(Templates.journey(views.view(access, f, null, ConnectionForm.empty(), key,
                FormErrors.none().add("version", e.getMessage()))), 409);
    }

    private Response invalid(Access access, UUID fid, NodeForm node, ConnectionForm connection, String failed, FormErrors errors) {
        JourneyFlow f = journeys.get(access.project().id, fid);
        return Htmx.invalid(Templates.journey(views.view(access, f, node, connection, failed, errors)));
    }

    private static double number(String s) {
        try {
            return s == null ? Double.NaN : Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String link(Access access, UUID id) {
        return "/projects/" + access.slug() + "/journeys/" + id;
    }

    static UUID uuid(String id) {
        return Ids.parseOr404(id, "No such journey in this project");
    }
}
