package dev.specboard.api;

import dev.specboard.account.CurrentUser;
import dev.specboard.project.ProjectService;
import dev.specboard.web.ApiException;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolCallException;
import jakarta.inject.Inject;

import java.util.List;
import java.util.function.Supplier;

/**
 * The API's operations as MCP tools, so coding agents can work Specboard directly. Each tool calls
 * the same service as its JSON API twin, with the caller's bearer token and role.
 */
public class McpTools {

    @Inject
    CurrentUser currentUser;

    @Inject
    ProjectService projects;

    @Tool(name = "list_projects", description = "Lists the projects you belong to, with your role in each.")
    public List<ProjectApi.ProjectSummary> listProjects() {
        return call(() -> projects.listFor(currentUser.requireAccountId(), currentUser.isAdmin()).stream()
                .filter(r -> currentUser.tokenProjectId().map(r.id()::equals).orElse(true))
                .map(r -> new ProjectApi.ProjectSummary(r.slug(), r.name(),
                        currentUser.tokenRole().map(t -> dev.specboard.project.Role.lower(t, r.role())).orElse(r.role()).value()))
                .toList());
    }

    /** Refusals become tool errors with the same message the JSON API would give. */
    static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            throw new ToolCallException(e.getMessage() + (e.details().isEmpty() ? "" : " " + e.details()));
        }
    }
}
