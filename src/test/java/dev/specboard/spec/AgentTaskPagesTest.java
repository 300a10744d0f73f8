package dev.specboard.spec;

import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task page and the settings page for agents at work: notes, priority, release and retry, the lease length. */
@QuarkusTest
class AgentTaskPagesTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private static RequestSpecification form(dev.specboard.account.Account a) {
        return Web.as(a).contentType("application/x-www-form-urlencoded").redirects().follow(false);
    }

    @Test
    void theTaskPageLogsNotesSetsThePriorityAndReleasesAndRetries() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        fx.api(t.member()).body(SpecApiFixtures.hierarchical(1, "S", null, "one")).post("/api/v1/projects/" + t.slug() + "/specs")
                .then().statusCode(201);
        String page = "/projects/" + t.slug() + "/tasks/TASK-1-1";
        Document fresh = Web.html(Web.as(t.viewer()).get(page));
        assertTrue(fresh.getElementById("no-notes").text().startsWith("Nothing written yet."));
        assertEquals("p", fresh.getElementById("no-notes").tagName(), "an empty state, not a numbered first entry");
        assertTrue(fresh.select("#task-notes-list li").isEmpty());
        form(t.member()).post(page + "/claim").then().statusCode(303);

        form(t.member()).formParam("body", "Tables **done**<img src=x onerror=alert(1)>").post(page + "/notes").then().statusCode(303);
        Document refused = Web.html(form(t.member()).formParam("body", " ").post(page + "/notes").then().statusCode(422).extract().response());
        assertEquals("body", refused.selectFirst("#note-form #error-summary a").attr("data-field"), "the note form opens with the error summary");
        assertEquals(1, refused.select("#error-summary").size(), "only the refused form lists the problems");
        assertEquals("true", refused.getElementById("f-body").attr("aria-invalid"));
        form(t.member()).formParam("priority", "high").post(page + "/priority").then().statusCode(303);
        form(t.member()).formParam("priority", "whenever").post(page + "/priority").then().statusCode(422);

        Document d = Web.html(Web.as(t.viewer()).get(page));
        assertTrue(d.getElementById("task-notes").select(".markdown strong").text().contains("done"));
        assertTrue(d.getElementById("task-notes").select("[onerror]").isEmpty(), "notes are sanitised");
        assertNull(d.getElementById("no-notes"));
        assertEquals(1, d.select("#task-notes-list ol.notes > li").size());
        assertEquals("High", d.getElementById("task-priority").text());
        assertNotNull(d.getElementById("task-lease"), "a claimed task shows its lease");
        assertNull(d.getElementById("note-form"), "a viewer cannot add notes");

        Document mine = Web.html(Web.as(t.member()).get(page));
        assertNotNull(mine.getElementById("release-task"));
        assertNotNull(mine.selectFirst("#note-form label[for=f-body]"));
        form(t.member()).post(page + "/release").then().statusCode(303);
        assertEquals("Pending", Web.html(Web.as(t.viewer()).get(page)).getElementById("task-status").text());

        form(t.member()).post(page + "/claim").then().statusCode(303);
        form(t.member()).formParam("reason", "flaky build").post(page + "/fail").then().statusCode(303);
        assertNotNull(Web.html(Web.as(t.member()).get(page)).getElementById("retry-task"));
        form(t.member()).post(page + "/retry").then().statusCode(303);
        Document after = Web.html(Web.as(t.viewer()).get(page));
        assertEquals("Pending", after.getElementById("task-status").text());
        assertTrue(after.getElementById("task-history").text().contains("flaky build"), "the failure stays in the history");
        Document board = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/board"));
        assertEquals("High", board.getElementById("priority-TASK-1-1").text());
    }

    @Test
    void theTaskPageReadsItsNotesInAFixedNumberOfStatements() {
        long few = taskPageStatements(2);
        long many = taskPageStatements(20);
        assertEquals(few, many, "statements for 2 notes vs 20 notes");
    }

    private long taskPageStatements(int notes) {
        TestData.Team t = data.team();
        data.stories(t, 1);
        fx.api(t.member()).body(SpecApiFixtures.hierarchical(1, "S", null, "one")).post("/api/v1/projects/" + t.slug() + "/specs")
                .then().statusCode(201);
        for (int i = 0; i < notes; i++) {
            fx.api(i % 2 == 0 ? t.member() : t.lead()).body(Map.of("body", "note " + i))
                    .post("/api/v1/projects/" + t.slug() + "/tasks/TASK-1-1/notes").then().statusCode(201);
        }
        RequestSpecification viewer = Web.as(t.viewer());
        viewer.get("/projects/" + t.slug() + "/tasks/TASK-1-1").then().statusCode(200);
        return SqlCounter.count(() -> assertEquals(200, Web.as(t.viewer()).get("/projects/" + t.slug() + "/tasks/TASK-1-1").statusCode()));
    }

    @Test
    void theOwnerSetsTheLeaseLengthOnTheSettingsPage() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        Document d = Web.html(Web.as(t.owner()).get("/projects/" + t.slug() + "/settings"));
        assertEquals("30", d.getElementById("f-taskLeaseMinutes").val());
        String version = d.getElementById("f-version").val();
        form(t.owner()).formParams(Map.of("name", t.project().name, "slug", t.slug(), "type", t.project().type, "version", version,
                "taskLeaseMinutes", "0")).post("/projects/" + t.slug() + "/settings").then().statusCode(422);
        form(t.owner()).formParams(Map.of("name", t.project().name, "slug", t.slug(), "type", t.project().type, "version", version,
                "taskLeaseMinutes", "5")).post("/projects/" + t.slug() + "/settings").then().statusCode(303);
        assertEquals("5", Web.html(Web.as(t.owner()).get("/projects/" + t.slug() + "/settings")).getElementById("f-taskLeaseMinutes").val());

        fx.api(t.member()).body(SpecApiFixtures.hierarchical(1, "S", null, "one")).post("/api/v1/projects/" + t.slug() + "/specs")
                .then().statusCode(201);
        String lease = fx.api(t.member()).post("/api/v1/projects/" + t.slug() + "/tasks/TASK-1-1/claim").then().statusCode(200)
                .extract().path("leaseExpiresAt");
        assertTrue(Instant.parse(lease).isBefore(Instant.now().plus(Duration.ofMinutes(6))), "a 5 minute lease: " + lease);
    }
}
