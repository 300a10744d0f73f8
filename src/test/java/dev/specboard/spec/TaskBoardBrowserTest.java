package dev.specboard.spec;

import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TaskBoardBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Test
    void createSpecWithThreePhasesDragACardFilterAndSeeTheMoveInASecondBrowser() {
        TestData.Team t = data.team();
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
            assertEquals(3, lead.all(".spec-phase").size());
            lead.assertAccessible();

            lead.go("/projects/" + slug + "/board");
            lead.waitFor("#card-TASK-21-3");
            assertEquals(3, lead.all("#col-pending .board-card").size());
            lead.assertAccessible();

            other.login(t.member().username, TestData.PASSWORD);
            other.go("/projects/" + slug + "/board");
            other.waitFor("#col-pending #card-TASK-21-1");

            // Drag TASK-21-1 from pending to in progress: one htmx POST, the columns re-render.
            WebElement card = lead.find("#card-TASK-21-1 .card-scope");
            WebElement target = lead.find("#col-in_progress .board-cards");
            new Actions(lead.driver).clickAndHold(card).pause(Duration.ofMillis(200))
                    .moveByOffset(10, 10).pause(Duration.ofMillis(100))
                    .moveToElement(target).pause(Duration.ofMillis(200))
                    .moveByOffset(0, 5).pause(Duration.ofMillis(200))
                    .release().perform();
            lead.waitFor("#col-in_progress #card-TASK-21-1");
            lead.waitForHtmx();
            // The live refresh can show the moved card before the move's own answer (with its message) lands.
            lead.waitUntil(d -> lead.find("#board-message").getText().contains("TASK-21-1 moved to in progress"));
            assertEquals(2, lead.all("#col-pending .board-card").size());
            lead.assertAccessible();

            // The second browser sees the move through polling.
            new org.openqa.selenium.support.ui.WebDriverWait(other.driver, Duration.ofSeconds(15))
                    .until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#col-in_progress #card-TASK-21-1")).isEmpty());

            // Keyboard / no-drag way: the card's own form.
            new Select(lead.find("#move-TASK-21-2")).selectByValue("claimed");
            lead.click("#card-TASK-21-2 form.card-move button[type=submit]");
            lead.waitFor("#col-claimed #card-TASK-21-2");

            // Filter: the URL carries it, a reload keeps it, back returns to the unfiltered board.
            lead.type("#filter-q", "ui-layer");
            lead.waitUntil(d -> d.getCurrentUrl().contains("q=ui-layer"));
            lead.waitUntil(d -> d.findElements(org.openqa.selenium.By.cssSelector(".board-card")).size() == 1);
            lead.driver.navigate().refresh();
            lead.waitForHtmx();
            assertEquals(1, lead.all(".board-card").size());
            assertEquals("ui-layer", lead.find("#filter-q").getAttribute("value"));
            lead.assertAccessible();
            lead.driver.navigate().back();
            lead.waitUntil(d -> !d.getCurrentUrl().contains("q=ui-layer"));
            lead.waitUntil(d -> d.findElements(org.openqa.selenium.By.cssSelector(".board-card")).size() == 3);

            lead.go("/projects/" + slug + "/tasks/TASK-21-1");
            lead.waitFor("#task-phase");
            assertTrue(lead.find("#task-phase").getText().contains("Build the database-layer."));
            lead.assertAccessible();
        }
    }
}
