package dev.specboard.api;

import io.quarkiverse.mcp.server.OutputSchemaGenerator;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The output schema of a list tool that pages: {@link ItemsSchema}'s {@code {"items": [...]}} and, when another page
 * follows, {@code nextPage} ({@link ItemsContent}); the search's also {@code partial}. Each is built once ({@link ToolSchemaCache}).
 */
@Singleton
public class PagedItemsSchema implements OutputSchemaGenerator {

    @Inject
    ItemsSchema items;

    @Inject
    ToolSchemaCache cache;

    @Override
    public Object generate(Class<?> itemClass) {
        return cache.schema(java.util.List.of(PagedItemsSchema.class, itemClass), () -> {
            JsonObject schema = ((JsonObject) items.generate(itemClass)).copy();
            schema.getJsonObject("properties").put("nextPage", new JsonObject().put("type", "integer")
                    .put("description", "present when more rows exist: call again with this page"));
            if (itemClass == SearchApi.Result.class) {
                schema.getJsonObject("properties").put("partial", new JsonObject().put("type", "boolean")
                        .put("description", "present (true) when so many matched that a kind ranked only its first 2,000: narrow the query"));
            }
            return schema;
        });
    }
}
