package dev.specboard.design;

import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.Flash;
import dev.specboard.web.Htmx;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("status") String status) {
        Access access = projectAccess.read(slug);
        dev.specboard.web.FilterChoices choices = new dev.specboard.web.FilterChoices();
        String filter = choices.oneOf("status", "thought status", status, ThinkingView.FILTERS);
        return choices.answer(Templates.thinking(view(access, filter, choices, null, dev.specboard.web.FormErrors.none(), "")));
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("slug") String slug, @PathParam("id") String id, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Thought t = thoughts.confirm(access, uuid(id));
        return Flash.redirect(headers, base(access) + "#thought-" + t.id, "Thought confirmed.");
    }

    @POST
    @Path("/{id}/revise")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revise(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("feedback") String feedback,
                           @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID tid = uuid(id);
        Thought t;
        try {
            t = thoughts.revise(access, tid, feedback);
        } catch (dev.specboard.web.ValidationException e) {
            return Htmx.invalid(Templates.thinking(view(access, "", new dev.specboard.web.FilterChoices(), tid, e.errors(), feedback)));
        }
        return Flash.redirect(headers, base(access) + "#thought-" + t.id, "Thought revised with your feedback.");
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("slug") String slug, @PathParam("id") String id, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Thought t = thoughts.reject(access, uuid(id));
        return Flash.redirect(headers, base(access) + "#thought-" + t.id, "Thought rejected: what it created is withdrawn and the thoughts built on it are flagged.");
    }

    private ThinkingView view(Access access, String filter, dev.specboard.web.FilterChoices choices, UUID failed,
                              dev.specboard.web.FormErrors errors, String feedback) {
        UUID projectId = access.project().id;
        List<Thought> all = thoughts.list(projectId, null);
        Map<UUID, Thought> byId = new LinkedHashMap<>();
        all.forEach(t -> byId.put(t.id, t));
        List<Thought> shown = choices.refused() ? List.of() : filter.isEmpty() ? all : all.stream().filter(t -> filter.equals("review")
                ? t.needsReview || t.needsAnswer && "active".equals(t.status) : filter.equals(t.status)).toList();
        long waiting = all.stream().filter(t -> t.needsReview || t.needsAnswer && "active".equals(t.status)).count();
        return new ThinkingView(access, shown, byId, thoughts.sources(access, shown), filter, waiting, failed, errors, feedback,
                choices.errors());
    }

    static String base(Access access) {
        return "/projects/" + access.slug() + "/thinking";
    }

    static UUID uuid(String id) {
        return Ids.parseOr404(id, "No such thought in this project");
    }
}
