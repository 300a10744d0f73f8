package dev.specboard.api;

import dev.specboard.account.CurrentUser;
import dev.specboard.notification.Notification;
import dev.specboard.notification.NotificationService;
import dev.specboard.kernel.Ids;
import jakarta.inject.Inject;
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

    /** {@code project} is the project the notification concerns, null for none: messages do not name it. */
    public record NotificationAnswer(UUID id, String type, Map<String, Object> payload, Instant createdAt, Instant readAt,
                                     ProjectRef project) {
    }

    public record ProjectRef(String slug, String name) {
    }

    /** How many notifications {@code read-all} marked read. */
    public record MarkedAnswer(int marked) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    NotificationService notifications;

    /** The newest 200, or with {@code before} (a notification's id) the 200 older than that one. */
    @GET
    public List<NotificationAnswer> list(@QueryParam("unread") Boolean unread,
                                         @QueryParam("before") UUID before) {
        return list(Boolean.TRUE.equals(unread), before);
    }

    /** The same list for the MCP tool, whose arguments arrive typed. */
    List<NotificationAnswer> list(boolean unread, UUID before) {
        // A project-limited token sees only the notifications about its project.
        return answers(notifications.page(currentUser.requireAccountId(), currentUser.tokenProjectId().orElse(null), unread, before, 200)
                .notifications());
    }

    @POST
    @Path("/{id}/read")
    public NotificationAnswer read(@PathParam("id") String id) {
        // Read as text: a malformed id is the same "No such notification" 404 as an unknown one, not JAX-RS's bare conversion 404.
        UUID me = currentUser.requireAccountId();
        UUID nid = Ids.parseOr404(id, "No such notification");
        return answers(List.of(notifications.markRead(me, currentUser.tokenProjectId().orElse(null), nid))).get(0);
    }

    /** Marks every unread notification read (a project-limited token: those about its project); answers how many. */
    @POST
    @Path("/read-all")
    public MarkedAnswer readAll() {
        return new MarkedAnswer(notifications.markAllRead(currentUser.requireAccountId(), currentUser.tokenProjectId().orElse(null)));
    }

    /** The answers with their projects, read in one query for the whole list. */
    List<NotificationAnswer> answers(List<Notification> list) {
        return notifications.rows(list).stream().map(r -> {
            Notification n = r.notification();
            Map<String, Object> payload = n.payload;
            if (payload != null && payload.get("link") != null) {
                // The link leads into the project as it is named now (see NotificationRow.link).
                payload = new java.util.LinkedHashMap<>(payload);
                payload.put("link", r.link());
            }
            return new NotificationAnswer(n.id, n.type, payload, n.createdAt, n.readAt,
                    r.projectSlug() == null ? null : new ProjectRef(r.projectSlug(), r.projectName()));
        }).toList();
    }
}
