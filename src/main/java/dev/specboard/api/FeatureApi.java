package dev.specboard.api;

import dev.specboard.design.EntityDdl;
import dev.specboard.design.EntityModel;
import dev.specboard.design.EntityService;
import dev.specboard.design.Feature;
import dev.specboard.design.FeatureForm;
import dev.specboard.design.FeatureRow;
import dev.specboard.design.FeatureService;
import dev.specboard.design.FeatureView;
import dev.specboard.design.FlowCheck;
import dev.specboard.design.FlowModel;
import dev.specboard.design.ConnectionForm;
import dev.specboard.design.JourneyFlow;
import dev.specboard.design.JourneyForm;
import dev.specboard.design.JourneyService;
import dev.specboard.design.JourneyViews;
import dev.specboard.design.JourneyView;
import dev.specboard.design.NodeForm;
import dev.specboard.design.InferredEntity;
import dev.specboard.design.PageService;
import dev.specboard.design.Thought;
import dev.specboard.design.ThoughtService;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.story.Story;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** API v1 for the design side's model: features (and stories drafted from them), inferred entities, the thinking chain. */
@Path("/api/v1/projects/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeatureApi {

    public record DataOperationsBody(List<String> creates, List<String> reads, List<String> updates, List<String> deletes) {
    }

    public record TechnicalBody(List<String> needs) {
    }

    public record FeatureBody(String name, String userDescription, String category, String status, DataOperationsBody dataOperations,
                              List<String> uiRequirements, List<String> businessRules, TechnicalBody technicalRequirements,
                              List<String> affectedPages, List<String> requiredJourneys, List<Integer> storyNumbers, Integer version) {
    }

    @RegisterForReflection
    public record FeatureStoryAnswer(String key, int number, String title, String status, boolean drafted, List<String> specs) {
    }

    @RegisterForReflection
    public record FeatureAnswer(UUID id, String name, String userDescription, String category, String status, List<String> affectedPages,
                                List<UUID> requiredJourneys, Feature.DataOperations dataOperations, List<String> uiRequirements,
                                List<String> businessRules, Feature.TechnicalRequirements technicalRequirements, List<FeatureStoryAnswer> stories,
                                int version) {
    }

    @RegisterForReflection
    public record DraftedStoryAnswer(String key, int number, String title, String description, String acceptanceCriteria, String status,
                                     UUID featureId) {
    }

    @RegisterForReflection
    public record FieldAnswer(String type, boolean required, List<String> inferredFrom, Double confidence, Integer maxLength, String label,
                              List<String> options, Map<String, Object> validation) {
    }

    @RegisterForReflection
    public record RelationshipAnswer(String type, String targetEntity, String foreignKey, String inverse) {
    }

    @RegisterForReflection
    public record EntityAnswer(UUID id, String entityName, String pluralName, Map<String, FieldAnswer> fields, List<RelationshipAnswer> relationships,
                               EntityModel.CrudLocations crudLocations, double confidenceScore, boolean userConfirmed) {
    }

    @RegisterForReflection
    public record DdlAnswer(String ddl) {
    }

    @RegisterForReflection
    public record ThoughtAnswer(UUID id, String thoughtType, String reasoning, double confidence, String status, List<UUID> dependsOn,
                                List<UUID> leadsTo, String sourceDescription, String subject, boolean needsReview, boolean needsAnswer,
                                String userFeedback) {
    }

    public record FeedbackBody(String feedback) {
    }

    public record NodeBody(String key, String nodeType, Map<String, Object> data) {
    }

    public record ConnectionBody(String from, String to, String trigger, String element, String label) {
    }

    public record JourneyBody(String name, String flowType, String description, List<NodeBody> nodes, List<ConnectionBody> connections) {
    }

    @RegisterForReflection
    public record JourneyRowAnswer(UUID id, String name, String flowType, long nodes) {
    }

    @RegisterForReflection
    public record NodeAnswer(String key, String nodeType, String label, Map<String, Object> data) {
    }

    @RegisterForReflection
    public record ConnectionAnswer(String from, String to, String trigger, String element, String label) {
    }

    @RegisterForReflection
    public record JourneyAnswer(UUID id, String name, String flowType, String description, List<NodeAnswer> nodes, List<ConnectionAnswer> connections,
                                List<FlowCheck.Problem> problems) {
    }

    @Inject
    JourneyService journeys;

    @Inject
    JourneyViews journeyViews;

    @GET
    @Path("/journeys")
    public List<JourneyRowAnswer> listJourneys(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        return journeys.rows(access.project().id).stream().map(r -> new JourneyRowAnswer(r.id(), r.name(), r.flowType(), r.nodes())).toList();
    }

    /** Creates a journey with its nodes and connections; 422 names an unknown node key or node type. */
    @POST
    @Path("/journeys")
    @APIResponse(responseCode = "201", description = "The journey with its check", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JourneyAnswer.class)))
    public Response createJourney(@PathParam("slug") String slug, JourneyBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        JourneyBody b = ComponentApi.body(body);
        requireNoNulls(b);
        List<NodeForm> nodes = b.nodes() == null ? List.of() : b.nodes().stream().map(FeatureApi::node).toList();
        List<JourneyService.ConnectionInput> connections = b.connections() == null ? List.of() : b.connections().stream()
                .map(c -> new JourneyService.ConnectionInput(c.from(), c.to(), c.trigger(), c.element(), c.label())).toList();
        JourneyFlow f = journeys.create(access, new JourneyForm(b.name(), b.flowType(), b.description()), nodes, connections);
        return Response.status(201).entity(journey(access, f.id)).build();
    }

    /** A null among the nodes or connections is a mistake in the request (422 naming it), not a server error. */
    private static void requireNoNulls(JourneyBody b) {
        dev.specboard.web.FormErrors errors = dev.specboard.web.FormErrors.none();
        for (int i = 0; b.nodes() != null && i < b.nodes().size(); i++) {
            if (b.nodes().get(i) == null) {
                errors.add("nodes[" + i + "]", "A node is an object with a key, a nodeType and data, not null");
            }
        }
        for (int i = 0; b.connections() != null && i < b.connections().size(); i++) {
            if (b.connections().get(i) == null) {
                errors.add("connections[" + i + "]", "A connection is an object with from and to, not null");
            }
        }
        if (errors.any()) {
            throw new dev.specboard.web.ValidationException(errors);
        }
    }

    @GET
    @Path("/journeys/{id}")
    public JourneyAnswer getJourney(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        return journey(access, DesignApi.uuid(id));
    }

    private JourneyAnswer journey(Access access, UUID id) {
        JourneyFlow f = journeys.get(access.project().id, id);
        JourneyView v = journeyViews.view(access, f, NodeForm.empty(), ConnectionForm.empty(), null, dev.specboard.web.FormErrors.none());
        List<ConnectionAnswer> connections = new java.util.ArrayList<>();
        List<NodeAnswer> nodes = v.nodes().stream().map(n -> {
            n.connections().forEach(c -> connections.add(new ConnectionAnswer(n.key(), c.to(), c.trigger(), c.element(), c.label())));
            Map<String, Object> data = new LinkedHashMap<>();
            FlowModel.Data d = n.data();
            put(data, "label", d.label());
            put(data, "pageId", d.pageId());
            put(data, "pagePath", n.pagePath());
            put(data, "mockupId", d.mockupId());
            put(data, "question", d.question());
            if (!d.branches().isEmpty()) {
                data.put("branches", d.branches().stream().map(br -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("label", br.label());
                    put(m, "targetNode", br.targetNode());
                    return m;
                }).toList());
            }
            put(data, "operation", d.operation());
            put(data, "entity", d.entity());
            put(data, "text", d.text());
            put(data, "end", d.end());
            put(data, "start", d.start());
            return new NodeAnswer(n.key(), n.type(), n.label(), data);
        }).toList();
        return new JourneyAnswer(f.id, f.name, f.flowType, f.description, nodes, connections, v.problems());
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    /** A node from the API: its data's label, page (path or id), question, branches, operation, entity, text, end and start. */
    private static NodeForm node(NodeBody n) {
        Map<String, Object> d = n.data() == null ? Map.of() : n.data();
        Object branches = d.get("branches");
        String branchText = "";
        if (branches instanceof List<?> list) {
            branchText = String.join(", ", list.stream().map(x -> x instanceof Map<?, ?> m ? String.valueOf(m.get("label")) : String.valueOf(x))
                    .map(s -> s.replace(",", " ")).toList());
        }
        Object page = d.getOrDefault("page", d.getOrDefault("pagePath", d.getOrDefault("pageId", d.get("page_id"))));
        return new NodeForm(n.key(), n.nodeType(), text(d.get("label")), text(page), text(d.get("question")), branchText, text(d.get("operation")),
                text(d.get("entity")), text(d.get("text")), Boolean.TRUE.equals(d.get("end")) ? "true" : null,
                Boolean.TRUE.equals(d.get("start")) ? "true" : null);
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    FeatureService features;

    @Inject
    PageService pages;

    @Inject
    EntityService entities;

    @Inject
    ThoughtService thoughts;

    @GET
    @Path("/features")
    public List<FeatureAnswer> listFeatures(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        return answers(access, Feature.<Feature>find("projectId = ?1 order by lower(name)", access.project().id).list());
    }

    /** Describes a feature; {@code affectedPages} are page paths, {@code storyNumbers} the stories realising it. */
    @POST
    @Path("/features")
    @APIResponse(responseCode = "201", description = "The feature", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeatureAnswer.class)))
    public Response createFeature(@PathParam("slug") String slug, FeatureBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Feature f = features.create(access, form(ComponentApi.body(body)));
        return Response.status(201).entity(feature(access, f.id)).build();
    }

    @GET
    @Path("/features/{id}")
    public FeatureAnswer getFeature(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        return feature(access, DesignApi.uuid(id));
    }

    /** Drafts a story from the feature (title, description, EARS criteria from its rules and data operations). */
    @POST
    @Path("/features/{id}/stories")
    @APIResponse(responseCode = "201", description = "The drafted story, linked to the feature", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftedStoryAnswer.class)))
    public Response draftStory(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = DesignApi.uuid(id);
        Story s = features.draftStory(access, fid);
        return Response.status(201).entity(new DraftedStoryAnswer(s.key(), s.number, s.title, s.description, s.acceptanceCriteria, s.status, fid)).build();
    }

    @GET
    @Path("/entities")
    public List<EntityAnswer> listEntities(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        return entities.list(access.project().id).stream().map(FeatureApi::entity).toList();
    }

    /** Reads the current mockups again now and answers the entities. */
    @POST
    @Path("/entities/infer")
    public List<EntityAnswer> inferEntities(@PathParam("slug") String slug) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return entities.infer(access).stream().map(FeatureApi::entity).toList();
    }

    @POST
    @Path("/entities/{id}/confirm")
    public EntityAnswer confirmEntity(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return entity(entities.confirm(access, DesignApi.uuid(id)));
    }

    @GET
    @Path("/entities/ddl")
    public DdlAnswer ddl(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        return new DdlAnswer(EntityDdl.ddl(entities.list(access.project().id)));
    }

    @GET
    @Path("/thinking")
    public List<ThoughtAnswer> listThinking(@PathParam("slug") String slug, @QueryParam("status") String status) {
        Access access = projectAccess.read(slug);
        return thoughts.list(access.project().id, status).stream().map(FeatureApi::thought).toList();
    }

    @POST
    @Path("/thinking/{id}/confirm")
    public ThoughtAnswer confirmThought(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return thought(thoughts.confirm(access, DesignApi.uuid(id)));
    }

    @POST
    @Path("/thinking/{id}/revise")
    public ThoughtAnswer reviseThought(@PathParam("slug") String slug, @PathParam("id") String id, FeedbackBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return thought(thoughts.revise(access, DesignApi.uuid(id), ComponentApi.body(body).feedback()));
    }

    /** Rejects a thought: what it created is withdrawn and the thoughts depending on it are flagged for review. */
    @POST
    @Path("/thinking/{id}/reject")
    public ThoughtAnswer rejectThought(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return thought(thoughts.reject(access, DesignApi.uuid(id)));
    }

    private FeatureAnswer feature(Access access, UUID id) {
        return answers(access, List.of(features.get(access.project().id, id))).get(0);
    }

    /** These features as answers, with their stories' states and their pages' paths, in a constant number of queries. */
    private List<FeatureAnswer> answers(Access access, List<Feature> list) {
        Map<UUID, String> paths = new LinkedHashMap<>();
        pages.rows(access.project().id).forEach(r -> paths.put(r.id(), r.path()));
        Map<UUID, FeatureRow> rows = new LinkedHashMap<>();
        features.rows(access.project().id).forEach(r -> rows.put(r.id(), r));
        return list.stream().map(f -> answer(f, rows.get(f.id), paths)).toList();
    }

    private static FeatureAnswer answer(Feature f, FeatureRow row, Map<UUID, String> paths) {
        List<FeatureView.StoryLink> links = row == null ? List.of() : row.stories();
        return new FeatureAnswer(f.id, f.name, f.userDescription, f.category, row == null ? f.status : row.status(),
                f.affectedPages.stream().map(paths::get).filter(java.util.Objects::nonNull).toList(), f.requiredJourneys, f.operations(),
                f.uiRequirementList(), f.businessRuleList(), new Feature.TechnicalRequirements(f.technicalNeeds()),
                links.stream().map(l -> new FeatureStoryAnswer(l.key(), l.number(), l.title(), l.status(), l.drafted(),
                        l.specs().stream().map(FeatureView.SpecRef::key).toList())).toList(), f.version);
    }

    private static FeatureForm form(FeatureBody b) {
        DataOperationsBody ops = b.dataOperations() == null ? new DataOperationsBody(null, null, null, null) : b.dataOperations();
        return new FeatureForm(b.name(), b.userDescription(), b.category(), b.status(), b.affectedPages(), b.requiredJourneys(),
                join(ops.creates(), ", "), join(ops.reads(), ", "), join(ops.updates(), ", "), join(ops.deletes(), ", "),
                join(b.uiRequirements(), "\n"), join(b.businessRules(), "\n"),
                b.technicalRequirements() == null ? "" : join(b.technicalRequirements().needs(), ", "),
                b.storyNumbers() == null ? "" : String.join(", ", b.storyNumbers().stream().map(String::valueOf).toList()), b.version());
    }

    private static String join(List<String> items, String with) {
        return items == null ? "" : String.join(with, items.stream().filter(java.util.Objects::nonNull).map(s -> s.replace(with.strip().isEmpty() ? "\n" : with.strip(), " ")).toList());
    }

    static EntityAnswer entity(InferredEntity e) {
        Map<String, FieldAnswer> fields = new LinkedHashMap<>();
        e.fieldMap().forEach((k, f) -> fields.put(k, new FieldAnswer(f.type(), f.mandatory(), f.inferredFrom(), f.confidence(), f.maxLength(), f.label(),
                f.options(), f.validation())));
        return new EntityAnswer(e.id, e.entityName, e.pluralName, fields,
                e.relationshipList().stream().map(r -> new RelationshipAnswer(r.type(), r.targetEntity(), r.foreignKey(), r.inverse())).toList(),
                e.crud(), e.confidenceScore, e.userConfirmed);
    }

    static ThoughtAnswer thought(Thought t) {
        return new ThoughtAnswer(t.id, t.thoughtType, t.reasoning, t.confidence, t.status, t.dependsOn, t.leadsTo, t.sourceDescription, t.subjectKey,
                t.needsReview, t.needsAnswer, t.userFeedback);
    }
}
