package dev.specboard.architecture;

import dev.specboard.project.RoleFirst;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FilterChoices;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** The project's work sessions: the filtered list, starting one on a target, claiming, completing, failing, releasing, retrying. */
@Path("/projects/{slug}/work-sessions")
@Produces(MediaType.TEXT_HTML)
public class WorkSessionResource {

    @CheckedTemplate(basePath = "architecture")
    static class Templates {
        static native TemplateInstance workSessions(WorkSessionListView page);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    WorkSessionService sessions;

    @Inject
    ComponentService components;

    @Inject
    ContextService contexts;

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("status") String status, @QueryParam("type") String type,
                         @QueryParam("target") String target) {
        Access access = projectAccess.read(slug);
        FilterChoices choices = new FilterChoices();
        WorkSessionFilter filter = WorkSessionFilter.read(status, type, target, choices);
        return choices.answer(Templates.workSessions(page(access, filter, choices, WorkSessionForm.empty(), FormErrors.none())));
    }

    @RoleFirst.Member
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("slug") String slug, @BeanParam WorkSessionStartForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        WorkSessionForm f = form.toForm();
        try {
            WorkSession w = sessions.create(access, f);
            return Flash.redirect(headers, back(access, form.back(), w), "The " + w.sessionType + " session was started: it waits to be claimed.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.workSessions(page(access, WorkSessionFilter.of(null, null, null), new FilterChoices(), f, e.errors())));
        }
    }

    /**
     * A session's forms live on its row of the list and, for a session on a component, on that component's page too: a GET
     * of their address, a reload of a refused failure note say, opens the component's page for such a session (while the
     * component exists), else the list. Another project's session is 404 under this slug, not a redirect to a page.
     */
    @GET
    @Path("/{id}/{form: claim|complete|fail|release|retry}")
    public Response sessionForms(@PathParam("slug") String slug, @PathParam("id") String id) {
        WorkSession w = sessions.get(projectAccess.read(slug).project().id, uuid(id));
        return sessions.component(w).map(c -> FormAddress.holder("/projects/{slug}/components/{id}", slug, c))
                .orElseGet(() -> FormAddress.holder("/projects/{slug}/work-sessions", slug));
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("back") String back,
                          @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            WorkSession w = sessions.claim(access, uuid(id));
            return Flash.redirect(headers, back(access, back, w), "You claimed the " + w.sessionType + " session.");
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            // Someone was faster (the page was stale): back to the page with why, as the board says "Not moved".
            return Flash.redirect(headers, back(access, back, sessions.get(access.project().id, uuid(id))), "Not claimed: " + e.getMessage());
        }
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("slug") String slug, @PathParam("id") String id, @BeanParam WorkSessionFinishForm form,
                             @FormParam("back") String back, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID sid = uuid(id);
        try {
            WorkSession w = sessions.complete(access, sid, form);
            return Flash.redirect(headers, back(access, back, w), "Session completed.");
        } catch (ValidationException e) {
            // An input error (a note too long, a design doc on a session that takes none): as for Fail, the list with the
            // problem next to its field and what was typed kept, not the error page.
            WorkSessionListView page = page(access, WorkSessionFilter.of(WorkSession.IN_PROGRESS, null, null), new FilterChoices(),
                    WorkSessionForm.empty(), e.errors());
            return Htmx.invalid(Templates.workSessions(page.refused(sid, "Not completed", null, form.note()).keeping(form.designDoc(), null)));
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            // Refused on a race (claimed by someone else, finished meanwhile): the list says why and keeps the note typed.
            WorkSessionListView page = page(access, WorkSessionFilter.of(null, null, null), new FilterChoices(), WorkSessionForm.empty(), FormErrors.none());
            String saved = e instanceof StaleVersionException stale ? stale.current().get("content") : null;
            return Htmx.page(Templates.workSessions(page.refused(sid, "Not completed", "Not completed: " + e.getMessage(), form.note())
                    .keeping(form.designDoc(), saved)), 409);
        }
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/fail")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fail(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("note") String note,
                         @FormParam("back") String back, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID sid = uuid(id);
        try {
            WorkSession w = sessions.fail(access, sid, note);
            return Flash.redirect(headers, back(access, back, w), "Session marked as failed.");
        } catch (ValidationException e) {
            // The session stays in progress: show the list with what is missing, the note typed kept in its row's form.
            WorkSessionListView page = page(access, WorkSessionFilter.of(WorkSession.IN_PROGRESS, null, null), new FilterChoices(),
                    WorkSessionForm.empty(), e.errors());
            return Htmx.invalid(Templates.workSessions(page.refused(sid, "Not marked as failed", null, note)));
        }
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("back") String back,
                            @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        WorkSession w = sessions.release(access, uuid(id));
        return Flash.redirect(headers, back(access, back, w), "The " + w.sessionType + " session is pending again, for anyone to claim.");
    }

    @RoleFirst.Lead
    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("back") String back,
                          @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.LEAD);
        WorkSession w = sessions.retry(access, uuid(id));
        return Flash.redirect(headers, back(access, back, w), "The " + w.sessionType + " session is pending again for another try.");
    }

    private WorkSessionListView page(Access access, WorkSessionFilter filter, FilterChoices choices, WorkSessionForm form, FormErrors errors) {
        return new WorkSessionListView(access, choices.listed(() -> sessions.list(access.project().id, filter)), filter, contexts.refs(access.project().id),
                components.all(access.project()).rows().stream().map(ComponentRow::ref).toList(), form, errors, choices.errors());
    }

    /**
     * Back to the component page when the action started there and the session is on a component, else to the list: a
     * project or context session has no component page. The address is built from the session, never from the value sent.
     */
    private static String back(Access access, String back, WorkSession w) {
        if (back != null && !back.isBlank() && "component".equals(w.targetType)) {
            return ComponentViews.link(access, w.targetId) + "#sessions";
        }
        return "/projects/" + access.slug() + "/work-sessions";
    }

    static UUID uuid(String id) {
        UUID u = ComponentService.parse(id);
        if (u == null) {
            throw ApiException.notFound("No such work session in this project");
        }
        return u;
    }
}
