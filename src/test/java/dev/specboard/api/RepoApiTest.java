package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RepoApiTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Inject
    RepoTestSupport support;

    private RequestSpecification as(Account a) {
        String token = tokens.create(a.id, "test", null, null).value();
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    @Test
    void agentAddsSyncsReadsTreeAndFileAndReviewsLines() {
        TestData.Team team = data.team();
        String api = "/api/v1/projects/" + team.slug();
        try (GitFixture git = GitFixture.create()) {
            String sha = git.commit("first", Map.of("src/App.java", GitFixture.lines(12), "README.md", "hi\n"));
            as(team.member()).body(Map.of("name", "app", "url", git.url())).post(api + "/repos").then().statusCode(403);
            // Repositories are project settings, an owner's (DESIGN's roles): a lead is refused too, whatever the body.
            as(team.lead()).body(Map.of("name", "app", "url", git.url())).post(api + "/repos").then().statusCode(403);
            as(team.lead()).body(Map.of("name", "app", "url", "ftp://nope")).post(api + "/repos").then().statusCode(403);
            as(team.viewer()).get(api + "/repos").then().statusCode(200).body("", hasSize(0));
            as(team.owner()).body(Map.of("name", "app", "url", "ftp://nope")).post(api + "/repos")
                    .then().statusCode(422).body("details.url", org.hamcrest.Matchers.notNullValue());
            String syncId = as(team.owner()).body(Map.of("name", "app", "url", git.url())).post(api + "/repos")
                    .then().statusCode(201).body("name", equalTo("app")).extract().path("syncId");
            support.await(UUID.fromString(syncId));
            // The same repository again (with a trailing slash or .git), or a name that differs only in case, is refused.
            for (String url : java.util.List.of(git.url(), git.url() + "/", git.url() + ".git")) {
                as(team.owner()).body(Map.of("name", "app-again", "url", url)).post(api + "/repos").then().statusCode(422)
                        .body("details.url", equalTo("This project has this repository already, as app"));
            }
            as(team.owner()).body(Map.of("name", "App", "url", "https://example.com/other.git")).post(api + "/repos").then().statusCode(422)
                    .body("details.name", org.hamcrest.Matchers.containsString("named app"));
            as(team.viewer()).get(api + "/syncs/" + syncId).then().statusCode(200)
                    .body("status", equalTo("SUCCESS")).body("manifestVersion", equalTo(1)).body("commitSha", equalTo(sha));

            String again = as(team.member()).post(api + "/repos/app/sync").then().statusCode(202).extract().path("syncId");
            RepoSync done = support.await(UUID.fromString(again));
            assertEquals(1, done.manifestVersion);

            as(team.viewer()).get(api + "/repos/app/tree").then().statusCode(200)
                    .body("", hasSize(2)).body("[0].path", equalTo("src")).body("[0].type", equalTo("dir"))
                    .body("[1].path", equalTo("README.md")).body("[1].lines", equalTo(1));
            as(team.viewer()).get(api + "/repos/app/tree?path=src").then().statusCode(200)
                    .body("[0].path", equalTo("src/App.java")).body("[0].language", equalTo("java"));
            as(team.viewer()).get(api + "/repos/app/files/src/App.java").then().statusCode(200)
                    .body("content", equalTo(GitFixture.lines(12))).body("manifestVersion", equalTo(1));
            as(team.viewer()).get(api + "/repos/app/files/src/..%2F..%2Fetc%2Fpasswd").then().statusCode(404);
            as(team.outsider()).get(api + "/repos/app/tree").then().statusCode(404);

            as(team.viewer()).body(Map.of("path", "src/App.java", "lineStart", 2, "lineEnd", 3, "body", "x"))
                    .post(api + "/repos/app/threads").then().statusCode(403);
            String threadId = as(team.reviewer()).body(Map.of("path", "src/App.java", "lineStart", 2, "lineEnd", 3, "body", "Why?"))
                    .post(api + "/repos/app/threads").then().statusCode(201)
                    .body("state", equalTo("open")).body("lineStart", equalTo(2)).body("lineEnd", equalTo(3))
                    .body("path", equalTo("src/App.java")).extract().path("id");
            // AI is the assistant's: a token comments as its account, as over MCP.
            as(team.member()).body(Map.of("body", "Suggested fix", "authorType", "AI"))
                    .post(api + "/threads/" + threadId + "/comments").then().statusCode(422)
                    .body("details.authorType", org.hamcrest.Matchers.startsWith("AI is the assistant's"));
            as(team.member()).body(Map.of("body", "Suggested fix"))
                    .post(api + "/threads/" + threadId + "/comments").then().statusCode(201)
                    .body("comments", hasSize(2)).body("comments[1].authorType", equalTo("USER"));
            as(team.member()).body(Map.of("body", "")).post(api + "/threads/" + threadId + "/comments")
                    .then().statusCode(422).body("details.body", equalTo("Write a comment"));
            as(team.member()).post(api + "/threads/" + threadId + "/resolve").then().statusCode(200).body("state", equalTo("resolved"));
            as(team.viewer()).get(api + "/repos/app/threads?state=resolved").then().statusCode(200).body("", hasSize(1));
            as(team.member()).post(api + "/threads/" + threadId + "/reopen").then().statusCode(200).body("state", equalTo("open"));
            as(team.viewer()).get(api + "/repos/app/threads?path=src/App.java&state=open").then().statusCode(200)
                    .body("[0].comments[0].body", equalTo("Why?"));
            as(team.viewer()).get(api + "/repos/app/threads?state=bogus").then().statusCode(422)
                    .body("error", equalTo("The query parameter state must be one of open, resolved, outdated"))
                    .body("details.state", equalTo("must be one of open, resolved, outdated"));

            // Its author edits and deletes a comment; nobody else can, and the last comment takes its thread along.
            String mine = as(team.member()).body(Map.of("body", "First thought")).post(api + "/threads/" + threadId + "/comments")
                    .then().statusCode(201).extract().path("comments[2].id");
            as(team.reviewer()).body(Map.of("body", "Not yours")).put(api + "/comments/" + mine).then().statusCode(403);
            as(team.member()).body(Map.of("body", "")).put(api + "/comments/" + mine).then().statusCode(422)
                    .body("details.body", equalTo("Write a comment"));
            as(team.member()).body(Map.of("body", "Second thought", "authorType", "AI")).put(api + "/comments/" + mine).then()
                    .statusCode(422).body("details.authorType", equalTo("unknown field"));
            // An edit says which version of the comment it changed: one from another tab, based on an older one, is refused
            // with both texts, as every other document's stale save is.
            as(team.member()).body(Map.of("body", "Second thought")).put(api + "/comments/" + mine).then().statusCode(422)
                    .body("details.version", equalTo("Say which version you edited"));
            as(team.member()).body(Map.of("body", "Second thought", "version", 1)).put(api + "/comments/" + mine).then().statusCode(200)
                    .body("comments[2].body", equalTo("Second thought")).body("comments[2].edited", equalTo(true))
                    .body("comments[2].version", equalTo(2));
            as(team.member()).body(Map.of("body", "Other tab", "version", 1)).put(api + "/comments/" + mine).then().statusCode(409)
                    .body("details.current.body", equalTo("Second thought")).body("details.yours.body", equalTo("Other tab"));
            as(team.member()).body(Map.of("body", "Made up", "version", 7)).put(api + "/comments/" + mine).then().statusCode(422)
                    .body("details.version", equalTo("The comment has no version 7: it is at version 2"));
            as(team.viewer()).get(api + "/repos/app/threads?path=src/App.java").then().statusCode(200)
                    .body("[0].comments[2].body", equalTo("Second thought"));
            as(team.reviewer()).delete(api + "/comments/" + mine).then().statusCode(403);
            as(team.member()).delete(api + "/comments/" + mine).then().statusCode(200).body("comments", hasSize(2));
            as(team.member()).delete(api + "/comments/" + mine).then().statusCode(404);

            String lone = as(team.reviewer()).body(Map.of("path", "README.md", "lineStart", 1, "lineEnd", 1, "body", "Say more"))
                    .post(api + "/repos/app/threads").then().statusCode(201).extract().path("comments[0].id");
            as(team.reviewer()).delete(api + "/comments/" + lone).then().statusCode(204);
            as(team.viewer()).get(api + "/repos/app/threads?path=README.md").then().statusCode(200).body("", hasSize(0));
        }
    }

    @Test
    void anOwnerChangesARepositorysSettingsAndRemovesItALeadMayNot() {
        TestData.Team team = data.team();
        String api = "/api/v1/projects/" + team.slug();
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("README.md", "hi\n"));
            git.branch("release");
            String first = as(team.owner()).body(Map.of("name", "app", "url", git.url())).post(api + "/repos")
                    .then().statusCode(201).extract().path("syncId");
            support.await(UUID.fromString(first));

            Map<String, Object> settings = Map.of("name", "web", "url", git.url(), "defaultBranch", "release", "syncIntervalMinutes", 30);
            as(team.member()).body(settings).put(api + "/repos/app").then().statusCode(403);
            as(team.lead()).body(settings).put(api + "/repos/app").then().statusCode(403);
            as(team.owner()).body(Map.of("name", "web")).put(api + "/repos/app").then().statusCode(422)
                    .body("details.url", org.hamcrest.Matchers.notNullValue());
            as(team.owner()).body(settings).put(api + "/repos/nothing").then().statusCode(404);
            as(team.owner()).body(settings).put(api + "/repos/app").then().statusCode(200)
                    .body("name", equalTo("web")).body("defaultBranch", equalTo("release")).body("syncIntervalMinutes", equalTo(30));
            // A new branch is synced at once: the latest sync is the one the change queued.
            as(team.viewer()).get(api + "/repos").then().statusCode(200).body("[0].name", equalTo("web"));
            support.awaitLatest(QuarkusTransaction.requiringNew().call(() -> Repo.findByName(team.project().id, "web").orElseThrow()));
            as(team.viewer()).get(api + "/repos/app/tree").then().statusCode(404);
            as(team.viewer()).get(api + "/repos/web/tree").then().statusCode(200).body("[0].path", equalTo("README.md"));

            as(team.member()).delete(api + "/repos/web").then().statusCode(403);
            as(team.lead()).delete(api + "/repos/web").then().statusCode(403);
            as(team.owner()).delete(api + "/repos/web").then().statusCode(204);
            as(team.viewer()).get(api + "/repos").then().statusCode(200).body("", hasSize(0));
            as(team.owner()).delete(api + "/repos/web").then().statusCode(404);
        }
    }
}
