package dev.specboard.design;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.FilterChoices;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** The thinking chain: every thought with what it builds on and leads to; confirm, revise with feedback, reject. */
@Path("/projects/{slug}/thinking")
@Produces(MediaType.TEXT_HTML)
public class ThinkingResource {

    @CheckedTemplate(basePath = "design")
    static class Templates {
        static native TemplateInstance thinking(ThinkingView view);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ThoughtService thoughts;

    @Inject
    ThoughtChain chain;

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("status") String status, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        FilterChoices choices = new FilterChoices();
        String filter = choices.oneOf("status", "thought status", status, ThinkingView.FILTERS);
        return choices.answer(Templates.thinking(chain.chain(access, filter, choices, page, null, FormErrors.none(), "", null)));
    }

    /**
     * A thought's forms live on its card in the chain: a GET of their address, a reload of a refused revision say, opens
     * the chain. Another project's thought is 404 under this slug, not a redirect to a page.
     */
    @GET
    @Path("/{id}/{form: confirm|reject|revise}")
    public Response thoughtForms(@PathParam("slug") String slug, @PathParam("id") String id) {
        thoughts.get(projectAccess.read(slug).project().id, uuid(id));
        return FormAddress.holder("/projects/{slug}/thinking", slug);
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("version") Integer version,
                            @FormParam("subject") String subject, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        if (gone(access, uuid(id))) {
            return gone(access, uuid(id), subject, null);
        }
        Thought t;
        try {
            t = thoughts.confirm(access, uuid(id), version);
        } catch (ValidationException e) {
            return neverSaved(access, uuid(id), version, e, null);
        } catch (StaleVersionException e) {
            return stale(access, uuid(id), e, null);
        }
        return Flash.redirect(headers, at(access, t), "question".equals(t.thoughtType) ? "Question closed: no answer needed." : "Thought confirmed.");
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/revise")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revise(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("feedback") String feedback,
                           @FormParam("version") Integer version, @FormParam("subject") String subject, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID tid = uuid(id);
        if (gone(access, tid)) {
            return gone(access, tid, subject, feedback);
        }
        Thought t;
        try {
            t = thoughts.revise(access, tid, feedback, version);
        } catch (ValidationException e) {
            if (e.errors().has("version")) {
                return neverSaved(access, tid, version, e, feedback);
            }
            return Htmx.invalid(Templates.thinking(chain.chain(access, "", new FilterChoices(), null, tid, e.errors(), feedback, null)));
        } catch (StaleVersionException e) {
            return stale(access, tid, e, feedback);
        }
        return Flash.redirect(headers, at(access, t), t.answeredWithAPageToDesign()
                ? "Answered: a placeholder page for " + t.subjectName() + " is in the page tree, to be designed."
                : BranchQuestions.goesOn(t) ? "Answered: the branch is connected in the journey as you said."
                : BranchQuestions.endsThere(t) ? "Answered: the branch leads to the journey's end step." : "Thought revised with your feedback.");
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("version") Integer version,
                           @FormParam("subject") String subject, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        if (gone(access, uuid(id))) {
            return gone(access, uuid(id), subject, null);
        }
        Thought t;
        try {
            t = thoughts.reject(access, uuid(id), version);
        } catch (ValidationException e) {
            return neverSaved(access, uuid(id), version, e, null);
        } catch (StaleVersionException e) {
            return stale(access, uuid(id), e, null);
        }
        String kept = InferredEntity.keptNote(t);
        return Flash.redirect(headers, at(access, t), kept != null ? "Thought rejected. " + kept
                : "Thought rejected: what it created is withdrawn and the thoughts built on it are flagged.");
    }

    /**
     * A decision on a thought someone else decided on since the page was opened: 409 with the chain as it is now, the
     * thought's card saying how it stands and by whom, its feedback typed kept in its form; nothing was changed.
     */
    private Response stale(Access access, UUID id, StaleVersionException e, String feedback) {
        return Htmx.page(Templates.thinking(chain.chain(access, "", new FilterChoices(), null, id, FormErrors.none(),
                feedback == null ? "" : feedback, e.getMessage())), 409);
    }

    /**
     * A decision whose form carries a version of the thought that was never saved (0, below 0, past the current one: a
     * hand-made or tampered form): 422 with the chain as it is, the thought's card saying so and to reload, its feedback
     * typed kept; nothing was changed. Any other refusal goes on as it is.
     */
    private Response neverSaved(Access access, UUID id, Integer version, ValidationException e, String feedback) {
        if (!e.errors().has("version")) {
            throw e;
        }
        String now = Thought.inProject(access.project().id, id).map(t -> " (the thought is at version " + t.version + ")").orElse("");
        return Htmx.invalid(Templates.thinking(chain.chain(access, "", new FilterChoices(), null, id, FormErrors.none(),
                feedback == null ? "" : feedback, "This form's version " + version + " was never saved" + now + "; reload the page and decide again.")));
    }

    private static boolean gone(Access access, UUID id) {
        return Thought.inProject(access.project().id, id).isEmpty();
    }

    /**
     * A decision on a thought that left the chain since the page was opened (a journey change took its branch question
     * away): 409 with the chain as it is now, saying why atop it with the answer typed, instead of a bare 404 page that lost it.
     */
    private Response gone(Access access, UUID id, String subject, String feedback) {
        return Htmx.page(Templates.thinking(chain.chain(access, "", new FilterChoices(), null, id, FormErrors.none(),
                feedback == null ? "" : feedback, GoneThoughts.why(access, subject))), 409);
    }

    /** The thought's card on the page of the chain that shows it. */
    private String at(Access access, Thought t) {
        int page = chain.pageOf(access.project().id, t.id);
        return base(access) + (page > 1 ? "?page=" + page : "") + "#thought-" + t.id;
    }

    static String base(Access access) {
        return "/projects/" + access.slug() + "/thinking";
    }

    static UUID uuid(String id) {
        return Ids.parseOr404(id, "No such thought in this project");
    }
}
