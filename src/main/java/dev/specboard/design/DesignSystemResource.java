package dev.specboard.design;

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
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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

/**
 * The design system as it emerged from the mockups (read from what the last recompute stored, and
 * its state line polled while a recompute is pending), members' names, merges and confirmations, and the exports.
 */
@Path("/projects/{slug}/design-system")
@Produces(MediaType.TEXT_HTML)
public class DesignSystemResource {

    @CheckedTemplate(basePath = "design")
    static class Templates {
        static native TemplateInstance designSystem(DesignSystemPage page);

        static native TemplateInstance designSystem$state(DesignSystemPage page);

        static native TemplateInstance designSystem$recomputed(DesignSystemPage page);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    DesignSystemService designSystems;

    @GET
    public Response show(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        DesignSystemPage page = new DesignSystemPage(access, designSystems.view(access.project().id), FormErrors.none());
        return Htmx.page(Templates.designSystem(page));
    }

    /**
     * The page's state line, polled while a recompute runs; once it has finished, the line offers the new results instead
     * of swapping them in, so that a form the person is filling in (a merge's two colours) keeps what they chose.
     */
    @GET
    @Path("/state")
    public Response state(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        DesignSystemPage page = new DesignSystemPage(access, designSystems.view(access.project().id), FormErrors.none());
        return Htmx.page(page.ds().pending() ? Templates.designSystem$state(page) : Templates.designSystem$recomputed(page));
    }

    /** The colour forms live on the design system's page: a GET of their address (a refused one, reloaded) opens it. */
    @GET
    @Path("/colors/{form: name|confirm|merge|unmerge|restore}")
    public Response colorForms(@PathParam("slug") String slug) {
        projectAccess.read(slug);
        return FormAddress.holder("/projects/{slug}/design-system", slug);
    }

    @GET
    @Path("/tokens.css")
    @Produces("text/css")
    public Response css(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        String css = DesignSystemExport.css(access.project().name, designSystems.view(access.project().id).tokens());
        return Response.ok(css, "text/css; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + slug + "-tokens.css\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("/tokens.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response tokens(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        String json = DesignSystemExport.designTokens(designSystems.view(access.project().id).tokens());
        return Response.ok(json, "application/design-tokens+json; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + slug + ".tokens.json\"").header("X-Content-Type-Options", "nosniff").build();
    }

    @RoleFirst.Member
    @POST
    @Path("/colors/name")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response name(@PathParam("slug") String slug, @FormParam("color") String color, @FormParam("name") String name,
                         @FormParam("was") String was, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return act(access, headers, () -> designSystems.name(access, color, name, was), "Named " + color + " “" + name + "”.",
                new Sent(color, name, null, null));
    }

    @RoleFirst.Member
    @POST
    @Path("/colors/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("slug") String slug, @FormParam("color") String color, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return act(access, headers, () -> designSystems.confirm(access, color), "Confirmed " + color + ".");
    }

    @RoleFirst.Member
    @POST
    @Path("/colors/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(@PathParam("slug") String slug, @FormParam("color") String color, @FormParam("into") String into,
                          @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return act(access, headers, () -> designSystems.merge(access, color, into), "Merged " + color + " into " + into + ".",
                new Sent(null, null, color, into));
    }

    @RoleFirst.Member
    @POST
    @Path("/colors/unmerge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unmerge(@PathParam("slug") String slug, @FormParam("color") String color, @FormParam("into") String into,
                            @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return act(access, headers, () -> designSystems.unmerge(access, color, into), "Unmerged " + color + ".");
    }

    /** A colour left out comes back: the mockups' uses of it count again from the next recompute on. */
    @RoleFirst.Member
    @POST
    @Path("/colors/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("slug") String slug, @FormParam("color") String color, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return act(access, headers, () -> designSystems.restore(access, color), "Added " + color + " back.");
    }

    private Response act(Access access, HttpHeaders headers, Runnable action, String message) {
        return act(access, headers, action, message, new Sent(null, null, null, null));
    }

    /** What a refused form sent, kept in its fields: the name typed for a colour, the two colours of a merge. */
    private record Sent(String color, String name, String mergeFrom, String mergeInto) {
    }

    /**
     * Runs a member's decision; a refused one re-renders the page with the reason (422 or 409) and what was sent kept in
     * its form (the name typed in that colour's field, the merge's two colours chosen), beside the design system as it is now.
     */
    private Response act(Access access, HttpHeaders headers, Runnable action, String message, Sent sent) {
        try {
            action.run();
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.designSystem(new DesignSystemPage(access, designSystems.view(access.project().id), e.errors(),
                    sent.color(), sent.name(), sent.mergeFrom(), sent.mergeInto())));
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            // A rename made meanwhile is about the name typed: the summary leads to that field, not to the colour's row.
            String field = sent.name() != null ? "name" : "color";
            return Htmx.page(Templates.designSystem(new DesignSystemPage(access, designSystems.view(access.project().id),
                    FormErrors.none().add(field, e.getMessage()), sent.color(), sent.name(), sent.mergeFrom(), sent.mergeInto())), 409);
        }
        return Flash.redirect(headers, "/projects/" + access.slug() + "/design-system", message + " The design system is being recomputed.");
    }
}
