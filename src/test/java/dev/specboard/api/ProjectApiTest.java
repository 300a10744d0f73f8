package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.project.ProjectService;
import dev.specboard.project.RepoForm;
import dev.specboard.repo.GitFixture;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ProjectApiTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Inject
    ProjectService projects;

    String token(Account a) {
        return tokens.create(a.id, "test", null, null).value();
    }

    @Test
    void createAndListProjects() {
        Account a = data.account("papi");
        String t = token(a);
        String slug = TestData.unique("api-proj");
        RestAssured.given().auth().oauth2(t).contentType(ContentType.JSON)
                .body(Map.of("name", "API project", "slug", slug, "type", "api"))
                .post("/api/v1/projects")
                .then().statusCode(201).body("slug", equalTo(slug)).body("role", equalTo("owner")).body("name", equalTo("API project"));
        RestAssured.given().auth().oauth2(t).get("/api/v1/projects")
                .then().statusCode(200).body("slug", hasItem(slug));
        RestAssured.given().auth().oauth2(t).get("/api/v1/projects/" + slug)
                .then().statusCode(200).body("setupComplete", equalTo(false))
                .body("executiveSummaryApproved", equalTo(false)).body("contextMappingApproved", equalTo(false));
    }

    @Test
    void repositoryFieldsFollowTheRepositoryChangedUnderCode() {
        TestData.Team team = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("README.md", "hi\n"));
            // The wizard was told a branch that does not exist; the owner then adds the repository with the right one.
            projects.updateRepository(team.project().id, new RepoForm(git.url(), "mainmain"));
            RestAssured.given().auth().oauth2(token(team.owner())).contentType(ContentType.JSON)
                    .body(Map.of("name", "app", "url", git.url(), "defaultBranch", "main"))
                    .post("/api/v1/projects/" + team.slug() + "/repos").then().statusCode(201);
            RestAssured.given().auth().oauth2(token(team.viewer())).get("/api/v1/projects/" + team.slug())
                    .then().statusCode(200).body("repoDefaultBranch", equalTo("main")).body("repoUrl", equalTo(git.url()));
        }
    }

    @Test
    void invalidProjectAnswers422AndTakenSlug422() {
        Account a = data.account("pbad");
        String t = token(a);
        RestAssured.given().auth().oauth2(t).contentType(ContentType.JSON)
                .body(Map.of("name", "", "type", "spaceship"))
                .post("/api/v1/projects")
                .then().statusCode(422).body("details.name", notNullValue()).body("details.type", notNullValue());
        var existing = data.project(a);
        RestAssured.given().auth().oauth2(t).contentType(ContentType.JSON)
                .body(Map.of("name", "Again", "slug", existing.slug, "type", "api"))
                .post("/api/v1/projects")
                .then().statusCode(422).body("details.slug", equalTo("Another project already uses this slug"));
    }

    /**
     * Creates racing for one slug (real threads, the real database): one is 201 and the others the same 422 on slug as a
     * create that comes later, where the unique constraint answered the one that lost the race with a 409.
     */
    @Test
    void createsRacingForOneSlugAnswer201Or422NeverA409() throws Exception {
        int racers = 4;
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < racers; i++) {
            tokens.add(token(data.account("prace")));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 5; round++) {
                String slug = TestData.unique("race");
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
                for (String t : tokens) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return RestAssured.given().auth().oauth2(t).contentType(ContentType.JSON)
                                .body(Map.of("name", "Race", "slug", slug, "type", "api")).post("/api/v1/projects");
                    }));
                }
                go.countDown();
                int created = 0;
                for (var f : answers) {
                    io.restassured.response.Response r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    if (r.statusCode() == 201) {
                        created++;
                    } else {
                        org.junit.jupiter.api.Assertions.assertEquals(422, r.statusCode(), r.asString());
                        org.junit.jupiter.api.Assertions.assertEquals("Another project already uses this slug", r.jsonPath().getString("details.slug"));
                    }
                }
                org.junit.jupiter.api.Assertions.assertEquals(1, created, "one create wins " + slug);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nonMemberGets404() {
        var team = data.team();
        RestAssured.given().auth().oauth2(token(team.outsider())).get("/api/v1/projects/" + team.slug())
                .then().statusCode(404).body("error", notNullValue());
        RestAssured.given().auth().oauth2(token(team.outsider())).get("/api/v1/projects")
                .then().statusCode(200).body("slug", not(hasItem(team.slug())));
    }

    @Test
    void projectTokenIsCappedAtItsRoleAndProject() {
        var team = data.team();
        var other = data.project(team.lead());
        String t = tokens.create(team.lead().id, "capped", team.project().id, Role.REVIEWER).value();
        RestAssured.given().auth().oauth2(t).get("/api/v1/projects/" + team.slug())
                .then().statusCode(200).body("role", equalTo("reviewer"));
        RestAssured.given().auth().oauth2(t).get("/api/v1/projects/" + other.slug).then().statusCode(404);
        List<String> slugs = RestAssured.given().auth().oauth2(t).get("/api/v1/projects").then().statusCode(200).extract().path("slug");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(team.slug()), slugs);
    }
}
