package dev.specboard.spec;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The wiring between specs, stories, repositories and notifications, end to end through the API. */
@QuarkusTest
class SpecRollupsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    RepoTestSupport repos;

    private int readyStory(TestData.Team team, String title) {
        String slug = team.slug();
        int n = fx.api(team.member()).body(Map.of("title", title, "description", "As a user I want " + title))
                .post("/api/v1/projects/" + slug + "/stories").then().statusCode(201).extract().path("number");
        fx.api(team.member()).post("/api/v1/projects/" + slug + "/stories/" + n + "/submit").then().statusCode(200);
        fx.api(team.lead()).post("/api/v1/projects/" + slug + "/stories/" + n + "/approve").then().statusCode(200)
                .body("status", equalTo("ready"));
        return n;
    }

    @Test
    void syncedCommitMergesTaskCompletesSpecImplementsStoryAndTellsTheAuthor() throws Exception {
        TestData.Team team = data.team();
        String slug = team.slug();
        int story = readyStory(team, "export reports");
        String specKey = fx.api(team.lead()).body(SpecApiFixtures.hierarchical(story, "Export", List.of(), "exporter"))
                .post("/api/v1/projects/" + slug + "/specs").then().statusCode(201).extract().path("key");
        String task = specKey.replace("SPEC", "TASK") + "-1";
        try (GitFixture git = GitFixture.create()) {
            String sha = git.commit("Exporter", "src/Exporter.java", "class Exporter {}\n");
            fx.api(team.member()).post("/api/v1/projects/" + slug + "/tasks/" + task + "/claim").then().statusCode(200);
            fx.api(team.member()).post("/api/v1/projects/" + slug + "/tasks/" + task + "/start").then().statusCode(200);
            fx.api(team.member()).body(Map.of("commitSha", sha))
                    .post("/api/v1/projects/" + slug + "/tasks/" + task + "/complete").then().statusCode(200)
                    .body("status", equalTo("completed"));

            Repo repo = repos.add(team.project(), team.lead(), "app", git.url());
            repos.awaitLatest(repo);

            fx.api(team.member()).get("/api/v1/projects/" + slug + "/tasks/" + task).then().statusCode(200)
                    .body("task.status", equalTo("merged"));
        }
        fx.api(team.member()).get("/api/v1/projects/" + slug + "/specs/" + specKey).then().statusCode(200)
                .body("status", equalTo("complete"));
        fx.api(team.member()).get("/api/v1/projects/" + slug + "/stories/" + story).then().statusCode(200)
                .body("status", equalTo("implemented"));
        fx.api(team.lead()).get("/api/v1/notifications").then().statusCode(200)
                .body("type", hasItem("task_claimed")).body("type", hasItem("task_completed")).body("type", hasItem("task_merged"));
        // The member did the work: they are not told about their own moves.
        fx.api(team.member()).get("/api/v1/notifications").then().statusCode(200)
                .body("type", not(hasItem("task_claimed")));
    }

    @Test
    void editingAnApprovedStoryMarksItsSpecsDirtyUntilALeadReviews() {
        TestData.Team team = data.team();
        String slug = team.slug();
        int story = readyStory(team, "import reports");
        String specKey = fx.api(team.lead()).body(SpecApiFixtures.hierarchical(story, "Import", List.of(), "importer"))
                .post("/api/v1/projects/" + slug + "/specs").then().statusCode(201).extract().path("key");
        String page = "/projects/" + slug + "/specs/" + specKey;
        assertNull(Web.html(Web.as(team.member()).get(page)).getElementById("spec-dirty"));

        int version = fx.api(team.member()).get("/api/v1/projects/" + slug + "/stories/" + story).then().extract().path("version");
        fx.api(team.member()).body(Map.of("title", "import reports", "description", "Now also CSV", "acceptanceCriteria", "",
                        "version", version))
                .put("/api/v1/projects/" + slug + "/stories/" + story).then().statusCode(200);
        assertNotNull(Web.html(Web.as(team.member()).get(page)).getElementById("spec-dirty"));

        Web.as(team.member()).post(page + "/reviewed").then().statusCode(403);
        Web.as(team.lead()).post(page + "/reviewed").then().statusCode(303);
        assertNull(Web.html(Web.as(team.member()).get(page)).getElementById("spec-dirty"));
    }
}
