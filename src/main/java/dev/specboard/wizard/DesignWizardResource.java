package dev.specboard.wizard;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
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

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The design wizards of a project: the list with "Continue" on the account's unfinished runs (also loaded into the
 * design section), and one full page per step ({@code ?step=} goes back to an answered step), one POST per step.
 */
@Path("/projects/{slug}/design/wizards")
@Produces(MediaType.TEXT_HTML)
public class DesignWizardResource {

    @CheckedTemplate(basePath = "wizard")
    static class Templates {
        static native TemplateInstance designWizards(Access access, List<DesignWizard> wizards, List<WizardRun> unfinished);

        static native TemplateInstance designWizards$runs(Access access, List<DesignWizard> wizards, List<WizardRun> unfinished);

        static native TemplateInstance designWizard(DesignWizardView w);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    DesignWizardService wizards;

    @GET
    public Response list(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        Access access = projectAccess.read(slug);
        List<WizardRun> unfinished = access.isMember() ? wizards.unfinished(access) : List.of();
        List<DesignWizard> all = List.of(DesignWizard.values());
        return Htmx.pageOrFragment(headers, () -> Templates.designWizards(access, all, unfinished),
                () -> Templates.designWizards$runs(access, all, unfinished));
    }

    @GET
    @Path("{type}")
    public Response step(@PathParam("slug") String slug, @PathParam("type") String type, @QueryParam("step") String stepKey) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        DesignWizard wizard = wizard(type);
        Optional<DesignStep> asked = wizard.step(stepKey);
        Optional<WizardRun> run = wizards.current(access, wizard);
        if (stepKey != null && asked.isEmpty() || run.isEmpty() && asked.isPresent() && asked.get() != wizard.first()) {
            return Response.seeOther(URI.create(base(access, wizard))).build();
        }
        if (run.isEmpty()) {
            return Htmx.page(Templates.designWizard(wizards.view(access, wizard, wizard.first(), null, null, FormErrors.none())));
        }
        WizardRun r = run.get();
        if (asked.isPresent() && !asked.get().key().equals(r.currentPhase)) {
            r = wizards.visit(access, wizard, asked.get());
        }
        DesignStep at = wizard.step(r.currentPhase).orElse(wizard.first());
        return Htmx.page(Templates.designWizard(wizards.view(access, wizard, at, r, null, FormErrors.none())));
    }

    /**
     * A GET of a step's address (a refused step, reloaded) opens that step, as the setup wizard's does; "abandon" is no
     * step, so its address opens the wizard where it stands.
     */
    @GET
    @Path("{type}/{step}")
    public Response stepForm(@PathParam("slug") String slug, @PathParam("type") String type, @PathParam("step") String step) {
        projectAccess.read(slug);
        wizard(type);
        return Response.seeOther(jakarta.ws.rs.core.UriBuilder.fromPath("/projects/{slug}/design/wizards/{type}").queryParam("step", "{step}")
                .build(slug, type, step)).build();
    }

    @RoleFirst.Member
    @POST
    @Path("{type}/abandon")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response abandon(@PathParam("slug") String slug, @PathParam("type") String type, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        DesignWizard wizard = wizard(type);
        wizards.abandon(access, wizard);
        return Flash.redirect(headers, "/projects/" + access.slug() + "/design/wizards", "Left the " + wizard.title().toLowerCase()
                + " wizard; what it made so far stays.");
    }

    @RoleFirst.Member
    @POST
    @Path("{type}/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("slug") String slug, @PathParam("type") String type, @PathParam("step") String stepKey,
                           @BeanParam DesignWizardForm form, @FormParam("goto") String goTo, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        DesignWizard wizard = wizard(type);
        DesignStep step = wizard.step(stepKey).orElseThrow(() -> ApiException.notFound("No such step"));
        if (goTo != null) {
            // Back or a step of the step list (buttons of the step's form): what was typed is kept, and that step opens.
            return Htmx.redirect(headers, base(access, wizard) + wizards.leave(access, wizard, step, form, goTo)
                    .map(r -> "?step=" + r.currentPhase).orElse(""));
        }
        try {
            DesignWizardService.Outcome done = wizards.submit(access, wizard, step, form);
            if (done.url() != null) {
                return Flash.redirect(headers, done.url(), done.message());
            }
            return Htmx.redirect(headers, base(access, wizard) + "?step=" + done.run().currentPhase);
        } catch (ValidationException e) {
            if (step == DesignStep.FEATURE_REVIEW && e.errors().has("pages")) {
                // A chosen page was deleted meanwhile: the run goes back to the pages step, where they are chosen, saying which.
                WizardRun back = wizards.sendBack(access, wizard, DesignStep.PAGES, e.errors()).orElse(null);
                return Htmx.invalid(Templates.designWizard(wizards.view(access, wizard, DesignStep.PAGES, back, null, e.errors())));
            }
            if (step == DesignStep.FEATURE_REVIEW && e.errors().has("userDescription")) {
                // A run described before the builder asked what users can do: the describe step, where it is said, asks now.
                WizardRun back = wizards.sendBack(access, wizard, DesignStep.DESCRIBE, e.errors()).orElse(null);
                return Htmx.invalid(Templates.designWizard(wizards.view(access, wizard, DesignStep.DESCRIBE, back, null, e.errors())));
            }
            if (step == DesignStep.PAGE_REVIEW && e.errors().has("parent")) {
                // The parent page was deleted meanwhile: the first step, where it is chosen, says so.
                WizardRun back = wizards.sendBack(access, wizard, DesignStep.PAGE, e.errors()).orElse(null);
                return Htmx.invalid(Templates.designWizard(wizards.view(access, wizard, DesignStep.PAGE, back, null, e.errors())));
            }
            if (step == DesignStep.SYSTEM_REVIEW) {
                // The colours kept no longer do (none used any more, a name taken): the colours step, where they are chosen, says so.
                WizardRun back = wizards.sendBack(access, wizard, DesignStep.COLOURS, e.errors()).orElse(null);
                return Htmx.invalid(Templates.designWizard(wizards.view(access, wizard, DesignStep.COLOURS, back, null, e.errors())));
            }
            WizardRun run = wizards.current(access, wizard).orElse(null);
            return Htmx.invalid(Templates.designWizard(wizards.view(access, wizard, step, run, form, e.errors())));
        } catch (ApiException e) {
            if (e.status() != 409 || e.details().isEmpty()) {
                throw e;
            }
            // Someone took the path (or name) meanwhile: the first step, which holds both, comes back with the problem at
            // its field, not an error page with no way back into the wizard. The run goes back there too: left at the last
            // step, reopening the wizard offered Create again, refused the same way.
            FormErrors errors = FormErrors.none();
            e.details().keySet().forEach(field -> errors.add(field, e.getMessage()));
            WizardRun run = wizards.sendBack(access, wizard, wizard.first(), errors).orElse(null);
            return Htmx.page(Templates.designWizard(wizards.view(access, wizard, wizard.first(), run, null, errors)), 409);
        }
    }

    private static DesignWizard wizard(String type) {
        return DesignWizard.of(type).orElseThrow(() -> ApiException.notFound("No such wizard"));
    }

    private static String base(Access access, DesignWizard wizard) {
        return "/projects/" + access.slug() + "/design/wizards/" + wizard.type();
    }
}
