package dev.specboard.api;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import jakarta.inject.Inject;

import java.util.List;

import static dev.specboard.api.McpTools.call;
import static dev.specboard.api.McpTools.entity;

/** The design side as MCP tools: pages, mockup versions and the design system; each calls its JSON API twin. */
public class DesignTools {

    @Inject
    DesignApi designApi;

    @Tool(name = "list_pages", description = "Lists the pages of the app being designed (path, type, status, current mockup version).",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public List<DesignApi.PageAnswer> listPages(@ToolArg(description = "project slug") String project) {
        return call(() -> designApi.listPages(project));
    }

    @Tool(name = "create_page", description = "Creates a page at a URL path (lowercase, digits, hyphens, slashes), optionally under a parent path and with its first mockup's HTML and CSS.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public DesignApi.PageAnswer createPage(@ToolArg(description = "project slug") String project, @ToolArg(description = "page name") String name,
                             @ToolArg(description = "URL path, like /dashboard/settings") String path,
                             @ToolArg(description = "parent page path", required = false) String parentPath,
                             @ToolArg(description = "page, layout, component or modal", required = false) String type,
                             @ToolArg(description = "what the page is for", required = false) String purpose,
                             @ToolArg(description = "first mockup HTML", required = false) String html,
                             @ToolArg(description = "first mockup CSS", required = false) String css) {
        return entity(DesignApi.PageAnswer.class, () -> designApi.createPage(project,
                new DesignApi.PageBody(name, path, parentPath, type, purpose, null, null, null, html, css, null)));
    }

    @Tool(name = "save_mockup", description = "Saves a new version of a page's mockup (HTML, CSS, JS) as the assistant and returns the patterns parsed from it. "
            + "Give basedOnVersion to be refused when someone saved another version meanwhile.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public DesignApi.MockupAnswer saveMockup(@ToolArg(description = "project slug") String project, @ToolArg(description = "page id") String pageId,
                             @ToolArg(description = "HTML") String html, @ToolArg(description = "CSS", required = false) String css,
                             @ToolArg(description = "JavaScript", required = false) String js,
                             @ToolArg(description = "what changed", required = false) String changeDescription,
                             @ToolArg(description = "the version this edit is based on", required = false) Integer basedOnVersion) {
        return entity(DesignApi.MockupAnswer.class, () -> designApi.saveMockup(project, pageId,
                new DesignApi.MockupBody(html, css, js, changeDescription, "ai", basedOnVersion)));
    }

    @Tool(name = "get_mockup", description = "Returns one version of a page's mockup with its source and extracted patterns.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public DesignApi.MockupAnswer getMockup(@ToolArg(description = "project slug") String project, @ToolArg(description = "page id") String pageId,
                                            @ToolArg(description = "version number") int version) {
        return call(() -> designApi.getMockup(project, pageId, version));
    }

    @Tool(name = "get_design_system", description = "Returns the project's design system as it emerged from the current mockups: colour tokens with usage, spacing, typography, component patterns.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public DesignApi.DesignSystemAnswer getDesignSystem(@ToolArg(description = "project slug") String project) {
        return call(() -> designApi.designSystem(project));
    }
}
