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
 * the object says {@code "nextPage": n} ({@link PagedItemsSchema}) and a second text block says how many rows there are
 * in all (when the list counts them) and to call again with it:
 * an agent reading only the first page would otherwise miss the rest without knowing. A search ranked from only part of
 * its matches says {@code "partial": true} and so in words.
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
            Map<String, Object> structured = new java.util.LinkedHashMap<>();
            structured.put("items", new java.util.ArrayList<>(list));
            if (paged.nextPage() != null) {
                String all = paged.total() == null ? "" : " (" + paged.total() + " in all)";
                content.add(new TextContent("More rows" + all + ": call again with page " + paged.nextPage() + "."));
                structured.put("nextPage", paged.nextPage());
            }
            if (paged.partial()) {
                // As the API's X-Results-Partial header: an agent would take the best of the first 2,000 for the best of all.
                content.add(new TextContent("So many matched that only the first 2,000 of a kind were ranked: add words to narrow the search."));
                structured.put("partial", true);
            }
            context.setResponse(new ToolResponse(false, content, structured, response._meta()));
        } else {
            context.setResponse(new ToolResponse(false, response.content(), Map.of("items", list), response._meta()));
        }
    }
}
