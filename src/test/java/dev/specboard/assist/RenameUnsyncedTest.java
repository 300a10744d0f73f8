package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.SpecApiFixtures;
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

/** A rename asked in a repository that never synced said 404, as if the repository did not exist. */
@QuarkusTest
class RenameUnsyncedTest {

    private static final String NOT_SYNCED = "Nothing to rename yet: app has not been synced. Sync it under Code, then rename the symbol.";

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aRenameInARepositoryThatNeverSyncedIs422SayingSo() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            String repos = "/projects/" + t.slug() + "/repos";
            Repo repo = support.addVanished(t.project(), t.owner(), "app", git.url() + "-missing");
            RepoSync first = support.awaitLatest(repo);
            assertEquals(SyncStatus.FAILED, first.status);

            Response r = Web.as(t.member()).contentType("application/x-www-form-urlencoded")
                    .formParam("symbol", "Cart").formParam("newName", "Basket").formParam("path", "")
                    .post(repos + "/app/refactors");
            assertEquals(422, r.statusCode(), r.asString());
            Document d = Web.html(r);
            assertEquals(NOT_SYNCED, d.getElementById("e-symbol").text());
            assertEquals("Cart", d.getElementById("f-symbol").val());
            assertEquals("Basket", d.getElementById("f-newName").val());
            // The page of the refused form is at the POST's address: reloaded, it leads on instead of a 404.
            Response again = Web.as(t.member()).redirects().follow(false).get(repos + "/app/refactors");
            assertEquals(303, again.statusCode());
            assertTrue(again.header("Location").endsWith(repos + "/app/refactors/new"), again.header("Location"));
            Response viewer = Web.as(t.viewer()).redirects().follow(false).get(repos + "/app/refactors");
            assertEquals(303, viewer.statusCode());
            assertTrue(viewer.header("Location").endsWith("/projects/" + t.slug() + "/jobs"), viewer.header("Location"));
            assertEquals(404, Web.as(t.outsider()).redirects().follow(false).get(repos + "/app/refactors").statusCode());
            assertEquals(404, Web.as(t.member()).redirects().follow(false).get(repos + "/nope/refactors").statusCode());

            fx.api(t.member()).body(Map.of("symbol", "Cart", "newName", "Basket"))
                    .post("/api/v1/projects/" + t.slug() + "/repos/app/refactors")
                    .then().statusCode(422).body("details.symbol", equalTo(NOT_SYNCED));
            assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> RefactorJob.count("repositoryId", repo.id)));
        }
    }
}
