package dev.specboard.api;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;

import java.util.List;

import static dev.specboard.api.McpTools.call;
import static dev.specboard.api.McpTools.entity;
import static dev.specboard.api.McpTools.id;

/**
 * Bounded contexts, components with their dependencies and design docs, and work sessions as MCP
 * tools; each calls its JSON API twin ({@link ContextApi}, {@link ComponentApi}, {@link WorkSessionApi}).
 */
public class ArchitectureTools {

    /** What claim_next_work_session gives: the claimed session, or {@code claimed: false} when none waits (the API's 204). */
    @RegisterForReflection
    public record NextSessionAnswer(boolean claimed, WorkSessionApi.SessionAnswer session) {
    }

    @Inject
    ContextApi contextApi;

    @Inject
    ComponentApi componentApi;

    @Inject
    WorkSessionApi workSessionApi;

    @Tool(name = "list_contexts", description = "Lists a project's bounded contexts with their purpose, approval and the story numbers mapped to them.",
            outputSchema = @Tool.OutputSchema(from = ContextApi.ContextAnswer.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<ContextApi.ContextAnswer> listContexts(@ToolArg(description = "project slug") String project) {
        return call(() -> contextApi.list(project, null));
    }

    @Tool(name = "create_context", description = "Creates a bounded context (type domain or coordination).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public ContextApi.ContextAnswer createContext(@ToolArg(description = "project slug") String project,
                                                  @ToolArg(description = "name") String name,
                                                  @ToolArg(description = "domain or coordination") String type,
                                                  @ToolArg(description = "purpose, one sentence") String purpose,
                                                  @ToolArg(description = "description (markdown)", required = false) String description) {
        return entity(ContextApi.ContextAnswer.class, () -> contextApi.create(project, new ContextApi.ContextBody(name, type, purpose, description, null)));
    }

    @Tool(name = "approve_context", description = "Approves a bounded context (lead role). Pass the version you read: if it was changed "
            + "since, nothing is approved.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public ContextApi.ContextAnswer approveContext(@ToolArg(description = "project slug") String project,
                                                   @ToolArg(description = "context id") String contextId,
                                                   @ToolArg(description = "the version you read (omit: the current one)", required = false) Integer version) {
        return call(() -> contextApi.approve(project, contextId, new ApproveBody(version)));
    }

    @Tool(name = "delete_context", description = "Deletes a bounded context made by mistake: its stories stay, no longer mapped to it, "
            + "its components stay without a context, and the context mapping is decided anew.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, openWorldHint = false))
    public DesignTools.Deleted deleteContext(@ToolArg(description = "project slug") String project, @ToolArg(description = "context id") String contextId) {
        return call(() -> {
            contextApi.delete(project, contextId);
            return new DesignTools.Deleted("context", contextId);
        });
    }

    @Tool(name = "add_story_to_context", description = "Maps a story to a bounded context.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public ContextApi.ContextAnswer addStoryToContext(@ToolArg(description = "project slug") String project,
                                                      @ToolArg(description = "context id") String contextId,
                                                      @ToolArg(description = "story number (12 for US-12)") int storyNumber) {
        return entity(ContextApi.ContextAnswer.class, () -> contextApi.addStory(project, contextId, new ContextApi.StoryRefBody(storyNumber)));
    }

    @Tool(name = "remove_story_from_context", description = "Unmaps a story from a bounded context; answers the context.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public ContextApi.ContextAnswer removeStoryFromContext(@ToolArg(description = "project slug") String project,
                                                           @ToolArg(description = "context id") String contextId,
                                                           @ToolArg(description = "story number (12 for US-12)") int storyNumber) {
        return call(() -> contextApi.removeStory(project, contextId, storyNumber));
    }

    @Tool(name = "list_components", description = "Lists a project's components with their context, file path, completion flags and the ids they depend on.",
            outputSchema = @Tool.OutputSchema(from = ComponentApi.ComponentAnswer.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<ComponentApi.ComponentAnswer> listComponents(@ToolArg(description = "project slug") String project) {
        return call(() -> componentApi.list(project));
    }

    @Tool(name = "get_component", description = "Returns one component with its dependents and its transitive dependencies.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public ComponentApi.ComponentGraphAnswer getComponent(@ToolArg(description = "project slug") String project,
                                                          @ToolArg(description = "component id") String componentId) {
        return call(() -> componentApi.get(project, componentId));
    }

    @Tool(name = "create_component", description = "Creates a component (type context, schema, controller, liveview, genserver, task or other) at a file path, optionally in a bounded context.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public ComponentApi.ComponentAnswer createComponent(@ToolArg(description = "project slug") String project,
                                                        @ToolArg(description = "name") String name,
                                                        @ToolArg(description = "type", required = false) String type,
                                                        @ToolArg(description = "file or folder path in the repository") String filePath,
                                                        @ToolArg(description = "bounded context id", required = false) String contextId,
                                                        @ToolArg(description = "description (markdown)", required = false) String description) {
        return entity(ComponentApi.ComponentAnswer.class, () -> componentApi.create(project,
                new ComponentApi.ComponentBody(name, type, filePath, id(contextId), description, null)));
    }

    @Tool(name = "add_component_dependency", description = "Records that a component depends on another; refused with the names of the cycle when it would close one.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public ComponentApi.DependencyAnswer addComponentDependency(@ToolArg(description = "project slug") String project,
                                                                @ToolArg(description = "component id") String componentId,
                                                                @ToolArg(description = "id of the component it depends on") String dependsOn) {
        return entity(ComponentApi.DependencyAnswer.class, () -> componentApi.addDependency(project, componentId,
                new ComponentApi.DependencyBody(dependsOn)));
    }

    @Tool(name = "update_component", description = "Saves a component's fields on the version you read (stale: refused with the current one); "
            + "send every field: one left out is cleared.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public ComponentApi.ComponentAnswer updateComponent(@ToolArg(description = "project slug") String project,
                                                        @ToolArg(description = "component id") String componentId,
                                                        @ToolArg(description = "the version your edit is based on") int version,
                                                        @ToolArg(description = "name") String name,
                                                        @ToolArg(description = "type", required = false) String type,
                                                        @ToolArg(description = "file or folder path in the repository") String filePath,
                                                        @ToolArg(description = "bounded context id (none: no context)", required = false) String contextId,
                                                        @ToolArg(description = "description (markdown)", required = false) String description) {
        return call(() -> componentApi.update(project, componentId,
                new ComponentApi.ComponentBody(name, type, filePath, id(contextId), description, version)));
    }

    @Tool(name = "set_component_completion", description = "Sets a component's completion flags; one left out is kept.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public ComponentApi.ComponentAnswer setComponentCompletion(@ToolArg(description = "project slug") String project,
                                                               @ToolArg(description = "component id") String componentId,
                                                               @ToolArg(description = "docs complete", required = false) Boolean docsComplete,
                                                               @ToolArg(description = "code complete", required = false) Boolean codeComplete,
                                                               @ToolArg(description = "tests complete", required = false) Boolean testsComplete) {
        return call(() -> componentApi.completion(project, componentId, new ComponentApi.CompletionBody(docsComplete, codeComplete, testsComplete)));
    }

    @Tool(name = "delete_component", description = "Deletes a component with its design doc and dependencies.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, openWorldHint = false))
    public DesignTools.Deleted deleteComponent(@ToolArg(description = "project slug") String project,
                                               @ToolArg(description = "component id") String componentId) {
        return call(() -> {
            componentApi.delete(project, componentId);
            return new DesignTools.Deleted("component", componentId);
        });
    }

    @Tool(name = "remove_component_dependency", description = "Removes the record that a component depends on another.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, idempotentHint = true, openWorldHint = false))
    public DesignTools.Deleted removeComponentDependency(@ToolArg(description = "project slug") String project,
                                                         @ToolArg(description = "component id") String componentId,
                                                         @ToolArg(description = "id of the component it depends on") String dependsOn) {
        return call(() -> {
            componentApi.removeDependency(project, componentId, dependsOn);
            return new DesignTools.Deleted("dependency", componentId + "->" + dependsOn);
        });
    }

    @Tool(name = "get_design_doc", description = "Returns a component's design doc: current version, content and approval.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public ComponentApi.DesignDocAnswer getDesignDoc(@ToolArg(description = "project slug") String project,
                                                     @ToolArg(description = "component id") String componentId) {
        return call(() -> componentApi.designDoc(project, componentId));
    }

    @Tool(name = "approve_design_doc", description = "Approves a component's design doc (lead role). Pass the version you read: if it was "
            + "saved again since, nothing is approved.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public ComponentApi.VersionAnswer approveDesignDoc(@ToolArg(description = "project slug") String project,
                                                       @ToolArg(description = "component id") String componentId,
                                                       @ToolArg(description = "the version you read (omit: the current one)", required = false) Integer version) {
        return call(() -> componentApi.approveDesignDoc(project, componentId, new ApproveBody(version)));
    }

    @Tool(name = "save_design_doc", description = "Saves the next version of a component's design doc (markdown); give the version you read to be refused when someone saved meanwhile.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public ComponentApi.VersionAnswer saveDesignDoc(@ToolArg(description = "project slug") String project,
                                                    @ToolArg(description = "component id") String componentId,
                                                    @ToolArg(description = "the design doc (markdown)") String content,
                                                    @ToolArg(description = "the version your edit is based on", required = false) Integer version) {
        return call(() -> componentApi.saveDesignDoc(project, componentId, new ComponentApi.DesignDocBody(content, version)));
    }

    @Tool(name = "list_work_sessions", description = "Lists a project's work sessions, optionally by status (pending, in_progress, complete, failed) and type (design, test, implementation, setup).",
            outputSchema = @Tool.OutputSchema(from = WorkSessionApi.SessionAnswer.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<WorkSessionApi.SessionAnswer> listWorkSessions(@ToolArg(description = "project slug") String project,
                                                               @ToolArg(description = "only this status: pending, in_progress, complete or failed", required = false) String status,
                                                               @ToolArg(description = "only this type: design, test, implementation or setup", required = false) String type) {
        return call(() -> workSessionApi.list(project, status, type, null));
    }

    @Tool(name = "create_work_session", description = "Asks for a work session (design, test, implementation or setup) on a target (component, context or project) for an agent to claim.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public WorkSessionApi.SessionAnswer createWorkSession(@ToolArg(description = "project slug") String project,
                                                          @ToolArg(description = "design, test, implementation or setup") String sessionType,
                                                          @ToolArg(description = "component, context or project") String targetType,
                                                          @ToolArg(description = "target id") String targetId) {
        return entity(WorkSessionApi.SessionAnswer.class, () -> workSessionApi.create(project,
                new WorkSessionApi.SessionBody(sessionType, targetType, targetId)));
    }

    @Tool(name = "claim_next_work_session", description = "Atomically claims the oldest pending work session (optionally of one type); claimed is false when none waits.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public NextSessionAnswer claimNextWorkSession(@ToolArg(description = "project slug") String project,
                                                  @ToolArg(description = "session type", required = false) String type) {
        return call(() -> {
            WorkSessionApi.SessionAnswer claimed = (WorkSessionApi.SessionAnswer) workSessionApi.claimNext(project, type).getEntity();
            return new NextSessionAnswer(claimed != null, claimed);
        });
    }

    @Tool(name = "complete_work_session", description = "Completes a work session you claimed, with a note; for a design session on a component, designDoc saves the next design doc version.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public WorkSessionApi.SessionAnswer completeWorkSession(@ToolArg(description = "project slug") String project,
                                                            @ToolArg(description = "work session id") String sessionId,
                                                            @ToolArg(description = "what was done", required = false) String note,
                                                            @ToolArg(description = "new design doc text", required = false) String designDoc,
                                                            @ToolArg(description = "the design doc version your text is based on (0 before the first); "
                                                                    + "when another was saved since, nothing is saved and both texts come back", required = false)
                                                            Integer designDocVersion) {
        return call(() -> workSessionApi.complete(project, sessionId, new WorkSessionApi.CompleteBody(note, designDoc, designDocVersion)));
    }

    @Tool(name = "fail_work_session", description = "Marks a work session you claimed as failed, with the reason.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public WorkSessionApi.SessionAnswer failWorkSession(@ToolArg(description = "project slug") String project,
                                                        @ToolArg(description = "work session id") String sessionId,
                                                        @ToolArg(description = "why it failed") String reason) {
        return call(() -> workSessionApi.fail(project, sessionId, new WorkSessionApi.FailBody(reason)));
    }

    @Tool(name = "release_work_session", description = "Gives a work session in progress back: it is pending again, for anyone (its claimer or a lead).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public WorkSessionApi.SessionAnswer releaseWorkSession(@ToolArg(description = "project slug") String project,
                                                           @ToolArg(description = "work session id") String sessionId) {
        return call(() -> workSessionApi.release(project, sessionId));
    }

    @Tool(name = "retry_work_session", description = "Returns a failed work session to pending for another try (a lead).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public WorkSessionApi.SessionAnswer retryWorkSession(@ToolArg(description = "project slug") String project,
                                                         @ToolArg(description = "work session id") String sessionId) {
        return call(() -> workSessionApi.retry(project, sessionId));
    }
}
