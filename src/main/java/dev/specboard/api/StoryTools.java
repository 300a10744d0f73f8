package dev.specboard.api;

import dev.specboard.web.QueryValues;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;
import jakarta.inject.Inject;

import java.util.List;

import static dev.specboard.api.McpTools.call;
import static dev.specboard.api.McpTools.entity;

/** User stories as MCP tools; each calls its JSON API twin ({@link StoryApi}). */
public class StoryTools {

    @Inject
    StoryApi storyApi;

    @Tool(name = "list_stories", description = "Lists a project's user stories (US-n) by number, optionally by status (draft, review, changes, ready, "
            + "implemented): all of them, or 50 a page when a page is given.",
            outputSchema = @Tool.OutputSchema(from = StoryApi.StoryRowAnswer.class, generator = PagedItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<StoryApi.StoryRowAnswer> listStories(@ToolArg(description = "project slug") String project,
                                                     @ToolArg(description = "status filter", required = false) String status,
                                                     @ToolArg(description = "page number from 1, 50 stories a page (none: every story); a page past the end is empty",
                                                             required = false) Integer page) {
        return call(() -> storyApi.list(project, status, QueryValues.page(page)));
    }

    @Tool(name = "get_story", description = "Returns one story with its acceptance criteria, EARS requirements, contexts and revisions.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public StoryApi.StoryAnswer getStory(@ToolArg(description = "project slug") String project,
                                         @ToolArg(description = "story number (12 for US-12)") int number) {
        return call(() -> storyApi.get(project, number));
    }

    @Tool(name = "create_story", description = "Writes a new user story as a draft (US-n); acceptance criteria in EARS form are recognised.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public StoryApi.StoryRowAnswer createStory(@ToolArg(description = "project slug") String project,
                                               @ToolArg(description = "title") String title,
                                               @ToolArg(description = "description (markdown)") String description,
                                               @ToolArg(description = "acceptance criteria, one per line", required = false) String acceptanceCriteria) {
        return entity(StoryApi.StoryRowAnswer.class, () -> storyApi.create(project, new StoryApi.StoryBody(title, description, acceptanceCriteria, null)));
    }

    @Tool(name = "update_story", description = "Saves a new version of a story, based on the version you read (a stale version is refused with both versions); "
            + "only the arguments given change, as PUT .../stories/{n} does.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public StoryApi.StoryAnswer updateStory(@ToolArg(description = "project slug") String project,
                                            @ToolArg(description = "story number") int number,
                                            @ToolArg(description = "title (none: kept)", required = false) String title,
                                            @ToolArg(description = "description in markdown (none: kept)", required = false) String description,
                                            @ToolArg(description = "acceptance criteria, one per line (none: kept)", required = false) String acceptanceCriteria,
                                            @ToolArg(description = "the version your edit is based on") int version) {
        return call(() -> storyApi.update(project, number, new StoryApi.StoryBody(title, description, acceptanceCriteria, version)));
    }

    @Tool(name = "submit_story", description = "Submits a draft story for a lead's approval.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public StoryApi.StoryAnswer submitStory(@ToolArg(description = "project slug") String project,
                                            @ToolArg(description = "story number") int number) {
        return call(() -> storyApi.submit(project, number));
    }

    @Tool(name = "approve_story", description = "Approves a submitted story (lead role). Pass the version you read: "
            + "if the story was edited since, nothing is approved and the error shows both versions.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public StoryApi.StoryAnswer approveStory(@ToolArg(description = "project slug") String project,
                                             @ToolArg(description = "story number") int number,
                                             @ToolArg(description = "the version you read (omit: the current one)", required = false)
                                             Integer version) {
        return call(() -> storyApi.approve(project, number, new ApproveBody(version)));
    }

    @Tool(name = "request_story_changes", description = "Sends a submitted story back to its author with a comment (lead role). Pass the "
            + "version you read: if the story was edited since, nothing is sent back and the error shows both versions.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public StoryApi.StoryAnswer requestStoryChanges(@ToolArg(description = "project slug") String project,
                                                    @ToolArg(description = "story number") int number,
                                                    @ToolArg(description = "what to change") String comment,
                                                    @ToolArg(description = "the version you read (omit: the current one)", required = false)
                                                    Integer version) {
        return call(() -> storyApi.requestChanges(project, number, new StoryApi.ChangesBody(comment, version)));
    }
}
