package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In a real browser, a connection's remove button (one form serves them all, each button names its own address) removes that
 * connection from the keyboard, and the lines still look as they did with their look said once on their group.
 */
@QuarkusTest
class JourneyConnectionRemoveBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aConnectionIsRemovedByItsOwnButtonFromTheKeyboard() {
        TestData.Team t = data.team();
        String id = fx.api(t.member()).body(Map.of("name", "Sign up", "nodes", List.of(
                        Map.of("key", "ok", "nodeType", "decision", "data", Map.of("question", "Email valid?", "branches", List.of("Yes", "No"))),
                        Map.of("key", "yes", "nodeType", "annotation", "data", Map.of("text", "Welcome")),
                        Map.of("key", "no", "nodeType", "annotation", "data", Map.of("text", "Try again"))),
                        "connections", List.of(Map.of("from", "ok", "to", "yes", "label", "Yes"), Map.of("from", "ok", "to", "no", "label", "No"))))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
        String api = ApiPaths.project(t.slug(), "/journeys/") + id;
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/journeys/" + id);
            b.waitFor("#flow-svg path.flow-edge");
            assertEquals("none|rgb(61, 72, 82)|1.5px|url(\"#flow-svg-arrow\")", b.js("var s = getComputedStyle(document.querySelector('#flow-svg path.flow-edge'));"
                    + "return [s.fill, s.stroke, s.strokeWidth, s.markerEnd].join('|');"), "a line keeps its look, taken from its group");
            assertEquals("rgb(31, 41, 51)|none|none", b.js("var s = getComputedStyle(document.querySelector('#flow-svg .flow-edge-label text'));"
                    + "return [s.fill, s.stroke, s.markerEnd].join('|');"), "a label's text is not outlined by the lines' stroke");
            assertEquals(Boolean.FALSE, b.js("return document.getElementById('connection-remove').checkVisibility();"), "the shared form shows nothing");
            b.assertAccessible();

            // From the connection's link, Tab reaches its own remove button; Enter sends the shared form to that button's address.
            b.js("document.querySelector('#node-ok .connections li:nth-child(2) a').focus();");
            String button = "#node-ok .connections li:nth-child(2) button[form=connection-remove]";
            assertEquals("Remove the connection from ok to no", b.find(button).getAttribute("aria-label"));
            b.tabTo(Keys.TAB, button);
            b.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            b.waitForText("#flash", "Connection removed.");
            assertEquals(List.of("yes"), fx.api(t.viewer()).get(api).path("connections.to"), "only ok -> no was removed");
            assertEquals(1, b.count("#node-ok .connections li"));
            b.assertNoProblems();
        }
    }
}
