package dev.specboard.spec;

import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TaskBoardBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void createSpecWithThreePhasesDragACardFilterAndSeeTheMoveInASecondBrowser() {
        TestData.Team t = data.team();
        data.storyNumbered(t, 21);
        String slug = t.slug();
        try (Browser lead = Browser.open(base.toString()); Browser other = Browser.open(base.toString())) {
            lead.login(t.lead().username, TestData.PASSWORD);
            lead.go("/projects/" + slug + "/specs");
            lead.assertAccessible();
            lead.click("#new-spec");
            lead.waitFor("#spec-form");
            lead.assertAccessible();
            lead.type("#f-title", "Checkout").type("#f-storyNumber", "21").type("#f-overview", "Pay for the **cart**.");
            lead.click("#add-phase");
            lead.waitFor("#phase-1-name");
            lead.click("#add-phase");
            lead.waitFor("#phase-2-name");
            String[] names = {"database-layer", "api-layer", "ui-layer"};
            for (int i = 0; i < 3; i++) {
                lead.type("#phase-" + i + "-name", names[i]).type("#phase-" + i + "-hours", "2")
                        .type("#phase-" + i + "-content", "Build the " + names[i] + ".");
            }
            lead.assertAccessible();
            lead.click("#save-spec");
            lead.waitFor("#spec-document");
            assertEquals("/projects/" + slug + "/specs/SPEC-21", lead.path());
            assertEquals(3, lead.count(".spec-phase"));
            lead.assertAccessible();

            lead.go("/projects/" + slug + "/board");
            assertEquals(3, lead.count("#col-pending .board-card"));
            lead.assertAccessible();

            other.login(t.member().username, TestData.PASSWORD);
            other.go("/projects/" + slug + "/board");
            assertEquals(1, other.count("#col-pending #card-TASK-21-1"));

            // Drag TASK-21-1 from pending to in progress: one htmx POST, the columns re-render, the message says so.
            lead.drag("#card-TASK-21-1 .card-scope", "#col-in_progress .board-cards");
            lead.waitFor("#col-in_progress #card-TASK-21-1");
            assertTrue(lead.text("#board-message").contains("TASK-21-1 moved to in progress"), lead.text("#board-message"));
            assertEquals(2, lead.count("#col-pending .board-card"));
            lead.assertAccessible();

            // The second browser sees the move through the live refresh.
            other.waitFor("#col-in_progress #card-TASK-21-1");

            // Keyboard / no-drag way: the card's own form.
            lead.select("#move-TASK-21-2", "claimed");
            lead.click("#card-TASK-21-2 form.card-move button[type=submit]");
            assertEquals(1, lead.count("#col-claimed #card-TASK-21-2"));
            assertTrue(lead.text("#board-message").contains("TASK-21-2 moved to claimed"), lead.text("#board-message"));

            // Filter: the URL carries it, a reload keeps it, back returns to the unfiltered board.
            lead.type("#filter-q", "ui-layer");
            lead.waitUntil(d -> d.getCurrentUrl().contains("q=ui-layer"));
            lead.waitUntil(d -> d.findElements(By.cssSelector(".board-card")).size() == 1);
            lead.reload();
            assertEquals(1, lead.count(".board-card"));
            assertEquals("ui-layer", lead.value("#filter-q"));
            lead.assertAccessible();
            lead.back();
            assertFalse(lead.url().contains("q=ui-layer"), lead.url());
            assertEquals(3, lead.count(".board-card"));

            lead.go("/projects/" + slug + "/tasks/TASK-21-1");
            assertTrue(lead.text("#task-phase").contains("Build the database-layer."));
            lead.assertAccessible();
        }
    }

    @Test
    void theFiltersSayWhatToTypeAndLineUpAtOneHeight() {
        TestData.Team t = data.team();
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.lead().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/board");
            assertEquals("Story number (e.g. 12 for US-12)", b.text("label[for=filter-story]"));
            @SuppressWarnings("unchecked")
            List<List<Number>> boxes = (List<List<Number>>) b.js("return Array.from(document.querySelectorAll("
                    + "'#board-filters select, #board-filters input, #board-filters button')).map(e => {"
                    + " const r = e.getBoundingClientRect(); return [Math.round(r.height), Math.round(r.bottom)]; });");
            assertEquals(5, boxes.size(), boxes.toString());
            assertEquals(1, boxes.stream().map(box -> box.get(0).intValue()).distinct().count(), "one height: " + boxes);
            assertEquals(1, boxes.stream().map(box -> box.get(1).intValue()).distinct().count(), "one bottom line: " + boxes);
        }
    }

    @Test
    void theUsersOwnMoveMessageSurvivesALiveRefreshThatLandsFirst() {
        TestData.Team t = data.team();
        String slug = t.slug();
        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Race", List.of(), "alpha", "beta"))
                .post("/api/v1/projects/" + slug + "/specs").then().statusCode(201);
        try (Browser lead = Browser.open(base.toString())) {
            lead.login(t.lead().username, TestData.PASSWORD);
            lead.go("/projects/" + slug + "/board");
            String card = lead.find("#col-pending .board-card").getAttribute("data-key");
            // A live refresh (someone else's change) is on its way when the card is dropped, and its answer
            // lands while the move's request is still out (a slow network: held here for 700 ms). Then another
            // refresh is asked for while the move is out.
            lead.js("""
                    var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send, moveSent = false;
                    XMLHttpRequest.prototype.open = function (method, url) { this.sbUrl = String(url); return open.apply(this, arguments); };
                    XMLHttpRequest.prototype.send = function () {
                      var xhr = this, args = arguments;
                      if (xhr.sbUrl.indexOf('/board/columns') >= 0) {
                        var onload = xhr.onload;
                        xhr.onload = function () {
                          var self = this, a = arguments;
                          (function wait() { if (moveSent) { onload.apply(self, a); } else { setTimeout(wait, 20); } })();
                        };
                      } else if (xhr.sbUrl.indexOf('/board/move') >= 0) {
                        moveSent = true;
                        htmx.trigger(document.body, 'sb:board');
                        setTimeout(function () { send.apply(xhr, args); }, 700);
                        return;
                      }
                      return send.apply(xhr, args);
                    };
                    htmx.trigger(document.body, 'sb:board');
                    var form = document.querySelector('#card-' + arguments[0] + ' form.card-move');
                    form.querySelector('select[name=to]').value = 'claimed';
                    form.requestSubmit();
                    """, card);
            lead.waitForHtmx();
            assertEquals(1, lead.count("#col-claimed #card-" + card));
            assertTrue(lead.text("#board-message").contains(card + " moved to claimed"), lead.text("#board-message"));
            lead.assertNoProblems();
        }
    }
}
