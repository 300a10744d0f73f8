package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A save naming a version past the current one is 422 on {@code version}, on every versioned document: that version was
 * never saved, so "changed by someone else while you edited it" (409) would send the caller after an edit that never happened.
 */
@QuarkusTest
class ImpossibleVersionTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aVersionNeverSavedIs422NotSomeoneElsesChange() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        String context = fx.api(t.lead()).body(Map.of("name", "Checkout", "type", "domain", "purpose", "Takes the money"))
                .post(api + "/contexts").then().statusCode(201).extract().path("id");
        fx.api(t.lead()).body(Map.of("name", "Checkout", "type", "domain", "purpose", "Takes money", "version", 7))
                .put(api + "/contexts/" + context).then().statusCode(422)
                .body("details.version", equalTo("The context Checkout has no version 7: it is at version 1"));

        String component = fx.api(t.lead()).body(Map.of("name", "Payments", "filePath", "src/pay"))
                .post(api + "/components").then().statusCode(201).extract().path("id");
        fx.api(t.lead()).body(Map.of("name", "Payments", "filePath", "src/pay", "version", 2))
                .put(api + "/components/" + component).then().statusCode(422)
                .body("details.version", equalTo("The component Payments has no version 2: it is at version 1"));
        fx.api(t.lead()).body(Map.of("content", "# Payments", "version", 3)).put(api + "/components/" + component + "/design-doc")
                .then().statusCode(422).body("details.version", equalTo("The design doc of Payments has no version 3: it is at version 0"));
        fx.api(t.lead()).body(Map.of("content", "# Payments", "version", 0)).put(api + "/components/" + component + "/design-doc")
                .then().statusCode(200);

        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Pay", List.of(), "cart")).post(api + "/specs").then().statusCode(201);
        Map<String, Object> edit = new java.util.HashMap<>(SpecApiFixtures.hierarchical(null, "Pay later", List.of(), "cart"));
        edit.put("version", 5);
        fx.api(t.lead()).body(edit).put(api + "/specs/SPEC-1").then().statusCode(422)
                .body("details.version", equalTo("SPEC-1 has no version 5: it is at version 1"));

        fx.api(t.member()).body(Map.of("content", "We sell shoes", "version", 6)).put(api + "/executive-summary").then().statusCode(422)
                .body("details.version", org.hamcrest.Matchers.startsWith("The executive summary has no version 6"));

        String feature = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Wish list")).post(api + "/features").then().statusCode(201).extract().path("id");
        fx.api(t.member()).body(Map.of("name", "Wishes", "version", 4)).put(api + "/features/" + feature).then().statusCode(422)
                .body("details.version", equalTo("The feature Wish list has no version 4: it is at version 1"));
        // An earlier version is still someone else's change.
        fx.api(t.member()).body(Map.of("name", "Wishes", "version", 1)).put(api + "/features/" + feature).then().statusCode(200);
        fx.api(t.member()).body(Map.of("name", "Wish list", "version", 1)).put(api + "/features/" + feature).then().statusCode(409);
        // Nor was a negative version ever saved.
        fx.api(t.member()).body(Map.of("name", "Wishes", "version", -3)).put(api + "/features/" + feature).then().statusCode(422)
                .body("details.version", equalTo("The feature Wishes has no version -3: it is at version 2"));
        String page = fx.api(t.member()).body(Map.of("name", "Cart", "path", "/cart")).post(api + "/pages").then().statusCode(201).extract().path("id");
        fx.api(t.member()).body(Map.of("name", "Cart", "path", "/cart", "version", -1)).put(api + "/pages/" + page).then().statusCode(422)
                .body("details.version", equalTo("The page Cart has no version -1: it is at version 1"));
    }

    /** A mockup's version is named {@code basedOn} in the form and {@code basedOnVersion} in the API: refused on that field. */
    @Test
    void aMockupBasedOnAVersionNeverSavedIs422OnBasedOn() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        String page = fx.api(t.member()).body(Map.of("name", "Home", "path", "/home")).post(api + "/pages").then().statusCode(201).extract().path("id");
        fx.api(t.member()).body(Map.of("html", "<main>v1</main>")).post(api + "/pages/" + page + "/mockups").then().statusCode(201);
        fx.api(t.member()).body(Map.of("html", "<main>v2</main>", "basedOnVersion", 5)).post(api + "/pages/" + page + "/mockups").then().statusCode(422)
                .body("details.basedOnVersion", equalTo("The mockup of Home has no version 5: it is at version 1"));
        fx.api(t.member()).body(Map.of("html", "<main>v2</main>", "basedOnVersion", -1)).post(api + "/pages/" + page + "/mockups").then().statusCode(422)
                .body("details.basedOnVersion", equalTo("The mockup of Home has no version -1: it is at version 1"));
        fx.api(t.member()).body(Map.of("html", "<main>v2</main>", "basedOnVersion", 0)).post(api + "/pages/" + page + "/mockups").then().statusCode(409)
                .body("details.yourVersion", equalTo(0)).body("details.currentVersion", equalTo(1));

        Response form = Web.as(t.member()).formParam("html", "<main>typed</main>").formParam("css", "")
                .formParam("js", "").formParam("changeDescription", "").formParam("basedOn", "9")
                .post("/projects/" + t.slug() + "/pages/" + page + "/mockups");
        assertEquals(422, form.statusCode());
        Document d = Web.html(form);
        assertEquals("The mockup of Home has no version 9: it is at version 1", d.getElementById("e-basedOn").text());
        assertEquals("<main>typed</main>", d.getElementById("f-html").val(), "what was typed is kept");
        assertEquals("1", d.selectFirst("#mockup-form input[name=basedOn]").val(), "now based on the current version");
        fx.api(t.member()).body(Map.of("html", "<main>v2</main>", "basedOnVersion", 1)).post(api + "/pages/" + page + "/mockups").then().statusCode(201);
    }
}
