package dev.specboard.design;

import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a keyboard user at 360 px meets: a stale mockup save answered its 409 with the focus on the body, the scroll at
 * the top and the notice some 6,000 px down; and the skip link left the focus on the body.
 */
@QuarkusTest
class DesignConflictFocusBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    /** A summary at the top of the 409 page takes the focus, is in view and links to the notice with both versions. */
    @Test
    void aStaleMockupSaveIsSummedUpAtTheTopWithTheFocusAndALinkToBothVersions() {
        TestData.Team t = data.team();
        String id = PageResourceTest.createPage(t, "Home", "/", null, DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        String page = "/projects/" + t.slug() + "/pages/" + id;
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go(page);
            // Another tab saves version 2 meanwhile.
            Web.as(t.member()).formParam("html", DesignFixtures.HOME_HTML.replace("Welcome back", "Hello again")).formParam("css", DesignFixtures.HOME_CSS)
                    .formParam("changeDescription", "Other tab").formParam("basedOn", "1").post(page + "/mockups").then().statusCode(303);
            b.type("#f-html", "<p>my own take</p>");
            b.click("#save-mockup");
            b.waitFor("#conflict-summary");
            b.waitUntil(d -> "conflict-summary".equals(b.js("return document.activeElement.id;")));
            assertTrue(b.text("#conflict-summary").startsWith("Someone saved this mockup while you were editing"), b.text("#conflict-summary"));
            assertEquals("", b.js("var r = document.getElementById('conflict-summary').getBoundingClientRect();"
                    + "return r.top >= -1 && r.top < window.innerHeight ? '' : 'top ' + r.top + ', scrolled ' + window.scrollY;"), "the summary is in view");
            b.click("#conflict-summary-link");
            b.waitUntil(d -> "mockup-conflict".equals(b.js("return document.activeElement.id;")));
            b.assertAccessible();
        }
    }

    /** "Skip to content" moves the focus into the main area, so the next Tab goes on from there, not from the top. */
    @Test
    void theSkipLinkPutsTheFocusInTheMainArea() {
        TestData.Team t = data.team();
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/design");
            b.tabTo(Keys.TAB, ".skip-link");
            new Actions(b.driver).sendKeys(Keys.ENTER).perform();
            b.waitUntil(d -> "main".equals(b.js("return document.activeElement.id;")));
        }
    }
}
