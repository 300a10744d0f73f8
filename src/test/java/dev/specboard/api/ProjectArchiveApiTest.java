package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A project's owner archives it over the API (every change then refused) and unarchives it, as on the settings page. */
@QuarkusTest
class ProjectArchiveApiTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void theOwnerArchivesAndUnarchivesNobodyElse() {
        TestData.Team team = data.team();
        String project = "/api/v1/projects/" + team.slug();
        Map<String, String> story = Map.of("title", "Export", "description", "As a user I export reports");

        fx.api(team.lead()).post(project + "/archive").then().statusCode(403);
        fx.api(team.outsider()).post(project + "/archive").then().statusCode(404);
        fx.api(team.owner()).post(project + "/archive").then().statusCode(200)
                .body("status", equalTo("archived")).body("slug", equalTo(team.slug()));
        fx.api(team.member()).body(story).post(project + "/stories").then().statusCode(409).body("error", containsString("archived"));
        fx.api(team.member()).get(project).then().statusCode(200).body("status", equalTo("archived"));
        fx.api(team.owner()).post(project + "/archive").then().statusCode(409);

        fx.api(team.lead()).post(project + "/unarchive").then().statusCode(403);
        fx.api(team.owner()).post(project + "/unarchive").then().statusCode(200).body("status", equalTo("active"));
        fx.api(team.member()).body(story).post(project + "/stories").then().statusCode(201);
    }
}
