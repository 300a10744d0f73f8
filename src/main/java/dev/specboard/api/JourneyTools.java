package dev.specboard.api;

import dev.specboard.web.QueryValues;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;
import jakarta.inject.Inject;

import java.util.List;

import static dev.specboard.api.McpTools.call;
import static dev.specboard.api.McpTools.entity;

/** Journey flows as MCP tools: their nodes, connections, locks and places; each calls its JSON API twin. */
public class JourneyTools {

    @Inject
    JourneyApi journeyApi;

    @Tool(name = "list_journeys", description = "Lists the project's journey flows, the primary first and then by name, 50 a page, "
            + "with their type and number of nodes; get_journey gives one with its nodes and connections.",
            outputSchema = @Tool.OutputSchema(from = JourneyApi.JourneyRowAnswer.class, generator = PagedItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<JourneyApi.JourneyRowAnswer> listJourneys(@ToolArg(description = "project slug") String project,
                                                          @ToolArg(description = "page number, from 1 (the default); a page past the end is empty",
                                                                  required = false) Integer page) {
        return call(() -> journeyApi.listJourneys(project, QueryValues.page(page)));
    }

    @Tool(name = "create_journey", description = "Creates a journey flow: nodes (key, nodeType screen|decision|action|database|annotation, data such as "
            + "pagePath, or newPage for a page still to design (made a placeholder), question and branches (labels, or {label, targetNode} "
            + "naming the node a branch leads to), operation and entity, end; locked) "
            + "and connections between node keys (label = a decision's branch).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public JourneyApi.JourneyAnswer createJourney(@ToolArg(description = "project slug") String project, @ToolArg(description = "journey name") String name,
                                @ToolArg(description = "user, admin, system or error", required = false) String flowType,
                                @ToolArg(description = "nodes") List<JourneyApi.NodeBody> nodes,
                                @ToolArg(description = "connections", required = false) List<JourneyApi.ConnectionBody> connections) {
        return entity(JourneyApi.JourneyAnswer.class, () -> journeyApi.createJourney(project, new JourneyApi.JourneyBody(name, flowType, null, null, nodes,
                // This tool takes connections as optional, where the API's body requires them.
                connections == null ? List.of() : connections)));
    }

    @Tool(name = "update_journey", description = "Renames a journey, changes its type or description, or makes it the project's primary flow "
            + "(replacing the last one); only the arguments given change. Nodes given replace all its nodes and connections (checked as in "
            + "create_journey; a node keeping its key keeps its place), otherwise they stay. Needs the version read: refused when "
            + "someone changed the journey since that version.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public JourneyApi.JourneyAnswer updateJourney(@ToolArg(description = "project slug") String project, @ToolArg(description = "journey id") String journeyId,
                                @ToolArg(description = "journey name", required = false) String name,
                                @ToolArg(description = "user, admin, system or error", required = false) String flowType,
                                @ToolArg(description = "what the journey is for", required = false) String description,
                                @ToolArg(description = "true to make it the primary flow", required = false) Boolean primary,
                                @ToolArg(description = "the version read (from get_journey)") Integer version,
                                @ToolArg(description = "all the nodes, replacing the journey's", required = false) List<JourneyApi.NodeBody> nodes,
                                @ToolArg(description = "the connections between those nodes (with nodes only)", required = false)
                                List<JourneyApi.ConnectionBody> connections) {
        // The API keeps what is not given, as this tool says.
        return call(() -> journeyApi.updateJourney(project, journeyId, new JourneyApi.JourneyDetailsBody(name, flowType, description, primary,
                version, nodes, connections)));
    }

    @Tool(name = "delete_journey", description = "Deletes a journey with its nodes and connections; features that required it no longer do.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, openWorldHint = false))
    public DesignTools.Deleted deleteJourney(@ToolArg(description = "project slug") String project, @ToolArg(description = "journey id") String journeyId) {
        return call(() -> {
            journeyApi.deleteJourney(project, journeyId);
            return new DesignTools.Deleted("journey", journeyId);
        });
    }

    @Tool(name = "lock_journey_node", description = "Locks (locked true) or unlocks (false) a journey node: a locked node keeps its data and "
            + "its place and cannot be removed until it is unlocked; connections to and from it may still change. With the version read, "
            + "refused when someone changed the journey since that version.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public JourneyApi.JourneyAnswer lockJourneyNode(@ToolArg(description = "project slug") String project, @ToolArg(description = "journey id") String journeyId,
                                                    @ToolArg(description = "the node's key") String key, @ToolArg(description = "true to lock, false to unlock") boolean locked,
                                                    @ToolArg(description = "the version read (from get_journey)", required = false) Integer version) {
        return call(() -> journeyApi.setLocked(project, journeyId, key, locked, version));
    }

    @Tool(name = "get_journey", description = "Returns a journey with its nodes, connections and the problems its check finds.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public JourneyApi.JourneyAnswer getJourney(@ToolArg(description = "project slug") String project, @ToolArg(description = "journey id") String journeyId) {
        return call(() -> journeyApi.getJourney(project, journeyId));
    }

    @Tool(name = "place_journey_node", description = "Places a journey node where the picture draws it (x and y between 0 and 100000, "
            + "as a drag on the journey page does), or with x and y left out gives it back to the layout engine; a locked node stays where it is.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public JourneyApi.JourneyAnswer placeJourneyNode(@ToolArg(description = "project slug") String project, @ToolArg(description = "journey id") String journeyId,
                                                     @ToolArg(description = "the node's key") String key,
                                                     @ToolArg(description = "left edge, from 0", required = false) Double x,
                                                     @ToolArg(description = "top edge, from 0", required = false) Double y) {
        return call(() -> x == null && y == null ? journeyApi.unpinNode(project, journeyId, key)
                : journeyApi.placeNode(project, journeyId, key, new JourneyApi.PositionBody(x, y)));
    }
}
