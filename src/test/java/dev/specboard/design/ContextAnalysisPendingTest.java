package dev.specboard.design;

import dev.specboard.kernel.HeavyWork;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A screenshot or HTML file added while every context analysis turn is taken is kept at once, its analysis pending, and
 * analysed by the worker once a turn is free: the upload answered 503 busy, and the person lost the file they had chosen.
 * The page's card says it is analysing and asks for its analysis until it is there; the API answers 201 with
 * {@code analysisStatus} pending, and its list shows the analysis done later.
 */
@QuarkusTest
class ContextAnalysisPendingTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    DesignWork work;

    @Inject
    ContextAnalysisWorker worker;

    private List<HeavyWork.Turn> takeEveryTurn() {
        List<HeavyWork.Turn> held = new ArrayList<>();
        for (int i = 0; i < work.contextAnalyses().atOnce(); i++) {
            held.add(work.contextAnalyses().turn());
        }
        return held;
    }

    @Test
    void aScreenshotAddedWhileEveryTurnIsTakenIsKeptAndAnalysedOnceATurnIsFree() throws Exception {
        TestData.Team t = data.team();
        byte[] png = Images.twoColours("png");
        List<HeavyWork.Turn> held = takeEveryTurn();
        String id;
        try {
            Response created = Web.as(t.member()).multiPart("itemType", "screenshot").multiPart("file", "home.png", png, "image/png")
                    .multiPart("submittedContext", "The look we want").post("/projects/" + t.slug() + "/context");
            assertEquals(303, created.statusCode(), created.asString());
            id = created.getHeader("Location").substring(created.getHeader("Location").indexOf("#item-") + 6);
            Element card = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/context")).selectFirst("#item-" + id);
            assertNotNull(card, "the item is kept");
            assertTrue(card.text().contains("home.png") && card.text().contains("The look we want"), card.text());
            Element analysis = card.selectFirst("#analysis-" + id);
            assertTrue(analysis.text().contains("Analysing"), analysis.text());
            assertEquals("/projects/" + t.slug() + "/context/" + id + "/analysis", analysis.attr("hx-get"));
            assertEquals("every 2s", analysis.attr("hx-trigger"));
            assertEquals(png.length, Web.as(t.viewer()).get("/projects/" + t.slug() + "/context/" + id + "/file").asByteArray().length,
                    "its file is stored");
        } finally {
            held.forEach(HeavyWork.Turn::close);
        }
        Element done = until(() -> {
            Document d = Web.html(Web.htmx(Web.as(t.viewer())).get("/projects/" + t.slug() + "/context/" + id + "/analysis")
                    .then().statusCode(200).extract().response());
            Element a = d.selectFirst("#analysis-" + id);
            return a != null && !a.hasAttr("hx-trigger") ? a : null;
        });
        assertTrue(done.selectFirst(".dimensions").text().contains("200 × 100"), done.text());
        assertEquals("#dc2626", done.selectFirst(".palette li svg rect").attr("fill"));
        assertFalse(done.text().contains("Analysing"), done.text());
        assertNotNull(Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/context")).selectFirst("#item-" + id + " .palette"));
    }

    @Test
    void theApiKeepsAnUploadWhileEveryTurnIsTakenAndListsItsAnalysisOnceDone() throws Exception {
        TestData.Team t = data.team();
        String url = ApiPaths.project(t.slug(), "/context-items");
        List<HeavyWork.Turn> held = takeEveryTurn();
        String id;
        try {
            JsonPath created = fx.api(t.member()).contentType("multipart/form-data").multiPart("itemType", "file")
                    .multiPart("file", "look.html", "<!doctype html><nav><a href='/'>Home</a></nav><button>Buy</button>".getBytes(StandardCharsets.UTF_8),
                            "text/html").post(url).then().statusCode(201).extract().jsonPath();
            id = created.getString("id");
            assertEquals("pending", created.getString("analysisStatus"));
            assertTrue(created.getString("aiAnalysis.note").contains("Analysing"), created.prettify());
        } finally {
            held.forEach(HeavyWork.Turn::close);
        }
        JsonPath item = until(() -> {
            JsonPath list = fx.api(t.viewer()).get(url).then().statusCode(200).extract().jsonPath();
            return "done".equals(list.getString("find { it.id == '" + id + "' }.analysisStatus")) ? list.setRootPath("find { it.id == '" + id + "' }") : null;
        });
        assertTrue(item.getList("aiAnalysis.detectedElements").contains("button"), item.prettify());
        // A turn free, an upload is analysed at once, as before.
        fx.api(t.member()).contentType("multipart/form-data").multiPart("itemType", "screenshot")
                .multiPart("file", "home.png", Images.twoColours("png"), "image/png").post(url).then().statusCode(201)
                .body("analysisStatus", org.hamcrest.Matchers.equalTo("done")).body("aiAnalysis.width", org.hamcrest.Matchers.equalTo(200));
    }

    /** A worker that died holding a claim leaves it to the next once its lease ends; an item that kills each worker is given up on. */
    @Test
    void anAnalysisThatNeverFinishesIsGivenUpOnWithANote() {
        TestData.Team t = data.team();
        String url = ApiPaths.project(t.slug(), "/context-items");
        List<HeavyWork.Turn> held = takeEveryTurn();
        String id;
        try {
            id = fx.api(t.member()).contentType("multipart/form-data").multiPart("itemType", "screenshot")
                    .multiPart("file", "home.png", Images.twoColours("png"), "image/png").post(url).then().statusCode(201)
                    .extract().path("id");
            // Claimed and lost three times, as by workers that died: the lease run out each time.
            QuarkusTransaction.requiringNew().run(() -> ContextItem.getEntityManager().createNativeQuery(
                    "UPDATE user_context_items SET analysis_attempts = " + ContextAnalysisWorker.MOST_ATTEMPTS + ", analysis_locked_by = 'gone', "
                            + "analysis_lease_until = now() - interval '1 second' WHERE id = ?1").setParameter(1, UUID.fromString(id)).executeUpdate());
        } finally {
            held.forEach(HeavyWork.Turn::close);
        }
        String note = until(() -> {
            worker.drain();
            JsonPath list = fx.api(t.viewer()).get(url).then().statusCode(200).extract().jsonPath();
            return "done".equals(list.getString("find { it.id == '" + id + "' }.analysisStatus"))
                    ? list.getString("find { it.id == '" + id + "' }.aiAnalysis.note") : null;
        });
        assertTrue(note.contains("never finished") && note.contains("kept"), note);
    }

    private static <T> T until(Supplier<T> check) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            T found = check.get();
            if (found != null) {
                return found;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not done within a minute");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
