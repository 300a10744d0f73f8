package dev.specboard.api;

import dev.specboard.account.CurrentUser;
import dev.specboard.notification.Notification;
import dev.specboard.notification.NotificationService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** API v1 for the caller's notifications. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationApi {

    public record NotificationAnswer(UUID id, String type, Map<String, Object> payload, Instant createdAt, Instant readAt) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    NotificationService notifications;

    /** The newest 200, or with {@code before} (a notification's id) the 200 older than that one. */
    @GET
    public List<NotificationAnswer> list(@QueryParam("unread") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String unread,
                                         @QueryParam("before") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String before) {
        return list(QueryParams.flag("unread", unread), QueryParams.id("before", before));
    }

    /** The same list for the MCP tool, whose arguments arrive typed. */
    List<NotificationAnswer> list(boolean unread, UUID before) {
        // A project-limited token sees only the notifications about its project.
        return notifications.page(currentUser.requireAccountId(), currentUser.tokenProjectId().orElse(null), unread, before, 200)
                .notifications().stream().map(NotificationApi::answer).toList();
    }

    @POST
    @Path("/{id}/read")
    public NotificationAnswer read(@PathParam("id") UUID nid) {
        // A malformed id does not convert: JAX-RS answers 404, as for an unknown one.
        UUID me = currentUser.requireAccountId();
        return answer(notifications.markRead(me, currentUser.tokenProjectId().orElse(null), nid));
    }

    static NotificationAnswer answer(Notification n) {
        return new NotificationAnswer(n.id, n.type, n.payload, n.createdAt, n.readAt);
    }
}
