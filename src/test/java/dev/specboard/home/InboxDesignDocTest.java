package dev.specboard.home;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A design doc waiting for a lead's approval is in the leads' inbox (DESIGN: leads approve design docs) until it is approved. */
@QuarkusTest
class InboxDesignDocTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private String componentWithDoc(TestData.Team t, String name) {
        String api = "/api/v1/projects/" + t.slug() + "/components";
        String id = fx.api(t.member()).body(Map.of("name", name, "type", "context", "filePath", "src/" + name + ".java"))
                .post(api).then().statusCode(201).extract().path("id");
        fx.api(t.member()).body(Map.of("content", "# " + name + "\n\nHow it works.")).put(api + "/" + id + "/design-doc").then().statusCode(200);
        return id;
    }

    @Test
    void aSavedDesignDocWaitsInTheLeadsInboxUntilApproved() {
        TestData.Team t = data.team();
        String id = componentWithDoc(t, "Billing");
        String item = "inbox-design-doc-" + t.slug() + "-" + id;

        Document lead = Web.html(Web.as(t.lead()).get("/inbox").then().statusCode(200).extract().response());
        Element row = lead.getElementById(item);
        assertNotNull(row, lead.select("#inbox-items").html());
        assertEquals("Design doc to approve", row.selectFirst(".badge").text());
        assertEquals("/projects/" + t.slug() + "/components/" + id + "#design-doc", row.selectFirst("a").attr("href"));
        assertEquals("1", Web.html(Web.as(t.lead()).get("/inbox/count")).select("#inbox-count .badge").text());
        Web.as(t.lead()).get(row.selectFirst("a").attr("href").replace("#design-doc", "")).then().statusCode(200);
        assertNull(Web.html(Web.as(t.member()).get("/inbox")).getElementById(item), "members do not approve design docs");
        assertNull(Web.html(Web.as(t.outsider()).get("/inbox")).getElementById(item));

        assertNull(row.selectFirst("a.what-changed"), "nothing was approved before: no changes to show");

        fx.api(t.lead()).post("/api/v1/projects/" + t.slug() + "/components/" + id + "/design-doc/approve").then().statusCode(200);
        assertNull(Web.html(Web.as(t.lead()).get("/inbox")).getElementById(item));
        assertEquals("", Web.html(Web.as(t.lead()).get("/inbox/count")).select("#inbox-count .badge").text());
    }

    @Test
    void anApprovedDesignDocChangedAgainLinksToWhatChangedSinceTheApproval() {
        TestData.Team t = data.team();
        String id = componentWithDoc(t, "Billing");
        String doc = "/api/v1/projects/" + t.slug() + "/components/" + id + "/design-doc";
        fx.api(t.lead()).post(doc + "/approve").then().statusCode(200);
        fx.api(t.member()).body(Map.of("content", "# Billing\n\nHow it works, now with refunds.")).put(doc).then().statusCode(200);

        Element row = Web.html(Web.as(t.lead()).get("/inbox")).getElementById("inbox-design-doc-" + t.slug() + "-" + id);
        assertNotNull(row);
        String href = row.selectFirst("a.what-changed").attr("href");
        assertEquals("/projects/" + t.slug() + "/components/" + id + "/design-doc/diff?from=1&to=2", href);
        assertEquals("What changed since version 1", row.selectFirst("a.what-changed").text());
        Document diff = Web.html(Web.as(t.lead()).get(href).then().statusCode(200).extract().response());
        assertTrue(diff.text().contains("now with refunds"), diff.text());
    }

    @Test
    void theInboxReadsDesignDocsInTheSameStatementsForTenTimesAsMany() {
        TestData.Team small = data.team();
        TestData.Team large = data.team();
        componentWithDoc(small, "One");
        for (int i = 0; i < 10; i++) {
            componentWithDoc(large, "Part" + i);
        }
        assertEquals(10, Web.html(Web.as(large.lead()).get("/inbox")).select("li[id^=inbox-design-doc-]").size());
        long few = SqlCounter.count(() -> Web.as(small.lead()).get("/inbox").then().statusCode(200));
        long many = SqlCounter.count(() -> Web.as(large.lead()).get("/inbox").then().statusCode(200));
        assertEquals(few, many);
    }

    /** Two contexts of one project waiting at once are two items with ids of their own (they shared one). */
    @Test
    void twoContextsWaitingAreTwoItemsWithTheirOwnIds() {
        TestData.Team t = data.team();
        for (String name : new String[] {"Billing", "Shipping"}) {
            fx.api(t.member()).body(Map.of("name", name, "type", "domain", "purpose", "Owns " + name))
                    .post("/api/v1/projects/" + t.slug() + "/contexts").then().statusCode(201);
        }
        Document lead = Web.html(Web.as(t.lead()).get("/inbox"));
        assertEquals(2, lead.select("li[id^=inbox-context-]").eachAttr("id").stream().distinct().count());
        assertEquals(java.util.List.of("Billing", "Shipping"), lead.select("li[id^=inbox-context-] a").eachText());
    }
}
