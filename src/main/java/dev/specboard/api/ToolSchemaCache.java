package dev.specboard.api;

import io.quarkiverse.mcp.server.ToolManager;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Keeps the MCP tools' JSON Schemas, each built once: the library builds every input and output schema again for each
 * {@code tools/list} (victools, about 0.7 s for our tools, on the event loop, where it stalled every other request). The
 * tools are all declared with {@code @Tool}, so a tool's schema never changes while the application runs; all of them
 * are built just after start on a worker thread, off the event loop and without delaying readiness (a listing that comes
 * before that builds what it needs itself).
 */
@Singleton
public class ToolSchemaCache {

    private final Map<Object, Object> schemas = new ConcurrentHashMap<>();
    private final AtomicInteger builds = new AtomicInteger();
    private volatile CompletableFuture<Void> described = CompletableFuture.completedFuture(null);

    /** The schema kept under this key, built (once) when there is none yet. */
    @SuppressWarnings("unchecked")
    <T> T schema(Object key, Supplier<T> build) {
        Object found = schemas.get(key);
        if (found == null) {
            // Not computeIfAbsent: building an item list's schema asks for its item's, a nested update of this map.
            builds.incrementAndGet();
            T built = build.get();
            found = schemas.putIfAbsent(key, built);
            return found == null ? built : (T) found;
        }
        return (T) found;
    }

    /** How many schemas have been built since start: it stops growing once every tool has been described. */
    public int builds() {
        return builds.get();
    }

    /** Describes every tool once after start, on a worker thread, so that no request waits for it. */
    void buildAtStart(@Observes StartupEvent start, ToolManager tools, ManagedExecutor executor) {
        described = executor.runAsync(() -> {
            for (ToolManager.ToolInfo tool : tools) {
                tool.asJson();
            }
        });
    }

    /** Completes once every tool has been described after start. */
    public CompletableFuture<Void> described() {
        return described;
    }
}
