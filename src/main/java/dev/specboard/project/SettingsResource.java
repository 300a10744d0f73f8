package dev.specboard.project;

import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
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

/** A project's settings (owner only): basics and vision with optimistic locking, archive and unarchive. */
@Path("/projects/{slug}/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsResource {

    @CheckedTemplate(basePath = "project")
    static class Templates {
        static native TemplateInstance settings(Access access, SettingsForm form, FormErrors errors, SettingsForm current, String conflict);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ProjectService projects;

    @GET
    public Response settings(@PathParam("slug") String slug) {
        Access access = projectAccess.readAs(slug, Role.OWNER);
        return Htmx.page(Templates.settings(access, SettingsForm.of(access.project()), FormErrors.none(), null, ""));
    }

    @RoleFirst.Owner
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSettings(@PathParam("slug") String slug, @BeanParam SettingsForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.OWNER);
        try {
            Project p = projects.updateSettings(access, form);
            return Flash.redirect(headers, "/projects/" + p.slug + "/settings", "Settings saved.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.settings(access, form, e.errors(), null, ""));
        } catch (StaleVersionException e) {
            return conflict(access, form, e.getMessage());
        } catch (OptimisticLockException e) {
            return conflict(access, form, "Someone else saved this project at the same moment.");
        }
    }

    /** The archive buttons live on the settings page: a GET of their address opens it, for whoever may see it. */
    @GET
    @Path("{form: archive|unarchive}")
    public Response archiveForms(@PathParam("slug") String slug) {
        projectAccess.readAs(slug, Role.OWNER);
        return FormAddress.holder("/projects/{slug}/settings", slug);
    }

    @RoleFirst.Owner
    @POST
    @Path("archive")
    public Response archive(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.OWNER);
        projects.archive(access);
        return Flash.redirect(headers, "/projects/" + slug + "/settings", "Project archived: it is now read-only.");
    }

    @RoleFirst.Owner
    @POST
    @Path("unarchive")
    public Response unarchive(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        // The one change an archived project accepts: its owner makes it changeable again.
        Access access = projectAccess.readAs(slug, Role.OWNER);
        projects.unarchive(access);
        return Flash.redirect(headers, "/projects/" + slug + "/settings", "Project unarchived: it can be changed again.");
    }

    /** 409: the form keeps your values, shows the saved ones beside them, and carries the new version so saving again overwrites. */
    private Response conflict(Access access, SettingsForm mine, String message) {
        Project current = projects.saved(access.project().id);
        SettingsForm saved = SettingsForm.of(current);
        return Htmx.page(Templates.settings(access, mine.withVersion(current.version), FormErrors.none(), saved, message), 409);
    }
}
