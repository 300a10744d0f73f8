package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An outline or explanation asked of a repository that is there but never synced said 404, as if it did not exist. */
@QuarkusTest
class JobUnsyncedRepoTest {

    private static final String NOT_SYNCED = "Nothing to read yet: app has not been synced. Sync it under Code first.";

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aJobOnARepositoryThatNeverSyncedIs422NamingTheRepository() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Repo repo = support.addVanished(t.project(), t.owner(), "app", git.url() + "-missing");
            RepoSync first = support.awaitLatest(repo);
            assertEquals(SyncStatus.FAILED, first.status);

            Response r = Web.as(t.member()).contentType("application/x-www-form-urlencoded")
                    .formParam("repo", "app").formParam("path", "src").formParam("componentId", "")
                    .post("/projects/" + t.slug() + "/jobs");
            assertEquals(422, r.statusCode(), r.asString());
            Document d = Web.html(r);
            assertEquals(NOT_SYNCED, d.getElementById("e-repo").text());
            assertEquals("src", d.getElementById("f-path").val());

            String url = "/api/v1/projects/" + t.slug() + "/jobs";
            fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app")))
                    .post(url).then().statusCode(422).body("details.'params.repo'", equalTo(NOT_SYNCED));
            fx.api(t.member()).body(Map.of("type", "EXPLANATION", "params", Map.of("repo", "app", "path", "A.java", "lineStart", 1, "lineEnd", 2)))
                    .post(url).then().statusCode(422).body("details.'params.repo'", equalTo(NOT_SYNCED));
            String token = fx.token(t.member());
            String session = Mcp.initialize(token);
            // The API takes repository for repo too, and the tool's refusal names its own argument, repository.
            fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repository", "app")))
                    .post(url).then().statusCode(422).body("details.'params.repo'", equalTo(NOT_SYNCED));
            String tool = Mcp.answer(token, session, "create_docs_job", true, "project", t.slug(), "repository", "app");
            assertTrue(tool.contains("\"repository\":\"" + NOT_SYNCED) && !tool.contains("\"repo\""), tool);
            assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> AiJob.count("projectId", t.project().id)));
        }
    }
}
