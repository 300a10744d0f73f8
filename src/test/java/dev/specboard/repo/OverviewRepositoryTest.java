package dev.specboard.repo;

import dev.specboard.project.Project;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project overview's "Still missing" list follows the repositories people add and remove under Code. */
@QuarkusTest
class OverviewRepositoryTest {

    @Inject
    TestData data;

    private Element missing(TestData.Team t) {
        Document d = Web.html(Web.as(t.owner()).get("/projects/" + t.slug()).then().statusCode(200).extract().response());
        Element list = d.getElementById("missing");
        assertNotNull(list, "a fresh project still misses its vision, summary and context mapping");
        return list;
    }

    @Test
    void aRepositoryAddedUnderCodeIsNoLongerMissing() {
        TestData.Team t = data.team();
        assertTrue(missing(t).text().contains("a repository"));

        try (GitFixture git = GitFixture.create()) {
            git.commit("init", "README.md", "hello");
            Web.as(t.owner()).contentType("application/x-www-form-urlencoded")
                    .formParam("name", "app").formParam("url", git.url()).formParam("defaultBranch", "main")
                    .formParam("syncIntervalMinutes", "")
                    .post("/projects/" + t.slug() + "/repos").then().statusCode(303);
            assertFalse(missing(t).text().contains("a repository"), "the repository added under Code counts");

            Web.as(t.owner()).post("/projects/" + t.slug() + "/repos/app/delete").then().statusCode(303);
            assertTrue(missing(t).text().contains("a repository"), "without repositories it is missing again");
        }
    }

    @Test
    void theRepositoryLineShowsTheRepositoriesUnderCodeAndTheWizardsUrlOnlyWithoutThem() {
        TestData.Team t = data.team();
        QuarkusTransaction.requiringNew().run(() -> {
            Project p = Project.findById(t.project().id);
            p.repoUrl = "https://example.test/told-the-wizard.git";
            p.repoDefaultBranch = "trunk";
        });
        String overview = "/projects/" + t.slug();
        Document before = Web.html(Web.as(t.viewer()).get(overview));
        assertTrue(before.getElementById("wizard-repo").text().contains("told-the-wizard.git"), "nothing under Code yet: the wizard's answer");

        try (GitFixture git = GitFixture.create()) {
            git.commit("init", "README.md", "hello");
            Web.as(t.owner()).contentType("application/x-www-form-urlencoded")
                    .formParam("name", "app").formParam("url", git.url()).formParam("defaultBranch", "main")
                    .formParam("syncIntervalMinutes", "")
                    .post(overview + "/repos").then().statusCode(303);
            Document after = Web.html(Web.as(t.viewer()).get(overview));
            assertNull(after.getElementById("wizard-repo"));
            assertFalse(after.getElementById("setup-state").text().contains("told-the-wizard"), "the wizard's URL is not the repository");
            Element repo = after.selectFirst("#setup-state dd.overview-repo");
            assertEquals(overview + "/repos/app", repo.selectFirst("a").attr("href"));
            assertTrue(repo.text().contains(git.url()), repo.text());
            assertTrue(repo.text().contains("(main)"), repo.text());

            Web.as(t.owner()).post(overview + "/repos/app/delete").then().statusCode(303);
            assertNotNull(Web.html(Web.as(t.viewer()).get(overview)).getElementById("wizard-repo"));
        }
    }
}
