package dev.specboard.api;

import dev.specboard.web.PublicAddress;
import dev.specboard.web.QueryValues;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.List;

import static dev.specboard.api.McpTools.call;

/**
 * Preview links as MCP tools; each calls its JSON API twin ({@link PreviewApi}). A link starts where the
 * agent reached the MCP endpoint, as the API's starts where the script reached the API.
 */
public class PreviewTools {

    @Inject
    PreviewApi previewApi;

    @Inject
    CurrentVertxRequest request;

    @Inject
    PublicAddress publicAddress;

    @Tool(name = "create_preview", description = "Creates a preview link (leads) that shows the mockups without login for some hours: "
            + "every page, or only the one at pagePath. The answer's url and token are the secret link; it answers 404 once expired.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public PreviewApi.Created createPreview(@ToolArg(description = "project slug") String project,
                                            @ToolArg(description = "how many hours the link stays open") Integer hours,
                                            @ToolArg(description = "path of the one page to show, like /dashboard; every page when absent",
                                                    required = false) String pagePath) {
        return call(() -> previewApi.create(project, new PreviewApi.PreviewBody(pagePath, hours), base()));
    }

    @Tool(name = "list_previews", description = "Lists the project's preview links, newest first, 25 a page, with their status, expiry and cleanup stages (the link itself is shown to leads only).",
            outputSchema = @Tool.OutputSchema(from = PreviewApi.PreviewAnswer.class, generator = PagedItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<PreviewApi.PreviewAnswer> listPreviews(@ToolArg(description = "project slug") String project,
                                                       @ToolArg(description = "page number, from 1 (the default); past the last an empty list",
                                                               required = false) Integer page) {
        return call(() -> previewApi.list(project, QueryValues.page(page), base()));
    }

    @Tool(name = "get_preview", description = "Returns one preview link's status, expiry and cleanup stages (events), the link itself to leads only.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public PreviewApi.PreviewAnswer getPreview(@ToolArg(description = "project slug") String project,
                                               @ToolArg(description = "preview id") String previewId) {
        return call(() -> previewApi.get(project, previewId, base()));
    }

    @Tool(name = "revoke_preview", description = "Revokes a preview link (leads): it answers 404 from now on and its files are cleaned up.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, openWorldHint = false))
    public PreviewApi.PreviewAnswer revokePreview(@ToolArg(description = "project slug") String project,
                                                  @ToolArg(description = "preview id") String previewId) {
        return call(() -> previewApi.revoke(project, previewId, base()));
    }

    /** The public address, else the root of the one the MCP request came to (behind a proxy, the forwarded one, as for the API). */
    private URI base() {
        return publicAddress.base(URI.create(request.getCurrent().request().absoluteURI()).resolve("/"));
    }
}
