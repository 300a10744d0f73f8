package dev.specboard.api;

import io.quarkiverse.mcp.server.Content;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolOutputGuardrail;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Gives a list tool's structured content as the object {@code {"items": [...]}} its {@link ItemsSchema} describes. The
 * text block stays the bare JSON array, which is what a model reads. When another page follows ({@link PagedRows}),
 * the object says {@code "nextPage": n} ({@link PagedItemsSchema}) and a second text block says to call again with it:
 * an agent reading only the first page would otherwise miss the rest without knowing.
 */
@Singleton
public class ItemsContent implements ToolOutputGuardrail {

    @Override
    public void apply(ToolOutputContext context) {
        ToolResponse response = context.getResponse();
        if (response == null || response.isError() || !(response.structuredContent() instanceof List<?> list)) {
            return;
        }
        if (list instanceof PagedRows<?> paged) {
            List<Content> content = new java.util.ArrayList<>(response.content());
            content.add(new TextContent("More rows: call again with page " + paged.nextPage() + "."));
            context.setResponse(new ToolResponse(false, content, Map.of("items", new java.util.ArrayList<>(list), "nextPage", paged.nextPage()), response._meta()));
        } else {
            context.setResponse(new ToolResponse(false, response.content(), Map.of("items", list), response._meta()));
        }
    }
}
