package dev.specboard.api;

import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import io.quarkiverse.mcp.server.runtime.SchemaGeneratorConfigCustomizer;
import jakarta.inject.Singleton;

/**
 * Tunes the JSON Schemas of the MCP tools: a field of an answer that is not a primitive may be null
 * (a task not yet claimed has no {@code claimedBy}), so the output schemas say so and clients that
 * validate structured content against them accept every real answer.
 */
@Singleton
public class ToolSchemas implements SchemaGeneratorConfigCustomizer {

    @Override
    public void customize(SchemaGeneratorConfigBuilder builder) {
        builder.forFields().withNullableCheck(field -> !field.getType().isPrimitive());
    }
}
