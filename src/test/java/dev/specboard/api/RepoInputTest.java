package dev.specboard.api;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a repository's calls answer to a missing body: the client's mistake, not a missing file. */
@QuarkusTest
class RepoInputTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Test
    void aThreadWithoutABodyIs400AndOpensNothing() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("App.java", GitFixture.lines(5)));
            support.sync(support.add(t.project(), t.owner(), "app", git.url()));
            for (String body : List.of("null", "")) {
                Response r = Api.as(t.reviewer()).body(body).post(api + "/repos/app/threads");
                assertEquals(400, r.statusCode(), "body '" + body + "': " + r.asString());
                assertEquals("A JSON body is required", r.path("error"), r.asString());
            }
            Response empty = Api.as(t.reviewer()).body("{}").post(api + "/repos/app/threads");
            assertEquals(422, empty.statusCode(), empty.asString());
            assertEquals(java.util.Set.of("path", "lineStart", "body"), empty.jsonPath().getMap("details").keySet(), empty.asString());
            assertEquals(0, Api.as(t.viewer()).get(api + "/repos/app/threads").jsonPath().getList("$").size(), "nothing was opened");
            assertEquals(404, Api.as(t.outsider()).body("null").post(api + "/repos/app/threads").statusCode(), "an outsider learns nothing");
        }
    }
}
