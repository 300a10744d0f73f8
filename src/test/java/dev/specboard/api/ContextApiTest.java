package dev.specboard.api;

import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ContextApiTest {

    @Inject
    TestData data;

    @Test
    void contextsMappingAndExecutiveSummaryOverTheApi() {
        TestData.Team t = data.team();
        String p = "/api/v1/projects/" + t.slug();
        int n = StoryApiTest.create(t.member(), t.slug(), "Mapped");
        Api.as(t.member()).post(p + "/stories/" + n + "/submit").then().statusCode(200);
        Api.as(t.lead()).post(p + "/stories/" + n + "/approve").then().statusCode(200);
        Api.as(t.viewer()).get(p).then().statusCode(200).body("contextMappingApproved", equalTo(false));

        Api.as(t.member()).body(Map.of("name", "", "type", "x", "purpose", "")).post(p + "/contexts").then().statusCode(422)
                .body("details.name", equalTo("Give the context a name")).body("details.type", equalTo("Choose domain or coordination"));
        Api.as(t.reviewer()).body(Map.of("name", "A", "type", "domain", "purpose", "p")).post(p + "/contexts").then().statusCode(403);
        String id = Api.as(t.member()).body(Map.of("name", "Catalog", "type", "domain", "purpose", "Products")).post(p + "/contexts")
                .then().statusCode(201).body("approved", equalTo(false)).extract().path("id");
        Api.as(t.member()).body(Map.of("name", "catalog", "type", "domain", "purpose", "dup")).post(p + "/contexts").then().statusCode(422)
                .body("details.name", equalTo("Another context already has this name"));
        Api.as(t.member()).body(Map.of("storyNumber", n)).post(p + "/contexts/" + id + "/stories").then().statusCode(201)
                .body("storyNumbers", contains(n));
        Api.as(t.member()).body(Map.of("storyNumber", 999)).post(p + "/contexts/" + id + "/stories").then().statusCode(422);
        Api.as(t.member()).post(p + "/contexts/" + id + "/approve").then().statusCode(403);
        Api.as(t.outsider()).post(p + "/contexts/" + id + "/approve").then().statusCode(404);
        Api.as(t.lead()).post(p + "/contexts/" + id + "/approve").then().statusCode(200).body("approved", equalTo(true));
        Api.as(t.viewer()).get(p).then().statusCode(200).body("contextMappingApproved", equalTo(true));
        org.junit.jupiter.api.Assertions.assertEquals(1, StoryApiTest.count(t.member(), "context_approved"), "the context's author is told");
        org.junit.jupiter.api.Assertions.assertEquals(0, StoryApiTest.count(t.lead(), "context_approved"));
        Api.as(t.viewer()).get(p + "/contexts").then().statusCode(200).body("[0].storyNumbers", contains(n));

        Api.as(t.member()).body(Map.of("name", "Catalog", "type", "domain", "purpose", "Products", "version", 1)).put(p + "/contexts/" + id)
                .then().statusCode(200);
        Api.as(t.member()).body(Map.of("name", "Catalog", "type", "domain", "purpose", "Changed", "version", 1)).put(p + "/contexts/" + id)
                .then().statusCode(200).body("approved", equalTo(false)).body("version", equalTo(2));
        Api.as(t.member()).body(Map.of("name", "Catalog", "type", "domain", "purpose", "Stale", "version", 1)).put(p + "/contexts/" + id)
                .then().statusCode(409).body("details.current.purpose", equalTo("Changed")).body("details.yours.purpose", equalTo("Stale"));
        Api.as(t.viewer()).get(p).then().statusCode(200).body("contextMappingApproved", equalTo(false));

        // Executive summary: versioned edits reset the approval.
        Api.as(t.member()).body(Map.of("content", "We sell books", "version", 0)).put(p + "/executive-summary").then().statusCode(200)
                .body("version", equalTo(1)).body("approved", equalTo(false));
        Api.as(t.member()).post(p + "/executive-summary/approve").then().statusCode(403);
        Api.as(t.lead()).post(p + "/executive-summary/approve").then().statusCode(200).body("approved", equalTo(true));
        Api.as(t.viewer()).get(p).then().body("executiveSummaryApproved", equalTo(true));
        Api.as(t.member()).body(Map.of("content", "We sell e-books", "version", 0)).put(p + "/executive-summary").then().statusCode(409)
                .body("details.current.content", equalTo("We sell books"));
        Api.as(t.member()).body(Map.of("content", "We sell e-books", "version", 1)).put(p + "/executive-summary").then().statusCode(200)
                .body("version", equalTo(2)).body("approved", equalTo(false));
        Api.as(t.viewer()).get(p).then().body("executiveSummaryApproved", equalTo(false)).body("executiveSummaryVersion", equalTo(2));
    }

    @Test
    void aBlankSummaryIsRefusedNamingTheField() {
        TestData.Team t = data.team();
        String p = "/api/v1/projects/" + t.slug();
        Api.as(t.member()).body(Map.of("content", "We sell books", "version", 0)).put(p + "/executive-summary").then().statusCode(200);
        for (String blank : List.of("", " \n ")) {
            Api.as(t.member()).body(Map.of("content", blank, "version", 1)).put(p + "/executive-summary").then().statusCode(422)
                    .body("details.content", equalTo("Write the executive summary"));
        }
        Api.as(t.viewer()).get(p).then().body("executiveSummaryVersion", equalTo(1));
    }

    @Test
    void approvingASummaryVersionReplacedSinceAnswers409AndApprovesNothing() {
        TestData.Team t = data.team();
        String p = "/api/v1/projects/" + t.slug();
        Api.as(t.member()).body(Map.of("content", "We sell books", "version", 0)).put(p + "/executive-summary").then().statusCode(200);
        Api.as(t.member()).body(Map.of("content", "We sell e-books", "version", 1)).put(p + "/executive-summary").then().statusCode(200);
        Api.as(t.lead()).body(Map.of("version", 1)).post(p + "/executive-summary/approve").then().statusCode(409)
                .body("error", startsWith("The executive summary was changed by " + t.member().username + " after you opened it: you read version 1, it is now version 2."))
                .body("details.current.content", equalTo("We sell e-books")).body("details.yours.content", equalTo("We sell books"));
        Api.as(t.viewer()).get(p).then().body("executiveSummaryApproved", equalTo(false));
        Api.as(t.lead()).body(Map.of("version", 2)).post(p + "/executive-summary/approve").then().statusCode(200)
                .body("approved", equalTo(true)).body("version", equalTo(2));
    }

    @Test
    void notificationApiListsAndMarksRead() {
        TestData.Team t = data.team();
        int n = StoryApiTest.create(t.member(), t.slug(), "Bell");
        Api.as(t.member()).post("/api/v1/projects/" + t.slug() + "/stories/" + n + "/submit").then().statusCode(200);
        String id = Api.as(t.lead()).get("/api/v1/notifications?unread=true").then().statusCode(200)
                .body("[0].type", equalTo("story_submitted")).body("[0].payload.storyKey", equalTo("US-" + n))
                .extract().path("[0].id");
        Api.as(t.member()).post("/api/v1/notifications/" + id + "/read").then().statusCode(404);
        Api.as(t.member()).post("/api/v1/notifications/not-a-uuid/read").then().statusCode(404)
                .body("error", org.hamcrest.Matchers.notNullValue());
        Api.as(t.lead()).post("/api/v1/notifications/" + id + "/read").then().statusCode(200).body("readAt", org.hamcrest.Matchers.notNullValue());
        Api.as(t.lead()).get("/api/v1/notifications?unread=true").then().statusCode(200).body("size()", equalTo(0));
        io.restassured.RestAssured.given().get("/api/v1/notifications").then().statusCode(401);
    }
}
