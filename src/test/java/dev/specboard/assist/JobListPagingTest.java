package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The jobs list of the API and of list_jobs answers an empty page past the end, as the plans list does (and the README
 * says): it answered the last page again, so a script asking for the next page until one came back short never stopped.
 */
@QuarkusTest
class JobListPagingTest {

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    @Test
    void aPagePastTheEndIsEmptyOnTheApiAndTheTool() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            String url = "/api/v1/projects/" + t.slug() + "/jobs";
            fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app", "path", JobTestSupport.DIR))).post(url)
                    .then().statusCode(202);
            // a DOCS job names its repository in the list as a refactor does (it was null)
            fx.api(t.member()).get(url).then().statusCode(200).body("size()", equalTo(1)).body("[0].repo", equalTo("app"));
            fx.api(t.member()).get(url + "?page=1").then().statusCode(200).body("size()", equalTo(1));
            fx.api(t.member()).get(url + "?page=2").then().statusCode(200).body("size()", equalTo(0));
            fx.api(t.member()).get(url + "?page=9999").then().statusCode(200).body("size()", equalTo(0));

            String token = fx.token(t.member());
            String session = Mcp.initialize(token);
            assertEquals("[]", Mcp.answer(token, session, "list_jobs", false, "project", t.slug(), "page", 2));
        }
    }
}
