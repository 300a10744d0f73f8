package dev.specboard.notification;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.project.Membership;
import dev.specboard.project.Project;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import dev.specboard.account.ApiTokenService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.notNullValue;
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

    @Inject
    ApiTokenService tokens;

    @Inject
    javax.sql.DataSource dataSource;

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
    void aRemovedMembersNotificationsOfThatProjectAreHiddenEverywhereAndNotCounted() {
        TestData.Team t = data.team();
        Account member = t.member();
        Notification about = notifications.notify(member.id, t.project().id, "story_approved",
                Map.of("message", "US-1 was approved", "link", "/projects/" + t.slug() + "/stories/1")).orElseThrow();
        Notification general = notifications.notify(member.id, "welcome", Map.of("message", "Welcome"));
        assertEquals(2, notifications.unreadCount(member.id));

        QuarkusTransaction.requiringNew().run(() ->
                Membership.delete("project.id = ?1 and account.id = ?2", t.project().id, member.id));

        assertEquals(1, notifications.unreadCount(member.id));
        String token = tokens.create(member.id, "bell", null, null).value();
        List<String> ids = RestAssured.given().auth().oauth2(token).get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
        assertEquals(List.of(general.id.toString()), ids);
        Document d = Web.html(Web.as(member).get("/notifications").then().statusCode(200).extract().response());
        assertEquals(1, d.select("#notification-list > li").size());
        assertNull(d.getElementById("notification-" + about.id));
        assertEquals("1", Web.html(Web.as(member).get("/notifications/count")).select("#unread-count .badge").text());
        RestAssured.given().auth().oauth2(token).post("/api/v1/notifications/" + about.id + "/read").then().statusCode(404);

        // Still a member elsewhere, or back in the project: shown again.
        data.addMember(t.project(), member, Role.VIEWER);
        assertEquals(2, notifications.unreadCount(member.id));
    }

    @Test
    void linksMadeBeforeTheProjectsSlugChangedLeadIntoTheProjectAsItIsNamedNow() {
        TestData.Team t = data.team();
        String old = t.slug();
        Notification story = notifications.notify(t.member().id, t.project().id, "story_approved",
                Map.of("message", "US-1 was approved", "link", "/projects/" + old + "/stories/1#comment-2")).orElseThrow();
        Notification home = notifications.notify(t.member().id, t.project().id, "member_added",
                Map.of("message", "You joined", "link", "/projects/" + old)).orElseThrow();
        Notification elsewhere = notifications.notify(t.member().id, t.project().id, "story_approved",
                Map.of("message", "See your settings", "link", "/account")).orElseThrow();

        String renamed = old + "-renamed";
        Document settings = Web.html(Web.as(t.owner()).get("/projects/" + old + "/settings"));
        Web.as(t.owner()).contentType("application/x-www-form-urlencoded").formParam("name", t.project().name).formParam("type", "api")
                .formParam("framework", "").formParam("description", "").formParam("visionStatement", "").formParam("targetFeeling", "")
                .formParam("referenceApps", "").formParam("icon", "").formParam("color", "#123456")
                .formParam("version", settings.getElementById("f-version").val()).formParam("slug", renamed)
                .post("/projects/" + old + "/settings").then().statusCode(303);

        Document list = Web.html(Web.as(t.member()).get("/notifications").then().statusCode(200).extract().response());
        assertEquals("/projects/" + renamed + "/stories/1#comment-2", list.select("#notification-" + story.id + " a").attr("href"));
        assertEquals("/projects/" + renamed, list.select("#notification-" + home.id + " a").attr("href"));
        assertEquals("/account", list.select("#notification-" + elsewhere.id + " a").attr("href"));
        Web.as(t.member()).get("/projects/" + renamed + "/stories").then().statusCode(200);

        String token = tokens.create(t.member().id, "bell", null, null).value();
        io.restassured.path.json.JsonPath api = io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("/projects/" + renamed + "/stories/1#comment-2", api.getString("find { it.id == '" + story.id + "' }.payload.link"));
        assertEquals("US-1 was approved", api.getString("find { it.id == '" + story.id + "' }.payload.message"), "the rest of the payload as stored");
    }

    @Test
    void markingReadAnswersTheReadTimeAsStoredAndAgainTheSame() {
        Account a = data.account("readat");
        Notification n = notifications.notify(a.id, "story_approved", Map.of("message", "US-3 was approved"));
        java.time.Instant first = notifications.markRead(a.id, n.id).readAt;
        java.time.Instant again = notifications.markRead(a.id, n.id).readAt;
        assertEquals(first, again, "the same notification read once has one read time");
        assertEquals(first, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Notification.<Notification>findById(n.id).readAt));
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

    @Test
    void olderNotificationsArePagedAfterTheNewestHundred() {
        Account a = data.account("many");
        Account other = data.account("manyother");
        List<Notification> made = new ArrayList<>();
        for (int i = 1; i <= 105; i++) {
            made.add(notifications.notify(a.id, "story_approved", Map.of("message", "note " + i)));
        }
        Notification theirs = notifications.notify(other.id, "story_approved", Map.of("message", "not yours"));

        Document first = Web.html(Web.as(a).get("/notifications"));
        assertEquals(100, first.select("#notification-list > li").size());
        assertEquals("note 105", first.selectFirst("#notification-list > li p").text().replace("New ", ""));
        String older = first.getElementById("older-notifications").attr("href");
        assertEquals("/notifications?before=" + made.get(5).id, older, "the oldest shown is where the next page starts");
        assertNull(first.getElementById("newest-notifications"));

        Document second = Web.html(Web.as(a).get(older));
        assertEquals(List.of("note 5", "note 4", "note 3", "note 2", "note 1"),
                second.select("#notification-list > li > p:first-child").eachText().stream().map(t -> t.replace("New ", "")).toList());
        assertNull(second.getElementById("older-notifications"), "the last page");
        assertEquals("/notifications", second.getElementById("newest-notifications").attr("href"));

        // Ten times the notifications, the same statements: for the first page and for a later one.
        Account few = data.account("few");
        for (int i = 1; i <= 10; i++) {
            notifications.notify(few.id, "story_approved", Map.of("message", "few " + i));
        }
        assertEquals(SqlCounter.count(() -> Web.as(few).get("/notifications").then().statusCode(200)),
                SqlCounter.count(() -> Web.as(a).get("/notifications").then().statusCode(200)));
        assertEquals(SqlCounter.count(() -> Web.as(few).get("/notifications?before=" + notifications.list(few.id, false, 1).get(0).id).then().statusCode(200)),
                SqlCounter.count(() -> Web.as(a).get(older).then().statusCode(200)));

        Web.as(a).get("/notifications?before=" + theirs.id).then().statusCode(404);
        // Someone else's notification is not found; a value that is no id at all is a malformed query, named as such.
        Web.as(a).get("/notifications?before=not-an-id").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("The query parameter before must be a UUID"));

        String bearer = "Bearer " + tokens.create(a.id, "pager", null, null).value();
        List<String> api = RestAssured.given().header("Authorization", bearer).queryParam("before", made.get(2).id.toString())
                .get("/api/v1/notifications").then().statusCode(200).extract().path("payload.message");
        assertEquals(List.of("note 2", "note 1"), api);
        RestAssured.given().header("Authorization", bearer).queryParam("before", theirs.id.toString())
                .get("/api/v1/notifications").then().statusCode(404).body("error", notNullValue());
    }

    @Test
    void everyRowOfAProjectNamesItsProjectInTheSamePlaceWithTheSameStatementsForTenTimesTheRows() {
        Account few = data.account("where");
        Account many = data.account("wheremany");
        Project alpha = data.project(few);
        Project beta = data.project(few);
        data.addMember(alpha, many, Role.MEMBER);
        data.addMember(beta, many, Role.MEMBER);
        Notification mention = notifications.notify(few.id, alpha.id, "mention", Map.of("message", "ann mentioned you", "link", "/x")).orElseThrow();
        Notification reply = notifications.notify(few.id, beta.id, "thread_reply", Map.of("message", "ann replied in a thread you took part in")).orElseThrow();
        Notification task = notifications.notify(few.id, alpha.id, "task_comment",
                Map.of("message", "ann wrote on TASK-1-1")).orElseThrow();
        Notification site = notifications.notify(few.id, "welcome", Map.of("message", "Welcome"));

        Document d = Web.html(Web.as(few).get("/notifications"));
        for (Notification n : List.of(mention, task)) {
            Element project = d.selectFirst("#notification-" + n.id + " .notification-meta a.notification-project");
            assertNotNull(project, n.type);
            assertEquals(alpha.name, project.text());
            assertEquals("/projects/" + alpha.slug, project.attr("href"));
        }
        assertEquals(beta.name, d.selectFirst("#notification-" + reply.id + " .notification-project").text());
        assertEquals("ann wrote on TASK-1-1", d.selectFirst("#notification-" + task.id + " > p").text().replace("New ", ""));
        assertNull(d.selectFirst("#notification-" + site.id + " .notification-project"), "nothing to name outside a project");
        Document read = Web.html(Web.htmx(Web.as(few)).post("/notifications/" + reply.id + "/read"));
        assertEquals(beta.name, read.selectFirst("#notification-" + reply.id + " .notification-project").text());

        for (int i = 0; i < 40; i++) {
            notifications.notify(many.id, i % 2 == 0 ? alpha.id : beta.id, "mention", Map.of("message", "m " + i));
        }
        assertEquals(SqlCounter.count(() -> Web.as(few).get("/notifications").then().statusCode(200)),
                SqlCounter.count(() -> Web.as(many).get("/notifications").then().statusCode(200)));
        String fewBearer = "Bearer " + tokens.create(few.id, "count", null, null).value();
        String manyBearer = "Bearer " + tokens.create(many.id, "count", null, null).value();
        assertEquals(SqlCounter.count(() -> RestAssured.given().header("Authorization", fewBearer).get("/api/v1/notifications").then().statusCode(200)),
                SqlCounter.count(() -> RestAssured.given().header("Authorization", manyBearer).get("/api/v1/notifications").then().statusCode(200)),
                "the API list names each notification's project in the same statements");
    }

    @Test
    void messagesWrittenWithTheirProjectsNameLoseItWhenMigratedAndTheApiNamesTheProjectBesideThem() throws Exception {
        Account a = data.account("prefixed");
        Project alpha = data.project(a);
        Notification old = notifications.notify(a.id, alpha.id, "task_comment", Map.of("message", alpha.name + ": ann wrote on TASK-1-1")).orElseThrow();
        Notification bare = notifications.notify(a.id, alpha.id, "mention", Map.of("message", alpha.name + ": ")).orElseThrow();
        Notification other = notifications.notify(a.id, alpha.id, "mention", Map.of("message", "Elsewhere: ann mentioned you")).orElseThrow();
        Notification site = notifications.notify(a.id, "welcome", Map.of("message", alpha.name + ": welcome"));
        String migration;
        try (var in = getClass().getClassLoader().getResourceAsStream("db/migration/V0102__notification_drop_project_prefix.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.executeUpdate(migration);
        }
        String bearer = "Bearer " + tokens.create(a.id, "prefixes", null, null).value();
        io.restassured.path.json.JsonPath api = RestAssured.given().header("Authorization", bearer).get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath();
        Map<String, String> messages = new java.util.HashMap<>();
        for (Map<String, Object> n : api.<Map<String, Object>>getList("")) {
            messages.put((String) n.get("id"), (String) ((Map<?, ?>) n.get("payload")).get("message"));
        }
        assertEquals("ann wrote on TASK-1-1", messages.get(old.id.toString()), "the project's name went");
        assertEquals(alpha.name + ": ", messages.get(bare.id.toString()), "a message of nothing but the name stays");
        assertEquals("Elsewhere: ann mentioned you", messages.get(other.id.toString()), "another prefix is the message's own");
        assertEquals(alpha.name + ": welcome", messages.get(site.id.toString()), "no project, nothing to take away");
        assertEquals(alpha.slug, api.getString("find { it.id == '" + old.id + "' }.project.slug"));
        assertEquals(alpha.name, api.getString("find { it.id == '" + old.id + "' }.project.name"));
        assertNull(api.get("find { it.id == '" + site.id + "' }.project"));
    }

    /** A malformed id in the path is the same 404 as an unknown one, page and JSON: JAX-RS's conversion answered generic text. */
    @Test
    void aMalformedIdIsTheSameNotFoundAsAnUnknownOne() {
        Account a = data.account("bell-malformed");
        for (String id : List.of("not-a-uuid", java.util.UUID.randomUUID().toString())) {
            Response page = Web.as(a).post("/notifications/" + id + "/read");
            assertEquals(404, page.statusCode(), id);
            assertEquals("No such notification", Web.html(page).selectFirst("#error-message p").text(), id);
            RestAssured.given().header("Authorization", "Bearer " + tokens.create(a.id, "t", null, null).value()).contentType("application/json")
                    .post("/api/v1/notifications/" + id + "/read").then().statusCode(404)
                    .body("error", org.hamcrest.Matchers.equalTo("No such notification"));
        }
    }
}
