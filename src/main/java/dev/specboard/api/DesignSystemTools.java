package dev.specboard.api;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import jakarta.inject.Inject;

import static dev.specboard.api.McpTools.call;

/** A member's decisions on the design system's colour tokens as MCP tools; each calls its JSON API twin and answers the design system. */
public class DesignSystemTools {

    private static final String COLOR = "the colour's hex value, like #dc2626";

    @Inject
    DesignSystemApi designSystemApi;

    @Tool(name = "name_color_token", description = "Names a colour token of the design system (kept across recomputes), like primary or "
            + "surface-2. With was (the name you saw), a rename made meanwhile by someone else is refused naming both.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public DesignApi.DesignSystemAnswer nameColorToken(@ToolArg(description = "project slug") String project,
                                                       @ToolArg(description = COLOR) String color,
                                                       @ToolArg(description = "the token's name: a letter, then lowercase letters, digits and hyphens") String name,
                                                       @ToolArg(description = "the name you saw", required = false) String was) {
        return call(() -> designSystemApi.name(project, new DesignSystemApi.NameBody(color, name, was)));
    }

    @Tool(name = "confirm_color_token", description = "Confirms a colour token as part of the design system.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public DesignApi.DesignSystemAnswer confirmColorToken(@ToolArg(description = "project slug") String project,
                                                          @ToolArg(description = COLOR) String color) {
        return call(() -> designSystemApi.confirm(project, new DesignSystemApi.ColorBody(color)));
    }

    @Tool(name = "merge_color_token", description = "Merges a colour into another (a near duplicate): from the next recompute on, its uses "
            + "count for the other. A colour merged elsewhere meanwhile is refused naming both.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public DesignApi.DesignSystemAnswer mergeColorToken(@ToolArg(description = "project slug") String project,
                                                        @ToolArg(description = COLOR) String color,
                                                        @ToolArg(description = "the hex value of the colour it joins") String into) {
        return call(() -> designSystemApi.merge(project, new DesignSystemApi.MergeBody(color, into)));
    }

    @Tool(name = "unmerge_color_token", description = "Undoes a colour's merge; with into (the colour you saw it merged into), a merge "
            + "changed meanwhile is refused naming both.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = false, openWorldHint = false))
    public DesignApi.DesignSystemAnswer unmergeColorToken(@ToolArg(description = "project slug") String project,
                                                          @ToolArg(description = COLOR) String color,
                                                          @ToolArg(description = "the colour you saw it merged into", required = false) String into) {
        return call(() -> designSystemApi.unmerge(project, new DesignSystemApi.MergeBody(color, into)));
    }

    @Tool(name = "restore_color_token", description = "Adds back a colour left out of the design system (its token thought rejected, or "
            + "left out in the wizard): a token again from the next recompute on; its thought is undecided again.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = false, openWorldHint = false))
    public DesignApi.DesignSystemAnswer restoreColorToken(@ToolArg(description = "project slug") String project,
                                                          @ToolArg(description = COLOR) String color) {
        return call(() -> designSystemApi.restore(project, new DesignSystemApi.ColorBody(color)));
    }
}
