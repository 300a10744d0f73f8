package dev.specboard.api;

import io.quarkiverse.mcp.server.GlobalOutputSchemaGenerator;
import io.quarkiverse.mcp.server.OutputSchemaGenerator;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The output schema of a tool that answers a list: MCP requires structured content to be a JSON object (the TypeScript
 * SDK, which most agent hosts use, refuses a whole {@code tools/list} when one tool's schema is of another type), so a
 * list is given as {@code {"items": [...]}} ({@link ItemsContent}), each item described by the tool's
 * {@code outputSchema.from} class as the library describes a single answer. Each is built once ({@link ToolSchemaCache}).
 */
@Singleton
public class ItemsSchema implements OutputSchemaGenerator {

    @Inject
    GlobalOutputSchemaGenerator items;

    @Inject
    ToolSchemaCache cache;

    @Override
    public Object generate(Class<?> itemClass) {
        return cache.schema(java.util.List.of(ItemsSchema.class, itemClass), () -> listOf(itemClass));
    }

    private JsonObject listOf(Class<?> itemClass) {
        JsonObject item = new JsonObject(String.valueOf(items.generate(itemClass)));
        item.remove("$schema");
        JsonObject schema = new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put("items", new JsonObject().put("type", "array").put("items", item)))
                .put("required", new io.vertx.core.json.JsonArray().add("items"));
        // References inside the item's schema point at the root, so its definitions move there.
        for (String defs : new String[] {"$defs", "definitions"}) {
            Object found = item.remove(defs);
            if (found != null) {
                schema.put(defs, found);
            }
        }
        return schema;
    }
}
