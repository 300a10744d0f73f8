package dev.specboard.notification;

import dev.specboard.account.CurrentUser;
import dev.specboard.notification.NotificationService.NotificationPage;
import dev.specboard.web.Flash;
import dev.specboard.web.Htmx;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import dev.specboard.kernel.Ids;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/** My notifications: the list, marking read (one or all, with htmx), and the unread badge. */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
public class NotificationResource {

    static final int LIMIT = 100;

    @CheckedTemplate(basePath = "notification")
    static class Templates {
        static native TemplateInstance list(List<NotificationRow> notifications, long unread, UUID olderFrom, boolean older);

        static native TemplateInstance list$items(List<NotificationRow> notifications, long unread, UUID olderFrom, boolean older);

        static native TemplateInstance list$item(NotificationRow n);

        static native TemplateInstance count(long unread, boolean oob);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    NotificationService notifications;

    @Context
    HttpHeaders headers;

    /** The newest notifications, or with {@code before} those older than that one (a malformed id is 404, as an unknown one). */
    @GET
    public Response list(@QueryParam("before") UUID before) {
        UUID me = currentUser.requireAccountId();
        NotificationPage page = notifications.page(me, null, false, before, LIMIT);
        long unread = notifications.unreadCount(me);
        List<NotificationRow> rows = notifications.rows(page.notifications());
        if (Htmx.isFragment(headers)) {
            return Htmx.fragments(200, Templates.list$items(rows, unread, page.olderFrom(), before != null),
                    Templates.count(unread, true));
        }
        return Htmx.page(Templates.list(rows, unread, page.olderFrom(), before != null));
    }

    /** The unread badge of the navigation (a fragment; the layout loads it with htmx). */
    @GET
    @Path("/count")
    public TemplateInstance count() {
        return Templates.count(notifications.unreadCount(currentUser.requireAccountId()), false);
    }

    @POST
    @Path("/{id}/read")
    public Response read(@PathParam("id") String id) {
        // Read as text: a malformed id is the same "No such notification" 404 as an unknown one, not JAX-RS's bare conversion 404.
        UUID me = currentUser.requireAccountId();
        UUID nid = Ids.parseOr404(id, "No such notification");
        Notification n = notifications.markRead(me, nid);
        if (!Htmx.isHtmx(headers)) {
            return Flash.redirect(headers, "/notifications", "Marked as read.");
        }
        return Htmx.fragments(200, Templates.list$item(notifications.rows(List.of(n)).get(0)), Templates.count(notifications.unreadCount(me), true));
    }

    @POST
    @Path("/read-all")
    public Response readAll() {
        UUID me = currentUser.requireAccountId();
        int n = notifications.markAllRead(me);
        if (!Htmx.isHtmx(headers)) {
            return Flash.redirect(headers, "/notifications", n == 1 ? "1 notification marked as read." : n + " notifications marked as read.");
        }
        NotificationPage page = notifications.page(me, null, false, null, LIMIT);
        return Htmx.fragments(200, Templates.list$items(notifications.rows(page.notifications()), 0, page.olderFrom(), false),
                Templates.count(0, true));
    }

}
