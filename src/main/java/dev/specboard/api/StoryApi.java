package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.architecture.ContextService;
import dev.specboard.story.Ears;
import dev.specboard.story.RevisionRow;
import dev.specboard.story.Story;
import dev.specboard.story.StoryFilter;
import dev.specboard.story.StoryForm;
import dev.specboard.story.StoryQueries;
import dev.specboard.story.StoryService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** API v1 for stories: list, write, version and move them through the approval workflow. */
@Path("/api/v1/projects/{slug}/stories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoryApi {

    /** A story in a list. */
    public record StoryRowAnswer(String key, int number, String title, String status, boolean approved, int version, boolean dirty,
                               String stage) {
    }

    /** A story with its versions and recognised EARS requirements. */
    public record StoryAnswer(String key, int number, String title, String description, String acceptanceCriteria, String status,
                              String stage, boolean approved, int version, Integer approvedVersion, boolean dirty, String reviewComment,
                              List<StoryRevisionAnswer> revisions, List<Ears.Requirement> ears, List<String> contexts) {
    }

    @RegisterForReflection
    public record StoryRevisionAnswer(int version, String title, String description, String acceptanceCriteria, Instant createdAt, String author) {
    }

    public record StoryBody(String title, String description, String acceptanceCriteria, Integer version) {
        StoryForm form() {
            return new StoryForm(title, description, acceptanceCriteria, version);
        }
    }

    /** What should change, and the version the lead read; without it the current version is sent back, as before. */
    public record ChangesBody(String comment, Integer version) {
    }

    @Inject
    ListPaging paging;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    StoryService stories;

    @Inject
    StoryQueries queries;

    @Inject
    ContextService contexts;

    /**
     * Every story, as the contract has it, or with {@code page} that page of 50; either way {@code X-Total-Count} gives how
     * many there are (counted in one indexed statement, as the features are), and a page names the last one.
     */
    @GET
    public List<StoryRowAnswer> list(@PathParam("slug") String slug, @QueryParam("status") String status, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        String only = QueryParams.oneOf("status", status, StoryFilter.STATUSES);
        List<Story> rows = queries.all(access.project().id, only, page);
        if (page == null) {
            return paging.whole(rows).stream().map(StoryApi::summary).toList();
        }
        // The page was read with the first row of the next one; the count decides whether another page follows.
        List<Story> shown = rows.size() > StoryFilter.PAGE_SIZE ? rows.subList(0, StoryFilter.PAGE_SIZE) : rows;
        paging.counted(page, queries.count(access.project().id, only), StoryFilter.PAGE_SIZE);
        return shown.stream().map(StoryApi::summary).toList();
    }

    @RoleFirst.Member
    @POST
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoryRowAnswer.class)))
    public Response create(@PathParam("slug") String slug, StoryBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Story s = stories.create(access, body(body).form());
        return Response.status(201).entity(summary(s)).build();
    }

    @GET
    @Path("/{number}")
    public StoryAnswer get(@PathParam("slug") String slug, @PathParam("number") int number) {
        Access access = projectAccess.read(slug);
        return detail(stories.get(access.project().id, number));
    }

    @RoleFirst.Member
    @PUT
    @Path("/{number}")
    public StoryAnswer update(@PathParam("slug") String slug, @PathParam("number") int number, StoryBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.story(access, number);
        // A field left out keeps its text (an empty one empties it): a PUT of the title alone emptied the description
        // and the criteria. The service compares the version under its lock, so reading the texts here races nothing.
        StoryBody b = body(body);
        Story now = stories.get(access.project().id, number);
        return detail(stories.update(access, number, new StoryForm(FeatureApi.or(b.title(), now.title),
                FeatureApi.or(b.description(), now.description), FeatureApi.or(b.acceptanceCriteria(), now.acceptanceCriteria), b.version())));
    }

    @RoleFirst.Member
    @POST
    @Path("/{number}/submit")
    public StoryAnswer submit(@PathParam("slug") String slug, @PathParam("number") int number) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return detail(stories.submit(access, number));
    }

    @RoleFirst.Lead
    @POST
    @Path("/{number}/approve")
    public StoryAnswer approve(@PathParam("slug") String slug, @PathParam("number") int number, ApproveBody body) {
        Access access = projectAccess.write(slug, Role.LEAD);
        return detail(stories.approve(access, number, body == null ? null : body.version()));
    }

    @RoleFirst.Lead
    @POST
    @Path("/{number}/request-changes")
    public StoryAnswer requestChanges(@PathParam("slug") String slug, @PathParam("number") int number, ChangesBody body) {
        Access access = projectAccess.write(slug, Role.LEAD);
        return detail(stories.requestChanges(access, number, body == null ? null : body.comment(), body == null ? null : body.version()));
    }

    private static StoryBody body(StoryBody body) {
        if (body == null) {
            throw dev.specboard.web.ApiException.badRequest("A JSON body is required");
        }
        return body;
    }

    static StoryRowAnswer summary(Story s) {
        return new StoryRowAnswer(s.key(), s.number, s.title, s.status, s.approved, s.version, s.dirty, s.stage().name().toLowerCase());
    }

    private StoryAnswer detail(Story s) {
        List<StoryRevisionAnswer> revisions = queries.revisions(s.id).stream().map(StoryApi::revision).toList();
        List<String> contextNames = contexts.forStory(s.id).stream().map(c -> c.name()).toList();
        return new StoryAnswer(s.key(), s.number, s.title, s.description, s.acceptanceCriteria, s.status, s.stage().name().toLowerCase(),
                s.approved, s.version, s.approvedVersion, s.dirty, s.reviewComment, revisions, Ears.recognise(s.acceptanceCriteria), contextNames);
    }

    private static StoryRevisionAnswer revision(RevisionRow r) {
        return new StoryRevisionAnswer(r.version(), r.title(), r.description(), r.acceptanceCriteria(), r.createdAt(), r.author());
    }
}
