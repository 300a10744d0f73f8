package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.kernel.Role;
import dev.specboard.plan.ArtifactForm;
import dev.specboard.plan.ChatMessage;
import dev.specboard.plan.ChatService;
import dev.specboard.plan.Plan;
import dev.specboard.plan.PlanChanges;
import dev.specboard.plan.PlanArtifact;
import dev.specboard.plan.PlanForm;
import dev.specboard.plan.PlanQueries;
import dev.specboard.plan.PlanRow;
import dev.specboard.plan.PlanService;
import dev.specboard.plan.PlanStatus;
import dev.specboard.repo.RepoService;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.repo.Repo;
import dev.specboard.spec.SpecQueries;
import dev.specboard.spec.TechnicalSpec;
import dev.specboard.web.ApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import dev.specboard.web.ValidationException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** API v1 for plans: create per repository and branch, read with artifacts and versions, new versions, status, artifacts, plan → spec. */
@Path("/api/v1/projects/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterForReflection
    public record NewPlan(String name, String description, String targetBranch) {
    }

    @RegisterForReflection
    public record PlanSummary(UUID id, String name, String repository, String targetBranch, int version, String status, String specKey) {
    }

    /**
     * {@code version}: the artifact's version this edit started from (see {@link ArtifactAnswer}); needed once the plan
     * version has an artifact of the type (422 without), none for the first.
     */
    @RegisterForReflection
    public record ArtifactBody(String artifactType, JsonNode content, Integer version) {

        /** The document's JSON text: the JSON value as sent, or a text holding it (read by the schema check, once). */
        String contentText() {
            if (content == null || content.isNull()) {
                return "";
            }
            return content.isTextual() ? content.asText() : content.toString();
        }

        /** Whether the document came as a JSON string holding its text, not as the document itself. */
        boolean contentSentAsText() {
            return content != null && content.isTextual();
        }
    }

    /** {@code version}: how many artifacts of its type this plan version has saved, this one the last; send it back to edit it. */
    @RegisterForReflection
    public record ArtifactAnswer(UUID id, String artifactType, JsonNode content, Instant createdAt, int version) {
    }

    @RegisterForReflection
    public record VersionItem(UUID id, int version, String status, Instant createdAt) {
    }

    @RegisterForReflection
    public record PlanAnswer(UUID id, String name, String description, String repository, String targetBranch, int version,
                             String status, String specKey, Instant createdAt, List<ArtifactAnswer> artifacts, List<VersionItem> versions) {
    }

    @RegisterForReflection
    /** What the next version changes: each field left out stays as it was (the body itself is optional). */
    public record NewVersionBody(String description, String targetBranch) {
    }

    public record StatusBody(String status) {
    }

    @RegisterForReflection
    public record VersionCreated(UUID id, int version) {
    }

    @Inject
    ListPaging paging;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    PlanService plans;

    @Inject
    RepoService repos;

    @Inject
    PlanQueries queries;

    @Inject
    SpecQueries specQueries;

    @Inject
    ChatService chats;

    @RegisterForReflection
    public record ChatBody(String content) {
    }

    @RegisterForReflection
    public record MessageAnswer(UUID id, String role, String content, String author, Instant createdAt, String status, String error,
                                List<ChatMessage.Source> sources) {
    }

    @RegisterForReflection
    public record ChatAnswer(String status, List<MessageAnswer> messages) {
    }

    @GET
    @Path("/plans/{id}/chat")
    public ChatAnswer getPlanChat(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        Access access = projectAccess.read(slug);
        return chat(chats.transcript(access, id));
    }

    /**
     * Posts a message to the plan's chat and answers the chat once the assistant's reply is written (or
     * has failed, or the model's timeout has passed: the reply is then still {@code pending}).
     */
    @RoleFirst.Member
    @POST
    @Path("/plans/{id}/chat")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChatAnswer.class)))
    public Response askPlanChat(@PathParam("slug") String slug, @PathParam("id") UUID id, ChatBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID answer = chats.ask(access, id, body == null ? null : body.content());
        return Response.status(201).entity(awaitAnswer(access, id, answer)).build();
    }

    /** Asks again for a failed answer and answers the chat once it is written (or failed again). */
    @RoleFirst.Member
    @POST
    @Path("/plans/{id}/chat/messages/{messageId}/retry")
    public ChatAnswer retryPlanChat(@PathParam("slug") String slug, @PathParam("id") UUID id, @PathParam("messageId") UUID messageId) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return awaitAnswer(access, id, chats.retry(access, id, messageId));
    }

    private ChatAnswer awaitAnswer(Access access, UUID planId, UUID answerId) {
        return chat(chats.transcriptOnceAnswered(access, planId, answerId));
    }

    private static ChatAnswer chat(ChatService.Transcript t) {
        return new ChatAnswer(t.status(), t.messages().stream().map(m -> new MessageAnswer(m.id(), m.role(), m.content(), m.author(),
                m.createdAt(), m.status(), m.error(), m.sourceList())).toList());
    }

    @GET
    @Path("/plans")
    public List<PlanSummary> listPlans(@PathParam("slug") String slug, @QueryParam("repo") String repo,
                                       @QueryParam("status") String status,
                                       @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        PlanStatus s = QueryParams.oneOf("status", status, PlanStatus.values(), PlanStatus::value);
        UUID repositoryId = null;
        if (repo != null && !repo.isBlank()) {
            // A repository named in the query that the project lacks is a mistake in the query, not an empty list.
            repositoryId = Repo.findByName(access.project().id, repo.strip()).orElseThrow(() -> new ApiException(422,
                    "The query parameter repo names no repository of this project", Map.of("repo", "no repository named " + repo.strip()))).id;
        }
        return counted(queries.apiPage(access, repositoryId, s, page), page);
    }

    @GET
    @Path("/repos/{name}/plans")
    public List<PlanSummary> listRepoPlans(@PathParam("slug") String slug, @PathParam("name") String name,
                                           @QueryParam("status") String status,
                                           @QueryParam("page") Integer page) {
        // The query is read before the repository is looked up: a malformed one is 400 whichever repository it names.
        PlanStatus s = QueryParams.oneOf("status", status, PlanStatus.values(), PlanStatus::value);
        Access access = projectAccess.read(slug);
        Repo repo = repos.require(access, name);
        return counted(queries.apiPage(access, repo.id, s, page), page);
    }

    /** The page's rows; X-Total-Count and the Link's last page from the count its filter made. */
    private List<PlanSummary> counted(PlanQueries.ApiPage found, Integer page) {
        paging.counted(page, found.total(), found.size());
        return found.rows().stream().map(PlanApi::summary).toList();
    }

    @RoleFirst.Member
    @POST
    @Path("/repos/{name}/plans")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanSummary.class)))
    public Response createPlan(@PathParam("slug") String slug, @PathParam("name") String name, NewPlan body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.repository(access, name);
        NewPlan b = body == null ? new NewPlan(null, null, null) : body;
        Plan plan = plans.create(access, new PlanForm(name, b.name(), b.description(), b.targetBranch()));
        return Response.status(201).entity(new PlanSummary(plan.id, plan.name, name, plan.targetBranch, plan.version,
                plan.status.value(), null)).build();
    }

    @GET
    @Path("/plans/{id}")
    public PlanAnswer getPlan(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        Access access = projectAccess.read(slug);
        return answer(access, id);
    }

    @RoleFirst.Member
    @POST
    @Path("/plans/{id}/versions")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionCreated.class)))
    public Response newPlanVersion(@PathParam("slug") String slug, @PathParam("id") UUID id, NewVersionBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Plan plan = plans.newVersion(access, id, body == null ? PlanChanges.NONE : new PlanChanges(body.description(), body.targetBranch()));
        return Response.status(201).entity(new VersionCreated(plan.id, plan.version)).build();
    }

    @RoleFirst.Member
    @POST
    @Path("/plans/{id}/status")
    public PlanAnswer setPlanStatus(@PathParam("slug") String slug, @PathParam("id") UUID id, StatusBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        plans.changeStatus(access, id, body == null ? null : body.status());
        return answer(access, id);
    }

    /**
     * Adds an artifact; 422 when its content breaks its type's JSON Schema, {@code details} keyed by JSON pointer (a problem of
     * the whole document, such as JSON that does not parse, by {@code content}); 409 with
     * both documents when {@code version} is given and another artifact of the type was saved since.
     */
    @RoleFirst.Member
    @POST
    @Path("/plans/{id}/artifacts")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArtifactAnswer.class)))
    public Response addPlanArtifact(@PathParam("slug") String slug, @PathParam("id") UUID id, ArtifactBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        ArtifactBody b = body == null ? new ArtifactBody(null, null, null) : body;
        String content = b.contentText();
        // With the version it started from, an edit saved over someone else's newer one is 409 with both (as on the plan page).
        // A problem of the whole document is at the JSON pointer "" (the plan page says "The document"); a details key ""
        // names nothing a client sees, so it is named by the body's field, as the size and emptiness refusals are.
        PlanArtifact a = ValidationException.renaming("", "content",
                () -> plans.addArtifact(access, id, new ArtifactForm(b.artifactType(), content, b.version() == null ? null : b.version().toString()),
                        b.contentSentAsText()));
        return Response.status(201).entity(artifact(a)).build();
    }

    /** Turns the plan's implementation steps into a hierarchical spec with its tasks (201), atomically. */
    @RoleFirst.Member
    @POST
    @Path("/plans/{id}/spec")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpecApi.SpecCreated.class)))
    public Response planToSpec(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        TechnicalSpec spec = plans.toSpec(access, id);
        SpecQueries.SpecView d = specQueries.detail(access.project(), spec.key());
        return Response.status(201).entity(new SpecApi.SpecCreated(d.key(), d.spec().specNumber, d.spec().title, d.spec().specType,
                d.spec().status, d.spec().version, d.spec().roadmapItemId,
                d.tasks().stream().map(t -> new SpecApi.TaskRowAnswer(t.key(), t.scope(), t.branchName(), t.status().value())).toList())).build();
    }

    PlanAnswer answer(Access access, UUID id) {
        Plan p = plans.require(access, id);
        Repo repo = Repo.findById(p.repositoryId);
        List<ArtifactAnswer> artifacts = PlanArtifact.current(p.id).stream().map(PlanApi::artifact).toList();
        return new PlanAnswer(p.id, p.name, p.description, repo.name, p.targetBranch, p.version, p.status.value(), queries.specKey(p),
                p.createdAt, artifacts, queries.versions(p).stream().map(x -> new VersionItem(x.id(), x.version(), x.status().value(), x.createdAt())).toList());
    }

    private static ArtifactAnswer artifact(PlanArtifact a) {
        try {
            return new ArtifactAnswer(a.id, a.artifactType, JSON.readTree(a.content), a.createdAt,
                    // Only current artifacts are answered (the newest of their type), so the version is how many of the type there are.
                    (int) PlanArtifact.count("planId = ?1 and artifactType = ?2", a.planId, a.artifactType));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PlanSummary summary(PlanRow r) {
        return new PlanSummary(r.id(), r.name(), r.repository(), r.targetBranch(), r.version(), r.status().value(), r.specKey());
    }
}
