package dev.specboard.api;

import dev.specboard.kernel.Role;
import dev.specboard.web.QueryValues;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

import static dev.specboard.api.McpTools.call;
import static dev.specboard.api.McpTools.entity;

/**
 * The design side as MCP tools: pages, mockup versions, the design system, features and context items (journeys:
 * {@link JourneyTools}; entities and the thinking chain: {@link EntityTools}); each calls its JSON API twin.
 */
public class DesignTools {

    @Inject
    DesignApi designApi;

    @Inject
    ContextItemApi contextItemApi;

    @Inject
    FeatureApi featureApi;

    @Inject
    PageOrderApi pageOrderApi;

    @Inject
    ProjectAccess projectAccess;

    @Tool(name = "list_pages", description = "Lists the pages of the app being designed (path, type, status, current mockup version, "
            + "the component patterns its mockup uses) in tree order, 50 a page; with pattern, only the pages using it.",
            outputSchema = @Tool.OutputSchema(from = DesignApi.PageAnswer.class, generator = PagedItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<DesignApi.PageAnswer> listPages(@ToolArg(description = "project slug") String project,
                                                @ToolArg(description = "a component pattern: button, link, input, form, card, nav, table, list or modal",
                                                        required = false) String pattern,
                                                @ToolArg(description = "page number, from 1 (the default); a page past the end is empty",
                                                        required = false) Integer page) {
        return call(() -> designApi.listPages(project, pattern, QueryValues.page(page)));
    }

    @Tool(name = "get_page", description = "Returns one page: its fields, status, current mockup version and design patterns (relatedPatterns), "
            + "its newest mockup versions (50) and the journey screens that show it.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public DesignApi.PageDetail getPage(@ToolArg(description = "project slug") String project, @ToolArg(description = "page id (from list_pages)") String pageId) {
        return call(() -> designApi.getPage(project, pageId, null));
    }

    @Tool(name = "create_page", description = "Creates a page at a URL path (lowercase, digits, hyphens, slashes), optionally under a parent path, "
            + "for a primary device, with its key elements and its first mockup's HTML and CSS, as POST .../pages does.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public DesignApi.PageAnswer createPage(@ToolArg(description = "project slug") String project, @ToolArg(description = "page name") String name,
                             @ToolArg(description = "URL path, like /dashboard/settings") String path,
                             @ToolArg(description = "parent page path", required = false) String parentPath,
                             @ToolArg(description = "page, layout, component or modal", required = false) String type,
                             @ToolArg(description = "what the page is for", required = false) String purpose,
                             @ToolArg(description = "responsive (when left out), mobile, tablet or desktop", required = false) String primaryDevice,
                             @ToolArg(description = "key elements, like header or lesson-grid", required = false) List<String> keyElements,
                             @ToolArg(description = "first mockup HTML", required = false) String html,
                             @ToolArg(description = "first mockup CSS", required = false) String css) {
        return entity(DesignApi.PageAnswer.class, () -> designApi.createPage(project,
                new DesignApi.PageBody(name, path, parentPath, type, purpose, primaryDevice, keyElements, null, html, css, null)));
    }

    @Tool(name = "update_page", description = "Changes a page's name, path, parent, type, purpose, device or key elements, as PUT .../pages/{id} does: only "
            + "the arguments given change (parentPath \"\" moves it to the top). Needs the version read: refused when someone changed these fields since "
            + "(a new mockup or status does not count).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public DesignApi.PageAnswer updatePage(@ToolArg(description = "project slug") String project, @ToolArg(description = "page id") String pageId,
                                           @ToolArg(description = "the version read (from list_pages)") Integer version,
                                           @ToolArg(description = "page name", required = false) String name,
                                           @ToolArg(description = "URL path, like /dashboard/settings", required = false) String path,
                                           @ToolArg(description = "parent page path; empty for the top level", required = false) String parentPath,
                                           @ToolArg(description = "page, layout, component or modal", required = false) String type,
                                           @ToolArg(description = "what the page is for", required = false) String purpose,
                                           @ToolArg(description = "responsive, mobile, tablet or desktop", required = false) String primaryDevice,
                                           @ToolArg(description = "key elements, like header or lesson-grid", required = false) List<String> keyElements) {
        // The API keeps what is not given, as this tool says.
        return call(() -> designApi.updatePage(project, pageId, new DesignApi.PageBody(name, path, parentPath, type, purpose, primaryDevice,
                keyElements, version, null, null, null)));
    }

    @Tool(name = "set_page_status", description = "Moves a page one step along draft, designed, approved, built (or back): approving, and taking an "
            + "approved or built page back, need a lead; a page is designed only with a mockup.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public DesignApi.PageAnswer setPageStatus(@ToolArg(description = "project slug") String project, @ToolArg(description = "page id") String pageId,
                                              @ToolArg(description = "draft, designed, approved or built") String status) {
        return call(() -> designApi.setStatus(project, pageId, new DesignApi.StatusBody(status)));
    }

    @Tool(name = "move_page", description = "Moves a page one place up or down among its siblings in the page tree and returns that level's pages "
            + "in their new order; refused when it is already the first (up) or last (down).",
            outputSchema = @Tool.OutputSchema(from = DesignApi.PageAnswer.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<DesignApi.PageAnswer> movePage(@ToolArg(description = "project slug") String project, @ToolArg(description = "page id") String pageId,
                                               @ToolArg(description = "up or down") String direction) {
        return call(() -> pageOrderApi.move(project, pageId, new PageOrderApi.MoveBody(direction)));
    }

    @Tool(name = "order_pages", description = "Puts one level of the page tree in a new order, as PUT .../page-order does: ids, every page id of "
            + "that level, each once, and the parent page's id (none for the top level); returns the level's pages in their new order.",
            outputSchema = @Tool.OutputSchema(from = DesignApi.PageAnswer.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<DesignApi.PageAnswer> orderPages(@ToolArg(description = "project slug") String project,
                                                 @ToolArg(description = "the id of every page of the level, in the new order", required = false) List<String> ids,
                                                 @ToolArg(description = "the parent page's id; none for the top level", required = false) String parentId,
                                                 @ToolArg(description = "the older name of ids", required = false) List<String> pageIds) {
        if (pageIds == null) {
            return call(() -> pageOrderApi.order(project, new PageOrderApi.OrderBody(parentId, ids)));
        }
        // The tool's first name for the list, kept for the agents written against it; refusals name it as they sent it.
        return call(() -> ValidationException.renaming("ids", "pageIds", () -> {
            if (ids != null) {
                // The policy first, as the API's: an outsider learns nothing, an archived project says so.
                projectAccess.write(project, Role.MEMBER);
                throw ValidationException.of("pageIds", "Give the page ids once, as ids (pageIds is its older name)");
            }
            return pageOrderApi.order(project, new PageOrderApi.OrderBody(parentId, pageIds));
        }));
    }

    @Tool(name = "delete_page", description = "Deletes a page with all its mockup versions; features no longer affect it. Refused while pages sit under it "
            + "(the answer names them): move or delete those first.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, openWorldHint = false))
    public Deleted deletePage(@ToolArg(description = "project slug") String project, @ToolArg(description = "page id") String pageId) {
        return call(() -> {
            designApi.deletePage(project, pageId);
            return new Deleted("page", pageId);
        });
    }

    @Tool(name = "save_mockup", description = "Saves a new version of a page's mockup (HTML, CSS, JS) as the assistant, with your notes on it, and returns "
            + "the patterns parsed from it. Give basedOnVersion, the version this edit is based on, to be refused when someone saved another version meanwhile; "
            + "left out, the mockup is saved as the newest version on top of whatever is current, unchecked.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public DesignApi.MockupAnswer saveMockup(@ToolArg(description = "project slug") String project, @ToolArg(description = "page id") String pageId,
                             @ToolArg(description = "HTML") String html, @ToolArg(description = "CSS", required = false) String css,
                             @ToolArg(description = "JavaScript", required = false) String js,
                             @ToolArg(description = "what changed", required = false) String changeDescription,
                             @ToolArg(description = "the version this edit is based on; left out: saved on top of the current version without a check", required = false) Integer basedOnVersion,
                             @ToolArg(description = "your notes on this version: assumptions made, questions left open (at most 20)", required = false)
                             List<String> aiNotes) {
        return entity(DesignApi.MockupAnswer.class, () -> designApi.saveMockup(project, pageId,
                new DesignApi.MockupBody(html, css, js, changeDescription, "ai", basedOnVersion, aiNotes)));
    }

    @Tool(name = "get_mockup", description = "Returns one version of a page's mockup with its source and extracted patterns "
            + "(analysisPartial: true when the mockup was too large to read whole and the patterns count only its first part).",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public DesignApi.MockupAnswer getMockup(@ToolArg(description = "project slug") String project, @ToolArg(description = "page id") String pageId,
                                            @ToolArg(description = "version number") int version) {
        return call(() -> designApi.getMockup(project, pageId, version));
    }

    @Tool(name = "list_mockup_versions", description = "Lists the versions of a page's mockup, newest first, 50 a page: number, change, author, "
            + "when, and which one is current (get_mockup returns one with its source).",
            outputSchema = @Tool.OutputSchema(from = DesignApi.VersionAnswer.class, generator = PagedItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<DesignApi.VersionAnswer> listMockupVersions(@ToolArg(description = "project slug") String project,
                                                            @ToolArg(description = "page id") String pageId,
                                                            @ToolArg(description = "page number, from 1 (the default); a page past the end is empty",
                                                                    required = false) Integer page) {
        return call(() -> designApi.getPage(project, pageId, QueryValues.page(page)).versions());
    }

    @Tool(name = "make_mockup_current", description = "Makes an earlier (or later) version of a page's mockup the current one again; the page "
            + "becomes designed and the design system is worked out again from it.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public DesignApi.MockupAnswer makeMockupCurrent(@ToolArg(description = "project slug") String project, @ToolArg(description = "page id") String pageId,
                                                    @ToolArg(description = "version number") int version) {
        return call(() -> designApi.makeCurrent(project, pageId, version));
    }

    @Tool(name = "add_mockup_feedback", description = "Leaves feedback on one version of a page's mockup (reviewers and up) and returns the version "
            + "with all its feedback, oldest first; get_mockup lists it too.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public DesignApi.MockupAnswer addMockupFeedback(@ToolArg(description = "project slug") String project, @ToolArg(description = "page id") String pageId,
                                                    @ToolArg(description = "version number") int version,
                                                    @ToolArg(description = "the feedback, at most 4000 characters") String text) {
        return entity(DesignApi.MockupAnswer.class, () -> designApi.addFeedback(project, pageId, version, new DesignApi.FeedbackBody(text)));
    }

    @Tool(name = "get_design_system", description = "Returns the project's design system as it emerged from the current mockups: colour tokens with usage, spacing, typography, component patterns.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public DesignApi.DesignSystemAnswer getDesignSystem(@ToolArg(description = "project slug") String project) {
        return call(() -> designApi.designSystem(project));
    }

    @Tool(name = "list_features", description = "Lists the project's features by name, 50 a page, with their status (following their stories), "
            + "data operations, rules and stories.",
            outputSchema = @Tool.OutputSchema(from = FeatureApi.FeatureAnswer.class, generator = PagedItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<FeatureApi.FeatureAnswer> listFeatures(@ToolArg(description = "project slug") String project,
                                                       @ToolArg(description = "page number, from 1 (the default); a page past the end is empty",
                                                               required = false) Integer page) {
        return call(() -> featureApi.listFeatures(project, QueryValues.page(page)));
    }

    @Tool(name = "get_feature", description = "Returns one feature: its description, status, data operations, rules, pages, journeys, "
            + "stories with their specs, and what its pages look like (visualSpecification: components and colour tokens to reuse).",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public FeatureApi.FeatureAnswer getFeature(@ToolArg(description = "project slug") String project,
                                               @ToolArg(description = "feature id (from list_features)") String featureId) {
        return call(() -> featureApi.getFeature(project, featureId));
    }

    @Tool(name = "create_feature", description = "Describes a feature: name, what users can do, the entities it creates, reads, updates and deletes, business rules, affected page paths, required journeys.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public FeatureApi.FeatureAnswer createFeature(@ToolArg(description = "project slug") String project, @ToolArg(description = "feature name") String name,
                                @ToolArg(description = "what users can do, in their words") String userDescription,
                                @ToolArg(description = "entities it creates", required = false) List<String> creates,
                                @ToolArg(description = "category: auth, content, social, admin, payment or other", required = false) String category,
                                @ToolArg(description = "entities it reads", required = false) List<String> reads,
                                @ToolArg(description = "entities it updates", required = false) List<String> updates,
                                @ToolArg(description = "entities it deletes", required = false) List<String> deletes,
                                @ToolArg(description = "business rules", required = false) List<String> businessRules,
                                @ToolArg(description = "affected page paths", required = false) List<String> affectedPages,
                                @ToolArg(description = "required journeys, by name or id", required = false) List<String> requiredJourneys,
                                @ToolArg(description = "numbers of the stories that realise it (12 for US-12)", required = false) List<Integer> storyNumbers) {
        return entity(FeatureApi.FeatureAnswer.class, () -> featureApi.createFeature(project, new FeatureApi.FeatureBody(name, userDescription, category, null,
                new FeatureApi.DataOperationsBody(creates, reads, updates, deletes), null, businessRules, null, affectedPages, requiredJourneys,
                storyNumbers, null)));
    }

    @Tool(name = "update_feature", description = "Changes a feature: only the arguments given change, the rest is kept (lists given replace the old ones). "
            + "Needs the version read: refused when someone changed the feature since that version.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public FeatureApi.FeatureAnswer updateFeature(@ToolArg(description = "project slug") String project, @ToolArg(description = "feature id") String featureId,
                                @ToolArg(description = "the version read (from list_features)") Integer version,
                                @ToolArg(description = "feature name", required = false) String name,
                                @ToolArg(description = "what users can do, in their words", required = false) String userDescription,
                                @ToolArg(description = "category: auth, content, social, admin, payment or other", required = false) String category,
                                @ToolArg(description = "planned, in-progress or completed (stories decide once linked)", required = false) String status,
                                @ToolArg(description = "entities it creates", required = false) List<String> creates,
                                @ToolArg(description = "entities it reads", required = false) List<String> reads,
                                @ToolArg(description = "entities it updates", required = false) List<String> updates,
                                @ToolArg(description = "entities it deletes", required = false) List<String> deletes,
                                @ToolArg(description = "business rules", required = false) List<String> businessRules,
                                @ToolArg(description = "affected page paths", required = false) List<String> affectedPages,
                                @ToolArg(description = "required journeys, by name or id", required = false) List<String> requiredJourneys,
                                @ToolArg(description = "numbers of the stories that realise it (12 for US-12)", required = false) List<Integer> storyNumbers) {
        // The API keeps what is not given, as this tool says.
        return call(() -> featureApi.updateFeature(project, featureId, new FeatureApi.FeatureBody(name, userDescription, category, status,
                new FeatureApi.DataOperationsBody(creates, reads, updates, deletes), null, businessRules, null, affectedPages, requiredJourneys,
                storyNumbers, version)));
    }

    @Tool(name = "delete_feature", description = "Deletes a feature; the stories that realised it stay, no longer linked to it.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, openWorldHint = false))
    public Deleted deleteFeature(@ToolArg(description = "project slug") String project, @ToolArg(description = "feature id") String featureId) {
        return call(() -> {
            featureApi.deleteFeature(project, featureId);
            return new Deleted("feature", featureId);
        });
    }

    @Tool(name = "draft_story_from_feature", description = "Drafts a user story from a feature (title, description, EARS criteria from its rules and data operations) and links it; "
            + "a feature drafts one: called again, answers with the story drafted before (draftedBefore true).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public FeatureApi.DraftedStoryAnswer draftStoryFromFeature(@ToolArg(description = "project slug") String project, @ToolArg(description = "feature id") String featureId) {
        return entity(FeatureApi.DraftedStoryAnswer.class, () -> featureApi.draftStory(project, featureId));
    }

    @Tool(name = "list_context_items", description = "Lists the context items collected for the design (text, URLs, files, screenshots), newest "
            + "first, 50 a page, with their analysis.",
            outputSchema = @Tool.OutputSchema(from = ContextItemApi.ContextItemAnswer.class, generator = PagedItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<ContextItemApi.ContextItemAnswer> listContextItems(@ToolArg(description = "project slug") String project,
                                                              @ToolArg(description = "page number, from 1 (the default); a page past the end is empty",
                                                                      required = false) Integer page) {
        return call(() -> contextItemApi.listContextItems(project, QueryValues.page(page)));
    }

    @Tool(name = "add_context_item", description = "Adds a text or URL context item for the design and returns its analysis. Files and screenshots "
            + "are not taken here: upload them over HTTP as multipart/form-data to POST /api/v1/projects/{slug}/context-items.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = true))
    public ContextItemApi.ContextItemAnswer addContextItem(@ToolArg(description = "project slug") String project,
                                                      @ToolArg(description = "text or url") String itemType,
                                                      @ToolArg(description = "the text, for itemType text", required = false) String text,
                                                      @ToolArg(description = "a full http(s) address, for itemType url", required = false) String url,
                                                      @ToolArg(description = "inspiration, competitor, style-guide, reference, requirement or brand", required = false) List<String> categories,
                                                      @ToolArg(description = "tags", required = false) List<String> tags,
                                                      @ToolArg(description = "what it is and why it matters", required = false) String submittedContext) {
        return entity(ContextItemApi.ContextItemAnswer.class, () -> {
            if (itemType != null && List.of("file", "screenshot").contains(itemType.strip().toLowerCase(java.util.Locale.ROOT))) {
                // The policy first, as the API's: an outsider learns nothing, an archived project says so.
                projectAccess.write(project, Role.MEMBER);
                throw new ApiException(422, "Validation failed", Map.of("itemType",
                        "Files and screenshots are uploaded as multipart/form-data to POST /api/v1/projects/{slug}/context-items; this tool takes text and url"));
            }
            return contextItemApi.addContextItem(project, new ContextItemApi.ContextBody(itemType, text, url, categories, tags, submittedContext, null, null));
        });
    }

    @Tool(name = "reference_context_item", description = "Records that a page used a context item (as POST .../context-items/{id}/references does): "
            + "the page lists it under the context it used, and the item counts its uses.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public ContextItemApi.ContextItemAnswer referenceContextItem(@ToolArg(description = "project slug") String project,
                                                            @ToolArg(description = "context item id") String itemId,
                                                            @ToolArg(description = "id of the page that used it") String pageId) {
        // An id that is not one names no page (404, as in the API's path); none at all is the missing argument (422).
        java.util.UUID parsed = dev.specboard.kernel.Ids.parseOrNull(pageId);
        java.util.UUID page = parsed != null || pageId == null || pageId.isBlank() ? parsed : new java.util.UUID(0, 0);
        return call(() -> contextItemApi.reference(project, itemId, new ContextItemApi.ReferenceBody(page)));
    }

    @Tool(name = "delete_context_item", description = "Deletes a context item with its uploaded file.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, openWorldHint = false))
    public Deleted deleteContextItem(@ToolArg(description = "project slug") String project, @ToolArg(description = "context item id") String itemId) {
        return call(() -> {
            contextItemApi.deleteContextItem(project, itemId);
            return new Deleted("context item", itemId);
        });
    }

    /** What a delete tool answers: the kind and id of what is gone (the API's 204 has no body). */
    public record Deleted(String kind, String id) {
    }

    @Tool(name = "detect_features", description = "Detects features from the current mockups: one for each entity their forms, tables and "
            + "cards add, view, edit or delete (named \"Manage contacts\", \"Browse orders\"...), with those pages; an entity detected before "
            + "(even if its feature was rejected on the thinking chain) or whose feature name is taken is passed over.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public FeatureApi.DetectionAnswer detectFeatures(@ToolArg(description = "project slug") String project) {
        return call(() -> featureApi.detectFeatures(project));
    }
}
