package dev.specboard.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.kernel.Ids;
import dev.specboard.web.ApiError;
import dev.specboard.web.ApiException;
import dev.specboard.web.DatabaseOutage;
import dev.specboard.web.ParallelChange;
import dev.specboard.web.QueryValues;
import dev.specboard.web.ValidationException;
import io.quarkiverse.mcp.server.Tool;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;
import io.quarkiverse.mcp.server.ToolCallException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The API's operations as MCP tools, so coding agents can work Specboard directly: projects and
 * notifications here, the features' tools in the other {@code *Tools} classes. Each tool calls its
 * JSON API twin with the caller's bearer token and role, answers structured content described by an
 * output schema, and turns a refusal into a tool error carrying the API's {@code {error, details}} JSON.
 */
public class McpTools {

    private static final Logger LOG = Logger.getLogger(McpTools.class);

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    ProjectApi projectApi;

    @Inject
    NotificationApi notificationApi;

    @Inject
    MemberApi memberApi;

    @Inject
    ExecutiveSummaryApi executiveSummaryApi;

    @Tool(name = "list_projects", description = "Lists the projects you belong to, with your role in each (viewer, reviewer, member, lead, owner).",
            outputSchema = @Tool.OutputSchema(from = ProjectApi.ProjectRowAnswer.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<ProjectApi.ProjectRowAnswer> listProjects() {
        return call(() -> projectApi.list(null));
    }

    @Tool(name = "get_project", description = "Returns one project as GET /api/v1/projects/{slug} does: your role, vision, executive summary "
            + "and whether it is approved (with its version), whether the context mapping is approved and setup complete, the task lease in minutes.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public ProjectApi.ProjectAnswer getProject(@ToolArg(description = "project slug") String project) {
        return call(() -> projectApi.get(project));
    }

    @Tool(name = "list_members", description = "Lists a project's members: username (to @mention), name and role.",
            outputSchema = @Tool.OutputSchema(from = MemberApi.MemberAnswer.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<MemberApi.MemberAnswer> listMembers(@ToolArg(description = "project slug") String project) {
        return call(() -> memberApi.list(project));
    }

    @Tool(name = "save_executive_summary", description = "Saves the next version of the project's executive summary (markdown); "
            + "a stale version is refused with the current text.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public ExecutiveSummaryApi.SummaryAnswer saveExecutiveSummary(@ToolArg(description = "project slug") String project,
            @ToolArg(description = "the executive summary (markdown)") String content,
            @ToolArg(description = "the version your edit is based on: executiveSummaryVersion of get_project (0 before the first)") int summaryVersion) {
        return call(() -> executiveSummaryApi.edit(project, new ExecutiveSummaryApi.SummaryBody(content, summaryVersion)));
    }

    @Tool(name = "approve_executive_summary", description = "Approves the project's executive summary (lead role). Pass the version you read "
            + "(executiveSummaryVersion of get_project): if it was edited since, nothing is approved.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public ExecutiveSummaryApi.SummaryAnswer approveExecutiveSummary(@ToolArg(description = "project slug") String project,
            @ToolArg(description = "the version you read (omit: the current one)", required = false) Integer version) {
        return call(() -> executiveSummaryApi.approve(project, new ApproveBody(version)));
    }

    @Tool(name = "list_notifications", description = "Lists your notifications (replies, mentions, approvals, task moves), newest first; "
            + "unread=true for the unread ones only; 200 at a time, before=<the last one's id> for older ones.",
            outputSchema = @Tool.OutputSchema(from = NotificationApi.NotificationAnswer.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<NotificationApi.NotificationAnswer> listNotifications(
            @ToolArg(description = "only unread notifications", required = false) Boolean unread,
            @ToolArg(description = "a notification id: list the ones older than it", required = false) String before) {
        // A malformed id is refused as the API refuses ?before=nope, not looked up as one that does not exist.
        return call(() -> notificationApi.list(Boolean.TRUE.equals(unread), QueryValues.id("before", before)));
    }

    @Tool(name = "mark_notification_read", description = "Marks one of your notifications as read.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public NotificationApi.NotificationAnswer markNotificationRead(@ToolArg(description = "notification id") String notification) {
        return call(() -> notificationApi.read(notification));
    }

    @Tool(name = "mark_all_notifications_read", description = "Marks all your unread notifications as read (with a token limited to a project:"
            + " those about it); answers how many.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public NotificationApi.MarkedAnswer markAllNotificationsRead() {
        return call(notificationApi::readAll);
    }

    /**
     * Runs a tool's API call in a request context of its own, so that its Hibernate session is closed (and its database
     * connection given back) when the call ends, whatever its outcome; a refusal becomes a tool error whose text is the
     * API's JSON error. The MCP library opens a request context per message but leaves the sessions made in it open: 48
     * refused calls once kept 24 of the pool's 40 connections, and every call left its session to the garbage collector.
     */
    static <T> T call(Supplier<T> action) {
        ManagedContext requests = Arc.container().requestContext();
        if (!requests.isActive()) {
            return answer(action);
        }
        // What the library put in its context that a tool reads: the caller (the API's access checks act as them) and
        // the HTTP request (a preview's public address). The library's own state stays in its context, put back after.
        CurrentIdentityAssociation identity = Arc.container().instance(CurrentIdentityAssociation.class).get();
        CurrentVertxRequest http = Arc.container().instance(CurrentVertxRequest.class).get();
        SecurityIdentity caller = identity.getIdentity();
        RoutingContext request = http.getCurrent();
        InjectableContext.ContextState library = requests.getState();
        requests.deactivate();
        requests.activate();
        try {
            identity.setIdentity(caller);
            http.setCurrent(request);
            return answer(action);
        } finally {
            requests.terminate();
            requests.activate(library);
        }
    }

    /**
     * {@link #call}, for a tool whose argument {@code argument} is the API's query parameter {@code parameter}: a refusal
     * names the argument the caller sent ({@code list_plans}' {@code repository} is the API's {@code ?repo=}), never the
     * API's name for it, which the tool does not take.
     */
    static <T> T call(String parameter, String argument, Supplier<T> action) {
        return call(() -> {
            try {
                return action.get();
            } catch (ValidationException e) {
                throw e.renamed(parameter, argument);
            } catch (ApiException e) {
                String message = e.apiMessage();
                if (!e.details().containsKey(parameter) && (message == null || !message.startsWith(QUERY_PARAMETER + parameter + " "))) {
                    throw e;
                }
                Map<String, Object> details = new LinkedHashMap<>();
                e.details().forEach((name, value) -> details.put(parameter.equals(name) ? argument : name, value));
                throw new ApiException(e.status(), message == null ? null
                        : message.replace(QUERY_PARAMETER + parameter + " ", QUERY_PARAMETER + argument + " "), details);
            } catch (QueryValues.Malformed e) {
                throw parameter.equals(e.name()) ? new QueryValues.Malformed(argument, e.expected()) : e;
            }
        });
    }

    private static <T> T answer(Supplier<T> action) {
        try {
            return PagedRows.of(action.get());
        } catch (ApiException e) {
            throw error(asArgument(e.apiMessage()), withRetryAfter(e));
        } catch (QueryValues.Malformed e) {
            // The API's twin read the value as a query parameter; an agent sent it as a tool argument of that name.
            throw error(ARGUMENT + e.name() + " " + e.expected(), Map.of(e.name(), e.expected()));
        } catch (ConstraintViolationException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            dev.specboard.web.ViolationOrder.of(e.getConstraintViolations()).forEach(v -> {
                String path = v.getPropertyPath().toString();
                details.putIfAbsent(path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path, v.getMessage());
            });
            throw error("Validation failed", details);
        } catch (IllegalArgumentException e) {
            throw error("Invalid argument: " + e.getMessage(), Map.of());
        } catch (ToolCallException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e) || DatabaseOutage.isBusy(e)) {
                throw error(DatabaseOutage.message(e), Map.of());
            }
            // The races the API answers with 409 or 404 (ErrorMapper) are the same refusals for a tool, not our failure.
            if (ParallelChange.isGone(e)) {
                throw error("This was deleted by someone else while you changed it, so nothing was saved.", Map.of());
            }
            if (ParallelChange.isCause(e) || ParallelChange.isDuplicate(e)) {
                throw error("Someone else changed this at the same time, so nothing was saved. Read it again and retry.", Map.of());
            }
            LOG.error("Unexpected error in an MCP tool", dev.specboard.web.LoggedPath.thrown(e));
            throw error("Something went wrong on our side. It has been logged; please try again.", Map.of());
        }
    }

    /**
     * A refusal's details, with the seconds to wait before trying again when it says (busy heavy work, a rate limit): the
     * API says that in its {@code Retry-After} header, which a tool's answer has no place for.
     */
    private static Map<String, Object> withRetryAfter(ApiException e) {
        if (e.retryAfterSeconds() <= 0) {
            return e.details();
        }
        Map<String, Object> details = new LinkedHashMap<>(e.details());
        details.put("retryAfterSeconds", e.retryAfterSeconds());
        return details;
    }

    private static final String QUERY_PARAMETER = "The query parameter ";

    private static final String ARGUMENT = "The argument ";

    /** A refusal's message in the words of a tool call: what the API calls a query parameter is an argument here. */
    private static String asArgument(String message) {
        return message != null && message.startsWith(QUERY_PARAMETER) ? ARGUMENT + message.substring(QUERY_PARAMETER.length()) : message;
    }

    /** The entity of an API answer that is a {@link Response} (201, 202), as the type the tool declares. */
    static <T> T entity(Class<T> type, Supplier<Response> action) {
        return call(() -> type.cast(action.get().getEntity()));
    }

    /** An id as typed; one that is not a UUID finds nothing (404 after the access check, like the API's path). */
    static UUID id(String value) {
        return Ids.parseOrNull(value);
    }

    private static ToolCallException error(String message, Map<String, Object> details) {
        try {
            return new ToolCallException(JSON.writeValueAsString(new ApiError(message, details)));
        } catch (JsonProcessingException e) {
            return new ToolCallException(message);
        }
    }
}
