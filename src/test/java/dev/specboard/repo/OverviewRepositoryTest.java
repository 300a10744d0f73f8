package dev.specboard.repo;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
}
