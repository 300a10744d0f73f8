package dev.specboard.design;

import dev.specboard.kernel.HeavyWork;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.specboard.design.PageResourceTest.createPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mockup's frame, a compare of two versions and a context item's analysis run in turns, as a mockup save's analysis
 * does: never more at once than their turns, and one that finds no turn in time answers 503 busy with Retry-After (the
 * API in JSON, a page as a page), holding no database connection while it waits. Forty large ones at once ran the 160 MB
 * heap out. (A context item finding no turn is kept with its analysis pending instead: ContextAnalysisPendingTest.)
 */
@QuarkusTest
class HeavyDesignWorkTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    DesignWork work;

    @Inject
    AgroalDataSource pool;

    /** A page whose version 1 is small and version 2 the tester's 264 KB mockup; its address. */
    private String pageWithLargeMockup(TestData.Team t) {
        String page = createPage(t, "Shop", "/shop", null, DesignFixtures.HOME_HTML, null);
        fx.api(t.member()).body(Map.of("html", MockupAnalysisBoundsTest.largeMockup(1))).post(ApiPaths.project(t.slug()) + "/pages/" + page + "/mockups")
                .then().statusCode(201);
        return "/projects/" + t.slug() + "/pages/" + page;
    }

    private static Response upload(TestData.Team t, String name, String html) {
        return Web.as(t.member()).multiPart("itemType", "file").multiPart("file", name, html.getBytes(StandardCharsets.UTF_8), "text/html")
                .multiPart("categories", "inspiration").post("/projects/" + t.slug() + "/context");
    }

    @Test
    void heavyWorkThatFindsNoTurnAnswersBusyAndHoldsNoConnectionWhileItWaits() throws Exception {
        TestData.Team t = data.team();
        String base = pageWithLargeMockup(t);
        String mockups = ApiPaths.project(t.slug()) + base.substring(base.indexOf("/pages/")) + "/mockups";
        List<HeavyWork.Turn> held = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            for (HeavyWork kind : List.of(work.analyses(), work.renders(), work.compares(), work.contextAnalyses())) {
                for (int i = 0; i < kind.atOnce(); i++) {
                    held.add(kind.turn());
                }
            }
            Map<String, Future<Response>> asked = new LinkedHashMap<>();
            Map<String, Callable<Response>> requests = new LinkedHashMap<>();
            requests.put("api save", () -> fx.api(t.member()).body(Map.of("html", MockupAnalysisBoundsTest.largeMockup(3))).post(mockups));
            requests.put("frame", () -> Web.as(t.viewer()).header("Sec-Fetch-Dest", "iframe").get(base + "/mockups/2/frame"));
            requests.put("compare", () -> Web.as(t.viewer()).get(base + "/compare?from=1&to=2"));
            for (int i = 0; i < 12; i++) {
                requests.put("thumbnail " + i, () -> Web.as(t.viewer()).header("Sec-Fetch-Dest", "iframe").get(base + "/mockups/2/frame?thumbnail=true"));
            }
            requests.forEach((what, request) -> asked.put(what, threads.submit(request)));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while ((work.renders().waiting() < 13 || work.analyses().waiting() < 1 || work.compares().waiting() < 1)
                    && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertEquals(13, work.renders().waiting(), "every frame asked waits for a turn");
            assertEquals(1, work.analyses().waiting());
            assertEquals(1, work.compares().waiting());
            // Fifteen waiting requests holding a connection each would leave fewer than thirty of the pool's forty.
            List<Connection> connections = new ArrayList<>();
            try {
                for (int i = 0; i < 30; i++) {
                    connections.add(pool.getConnection());
                }
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
            }
            for (Map.Entry<String, Future<Response>> e : asked.entrySet()) {
                Response r = e.getValue().get(90, TimeUnit.SECONDS);
                assertEquals(503, r.statusCode(), e.getKey() + ": " + r.asString());
                assertEquals("5", r.getHeader("Retry-After"), e.getKey());
                if (e.getKey().startsWith("api")) {
                    assertEquals("Specboard is busy; try again in a few seconds.", r.jsonPath().getString("error"));
                } else {
                    assertTrue(Web.html(r).text().contains("Specboard is busy; try again in a few seconds."), e.getKey() + ": " + r.asString());
                }
            }
        } finally {
            held.forEach(HeavyWork.Turn::close);
            threads.shutdownNow();
        }
        // The turns given back, each of them works again.
        Response frame = Web.as(t.viewer()).header("Sec-Fetch-Dest", "iframe").get(base + "/mockups/2/frame");
        assertEquals(200, frame.statusCode());
        assertTrue(frame.asString().contains("0a0b0c"));
        assertEquals(200, Web.as(t.viewer()).header("Sec-Fetch-Dest", "iframe").get(base + "/mockups/2/frame?thumbnail=true").statusCode());
        Document compare = Web.html(Web.as(t.viewer()).get(base + "/compare?from=1&to=2").then().statusCode(200).extract().response());
        assertNotNull(compare.selectFirst("#diff-0 table.source-diff"), compare.select("#source-diff").text());
        assertEquals(303, upload(t, "look.html", "<!doctype html><h1>Look</h1><button>Buy</button>").statusCode());
        fx.api(t.member()).body(Map.of("html", MockupAnalysisBoundsTest.largeMockup(3))).post(mockups).then().statusCode(201);
    }

    @Test
    void largeFramesAndComparesAskedAtOnceAllAnswerAndNeverRunPastTheirTurns() throws Exception {
        TestData.Team t = data.team();
        String base = pageWithLargeMockup(t);
        long frames = work.renders().given();
        long compares = work.compares().given();
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<Response>> asked = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                asked.add(threads.submit(() -> Web.as(t.viewer()).header("Sec-Fetch-Dest", "iframe").get(base + "/mockups/2/frame")));
                asked.add(threads.submit(() -> Web.as(t.viewer()).get(base + "/compare?from=1&to=2")));
            }
            for (Future<Response> f : asked) {
                Response r = f.get(90, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.asString());
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(frames + 6, work.renders().given(), "each frame took a turn");
        assertEquals(compares + 6, work.compares().given(), "each compare took a turn");
        assertTrue(work.renders().peak() <= work.renders().atOnce() && work.compares().peak() <= work.compares().atOnce());
    }

    @Test
    void aCompareOfVersionsLongerThanItReadsSaysItIsPartial() {
        TestData.Team t = data.team();
        String page = createPage(t, "Long", "/long", null, DesignFixtures.HOME_HTML, null);
        String mockups = ApiPaths.project(t.slug()) + "/pages/" + page + "/mockups";
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < SourceDiff.MAX_LINES + 5_000; i++) {
            lines.append("<i>").append(i).append("</i>\n");
        }
        fx.api(t.member()).body(Map.of("html", lines.toString())).post(mockups).then().statusCode(201);
        fx.api(t.member()).body(Map.of("html", lines.toString().replace("<i>24000</i>", "<b>changed</b>"))).post(mockups).then().statusCode(201);
        Document compare = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + page + "/compare?from=2&to=3")
                .then().statusCode(200).extract().response());
        assertTrue(compare.selectFirst("#diff-0-partial").text().contains("only the first 20,000 lines of each are compared"),
                compare.select("#diff-0").text());
        assertTrue(compare.selectFirst("#diff-0 h3").text().contains("+0"), "the change past the lines read is not counted, but the source is changed");
        assertTrue(compare.selectFirst("#diff-1").text().contains("unchanged"), compare.select("#diff-1").text());
    }

    @Test
    void anHtmlContextItemLongerThanAMockupIsAnalysedInPartAndSaysSo() {
        TestData.Team t = data.team();
        String html = "<!doctype html><nav><a href='/'>Home</a></nav>" + "<p style='color:#123456'>Lorem ipsum</p>\n".repeat(15_000);
        Response created = upload(t, "long.html", html);
        assertEquals(303, created.statusCode(), created.asString());
        String id = created.getHeader("Location").substring(created.getHeader("Location").indexOf("#item-") + 6);
        Document list = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/context"));
        String shown = list.selectFirst("#item-" + id).text();
        assertTrue(shown.contains(String.format(java.util.Locale.ROOT, "Analysed the first 500,000 characters of its %,d.", html.length())), shown);
        assertTrue(shown.contains("#123456"), "the part read is analysed: " + shown);
    }
}
