package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.notification.Notification;
import dev.specboard.notification.NotificationService;
import dev.specboard.project.Project;
import dev.specboard.kernel.Role;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class NotificationApiTest {

    @Inject
    TestData data;

    @Inject
    NotificationService notifications;

    @Inject
    ApiTokenService tokens;

    @Test
    void projectLimitedTokenSeesAndMarksOnlyItsProjectsNotifications() {
        Account a = data.account("limited");
        Project mine = data.project(a);
        Project other = data.project(a);
        Notification here = notifications.notify(a.id, mine.id, "story_approved", Map.of("message", "in my project")).orElseThrow();
        Notification there = notifications.notify(a.id, other.id, "story_approved", Map.of("message", "in the other project")).orElseThrow();
        Notification personal = notifications.notify(a.id, "mention", Map.of("message", "about no project"));
        String limited = tokens.create(a.id, "one project", mine.id, Role.MEMBER).value();

        List<String> seen = RestAssured.given().auth().oauth2(limited).get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertEquals(List.of(here.id.toString()), seen);
        RestAssured.given().auth().oauth2(limited).get("/api/v1/notifications?unread=true")
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(1));

        RestAssured.given().auth().oauth2(limited).post("/api/v1/notifications/" + there.id + "/read").then().statusCode(404);
        RestAssured.given().auth().oauth2(limited).post("/api/v1/notifications/" + personal.id + "/read").then().statusCode(404);
        RestAssured.given().auth().oauth2(limited).post("/api/v1/notifications/" + here.id + "/read")
                .then().statusCode(200).body("readAt", notNullValue());
        assertEquals(2, notifications.unreadCount(a.id), "the other project's and the personal one stay unread");

        List<String> all = Api.as(a).get("/api/v1/notifications").then().statusCode(200).extract().jsonPath().getList("id");
        assertEquals(3, all.size(), "an unlimited token sees them all");
    }

    @Test
    void readAllMarksEveryUnreadOneAndALimitedTokenOnlyItsProjects() {
        Account a = data.account("reader");
        Project mine = data.project(a);
        Project other = data.project(a);
        notifications.notify(a.id, mine.id, "story_approved", Map.of("message", "one"));
        notifications.notify(a.id, mine.id, "story_approved", Map.of("message", "two"));
        notifications.notify(a.id, other.id, "story_approved", Map.of("message", "elsewhere"));
        notifications.notify(a.id, "mention", Map.of("message", "about no project"));
        String limited = tokens.create(a.id, "one project", mine.id, Role.MEMBER).value();

        RestAssured.given().auth().oauth2(limited).post("/api/v1/notifications/read-all").then().statusCode(200).body("marked", equalTo(2));
        assertEquals(2, notifications.unreadCount(a.id), "the other project's and the personal one stay unread");
        Api.as(a).post("/api/v1/notifications/read-all").then().statusCode(200).body("marked", equalTo(2));
        assertEquals(0, notifications.unreadCount(a.id));
        Api.as(a).get("/api/v1/notifications?unread=true").then().statusCode(200).body("size()", equalTo(0));
        Api.as(a).post("/api/v1/notifications/read-all").then().statusCode(200).body("marked", equalTo(0));
        RestAssured.given().post("/api/v1/notifications/read-all").then().statusCode(401);
    }
}
