package dev.specboard.spec;

import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An open task page follows what agents do to its task elsewhere, without a reload and without losing typed text. */
@QuarkusTest
class TaskPageLiveBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void anOpenTaskPageShowsAClaimAndANoteMadeOverTheApi() {
        TestData.Team t = data.team();
        String tasks = "/api/v1/projects/" + t.slug() + "/tasks/TASK-1-1";
        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Live", List.of(), "one")).post("/api/v1/projects/" + t.slug() + "/specs")
                .then().statusCode(201);
        try (Browser lead = Browser.open(base.toString())) {
            lead.login(t.lead().username, TestData.PASSWORD);
            lead.go("/projects/" + t.slug() + "/tasks/TASK-1-1");
            lead.waitFor("body[data-live=ready]");
            assertEquals("Pending", lead.text("#task-status"));
            lead.type("#f-body", "half-typed note");

            RequestSpecification agent = fx.api(t.member());
            agent.post(tasks + "/claim").then().statusCode(200);
            lead.waitForText("#task-status", "Claimed");
            assertEquals(t.member().username, lead.text("#task-claimant"));

            fx.api(t.member()).body(Map.of("body", "Schema **migrated**")).post(tasks + "/notes").then().statusCode(201);
            lead.waitUntil(d -> lead.count("#task-notes-list strong") == 1);
            assertEquals(0, lead.count("#no-notes"));
            assertEquals("half-typed note", lead.value("#f-body"), "a live refresh keeps what the user is typing");
            lead.assertAccessible();
        }
    }
}
