package dev.specboard.story;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.ConflictView;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.Markdown;
import dev.specboard.kernel.TextDiff;
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

import java.util.List;
import java.util.Map;

/** The executive summary page: read, edit (versioned), approve, and compare versions. */
@Path("/projects/{slug}/executive-summary")
@Produces(MediaType.TEXT_HTML)
public class ExecutiveSummaryResource {

    @CheckedTemplate(basePath = "story")
    static class Templates {
        static native TemplateInstance summary(Access access, Project project, String summaryHtml, String content, int version,
                                               FormErrors errors, List<ExecutiveSummaryRevision> revisions, Integer approvedVersion,
                                               List<TextDiff.Segment> diff, Integer from, Integer to, ConflictView conflict);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ExecutiveSummaryService summaries;

    @Inject
    Markdown markdown;

    @Context
    HttpHeaders headers;

    @GET
    public Response show(@PathParam("slug") String slug, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        Access access = projectAccess.read(slug);
        Project p = access.project();
        return Htmx.page(page(access, p.executiveSummary, p.executiveSummaryVersion, FormErrors.none(), from, to, null));
    }

    private TemplateInstance page(Access access, String content, int version, FormErrors errors, Integer from, Integer to, ConflictView conflict) {
        Project p = access.project();
        List<ExecutiveSummaryRevision> revisions = summaries.revisions(p.id);
        Integer approved = summaries.approvedVersion(p.id);
        List<TextDiff.Segment> diff = null;
        if (from != null && to != null) {
            String a = revisions.stream().filter(r -> r.version == from).map(r -> r.content).findFirst().orElse("");
            String b = revisions.stream().filter(r -> r.version == to).map(r -> r.content).findFirst().orElse("");
            diff = TextDiff.diff(a, b);
        }
        return Templates.summary(access, p, markdown.render(p.executiveSummary), content == null ? "" : content, version, errors, revisions,
                approved, diff, from, to, conflict);
    }

    @RoleFirst.Member
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("slug") String slug, @FormParam("content") String content, @FormParam("version") Integer version) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            Project p = summaries.edit(access, content, version);
            return Flash.redirect(headers, url(access), "Executive summary saved as version " + p.executiveSummaryVersion + ".");
        } catch (ValidationException e) {
            return Htmx.invalid(page(access, content, version == null ? 0 : version, e.errors(), null, null, null));
        } catch (StaleVersionException e) {
            ConflictView conflict = ConflictView.of(e, Map.of("content", "Executive summary"), Map.of("content", content == null ? "" : content));
            return Htmx.page(page(access, content, e.currentVersion(), FormErrors.none(), null, null, conflict), 409);
        }
    }

    /** The approve button lives on the summary's page: a GET of its address (a refused approval, reloaded) opens it. */
    @GET
    @Path("/approve")
    public Response approveForm(@PathParam("slug") String slug) {
        projectAccess.read(slug);
        return FormAddress.holder("/projects/{slug}/executive-summary", slug);
    }

    @RoleFirst.Lead
    @POST
    @Path("/approve")
    public Response approve(@PathParam("slug") String slug, @FormParam("version") Integer version) {
        Access access = projectAccess.write(slug, Role.LEAD);
        try {
            Project p = summaries.approve(access, version);
            return Flash.redirect(headers, url(access), "Executive summary version " + p.executiveSummaryVersion + " is approved.");
        } catch (StaleVersionException e) {
            // The page shows what changed between the version read and the current one, next to the new approve button.
            Project p = access.project();
            return Htmx.page(page(access, p.executiveSummary, p.executiveSummaryVersion, FormErrors.none().add("version", e.getMessage()),
                    e.yourVersion(), e.currentVersion(), null), 409);
        }
    }

    private static String url(Access access) {
        return "/projects/" + access.project().slug + "/executive-summary";
    }
}
