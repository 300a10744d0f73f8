package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.support.RawHttp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a repository's calls answer to a missing body or a path that is no UTF-8: the client's mistake, not a missing file. */
@QuarkusTest
class RepoInputTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    ApiTokenService tokens;

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

    @Test
    void aFileOrFolderPathThatIsNoUtf8Is400NamingTheBytes() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug() + "/repos/app";
        String token = tokens.create(t.member().id, "raw", null, null).value();
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("café.md", "bonjour\n"));
            support.sync(support.add(t.project(), t.owner(), "app", git.url()));
            for (String target : List.of(api + "/files/%FF%FE", api + "/raw/%FF%FE", api + "/tree?path=%FF%FE", api + "/files/caf%E9.md")) {
                RawHttp.Answer a = RawHttp.send("GET " + target + " HTTP/1.1\r\nAuthorization: Bearer " + token, (String) null);
                assertEquals(400, a.status(), target + ": " + a.body());
                String error = JsonPath.from(a.body()).getString("error");
                assertTrue(error.startsWith("The address is not valid UTF-8"), target + ": " + error);
                assertTrue(error.contains(target.endsWith("%E9.md") ? "%E9" : "%FF%FE"), target + ": " + error);
            }
            RawHttp.Answer page = RawHttp.send("GET /projects/" + t.slug() + "/repos/app/blob/%FF%FE HTTP/1.1", (String) null);
            assertEquals(400, page.status(), page.body());
            assertTrue(page.body().contains("not valid UTF-8"), page.body());
            // The same name in UTF-8 is the file.
            RawHttp.Answer ok = RawHttp.send("GET " + api + "/files/caf%C3%A9.md HTTP/1.1\r\nAuthorization: Bearer " + token, (String) null);
            assertEquals(200, ok.status(), ok.body());
            assertEquals("bonjour\n", JsonPath.from(ok.body()).getString("content"));
        }
    }
}
