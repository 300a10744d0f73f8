package dev.specboard.api;

import io.quarkiverse.mcp.server.GlobalInputSchemaGenerator;
import io.quarkiverse.mcp.server.ToolManager;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

/** The library's input schema of a tool, built once and kept in {@link ToolSchemaCache} (the library's way to cache them). */
@Decorator
@Priority(1)
public class CachedInputSchemas implements GlobalInputSchemaGenerator {

    @Inject
    @Delegate
    GlobalInputSchemaGenerator library;

    @Inject
    ToolSchemaCache cache;

    @Override
    public InputSchema generate(ToolManager.ToolInfo tool) {
        return cache.schema("input schema of " + tool.name(), () -> library.generate(tool));
    }
}
