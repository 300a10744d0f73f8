package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** A project's owner changes its settings over the API, archives it (every change then refused) and unarchives it, as on its settings page. */
@QuarkusTest
class ProjectSettingsApiTest {

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

    @Test
    void theOwnerChangesTheSettingsOfTheVersionRead() {
        TestData.Team team = data.team();
        String project = "/api/v1/projects/" + team.slug();
        int version = fx.api(team.owner()).get(project).then().statusCode(200).extract().path("version");
        String renamed = team.slug() + "-2";
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("name", "Renamed", "slug", renamed, "type", "web-app",
                "visionStatement", "Ship weekly", "referenceApps", List.of("Linear", "GitHub"), "taskLeaseMinutes", 45, "version", version));

        fx.api(team.lead()).body(settings).put(project).then().statusCode(403);
        // Without the version read: the API's words, not the settings page's "reload the page".
        fx.api(team.owner()).body(Map.of("name", "No version")).put(project).then().statusCode(422)
                .body("error", equalTo("Validation failed"))
                .body("details.version", equalTo("version is required: send the version you read (GET this project)"));
        fx.api(team.owner()).body(Map.of("name", "", "type", "web-app", "version", version)).put(project).then().statusCode(422)
                .body("details.name", notNullValue());
        fx.api(team.owner()).body(Map.of("name", "X", "type", "web-app", "referenceApps", List.of("A, B"), "version", version))
                .put(project).then().statusCode(422).body("details.referenceApps", notNullValue());
        fx.api(team.owner()).body(settings).put(project).then().statusCode(200)
                .body("slug", equalTo(renamed)).body("name", equalTo("Renamed")).body("visionStatement", equalTo("Ship weekly"))
                .body("referenceApps", equalTo(List.of("Linear", "GitHub"))).body("taskLeaseMinutes", equalTo(45))
                .body("version", equalTo(version + 1));
        fx.api(team.member()).get("/api/v1/projects/" + renamed).then().statusCode(200).body("name", equalTo("Renamed"));

        // Saving from the version read before: 409, and nothing changes.
        settings.put("name", "Lost edit");
        fx.api(team.owner()).body(settings).put("/api/v1/projects/" + renamed).then().statusCode(409)
                .body("details.yourVersion", equalTo(version)).body("details.currentVersion", equalTo(version + 1))
                .body("details.current.name", equalTo("Renamed")).body("details.yours.name", equalTo("Lost edit"))
                // as this call takes them, so that either can be sent again as it is
                .body("details.current.referenceApps", equalTo(List.of("Linear", "GitHub"))).body("details.current.taskLeaseMinutes", equalTo(45))
                .body("details.current.version", equalTo(version + 1)).body("details.yours.taskLeaseMinutes", equalTo(45));
        fx.api(team.member()).get("/api/v1/projects/" + renamed).then().statusCode(200).body("name", equalTo("Renamed"));
    }

    @Test
    void aFieldLeftOutKeepsItsValueSoTheSlugStays() {
        TestData.Team team = data.team();
        String project = "/api/v1/projects/" + team.slug();
        int version = fx.api(team.owner()).get(project).then().statusCode(200).extract().path("version");
        fx.api(team.owner()).body(Map.of("visionStatement", "Ship weekly", "referenceApps", List.of("Linear"), "version", version))
                .put(project).then().statusCode(200).body("slug", equalTo(team.slug())).body("visionStatement", equalTo("Ship weekly"));
        // Only the lease: the project keeps its name, slug, vision and reference apps.
        fx.api(team.owner()).body(Map.of("taskLeaseMinutes", 20, "version", version + 1)).put(project).then().statusCode(200)
                .body("slug", equalTo(team.slug())).body("taskLeaseMinutes", equalTo(20)).body("visionStatement", equalTo("Ship weekly"))
                .body("referenceApps", equalTo(List.of("Linear"))).body("version", equalTo(version + 2));
        // An empty text or list empties the field.
        fx.api(team.owner()).body(Map.of("visionStatement", "", "referenceApps", List.of(), "version", version + 2)).put(project)
                .then().statusCode(200).body("referenceApps", equalTo(List.of())).body("slug", equalTo(team.slug()));
    }

    /** A null reference app was told to lose its commas; a list past the cap was joined and refused for its characters. */
    @Test
    void referenceAppsAreAtMost20NamedWithoutNull() {
        TestData.Team team = data.team();
        String project = "/api/v1/projects/" + team.slug();
        int version = fx.api(team.owner()).get(project).then().statusCode(200).extract().path("version");
        fx.api(team.owner()).body("{\"referenceApps\":[\"Linear\",null],\"version\":" + version + "}").put(project).then().statusCode(422)
                .body("details.'referenceApps[1]'", equalTo("An entry is a value, not null: leave it out instead"));
        fx.api(team.owner()).body(Map.of("referenceApps", java.util.stream.IntStream.range(0, 500).mapToObj(i -> "App" + i).toList(), "version", version))
                .put(project).then().statusCode(422).body("details.referenceApps", equalTo("At most 20 entries; this list has 500"));
        fx.api(team.owner()).body(Map.of("referenceApps", List.of("x".repeat(101)), "version", version)).put(project).then().statusCode(422)
                .body("details.referenceApps", equalTo("Each reference app at most 100 characters"));
        fx.api(team.owner()).get(project).then().statusCode(200).body("referenceApps", equalTo(List.of())).body("version", equalTo(version));
        // The most apps at their longest fit: the API joins them into the settings form's field, once refused past 1,000 characters.
        List<String> most = java.util.stream.IntStream.range(0, 20).mapToObj(i -> (char) ('a' + i) + "x".repeat(99)).toList();
        fx.api(team.owner()).body(Map.of("referenceApps", most, "version", version)).put(project).then().statusCode(200)
                .body("referenceApps", equalTo(most));
    }
}
