package dev.specboard.wizard;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.project.RoleFirst;
import dev.specboard.web.FormAddress;
import dev.specboard.web.Htmx;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The overview's "Continue the setup wizard": opens the setup wizard on this project, at the step its run stands on. */
@Path("/projects/{slug}/setup")
@Produces(MediaType.TEXT_HTML)
public class SetupContinueResource {

    @Inject
    ProjectAccess projectAccess;

    @Inject
    SetupWizardService wizard;

    /** The button lives on the project's overview: a GET of its address opens it. */
    @GET
    public Response overview(@PathParam("slug") String slug) {
        projectAccess.read(slug);
        return FormAddress.holder("/projects/{slug}", slug);
    }

    @RoleFirst.Owner
    @POST
    public Response continueSetup(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.OWNER);
        WizardRun run = wizard.continueSetup(access);
        return Htmx.redirect(headers, SetupWizardResource.BASE + "?step=" + SetupStep.of(run).key());
    }
}
