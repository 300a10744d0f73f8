package dev.specboard.api;

import io.quarkiverse.mcp.server.GlobalOutputSchemaGenerator;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

/** The library's output schema of an answer class, built once and kept in {@link ToolSchemaCache}. */
@Decorator
@Priority(1)
public class CachedOutputSchemas implements GlobalOutputSchemaGenerator {

    @Inject
    @Delegate
    GlobalOutputSchemaGenerator library;

    @Inject
    ToolSchemaCache cache;

    @Override
    public Object generate(Class<?> from) {
        return cache.schema(from, () -> library.generate(from));
    }
}
