package dev.specboard.design;

import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mockup written to attack Specboard, rendered in a real browser: its script reports what it could do
 * to the test through {@code postMessage}, and a probe on the server records any request it made.
 */
@QuarkusTest
class HostileMockupBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    static String hostileScript(String slug) {
        return """
                (function () {
                  var results = {};
                  try { results.cookie = 'read:' + document.cookie; } catch (e) { results.cookie = 'blocked:' + e.name; }
                  try { results.storage = 'read:' + localStorage.length; } catch (e) { results.storage = 'blocked:' + e.name; }
                  try { results.parentDom = 'read:' + parent.document.title; } catch (e) { results.parentDom = 'blocked:' + e.name; }
                  var pending = 3;
                  function done() { if (--pending === 0) { finish(); } }
                  fetch('/api/v1/projects?hostile-probe=api').then(function (r) { results.api = 'status:' + r.status; },
                      function (e) { results.api = 'blocked:' + e.name; }).then(done);
                  fetch('/projects/SLUG?hostile-probe=page', { credentials: 'include' }).then(function (r) { results.page = 'status:' + r.status; },
                      function (e) { results.page = 'blocked:' + e.name; }).then(done);
                  var img = new Image();
                  img.onload = function () { results.img = 'loaded'; done(); };
                  img.onerror = function () { results.img = 'blocked'; done(); };
                  img.src = '/static/favicon.svg?hostile-probe=img';
                  function finish() {
                    try { top.location.href = '/?hostile-probe=top'; results.top = 'attempted'; } catch (e) { results.top = 'blocked:' + e.name; }
                    try { document.getElementById('steal').submit(); results.form = 'attempted'; } catch (e) { results.form = 'blocked:' + e.name; }
                    setInterval(function () { parent.postMessage({ hostile: true, results: results }, '*'); }, 200);
                  }
                })();
                """.replace("SLUG", slug);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHostileMockupCanReadNoCookieCallNoApiAndNavigateNothing() {
        TestData.Team t = data.team();
        String html = "<h1>Totally harmless</h1><form id='steal' action='/projects/" + t.slug() + "/pages?hostile-probe=form' method='post'>"
                + "<input name='name' value='stolen'><input name='path' value='/stolen'></form>";
        String page = PageResourceTest.createPage(t, "Hostile", "/hostile", null, html, "h1 { color: #b00 }");
        dev.specboard.support.Web.as(t.member()).formParam("html", html).formParam("css", "h1 { color: #b00 }").formParam("js", hostileScript(t.slug()))
                .formParam("basedOn", "1").post("/projects/" + t.slug() + "/pages/" + page + "/mockups").then().statusCode(303);
        RequestProbe.SEEN.clear();
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            String pageUrl = "/projects/" + t.slug() + "/pages/" + page + "?device=mobile";
            b.go(pageUrl);
            String before = b.url();
            b.js("window.__hostile = null; window.addEventListener('message', function (e) { if (e.data && e.data.hostile) { window.__hostile = e.data.results; } });"
                    + "var f = document.querySelector('#frame-mobile iframe'); f.src = f.src;");
            b.waitUntil(d -> b.js("return window.__hostile && window.__hostile.form ? true : false").equals(Boolean.TRUE));
            Map<String, Object> r = (Map<String, Object>) b.js("return window.__hostile;");
            // Give a late navigation or form submission the time to happen, then check nothing did.
            b.js("return new Promise(function (ok) { setTimeout(ok, 1500); });");
            assertTrue(String.valueOf(r.get("cookie")).startsWith("blocked:"), "the frame has an opaque origin, no cookie: " + r);
            assertTrue(String.valueOf(r.get("storage")).startsWith("blocked:"), r.toString());
            assertTrue(String.valueOf(r.get("parentDom")).startsWith("blocked:"), "no access to our page's DOM: " + r);
            assertTrue(String.valueOf(r.get("api")).startsWith("blocked:"), "no API call: " + r);
            assertTrue(String.valueOf(r.get("page")).startsWith("blocked:"), "no page fetch: " + r);
            assertEquals("blocked", r.get("img"), "no network, even for images: " + r);
            assertEquals(before, b.url(), "the top window was not navigated");
            assertTrue(b.find("#page-title").getText().contains("Hostile"));
            assertTrue(RequestProbe.SEEN.isEmpty(), "the server saw requests from the mockup: " + RequestProbe.SEEN);

            // Opened on its own (a link someone was sent), the frame URL is not the mockup at our address: the browser
            // says it wants a document, and goes to the version's page, which frames the mockup under its sandbox.
            String frameUrl = base.toString().replaceAll("/$", "") + "/projects/" + t.slug() + "/pages/" + page + "/mockups/1/frame";
            b.driver.get(frameUrl);
            assertTrue(b.url().endsWith("/projects/" + t.slug() + "/pages/" + page + "/mockups/1"), b.url());
            assertTrue(b.find("h1").getText().contains("version 1"), b.find("h1").getText());
            Object cookie = b.js("try { return 'read:' + document.cookie; } catch (e) { return 'blocked:' + e.name; }");
            assertTrue(String.valueOf(cookie).startsWith("read:"), "the top window is our own page again: " + cookie);
        }
        assertTrue(RequestProbe.SEEN.isEmpty(), "the server saw requests from the mockup: " + RequestProbe.SEEN);
    }
}
