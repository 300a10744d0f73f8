package dev.specboard.api;

import dev.specboard.web.QueryValues;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Plans, their chat and the project search as MCP tools; each calls its JSON API twin ({@link PlanApi},
 * {@link SearchApi}) with the caller's bearer token and role, so the answers and refusals are the same.
 */
public class PlanTools {

    @Inject
    PlanApi planApi;

    @Inject
    SearchApi searchApi;

    @Tool(name = "search", description = "Full-text search over a project's stories, bounded contexts, components, specs and tasks, plans and their "
            + "artifacts, design pages, features, files of the synced repositories and review threads; ranked results with a matching passage and a link, "
            + "20 a page (argument page for the next ones).",
            outputSchema = @Tool.OutputSchema(from = SearchApi.Result.class, generator = PagedItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<SearchApi.Result> search(@ToolArg(description = "project slug") String project,
                                         @ToolArg(description = "what to find: words, \"a phrase\", -excluded") String query,
                                         @ToolArg(description = "only one kind: story, context, component, spec, task, plan, page, feature, file or thread", required = false) String kind,
                                         @ToolArg(description = "page number, from 1 (the default), 20 results a page; a page past the end is empty",
                                                 required = false) Integer page) {
        // The API's query parameter is q; a refusal names the argument the agent sent.
        return McpTools.call("q", "query", () -> searchApi.search(project, query, kind, null, QueryValues.page(page)));
    }

    @Tool(name = "list_plans", description = "Lists a project's plans (latest version of each, most recently changed first, 50 a page) "
            + "with repository, target branch, status and spec; optionally only one repository's or one status's.",
            outputSchema = @Tool.OutputSchema(from = PlanApi.PlanSummary.class, generator = PagedItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<PlanApi.PlanSummary> listPlans(@ToolArg(description = "project slug") String project,
                                               @ToolArg(description = "only this repository's plans (its name)", required = false) String repository,
                                               @ToolArg(description = "only plans whose latest version has this status: draft, active, completed or archived",
                                                       required = false) String status,
                                               @ToolArg(description = "page number, from 1 (the default); a page past the end is empty",
                                                       required = false) Integer page) {
        // The API's query parameter is repo; a refusal names the argument the agent sent.
        return McpTools.call("repo", "repository", () -> planApi.listPlans(project, repository, status, QueryValues.page(page)));
    }

    @Tool(name = "get_plan", description = "Returns one plan version with its artifacts (JSON documents) and the list of its versions.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public PlanApi.PlanAnswer getPlan(@ToolArg(description = "project slug") String project, @ToolArg(description = "plan id") String planId) {
        return McpTools.call(() -> planApi.getPlan(project, McpTools.id(planId)));
    }

    @Tool(name = "create_plan", description = "Starts a plan (v1, draft) for one of the project's repositories and a target branch.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public PlanApi.PlanSummary createPlan(@ToolArg(description = "project slug") String project, @ToolArg(description = "repository name") String repository,
                             @ToolArg(description = "plan name") String name, @ToolArg(description = "target branch, like main") String targetBranch,
                             @ToolArg(description = "description", required = false) String description) {
        return McpTools.entity(PlanApi.PlanSummary.class, () -> planApi.createPlan(project, repository, new PlanApi.NewPlan(name, description, targetBranch)));
    }

    @Tool(name = "add_plan_artifact", description = "Adds an artifact to a plan version: artifactType feature_plan, implementation_steps or "
            + "code_changes, content a JSON document valid against /schemas/plan/<artifactType>.schema.json (problems are named by JSON pointer).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public PlanApi.ArtifactAnswer addPlanArtifact(@ToolArg(description = "project slug") String project, @ToolArg(description = "plan id") String planId,
                                  @ToolArg(description = "feature_plan, implementation_steps or code_changes") String artifactType,
                                  @ToolArg(description = "the JSON document, as a JSON object such as {\"steps\": [...]} "
                                          + "(a string holding the document's JSON text is read too)") JsonNode content,
                                  @ToolArg(description = "the version of the current artifact of this type (from get_plan), needed once the "
                                          + "plan version has one: refused with both documents if another was saved since", required = false) Integer version) {
        return McpTools.entity(PlanApi.ArtifactAnswer.class, () -> planApi.addPlanArtifact(project, McpTools.id(planId),
                new PlanApi.ArtifactBody(artifactType, content, version)));
    }

    @Tool(name = "new_plan_version", description = "Makes the next version of a plan, copying the artifacts of the given version; "
            + "a description or target branch given replaces the one it had.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public PlanApi.VersionCreated newPlanVersion(@ToolArg(description = "project slug") String project, @ToolArg(description = "plan id") String planId,
                                                 @ToolArg(description = "the new version's description (empty clears it)", required = false) String description,
                                                 @ToolArg(description = "the new version's target branch", required = false) String targetBranch) {
        return McpTools.entity(PlanApi.VersionCreated.class, () -> planApi.newPlanVersion(project, McpTools.id(planId),
                new PlanApi.NewVersionBody(description, targetBranch)));
    }

    @Tool(name = "set_plan_status", description = "Moves a plan version along draft → active → completed | archived.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public PlanApi.PlanAnswer setPlanStatus(@ToolArg(description = "project slug") String project, @ToolArg(description = "plan id") String planId,
                                            @ToolArg(description = "active, completed or archived") String status) {
        return McpTools.call(() -> planApi.setPlanStatus(project, McpTools.id(planId), new PlanApi.StatusBody(status)));
    }

    @Tool(name = "plan_to_spec", description = "Turns a plan version's implementation steps into a hierarchical spec with one task per step.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public SpecApi.SpecCreated planToSpec(@ToolArg(description = "project slug") String project, @ToolArg(description = "plan id") String planId) {
        return McpTools.entity(SpecApi.SpecCreated.class, () -> planApi.planToSpec(project, McpTools.id(planId)));
    }

    @Tool(name = "get_plan_chat", description = "Returns the chat of a plan version: its messages, the assistant's with the sources it used.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public PlanApi.ChatAnswer getPlanChat(@ToolArg(description = "project slug") String project, @ToolArg(description = "plan id") String planId) {
        return McpTools.call(() -> planApi.getPlanChat(project, McpTools.id(planId)));
    }

    @Tool(name = "ask_plan_chat", description = "Posts a message to a plan's chat and returns the chat with the assistant's answer "
            + "(answers come from the project's stories, specs, plans, files and threads, or the configured model).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public PlanApi.ChatAnswer askPlanChat(@ToolArg(description = "project slug") String project, @ToolArg(description = "plan id") String planId,
                              @ToolArg(description = "the message") String content) {
        return McpTools.entity(PlanApi.ChatAnswer.class, () -> planApi.askPlanChat(project, McpTools.id(planId), new PlanApi.ChatBody(content)));
    }

    @Tool(name = "retry_plan_chat_answer", description = "Asks the assistant again for an answer of a plan's chat that failed (a model timeout or "
            + "error; its message has status failed) and returns the chat with the new answer.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public PlanApi.ChatAnswer retryPlanChatAnswer(@ToolArg(description = "project slug") String project,
                                                  @ToolArg(description = "plan id") String planId,
                                                  @ToolArg(description = "id of the failed answer (a message of the chat)") String messageId) {
        return McpTools.call(() -> planApi.retryPlanChat(project, McpTools.id(planId), McpTools.id(messageId)));
    }
}
