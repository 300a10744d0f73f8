package dev.specboard.api;

import dev.specboard.architecture.ComponentForm;
import dev.specboard.architecture.ComponentService;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The work sessions page as a person uses it: where its row actions lead back to, who is offered what, and refusals that keep what was typed. */
@QuarkusTest
class WorkSessionPageTest {

    static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    TestData data;

    @Inject
    ComponentService components;

    private static String api(TestData.Team t) {
        return "/api/v1/projects/" + t.slug() + "/work-sessions";
    }

    private static String page(TestData.Team t) {
        return "/projects/" + t.slug() + "/work-sessions";
    }

    static String started(TestData.Team t, String type, String targetType, String targetId) {
        Map<String, String> body = targetId == null ? Map.of("sessionType", type, "targetType", targetType)
                : Map.of("sessionType", type, "targetType", targetType, "targetId", targetId);
        return Api.as(t.owner()).body(body).post(api(t)).then().statusCode(201).extract().path("id");
    }

    /** A project session's row actions sent "back" to /components/{projectId}, a 404; a tampered value never leads elsewhere. */
    @Test
    void rowActionsLeadBackToAPageThatExists() {
        TestData.Team t = data.team();
        String project = started(t, "setup", "project", null);
        Response claimed = Web.as(t.member()).contentType(FORM).formParam("back", t.project().id.toString())
                .post(page(t) + "/" + project + "/claim");
        assertEquals(303, claimed.statusCode());
        assertTrue(claimed.header("Location").endsWith(page(t)), claimed.header("Location"));
        Response released = Web.as(t.member()).contentType(FORM).formParam("back", "https://evil.example/")
                .post(page(t) + "/" + project + "/release");
        assertEquals(303, released.statusCode());
        assertTrue(released.header("Location").endsWith(page(t)), released.header("Location"));

        UUID c = components.create(new dev.specboard.project.Access(t.project(), dev.specboard.kernel.Role.OWNER, t.owner().id),
                new ComponentForm("Search", "schema", "lib/app/search.ex", "", "", null)).id;
        String onComponent = started(t, "test", "component", c.toString());
        Response fromComponent = Web.as(t.member()).contentType(FORM).formParam("back", "//evil.example/")
                .post(page(t) + "/" + onComponent + "/claim");
        assertEquals(303, fromComponent.statusCode());
        assertTrue(fromComponent.header("Location").endsWith("/projects/" + t.slug() + "/components/" + c + "#sessions"),
                fromComponent.header("Location"));
        Web.as(t.member()).get(fromComponent.header("Location").replaceFirst("#.*", "")).then().statusCode(200);
    }
}
