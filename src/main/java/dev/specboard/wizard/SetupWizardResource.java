package dev.specboard.wizard;

import dev.specboard.project.InviteRow;
import dev.specboard.project.Project;
import dev.specboard.project.ProjectForm;
import dev.specboard.project.RepoForm;
import dev.specboard.project.SummaryForm;
import dev.specboard.project.VisionForm;
import dev.specboard.repo.RepoSync;
import dev.specboard.kernel.Role;
import dev.specboard.account.CurrentUser;
import dev.specboard.web.Flash;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.Markdown;
import dev.specboard.web.PublicAddress;
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

import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The project setup wizard: one full page per step ({@code /projects/new?step=vision}), one POST per
 * step; the account's unfinished run is resumed at the step it was left on.
 */
@Path("/projects/new")
@Produces(MediaType.TEXT_HTML)
public class SetupWizardResource {

    static final String BASE = "/projects/new";

    @CheckedTemplate(basePath = "wizard")
    static class Templates {
        static native TemplateInstance wizard(WizardView w, ProjectForm basics, VisionForm vision, RepoForm repo,
                                              SummaryForm summary, List<InviteRow> rows, FormErrors errors, String previewHtml);

        static native TemplateInstance wizard$preview(String previewHtml);

        static native TemplateInstance sync(RepoSync sync);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    SetupWizardService wizard;

    @Inject
    Markdown markdown;

    @Inject
    PublicAddress publicAddress;

    @GET
    public Response page(@QueryParam("step") String stepKey) {
        UUID me = currentUser.requireAccountId();
        Optional<WizardRun> current = wizard.current(me);
        Optional<SetupStep> asked = SetupStep.parse(stepKey);
        if (stepKey != null && asked.isEmpty()) {
            return Response.seeOther(java.net.URI.create(BASE)).build();
        }
        if (current.isEmpty()) {
            if (asked.isPresent() && asked.get() != SetupStep.BASICS) {
                return Response.seeOther(java.net.URI.create(BASE)).build();
            }
            return Htmx.page(render(null, SetupStep.BASICS, null, FormErrors.none(), ""));
        }
        WizardRun run = current.get();
        if (asked.isPresent() && !asked.get().key().equals(run.currentPhase)) {
            run = wizard.visit(me, asked.get());
        }
        return Htmx.page(render(run, SetupStep.of(run), null, FormErrors.none(), ""));
    }

    /** Each step's form posts to its own address: a reload of a refused answer opens that step of the wizard. */
    @GET
    @Path("{step: basics|vision|repository|summary|invite|skip|abandon}")
    public Response stepForm(@PathParam("step") String step) {
        currentUser.requireAccountId();
        UriBuilder wizardPage = UriBuilder.fromPath("/projects/new");
        boolean noStep = "skip".equals(step) || "abandon".equals(step);
        return Response.seeOther((noStep ? wizardPage : wizardPage.queryParam("step", step)).build()).build();
    }

    @POST
    @Path("basics")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response basics(@BeanParam ProjectForm form, @FormParam("goto") String goTo, @Context HttpHeaders headers) {
        return submit(headers, goTo, SetupStep.BASICS, form, me -> wizard.submitBasics(me, form));
    }

    @POST
    @Path("vision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response vision(@BeanParam VisionForm form, @FormParam("goto") String goTo, @Context HttpHeaders headers) {
        return submit(headers, goTo, SetupStep.VISION, form, me -> wizard.submitVision(me, form));
    }

    @POST
    @Path("repository")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response repository(@BeanParam RepoForm form, @FormParam("goto") String goTo, @Context HttpHeaders headers) {
        return submit(headers, goTo, SetupStep.REPOSITORY, form, me -> wizard.submitRepository(me, form));
    }

    @POST
    @Path("summary")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response summary(@BeanParam SummaryForm form, @FormParam("goto") String goTo, @Context HttpHeaders headers) {
        UUID me = currentUser.requireAccountId();
        if (form.wantsPreview()) {
            return Htmx.page(render(runOf(me), SetupStep.SUMMARY, form, FormErrors.none(), markdown.render(form.executiveSummary())));
        }
        return submit(headers, goTo, SetupStep.SUMMARY, form, who -> wizard.submitSummary(who, form));
    }

    /** The live preview of the executive summary, rendered through the sanitizing markdown renderer. */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(@FormParam("executiveSummary") String text) {
        currentUser.requireAccountId();
        return Templates.wizard$preview(markdown.render(text));
    }

    /** The first sync of the repository connected at the repository step, as the later steps show it while it runs. */
    @GET
    @Path("sync")
    public TemplateInstance sync() {
        return Templates.sync(wizard.firstSync(currentUser.requireAccountId()).orElse(null));
    }

    @POST
    @Path("invite")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response finish(@BeanParam InviteForm form, @FormParam("goto") String goTo, @Context HttpHeaders headers,
                           @Context jakarta.ws.rs.core.UriInfo uri) {
        UUID me = currentUser.requireAccountId();
        if (goTo != null) {
            return leave(headers, me, SetupStep.INVITE, form, goTo);
        }
        List<InviteRow> rows = new ArrayList<>(form.rows());
        if (form.wantsRow()) {
            rows.add(new InviteRow(rows.size(), "", Role.MEMBER.value(), true));
            return Htmx.page(render(runOf(me), SetupStep.INVITE, rows, FormErrors.none(), ""));
        }
        try {
            SetupWizardService.Finished done = wizard.finish(me, form.filledRows(), publicAddress.base(uri).toString());
            Project p = done.project();
            return Flash.redirect(headers, "/projects/" + p.slug, "Project " + p.name + " is set up."
                    + (done.invited().isEmpty() ? "" : " Invitations went to " + String.join(", ", done.invited())
                    + "; without a mail server, make a link to pass on from Members."));
        } catch (ValidationException e) {
            return Htmx.invalid(render(runOf(me), SetupStep.INVITE, rows, e.errors(), ""));
        }
    }

    @POST
    @Path("skip")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response skip(@QueryParam("step") String stepKey, @BeanParam VisionForm vision, @BeanParam RepoForm repo,
                         @BeanParam SummaryForm summary, @Context HttpHeaders headers) {
        UUID me = currentUser.requireAccountId();
        SetupStep step = SetupStep.parse(stepKey).orElseThrow(() -> ValidationException.of("step", "Unknown step"));
        // Skip is a button of the step's form: what was typed there stays as the step's draft, for when it is opened again.
        Object typed = switch (step) {
            case VISION -> vision;
            case REPOSITORY -> repo;
            case SUMMARY -> summary;
            default -> null;
        };
        Optional<Project> finished = wizard.skip(me, step, typed == null ? null : SetupForms.draftOf(typed));
        if (finished.isPresent()) {
            Project p = finished.get();
            return Flash.redirect(headers, "/projects/" + p.slug, "Project " + p.name + " is set up.");
        }
        return next(headers, step.next().orElseThrow());
    }

    @POST
    @Path("abandon")
    public Response abandon(@Context HttpHeaders headers) {
        wizard.abandon(currentUser.requireAccountId());
        return Flash.redirect(headers, BASE, "Started a new project. The one you were setting up stays in your project list.");
    }

    /**
     * Leaves a step for the one {@code goTo} names (an unknown one: the same step), what was typed kept as its draft (see
     * {@link SetupWizardService#leave}); before the basics made a run there is nothing to keep nor any other step to open.
     */
    private Response leave(HttpHeaders headers, UUID me, SetupStep from, Object form, String goTo) {
        SetupStep to = SetupStep.parse(goTo).orElse(from);
        if (wizard.current(me).isEmpty()) {
            return Htmx.redirect(headers, BASE);
        }
        return next(headers, SetupStep.of(wizard.leave(me, from, SetupForms.draftOf(form), to)));
    }

    private WizardRun runOf(UUID me) {
        return wizard.current(me).orElseThrow(() -> dev.specboard.web.ApiException.conflict("There is no unfinished project setup."));
    }

    private static Response next(HttpHeaders headers, SetupStep step) {
        return Htmx.redirect(headers, BASE + "?step=" + step.key());
    }

    /** The page for a step: every form prefilled from the run's answers, the given one (as submitted) in its place. */
    private TemplateInstance render(WizardRun run, SetupStep step, Object submitted, FormErrors errors, String previewHtml) {
        SetupForms f = SetupForms.of(run, submitted);
        String preview = step == SetupStep.SUMMARY && previewHtml.isEmpty() ? markdown.render(f.summary().executiveSummary()) : previewHtml;
        return Templates.wizard(WizardView.of(run, step, run == null ? null : wizard.project(run).orElse(null), wizard.filled(run)),
                f.basics(), f.vision(), f.repo(), f.summary(), f.rows(), errors, preview);
    }

    /**
     * One step's POST: the service records it and the wizard moves on, or the step shows again with its problems; with
     * {@code goto} (Back, or a step of the step list, which are buttons of the step's form) the step is left for that one.
     */
    private Response submit(HttpHeaders headers, String goTo, SetupStep step, Object form, java.util.function.Consumer<UUID> record) {
        UUID me = currentUser.requireAccountId();
        if (goTo != null) {
            return leave(headers, me, step, form, goTo);
        }
        try {
            record.accept(me);
            return next(headers, step.next().orElseThrow());
        } catch (ValidationException e) {
            return Htmx.invalid(render(wizard.current(me).orElse(null), step, form, e.errors(), ""));
        }
    }
}
