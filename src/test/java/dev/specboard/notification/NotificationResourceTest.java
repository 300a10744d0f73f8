package dev.specboard.notification;

import dev.specboard.account.Account;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class NotificationResourceTest {

    @Inject
    TestData data;

    @Inject
    NotificationService notifications;

    @Test
    void listMarkOneAndMarkAllRead() {
        Account a = data.account("bell");
        Account other = data.account("other");
        Notification first = notifications.notify(a.id, "story_approved", Map.of("message", "US-1 was approved", "link", "/projects/x/stories/1"));
        notifications.notify(a.id, "story_submitted", Map.of("message", "US-2 waits", "link", "https://evil.example/"));
        Notification theirs = notifications.notify(other.id, "story_submitted", Map.of("message", "not yours"));

        assertEquals("2", Web.html(Web.as(a).get("/notifications/count")).select("#unread-count .badge").text());
        Document d = Web.html(Web.as(a).get("/notifications").then().statusCode(200).header("Vary", "HX-Request").extract().response());
        assertEquals("/projects/x/stories/1", d.select("#notification-" + first.id + " a").attr("href"));
        assertEquals(2, d.select("#notification-list > li").size());
        assertTrue(d.select("a[href^=https://evil]").isEmpty(), "only local links");

        Response r = Web.htmx(Web.as(a)).post("/notifications/" + first.id + "/read");
        assertEquals(200, r.statusCode());
        Document frag = Web.html(r);
        assertNull(frag.getElementById("read-" + first.id));
        assertEquals("true", frag.getElementById("unread-count").attr("hx-swap-oob"));
        assertEquals("1", frag.select("#unread-count .badge").text());

        Web.as(a).post("/notifications/" + theirs.id + "/read").then().statusCode(404);
        Web.as(a).post("/notifications/not-a-uuid/read").then().statusCode(404);

        Document all = Web.html(Web.htmx(Web.as(a)).post("/notifications/read-all").then().statusCode(200).extract().response());
        assertNotNull(all.getElementById("notifications"));
        assertTrue(all.select("#notification-list .unread").isEmpty());
        assertEquals("", Web.html(Web.as(a).get("/notifications/count")).select("#unread-count").text());
        assertEquals(0, notifications.unreadCount(a.id));
        assertEquals(1, notifications.unreadCount(other.id));
    }

    @Test
    void plainFormMarkAllReadRedirects() {
        Account a = data.account("plain");
        notifications.notify(a.id, "context_approved", Map.of("message", "ok"));
        Web.as(a).contentType("application/x-www-form-urlencoded").post("/notifications/read-all").then().statusCode(303);
        assertEquals(0, notifications.unreadCount(a.id));
    }

    @Test
    void layoutLoadsTheCountsWithHtmx() {
        Account a = data.account("nav");
        Document d = Web.html(Web.as(a).get("/"));
        assertEquals("/notifications/count", d.getElementById("unread-count").attr("hx-get"));
        assertEquals("/inbox/count", d.getElementById("inbox-count").attr("hx-get"));
    }
}
