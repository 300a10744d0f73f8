package dev.specboard.api;

import dev.specboard.web.QueryValues;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;
import jakarta.inject.Inject;

import java.util.List;

import static dev.specboard.api.McpTools.call;

/**
 * The entity model inferred from the mockups and the thinking chain that inferred it, as MCP tools: infer, list,
 * confirm, rename, edit and remove entities and fields; list, confirm, revise and reject thoughts. Each calls its JSON
 * API twin.
 */
public class EntityTools {

    /** A decision's version argument: a thought someone else decided on is refused without it. */
    private static final String SEEN = "the thought's version you saw (from list_thinking); without it a thought someone else decided on is refused";

    @Inject
    EntityApi entityApi;

    @Inject
    ThinkingApi thinkingApi;

    @Tool(name = "infer_entities", description = "Reads the project's current mockups again and returns the inferred entities with fields, types, confidences and relationships.",
            outputSchema = @Tool.OutputSchema(from = EntityApi.EntityAnswer.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<EntityApi.EntityAnswer> inferEntities(@ToolArg(description = "project slug") String project) {
        return call(() -> entityApi.inferEntities(project));
    }

    @Tool(name = "list_entities", description = "Lists the entities inferred from the mockups, the surest first, 50 a page.",
            outputSchema = @Tool.OutputSchema(from = EntityApi.EntityAnswer.class, generator = PagedItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<EntityApi.EntityAnswer> listEntities(@ToolArg(description = "project slug") String project,
                                                     @ToolArg(description = "page number, from 1 (the default); a page past the end is empty",
                                                             required = false) Integer page) {
        return call(() -> entityApi.listEntities(project, dev.specboard.web.QueryValues.page(page)));
    }

    @Tool(name = "list_thinking", description = "Lists the thinking chain, oldest first: each inference with its reasoning, confidence, status and the "
            + "thoughts it depends on; 50 a page, the first when no page is given, saying how many there are in all and, when more "
            + "follow, to pass page=2 (and so on) for the next.",
            outputSchema = @Tool.OutputSchema(from = ThinkingApi.ThoughtAnswer.class, generator = PagedItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<ThinkingApi.ThoughtAnswer> listThinking(@ToolArg(description = "project slug") String project,
                                                       @ToolArg(description = "active, confirmed, revised, rejected or review", required = false) String status,
                                                       @ToolArg(description = "page number from 1 (the default), 50 thoughts a page; a page past the end is empty",
                                                               required = false) Integer page) {
        // A chain of thousands answered whole would flood the agent's context: the first page, with the count and the next page.
        // The page is read inside the call: a page below 1 is the tool error naming it, as "abc" is (read before, it was -32603).
        return call(() -> {
            Integer asked = QueryValues.page(page);
            return thinkingApi.listThinking(project, status, asked == null ? Integer.valueOf(1) : asked);
        });
    }

    @Tool(name = "confirm_thought", description = "Confirms an inference of the thinking chain (a question: no answer needed); confirming an entity's "
            + "inference confirms the entity, so later inferences leave it alone. Pass the version you saw: if someone decided on the thought "
            + "since, nothing is changed and the error says how it stands.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public ThinkingApi.ThoughtAnswer confirmThought(@ToolArg(description = "project slug") String project,
                                                    @ToolArg(description = "thought id") String thoughtId,
                                                    @ToolArg(description = SEEN, required = false) Integer version) {
        return call(() -> thinkingApi.confirmThought(project, thoughtId, new ThinkingApi.DecisionBody(version)));
    }

    @Tool(name = "revise_thought", description = "Corrects an inference, or answers the assistant's question, with feedback; the thought is kept as "
            + "revised. Pass the version you saw: if someone decided on the thought since, nothing is changed and the error says how it stands.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public ThinkingApi.ThoughtAnswer reviseThought(@ToolArg(description = "project slug") String project,
                                                   @ToolArg(description = "thought id") String thoughtId,
                                                   @ToolArg(description = "the correction or answer") String feedback,
                                                   @ToolArg(description = SEEN, required = false) Integer version) {
        return call(() -> thinkingApi.reviseThought(project, thoughtId, new ThinkingApi.FeedbackBody(feedback, version)));
    }

    @Tool(name = "reject_thought", description = "Rejects an inference: what it created (an entity, field, relationship or data operation) is withdrawn "
            + "and does not come back with later inferences, and the thoughts built on it are flagged for review; an entity a member confirmed "
            + "or edited stays, its dependents flagged all the same (the answer's note says so). Pass the version you saw: if someone decided "
            + "on the thought since (confirmed it, say), nothing is rejected and the error says how it stands.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, openWorldHint = false))
    public ThinkingApi.ThoughtAnswer rejectThought(@ToolArg(description = "project slug") String project,
                                                   @ToolArg(description = "thought id") String thoughtId,
                                                   @ToolArg(description = SEEN, required = false) Integer version) {
        return call(() -> thinkingApi.rejectThought(project, thoughtId, new ThinkingApi.DecisionBody(version)));
    }

    @Tool(name = "confirm_entity", description = "Confirms an inferred entity as it is: later inferences leave it alone.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public EntityApi.EntityAnswer confirmEntity(@ToolArg(description = "project slug") String project,
                                                @ToolArg(description = "entity id") String entityId) {
        return call(() -> entityApi.confirmEntity(project, entityId));
    }

    @Tool(name = "rename_entity", description = "Renames an inferred entity; it then counts as confirmed, so later inferences leave it alone.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public EntityApi.EntityAnswer renameEntity(@ToolArg(description = "project slug") String project,
                                               @ToolArg(description = "entity id") String entityId,
                                               @ToolArg(description = "the new name: letters, digits and underscores, starting with a letter") String entityName,
                                               @ToolArg(description = "the entity's version you read (list_entities gives it); a stale one is refused") Integer version) {
        return call(() -> entityApi.renameEntity(project, entityId, new EntityApi.EntityNameBody(entityName, version)));
    }

    @Tool(name = "update_entity_field", description = "Renames a field of an entity, changes its type or whether it is required, in one step; "
            + "what is not given stays as it is, and the entity then counts as confirmed.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public EntityApi.EntityAnswer updateEntityField(@ToolArg(description = "project slug") String project,
                                                    @ToolArg(description = "entity id") String entityId,
                                                    @ToolArg(description = "the field's current name") String field,
                                                    @ToolArg(description = "a new name: lowercase letters, digits and underscores", required = false) String name,
                                                    @ToolArg(description = "a new type: string, text, email, url, tel, integer, number, boolean, date, "
                                                            + "datetime, time, enum, reference, uuid, color or file", required = false) String type,
                                                    @ToolArg(description = "whether a value is required", required = false) Boolean required,
                                                    @ToolArg(description = "the entity's version you read (list_entities gives it); a stale one is refused") Integer version) {
        return call(() -> entityApi.updateField(project, entityId, field, new EntityApi.FieldBody(name, type, required, version)));
    }

    @Tool(name = "remove_entity_field", description = "Removes a field from an entity: its inference is rejected, so later inferences do not bring it "
            + "back, and the thoughts built on it are flagged for review.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, openWorldHint = false))
    public EntityApi.EntityAnswer removeEntityField(@ToolArg(description = "project slug") String project,
                                                    @ToolArg(description = "entity id") String entityId,
                                                    @ToolArg(description = "the field's name") String field) {
        return call(() -> entityApi.removeField(project, entityId, field));
    }

    @Tool(name = "remove_entity", description = "Removes an inferred entity: its inference is rejected, so later inferences do not bring it back, "
            + "and the thoughts built on it are flagged for review.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, openWorldHint = false))
    public DesignTools.Deleted removeEntity(@ToolArg(description = "project slug") String project, @ToolArg(description = "entity id") String entityId) {
        return call(() -> {
            entityApi.removeEntity(project, entityId);
            return new DesignTools.Deleted("entity", entityId);
        });
    }
}
