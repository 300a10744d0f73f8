package dev.specboard.review;

import dev.specboard.kernel.Role;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An empty file has no line to comment on: its page says it is empty instead of offering the line-range form, and a thread
 * asked for anyway is refused saying so, not with "Choose a line between 1 and 0".
 */
@QuarkusTest
class EmptyFileThreadTest {

    private static final String EMPTY = "This file is empty: it has no lines to comment on";

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    SpecApiFixtures fx;

    @Test
    void anEmptyFileOffersNoLinesAndAThreadOnItIsRefusedSayingWhy() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("empty.txt", "", "a.txt", "one\n"));
            TestData.Team team = data.team();
            Repo repo = support.add(team.project(), team.owner(), "app", git.url());
            RepoSync synced = support.awaitLatest(repo);
            assertEquals(SyncStatus.SUCCESS, synced.status, synced.errorMessage);
            String base = "/projects/" + team.slug() + "/repos/app";

            Document page = Web.html(Web.as(team.as(Role.REVIEWER)).get(base + "/blob/empty.txt").then().statusCode(200).extract().response());
            assertEquals("This file is empty.", page.getElementById("file-empty").text());
            assertNull(page.getElementById("line-range-form"), "no lines to choose");
            assertNull(page.getElementById("code"));
            assertNull(page.getElementById("explain-form"));
            Document text = Web.html(Web.as(team.as(Role.REVIEWER)).get(base + "/blob/a.txt").then().statusCode(200).extract().response());
            assertNotNull(text.getElementById("line-range-form"), "a file with lines still offers them");
            assertNull(text.getElementById("file-empty"));

            Response refused = Web.as(team.as(Role.REVIEWER)).contentType("application/x-www-form-urlencoded").formParam("path", "empty.txt")
                    .formParam("lineStart", "1").formParam("lineEnd", "1").formParam("body", "Why empty?").post(base + "/threads");
            assertEquals(422, refused.statusCode());
            Document d = Web.html(refused);
            assertEquals(EMPTY, d.getElementById("e-lineStart").text());
            assertEquals("1", d.getElementById("f-lineStart").val());
            assertEquals("Why empty?", d.getElementById("f-body").text(), "the comment is kept");

            Response row = Web.htmx(Web.as(team.as(Role.REVIEWER))).contentType("application/x-www-form-urlencoded").formParam("path", "empty.txt")
                    .formParam("lineStart", "1").formParam("lineEnd", "1").formParam("body", "Why empty?").post(base + "/threads");
            assertEquals(422, row.statusCode());
            Document r = Web.html(row);
            assertEquals(EMPTY, r.getElementById("e-lineStart").text());
            assertEquals("Why empty?", r.getElementById("new-thread-body").text());

            fx.api(team.as(Role.REVIEWER)).body(Map.of("path", "empty.txt", "lineStart", 1, "lineEnd", 1, "body", "Why empty?"))
                    .post("/api/v1/projects/" + team.slug() + "/repos/app/threads")
                    .then().statusCode(422).body("details.lineStart", equalTo(EMPTY));
        }
    }
}
