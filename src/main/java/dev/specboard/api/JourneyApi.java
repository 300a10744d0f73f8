package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.design.FlowCheck;
import dev.specboard.design.FlowModel;
import dev.specboard.design.JourneyFlow;
import dev.specboard.design.JourneyForm;
import dev.specboard.design.JourneyQueries;
import dev.specboard.design.JourneyNodeService;
import dev.specboard.design.JourneyService;
import dev.specboard.design.JourneyViews;
import dev.specboard.design.JourneyView;
import dev.specboard.design.NodeForm;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** API v1 for the journey flows: their nodes and connections, and what the flow check finds in them. */
@Path("/api/v1/projects/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JourneyApi {

    /** A node as given: {@code locked} true or false locks or unlocks it, left out it keeps its lock (a new node: unlocked). */
    public record NodeBody(String key, String nodeType, Map<String, Object> data, Boolean locked) {
    }

    public record ConnectionBody(String from, String to, String trigger, String element, String label) {
    }

    public record JourneyBody(String name, String flowType, String description, Boolean primary, List<NodeBody> nodes, List<ConnectionBody> connections) {
    }

    /**
     * A journey's details as the journey page's edit form changes them, and optionally all its nodes and connections at
     * once (the page edits them one by one): {@code nodes} given replace the journey's, with {@code connections}.
     */
    public record JourneyDetailsBody(String name, String flowType, String description, Boolean primary, Integer version, List<NodeBody> nodes,
                                     List<ConnectionBody> connections) {
    }

    @RegisterForReflection
    public record JourneyRowAnswer(UUID id, String name, String flowType, boolean primary, long nodes) {
    }

    /** {@code position}: where the node was moved to by hand, null while the layout engine places it. */
    @RegisterForReflection
    public record NodeAnswer(String key, String nodeType, String label, Map<String, Object> data, boolean locked, FlowModel.Position position) {
    }

    @RegisterForReflection
    public record PositionBody(Double x, Double y) {
    }

    @RegisterForReflection
    public record ConnectionAnswer(String from, String to, String trigger, String element, String label) {
    }

    @RegisterForReflection
    public record JourneyAnswer(UUID id, String name, String flowType, String description, boolean primary, List<NodeAnswer> nodes, List<ConnectionAnswer> connections,
                                List<FlowCheck.Problem> problems, int version) {
    }

    @Inject
    ListPaging paging;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    JourneyService journeys;

    @Inject
    JourneyNodeService journeyNodes;

    @Inject
    JourneyViews journeyViews;

    @Inject
    JourneyQueries journeyQueries;

    /** The project's journeys, the primary first and then by name, 50 a page; past the last page an empty list. */
    @GET
    @Path("/journeys")
    public List<JourneyRowAnswer> listJourneys(@PathParam("slug") String slug, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        JourneyQueries.ApiPage found = journeyQueries.apiPage(access.project().id, page);
        paging.counted(page, found.total(), found.size());
        return found.rows().stream().map(r -> new JourneyRowAnswer(r.id(), r.name(), r.flowType(), r.primary(), r.nodes())).toList();
    }

    /**
     * Creates a journey with its nodes and connections; 422 names an unknown node key or node type. A decision branch's
     * {@code targetNode} is the connection labelled with the branch (given or made here).
     */
    @RoleFirst.Member
    @POST
    @Path("/journeys")
    @APIResponse(responseCode = "201", description = "The journey with its check", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JourneyAnswer.class)))
    public Response createJourney(@PathParam("slug") String slug, JourneyBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        JourneyBody b = ComponentApi.body(body);
        JourneyBodyChecks.requireLists(b.nodes(), b.connections());
        requireDataTypes(b.nodes());
        JourneyBodyChecks.requireGiven(b.nodes(), b.connections());
        JourneyFlow f = named(b.nodes(), () -> journeys.create(access, new JourneyForm(b.name(), b.flowType(), b.description(),
                Boolean.TRUE.equals(b.primary()), null), nodes(b.nodes()), BranchTargets.connections(b.nodes(), connections(b.connections())), locks(b.nodes())));
        return Response.status(201).entity(journey(access, journeys.get(access.project().id, f.id))).build();
    }

    private static List<NodeForm> nodes(List<NodeBody> nodes) {
        return nodes == null ? List.of() : nodes.stream().map(JourneyApi::node).toList();
    }

    /** The locks the nodes ask for, by key (a node that leaves {@code locked} out is not named). */
    private static Map<String, Boolean> locks(List<NodeBody> nodes) {
        Map<String, Boolean> locks = new java.util.HashMap<>();
        if (nodes != null) {
            nodes.stream().filter(n -> n.key() != null && n.locked() != null).forEach(n -> locks.put(n.key(), n.locked()));
        }
        return locks;
    }

    private static List<JourneyService.ConnectionInput> connections(List<ConnectionBody> connections) {
        return connections == null ? List.of() : connections.stream()
                .map(c -> new JourneyService.ConnectionInput(c.from(), c.to(), c.trigger(), c.element(), c.label())).toList();
    }

    /** The node data fields that hold text: the page is given by path or id under one of four names, or a new one by path ({@code newPage}). */
    private static final List<String> TEXT_DATA = List.of("label", "page", "pagePath", "pageId", "page_id", "newPage", "question", "operation", "entity",
            "text");

    /** Every name node data takes: the text fields, the flags, the branches, and the mockup a GET answers with (so its data goes back as it is). */
    private static final java.util.Set<String> DATA_NAMES = java.util.Set.copyOf(java.util.stream.Stream.concat(TEXT_DATA.stream(),
            java.util.stream.Stream.of("end", "start", "branches", "mockupId")).toList());

    /**
     * Node data of the wrong JSON type (a question given as {@code [1,2]}, an end given as {@code "yes"}) is refused with 400
     * naming each field where the body has it ({@code nodes[0].data.question}), never stored as its text or read as false:
     * {@code data} is a map, so Jackson cannot judge its values, and a typed field of any other body is 400 too.
     */
    private static void requireDataTypes(List<NodeBody> nodes) {
        // A name the data does not take is refused, as an unknown field of any body is: it was dropped without a word.
        Map<String, Object> found = new java.util.LinkedHashMap<>();
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            Map<String, Object> d = nodes.get(i) == null || nodes.get(i).data() == null ? Map.of() : nodes.get(i).data();
            for (String name : d.keySet()) {
                if (!DATA_NAMES.contains(name)) {
                    found.put("nodes[" + i + "].data." + name, "unknown field");
                }
            }
            BranchTargets.unknownFields("nodes[" + i + "].data.", d.get("branches"), found);
        }
        if (!found.isEmpty()) {
            dev.specboard.web.UnknownNames unknown = new dev.specboard.web.UnknownNames();
            found.forEach((name, hint) -> unknown.add(name, () -> hint));
            throw new ApiException(422, unknown.message("Unknown fields"), unknown.details());
        }
        Map<String, Object> errors = new java.util.LinkedHashMap<>();
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            Map<String, Object> d = nodes.get(i) == null || nodes.get(i).data() == null ? Map.of() : nodes.get(i).data();
            String at = "nodes[" + i + "].data.";
            for (String field : TEXT_DATA) {
                if (d.get(field) != null && !(d.get(field) instanceof String)) {
                    errors.put(at + field, "must be a text");
                }
            }
            for (String flag : List.of("end", "start")) {
                if (d.get(flag) != null && !(d.get(flag) instanceof Boolean)) {
                    errors.put(at + flag, "must be true or false");
                }
            }
            if (d.get("branches") != null && !(d.get("branches") instanceof List<?> list
                    && list.stream().allMatch(x -> x instanceof String || x instanceof Map<?, ?> m && m.get("label") instanceof String))) {
                errors.put(at + "branches", "must be a list of branch labels: texts, or objects with a label text and optionally a targetNode");
            }
            BranchTargets.types(at, d.get("branches"), errors);
        }
        if (!errors.isEmpty()) {
            Map.Entry<String, Object> first = errors.entrySet().iterator().next();
            throw new ApiException(400, "The field " + first.getKey() + " " + first.getValue(), errors);
        }
    }

    /** The node fields a refusal names as the journey form has them ({@code nodes[0].question}), named where this API's body has them. */
    private static JourneyFlow named(List<NodeBody> nodes, java.util.function.Supplier<JourneyFlow> save) {
        try {
            return save.get();
        } catch (dev.specboard.web.ValidationException e) {
            throw e.renamed(JourneyBodyChecks.apiNames(nodes));
        }
    }

    @GET
    @Path("/journeys/{id}")
    public JourneyAnswer getJourney(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        return journey(access, journeys.get(access.project().id, DesignApi.uuid(id)));
    }

    /**
     * Renames a journey, changes its type or description, or makes it the primary flow; with {@code nodes}, replaces its nodes
     * and connections (422 names an unknown node key or node type, as on create), otherwise they stay. With {@code version},
     * 409 with both versions when someone changed the journey since.
     */
    @RoleFirst.Member
    @PUT
    @Path("/journeys/{id}")
    public JourneyAnswer updateJourney(@PathParam("slug") String slug, @PathParam("id") String id, JourneyDetailsBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        JourneyDetailsBody b = ComponentApi.body(body);
        JourneyBodyChecks.requireLists(b.nodes(), b.connections());
        requireDataTypes(b.nodes());
        if (b.nodes() == null && b.connections() != null) {
            // Connections run between the nodes given with them: alone they would silently be dropped or join unknown keys.
            throw dev.specboard.web.ValidationException.of("connections", "Connections are replaced together with the nodes: give nodes too");
        }
        // A field left out stays as the journey has it (nodes and connections too): a rename keeps its type and description.
        JourneyAnswer now = FeatureApi.current(() -> getJourney(slug, id));
        JourneyForm form = new JourneyForm(FeatureApi.or(b.name(), now.name()), FeatureApi.or(b.flowType(), now.flowType()),
                FeatureApi.or(b.description(), now.description()), FeatureApi.or(b.primary(), now.primary()), b.version());
        return journey(access, named(b.nodes(), () -> journeys.update(access, DesignApi.uuid(id), form, b.nodes() == null ? null : nodes(b.nodes()),
                BranchTargets.connections(b.nodes(), connections(b.connections())), locks(b.nodes()))));
    }

    /** Deletes a journey with its nodes; features that required it no longer do. */
    @RoleFirst.Member
    @DELETE
    @Path("/journeys/{id}")
    @APIResponse(responseCode = "204", description = "No content")
    public Response deleteJourney(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        journeys.delete(access, DesignApi.uuid(id));
        return Response.noContent().build();
    }

    /**
     * Locks a node: its data and place stay as they are and it cannot be removed until it is unlocked; connections may still change.
     * With {@code ?version=}, 409 with both versions when someone changed the journey since.
     */
    @RoleFirst.Member
    @PUT
    @Path("/journeys/{id}/nodes/{key}/lock")
    public JourneyAnswer lockNode(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("key") String key,
                                  @QueryParam("version") Integer version) {
        return setLocked(slug, id, key, true, version);
    }

    /** Unlocks a node, so that it can be edited, moved and removed again; {@code ?version=} as on locking. */
    @RoleFirst.Member
    @DELETE
    @Path("/journeys/{id}/nodes/{key}/lock")
    public JourneyAnswer unlockNode(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("key") String key,
                                    @QueryParam("version") Integer version) {
        return setLocked(slug, id, key, false, version);
    }

    /** Locks or unlocks a node and answers with the whole journey (its version moves on); with a version, 409 when it is stale. */
    public JourneyAnswer setLocked(String slug, String id, String key, boolean locked, Integer version) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = DesignApi.uuid(id);
        journeyNodes.setLocked(access, fid, key, locked, version, null);
        return journey(access, journeys.get(access.project().id, fid));
    }

    /**
     * Places a node where the picture should draw it ({@code x} and {@code y} between 0 and 100000, kept as given), as a drag on the
     * journey page does; the other nodes stay where the layout puts them. A locked node stays where it is (409).
     */
    @RoleFirst.Member
    @PUT
    @Path("/journeys/{id}/nodes/{key}/position")
    public JourneyAnswer placeNode(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("key") String key, PositionBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = DesignApi.uuid(id);
        PositionBody b = ComponentApi.body(body);
        // A missing number is refused like one off the canvas, after the journey and node are found (404 first).
        journeyNodes.move(access, fid, key, b.x() == null ? Double.NaN : b.x(), b.y() == null ? Double.NaN : b.y());
        return journey(access, journeys.get(access.project().id, fid));
    }

    /** Gives a node moved by hand back to the layout engine; a node never moved is left as it is. */
    @RoleFirst.Member
    @DELETE
    @Path("/journeys/{id}/nodes/{key}/position")
    public JourneyAnswer unpinNode(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("key") String key) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = DesignApi.uuid(id);
        journeyNodes.unpin(access, fid, key);
        return journey(access, journeys.get(access.project().id, fid));
    }

    private JourneyAnswer journey(Access access, JourneyFlow f) {
        JourneyView v = journeyViews.undrawn(access, f);
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
            return new NodeAnswer(n.key(), n.type(), n.label(), data, n.locked(), n.position());
        }).toList();
        return new JourneyAnswer(f.id, f.name, f.flowType, f.description, f.primary, nodes, connections, v.problems(), f.version);
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
                Boolean.TRUE.equals(d.get("start")) ? "true" : null, text(d.get("newPage")));
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
