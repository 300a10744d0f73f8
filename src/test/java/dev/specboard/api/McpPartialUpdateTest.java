package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code update_story} and {@code update_spec} change only the arguments given, as {@code PUT .../stories/{n}} does: they
 * required the title and description (the type for a spec), and a spec's edit without its story or dependencies lost them.
 */
@QuarkusTest
class McpPartialUpdateTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void updateStoryWithTheCriteriaAloneKeepsTitleAndDescription() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        String token = tokens.create(t.member().id, "partial", null, null).value();
        String session = Mcp.initialize(token);
        Mcp.answer(token, session, "update_story", false, "project", t.slug(), "number", 1, "version", 1,
                "acceptanceCriteria", "WHEN paid THE SYSTEM SHALL thank");
        Api.as(t.member()).get("/api/v1/projects/" + t.slug() + "/stories/1").then().statusCode(200)
                .body("version", equalTo(2)).body("title", equalTo("Story 1")).body("description", equalTo("As a user I want story 1"))
                .body("acceptanceCriteria", equalTo("WHEN paid THE SYSTEM SHALL thank"));
    }

    @Test
    void updateSpecWithTheTitleAloneKeepsItsStoryPhasesAndDependencies() {
        TestData.Team t = data.team();
        data.stories(t, 2);
        String api = "/api/v1/projects/" + t.slug() + "/specs";
        Api.as(t.member()).body(Map.of("storyNumber", 1, "title", "Base", "specType", "monolithic", "content", "# Base"))
                .post(api).then().statusCode(201);
        Api.as(t.member()).body(Map.of("storyNumber", 2, "title", "Checkout", "specType", "hierarchical", "overview", "Pay",
                "phases", List.of(Map.of("name", "one", "description", "d", "hours", 2, "content", "c")), "dependsOn", List.of("SPEC-1")))
                .post(api).then().statusCode(201);
        String token = tokens.create(t.member().id, "partial spec", null, null).value();
        String session = Mcp.initialize(token);
        Mcp.answer(token, session, "update_spec", false, "project", t.slug(), "spec", "SPEC-2", "version", 1, "title", "Checkout v2");
        Mcp.answer(token, session, "update_spec", false, "project", t.slug(), "spec", "SPEC-1", "version", 1, "content", "# Base v2");
        Api.as(t.member()).get(api + "/SPEC-2").then().statusCode(200).body("version", equalTo(2)).body("title", equalTo("Checkout v2"))
                .body("storyNumber", equalTo(2)).body("dependsOn", contains("SPEC-1")).body("tasks.scope", contains("one"));
        Api.as(t.member()).get(api + "/SPEC-1").then().statusCode(200).body("version", equalTo(2)).body("title", equalTo("Base"))
                .body("storyNumber", equalTo(1));
        // The JSON API keeps what is left out the same way.
        Api.as(t.member()).body(Map.of("version", 2, "title", "Checkout v3")).put(api + "/SPEC-2").then().statusCode(200)
                .body("title", equalTo("Checkout v3")).body("storyNumber", equalTo(2)).body("dependsOn", contains("SPEC-1"));
    }
}
