package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.story.ExecutiveSummaryService;
import dev.specboard.web.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** API v1 for editing and approving a project's executive summary (the project's flags are in {@link ProjectApi}). */
@Path("/api/v1/projects/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExecutiveSummaryApi {

    public record SummaryBody(String content, Integer version) {
    }

    public record SummaryAnswer(String content, int version, boolean approved) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ExecutiveSummaryService summaries;

    @RoleFirst.Member
    @PUT
    @Path("/executive-summary")
    public SummaryAnswer edit(@PathParam("slug") String slug, SummaryBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        return answer(summaries.edit(access, body.content(), body.version()));
    }

    @RoleFirst.Lead
    @POST
    @Path("/executive-summary/approve")
    public SummaryAnswer approve(@PathParam("slug") String slug, ApproveBody body) {
        Access access = projectAccess.write(slug, Role.LEAD);
        return answer(summaries.approve(access, body == null ? null : body.version()));
    }

    private static SummaryAnswer answer(Project p) {
        return new SummaryAnswer(p.executiveSummary, p.executiveSummaryVersion, p.executiveSummaryApproved);
    }
}
