package dev.specboard.api;

import io.quarkiverse.mcp.server.ToolOutputGuardrail;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Gives a list tool's structured content as the object {@code {"items": [...]}} its {@link ItemsSchema} describes. The
 * text block stays the bare JSON array, which is what a model reads.
 */
@Singleton
public class ItemsContent implements ToolOutputGuardrail {

    @Override
    public void apply(ToolOutputContext context) {
        ToolResponse response = context.getResponse();
        if (response != null && !response.isError() && response.structuredContent() instanceof List<?> list) {
            context.setResponse(new ToolResponse(false, response.content(), Map.of("items", list), response._meta()));
        }
    }
}
