package dev.specboard.web;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The list pages' filter selects come from one tag (tags/filterSelect): each is labelled, offers "no filter" first under
 * the page's wording, lists the values, and keeps the one chosen, so a filtered list shows what it is filtered by.
 */
@QuarkusTest
class FilterSelectTest {

    @Inject
    TestData data;

    @Test
    void eachFilterIsLabelledOffersNoFilterFirstAndKeepsTheChoice() {
        TestData.Team t = data.team();
        String p = "/projects/" + t.slug();
        check(page(t, p + "/work-sessions?status=complete&type=design"), "status", "Status", "Any", "complete");
        check(page(t, p + "/work-sessions?target=context"), "target", "Target", "Any", "context");
        check(page(t, p + "/jobs?type=RENAME"), "type", "Type", "Any", "RENAME");
        check(page(t, p + "/jobs?status=FAILED"), "status", "Status", "Any", "FAILED");
        check(page(t, p + "/components?type=schema"), "type", "Type", "All types", "schema");
        check(page(t, p + "/board"), "claimant", "Claimed by", "Anyone", "");
        Document sessions = page(t, p + "/work-sessions?status=complete&type=design");
        assertEquals("design", sessions.select("#filter-type option[selected]").val(), "each select keeps its own choice");
        assertEquals(List.of("", "pending", "in_progress", "complete", "failed"), sessions.select("#filter-status option").eachAttr("value"));
        assertEquals(List.of("Any", "Pending", "In progress", "Complete", "Failed"), sessions.select("#filter-status option").eachText(),
                "codes read as words; the values stay the codes the URL takes");
        assertEquals("Rename", page(t, p + "/jobs?type=RENAME").select("#filter-type option[selected]").text());
        assertEquals("schema", page(t, p + "/components?type=schema").select("#filter-type option[selected]").text(),
                "component types are names people write as they are");
    }

    private static Document page(TestData.Team t, String url) {
        return Web.html(Web.as(t.member()).get(url).then().statusCode(200).extract().response());
    }

    private static void check(Document d, String name, String label, String any, String selected) {
        Element select = d.getElementById("filter-" + name);
        assertEquals(name, select.attr("name"));
        assertEquals(label, d.selectFirst("label[for=filter-" + name + "]").text());
        assertEquals(any, select.selectFirst("option").text());
        assertEquals("", select.selectFirst("option").val());
        assertEquals(selected, select.select("option[selected]").val(), name + " keeps the chosen value");
    }
}
