package dev.specboard.spec;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Connection;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A save of a spec that changes nothing (the body it was made with, what a GET answered, the edit form as shown) answers
 * with the spec as it was: no new version, no new revision, its tasks left alone, so a concurrent editor's save based
 * on that version stays valid instead of meeting a needless 409. A real change, also of the dependencies alone, is still a
 * new version, and a change based on an older one is still refused.
 */
@QuarkusTest
class SpecNoOpEditTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void anApiSaveOfWhatWasReadKeepsTheVersion() {
        TestData.Team t = data.team();
        data.stories(t, 2);
        String api = "/api/v1/projects/" + t.slug() + "/specs";
        fx.api(t.member()).body(SpecApiFixtures.hierarchical(null, "Base", null, "core")).post(api).then().statusCode(201);
        Map<String, Object> made = new HashMap<>(SpecApiFixtures.hierarchical(2, "Checkout", List.of("SPEC-1"), "cart", "payment"));
        fx.api(t.member()).body(made).post(api).then().statusCode(201);
        String url = api + "/SPEC-2";
        Instant touched = updatedAt(t);

        made.put("version", 1);
        assertUnchanged(fx.api(t.member()).body(made).put(url), "the body it was made with");
        assertUnchanged(fx.api(t.member()).body(echo(fx.api(t.member()).get(url))).put(url), "the spec sent back as read");
        Map<String, Object> rewritten = echo(fx.api(t.member()).get(url));
        rewritten.put("dependsOn", List.of("spec-1"));
        rewritten.put("overview", "Overview of Checkout\n");
        assertUnchanged(fx.api(t.member()).body(rewritten).put(url), "the same dependency and text written differently");
        assertEquals(touched, updatedAt(t));

        Map<String, Object> unlinked = echo(fx.api(t.member()).get(url));
        unlinked.put("dependsOn", List.of());
        Response changed = fx.api(t.member()).body(unlinked).put(url);
        assertEquals(200, changed.statusCode(), changed.asString());
        assertEquals(2, (int) changed.path("version"), "a dependency dropped is a change");
        assertEquals(2, (int) changed.path("revisions.size()"));
        made.put("title", "Checkout, later");
        fx.api(t.lead()).body(made).put(url).then().statusCode(409);
    }

    @Test
    void aMonolithicSpecSavedAgainWithItsTextKeepsTheVersion() {
        TestData.Team t = data.team();
        String url = "/api/v1/projects/" + t.slug() + "/specs";
        fx.api(t.member()).body(Map.of("title", "Ship", "specType", "monolithic", "content", "# Plan\n\nShip it.")).post(url).then().statusCode(201);
        assertUnchanged(fx.api(t.member()).body(Map.of("title", " Ship ", "specType", "monolithic", "content", "# Plan\r\n\r\nShip it.\n",
                "version", 1)).put(url + "/SPEC-1"), "the same text with other line ends");
        assertEquals(2, (int) fx.api(t.member()).body(Map.of("title", "Ship", "specType", "monolithic", "content", "# Plan\n\nShip it today.",
                "version", 1)).put(url + "/SPEC-1").then().statusCode(200).extract().path("version"), "a changed text is a change");
    }

    @Test
    void theEditFormSavedAsShownKeepsTheVersion() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        fx.api(t.member()).body(SpecApiFixtures.hierarchical(1, "Login", null, "database", "api")).post("/api/v1/projects/" + t.slug() + "/specs")
                .then().statusCode(201);
        String login = Web.sessionCookie(t.member());
        FormElement form = (FormElement) Web.html(Web.as(login).get("/projects/" + t.slug() + "/specs/SPEC-1/edit")).getElementById("spec-form");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Connection.KeyVal kv : form.formData()) {
            // As a browser sends them: a text area's lines end in CRLF.
            fields.computeIfAbsent(kv.key(), k -> new ArrayList<>()).add(kv.value().replace("\n", "\r\n"));
        }
        Response saved = post(login, form.attr("action"), fields);
        assertEquals(303, saved.statusCode(), saved.asString());
        Response read = fx.api(t.member()).get("/api/v1/projects/" + t.slug() + "/specs/SPEC-1");
        assertEquals(1, (int) read.path("version"), "the form saved as shown is no new version");
        assertEquals(1, (int) read.path("revisions.size()"));

        fields.put("title", List.of("Login and logout"));
        assertEquals(303, post(login, form.attr("action"), fields).statusCode());
        assertEquals(2, (int) fx.api(t.member()).get("/api/v1/projects/" + t.slug() + "/specs/SPEC-1").path("version"), "a new title is a change");
    }

    private static Response post(String login, String action, Map<String, List<String>> fields) {
        var request = Web.as(login).contentType("application/x-www-form-urlencoded");
        fields.forEach(request::formParam);
        return request.post(action);
    }

    private static Instant updatedAt(TestData.Team t) {
        return QuarkusTransaction.requiringNew().call(() -> TechnicalSpec.findByKey(t.project(), "SPEC-2").orElseThrow().updatedAt);
    }

    /** The spec as a GET answered it, as the body of a PUT. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> echo(Response got) {
        Map<String, Object> read = got.then().statusCode(200).extract().as(Map.class);
        Map<String, Object> body = new HashMap<>();
        for (String field : List.of("storyNumber", "title", "specType", "content", "overview", "architecture", "technologyStack", "phases",
                "dependsOn", "version")) {
            body.put(field, read.get(field));
        }
        return body;
    }

    private static void assertUnchanged(Response r, String what) {
        assertEquals(200, r.statusCode(), what + ": " + r.asString());
        assertEquals(1, (int) r.path("version"), what + " is no new version");
        assertEquals(1, (int) r.path("revisions.size()"), what + " is no new revision");
    }
}
