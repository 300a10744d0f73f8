package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.spec.RevisionRow;
import dev.specboard.spec.CurrentPhase;
import dev.specboard.spec.SpecContent;
import dev.specboard.spec.SpecInput;
import dev.specboard.spec.SpecRef;
import dev.specboard.spec.SpecRow;
import dev.specboard.spec.SpecQueries;
import dev.specboard.spec.SpecDependencies;
import dev.specboard.spec.SpecService;
import dev.specboard.spec.TaskBoardService;
import dev.specboard.spec.TechnicalSpec;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.web.ApiException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The spec calls of API v1: create (with its tasks, atomically), read, list, edit, approve, mark reviewed and link specs. */
@Path("/api/v1/projects/{slug}/specs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SpecApi {

    /** A phase as the API takes and gives it; {@code branchName} left out, its task works on {@code roadmap-implementation_task-TASK-n-k}. */
    @RegisterForReflection
    public record PhaseBody(Integer number, String name, String description, BigDecimal hours, String content,
                            List<String> assignedFiles, String branchName) {
    }

    /**
     * The body of create and edit; {@code version} is required for edits. An edit keeps the story when
     * {@code storyNumber} is left out (null here) and unlinks it when it is sent as null ({@code Optional.empty()}).
     */
    @RegisterForReflection
    public record SpecBody(@JsonDeserialize(using = NullClears.class) @Schema(implementation = Integer.class, nullable = true)
                           Optional<Integer> storyNumber, String title, String specType, String content, String overview,
                           String architecture, String technologyStack, List<PhaseBody> phases, List<String> dependsOn,
                           Integer version) {

        SpecInput toInput() {
            // A null among the phases is a mistake in the request (422 naming it), not a server error; how many phases a
            // spec may have is the service's rule, told in the same words as on the form.
            BodyLists.check().list("phases", phases, Integer.MAX_VALUE, "A phase is an object with a name and its fields, not null").refuse();
            String type = specType == null || specType.isBlank() ? TechnicalSpec.TYPE_MONOLITHIC : specType.trim();
            SpecContent structured = null;
            if (TechnicalSpec.TYPE_HIERARCHICAL.equals(type)) {
                structured = new SpecContent(overview, architecture, technologyStack, phases == null ? List.of()
                        : phases.stream().map(p -> new SpecContent.Phase(p.number(), p.name(), p.description(), p.hours(),
                        p.content(), p.assignedFiles(), p.branchName())).toList());
            }
            return new SpecInput(storyNumber == null ? null : storyNumber.orElse(null), title, type, content, structured, dependsOn);
        }
    }

    /**
     * Reads a number that an edit may leave out or send as null: left out is null (the field keeps its value), null is
     * empty (the value is cleared). Jackson's own reading of an Optional gives empty for both.
     */
    @RegisterForReflection
    public static final class NullClears extends JsonDeserializer<Optional<Integer>> {

        @Override
        public Optional<Integer> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Optional.of(ctxt.readValue(p, Integer.class));
        }

        @Override
        public Optional<Integer> getNullValue(DeserializationContext ctxt) {
            return Optional.empty();
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return null;
        }
    }

    @RegisterForReflection
    public record DependencyBody(String dependsOn) {
    }

    @RegisterForReflection
    public record TaskRowAnswer(String key, String scope, String branchName, String status) {
    }

    @RegisterForReflection
    public record SpecCreated(String key, int number, String title, String specType, String status, int version,
                              String roadmapItemId, List<TaskRowAnswer> tasks) {
    }

    @RegisterForReflection
    public record SpecRevisionAnswer(int version, String title, String author, Instant createdAt) {
    }

    @RegisterForReflection
    public record SpecAnswer(String key, int number, String title, String specType, String status, boolean dirty, int version,
                             String roadmapItemId, Integer storyNumber, String author, String content, String overview,
                             String architecture, String technologyStack, List<PhaseBody> phases, CurrentPhase currentPhase, List<String> dependsOn,
                             List<String> blockedBy, BigDecimal estimatedHours, BigDecimal actualHours,
                             List<TaskApi.TaskAnswer> tasks, List<SpecRevisionAnswer> revisions) {
    }

    @RegisterForReflection
    public record SpecRowAnswer(String key, int number, String title, String specType, String status, boolean dirty, String roadmapItemId,
                               long tasks, long doneTasks, BigDecimal estimatedHours, BigDecimal actualHours, CurrentPhase currentPhase) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    SpecService specs;

    @Inject
    SpecDependencies specDependencies;

    @Inject
    SpecQueries specQueries;

    /**
     * The specs, of one story ({@code 12} or {@code US-12}, as the page's filter reads it) or status. A story filter that
     * names no story ({@code 0}, {@code -1}, {@code US-0}) is refused naming {@code story}, as an unknown status is: it
     * listed nothing, as if the story had no specs.
     */
    @GET
    public List<SpecRowAnswer> listSpecs(@PathParam("slug") String slug, @QueryParam("story") String story,
                                         @QueryParam("status") String status) {
        Access access = projectAccess.read(slug);
        var filter = new SpecQueries.SpecFilter(TaskBoardService.BoardFilter.storyNumber(story),
                QueryParams.oneOf("status", status, TechnicalSpec.STATUSES));
        return specQueries.list(access.project(), filter).stream().map(SpecApi::item).toList();
    }

    @RoleFirst.Member
    @POST
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpecCreated.class)))
    public Response createSpec(@PathParam("slug") String slug, SpecBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        TechnicalSpec spec = specs.create(access, body.toInput());
        SpecQueries.SpecView d = specQueries.detail(access.project(), spec.key());
        return Response.status(201).entity(new SpecCreated(d.key(), d.spec().specNumber, d.spec().title, d.spec().specType,
                d.spec().status, d.spec().version, d.spec().roadmapItemId,
                d.tasks().stream().map(t -> new TaskRowAnswer(t.key(), t.scope(), t.branchName(), t.status().value())).toList())).build();
    }

    @GET
    @Path("{key}")
    public SpecAnswer getSpec(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.read(slug);
        return answer(specQueries.detail(access.project(), key));
    }

    @RoleFirst.Member
    @PUT
    @Path("{key}")
    public SpecAnswer updateSpec(@PathParam("slug") String slug, @PathParam("key") String key, SpecBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.spec(access, key);
        if (body == null || body.version() == null) {
            throw new ApiException(422, "Validation failed", java.util.Map.of("version", "Send the version your edit is based on"));
        }
        // A field left out keeps its value (but "storyNumber": null unlinks the story), as a story's PUT does: an edit of
        // the title alone unlinked the story, dropped the dependencies and was refused for want of the type. The service compares the version under its lock. The
        // values are read in a transaction of their own, so the spec read stays out of the request's persistence context
        // (the answer read after the change would show it as it was).
        SpecBody complete = QuarkusTransaction.requiringNew().call(() -> kept(body, specQueries.detail(access.project(), key)));
        try {
            specs.update(access, key, complete.toInput(), body.version());
        } catch (StaleVersionException e) {
            throw stale(e);
        }
        return answer(specQueries.detail(access.project(), key));
    }

    /** A hierarchical spec's content as the API gives and takes it (the GET's fields), not as it is stored. */
    @RegisterForReflection
    public record SpecContentAnswer(String overview, String architecture, String technologyStack, List<PhaseBody> phases) {
    }

    /**
     * A stale save's 409 with each version's content as the spec's GET shows it: a hierarchical spec's came as a string of
     * its stored JSON, in the storage's snake_case names, which a client had to parse and rename before comparing.
     */
    private static ApiException stale(StaleVersionException e) {
        Map<String, Object> details = new LinkedHashMap<>(e.details());
        details.computeIfPresent("current", (k, v) -> structured(e.current()));
        details.computeIfPresent("yours", (k, v) -> structured(e.yours()));
        return new ApiException(e.status(), e.apiMessage(), details);
    }

    private static Map<String, Object> structured(Map<String, String> texts) {
        Map<String, Object> m = new LinkedHashMap<>(texts);
        String content = texts.get("content");
        if (content != null && content.startsWith("{")) {
            try {
                SpecContent c = SpecContent.parse(content);
                m.put("content", new SpecContentAnswer(c.overview(), c.architecture(), c.technologyStack(), c.phaseList().stream()
                        .map(p -> new PhaseBody(p.number(), p.name(), p.description(), p.hoursOrZero(), p.content(), p.files(),
                                p.branchName())).toList()));
            } catch (IllegalArgumentException notJson) {
                // A monolithic spec's markdown that starts with a brace: it stays text.
            }
        }
        return m;
    }

    private static SpecBody kept(SpecBody b, SpecQueries.SpecView now) {
        TechnicalSpec s = now.spec();
        SpecContent c = now.content();
        List<PhaseBody> phases = c == null ? null : c.phaseList().stream().map(p -> new PhaseBody(p.number(), p.name(), p.description(),
                p.hours(), p.content(), p.assignedFiles(), p.branchName())).toList();
        // A story left out is kept; one sent as null unlinks the spec.
        return new SpecBody(b.storyNumber() == null ? Optional.ofNullable(s.storyNumber) : b.storyNumber(), FeatureApi.or(b.title(), s.title), FeatureApi.or(b.specType(), s.specType),
                FeatureApi.or(b.content(), s.isHierarchical() ? null : s.content), FeatureApi.or(b.overview(), c == null ? null : c.overview()),
                FeatureApi.or(b.architecture(), c == null ? null : c.architecture()),
                FeatureApi.or(b.technologyStack(), c == null ? null : c.technologyStack()), FeatureApi.or(b.phases(), phases),
                FeatureApi.or(b.dependsOn(), now.dependsOn().stream().map(SpecRef::key).toList()), b.version());
    }

    @RoleFirst.Lead
    @POST
    @Path("{key}/approve")
    public SpecAnswer approveSpec(@PathParam("slug") String slug, @PathParam("key") String key, ApproveBody body) {
        Access access = projectAccess.write(slug, Role.LEAD);
        specs.approve(access, key, body == null ? null : body.version());
        return answer(specQueries.detail(access.project(), key));
    }

    /** A lead's word that a spec marked dirty (its story changed since) still holds for the story as it reads now. */
    @RoleFirst.Lead
    @POST
    @Path("{key}/reviewed")
    public SpecAnswer markSpecReviewed(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.write(slug, Role.LEAD);
        specs.markReviewed(access, key);
        return answer(specQueries.detail(access.project(), key));
    }

    @RoleFirst.Member
    @POST
    @Path("{key}/dependencies")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpecAnswer.class)))
    public Response addSpecDependency(@PathParam("slug") String slug, @PathParam("key") String key, DependencyBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.spec(access, key);
        if (body == null || body.dependsOn() == null || body.dependsOn().isBlank()) {
            throw new ApiException(422, "Validation failed", java.util.Map.of("dependsOn", "Name the spec, like SPEC-2"));
        }
        specDependencies.add(access, key, body.dependsOn());
        return Response.status(201).entity(answer(specQueries.detail(access.project(), key))).build();
    }

    static SpecRowAnswer item(SpecRow r) {
        return new SpecRowAnswer(r.key(), r.number(), r.title(), r.specType(), r.status(), r.dirty(), r.roadmapItemId(), r.tasks(), r.doneTasks(),
                r.estimatedHours(), r.actualHours(), r.phase());
    }

    static SpecAnswer answer(SpecQueries.SpecView d) {
        TechnicalSpec s = d.spec();
        SpecContent c = d.content();
        return new SpecAnswer(s.key(), s.specNumber, s.title, s.specType, s.status, s.dirty, s.version, s.roadmapItemId, s.storyNumber,
                d.authorName(), s.isHierarchical() ? null : s.content, c.overview(), c.architecture(), c.technologyStack(),
                c.phaseList().stream().map(p -> new PhaseBody(p.number(), p.name(), p.description(), p.hoursOrZero(), p.content(),
                        p.files(), p.branchName())).toList(), d.currentPhase(),
                d.dependsOn().stream().map(SpecRef::key).toList(), d.blockers(), s.estimatedHours, d.actualHours(),
                d.tasks().stream().map(TaskApi::answer).toList(),
                d.revisions().stream().map((RevisionRow r) -> new SpecRevisionAnswer(r.version(), r.title(), r.author(), r.createdAt())).toList());
    }
}
