package dev.specboard.design;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A mockup with many colours made the design-system page list every colour in every colour's row (513 colours: 14.6 MB). */
@QuarkusTest
public class DesignSystemColourScaleTest {

    @Inject
    TestData data;

    /** A stylesheet with {@code n} distinct colours, far apart so that no two are flagged as near duplicates. */
    static String colours(int n) {
        StringBuilder css = new StringBuilder();
        for (int i = 0; i < n; i++) {
            css.append(".c").append(i).append("{color:#").append(String.format("%06x", (i * 16_769L) % 0x1000000)).append("}");
        }
        return css.toString();
    }

    private Document page(TestData.Team t, int n) {
        PageResourceTest.createPage(t, "Colours", "/colours", null, "<main><h1>Colours</h1></main>", colours(n));
        DesignSystemResourceTest.settled(t);
        Response r = Web.as(t.member()).get("/projects/" + t.slug() + "/design-system").then().statusCode(200).extract().response();
        return Web.html(r);
    }

    @Test
    void thePageGrowsWithTheColoursNotWithTheirSquare() {
        TestData.Team few = data.team();
        Document small = page(few, 100);
        assertEquals(100, small.select("#color-table tbody tr").size());
        assertNull(small.getElementById("colors-capped"), "all 100 colours are shown");
        assertTrue(small.select("option").size() <= 2 * 100 + 10, small.select("option").size() + " options for 100 colours");

        TestData.Team many = data.team();
        Document big = page(many, 1000);
        assertTrue(big.select("option").size() <= 2 * 1000 + 10, big.select("option").size() + " options for 1000 colours");
        assertEquals(DesignSystemPage.COLOR_ROWS, big.select("#color-table tbody tr").size(), "the rows are capped");
        assertNotNull(big.getElementById("colors-capped"), "the page says that colours are left out");
        assertTrue(big.outerHtml().length() < 10 * small.outerHtml().length(), "ten times the colours, less than ten times the page");

        // The one merge form works without JavaScript: a colour and the colour it is merged into.
        assertEquals(1000, big.select("#merge-color option").size());
        assertEquals(1000, big.select("#merge-into option").size());
        assertNotNull(big.selectFirst("label[for=merge-color]"));
        assertNotNull(big.selectFirst("label[for=merge-into]"));
        String from = big.selectFirst("#merge-color option[selected]").val();
        String into = big.selectFirst("#merge-into option[selected]").val();
        assertTrue(!from.equals(into), "the form's defaults are two different colours");
        Web.as(many.member()).formParam("color", from).formParam("into", into)
                .post("/projects/" + many.slug() + "/design-system/colors/merge").then().statusCode(303);
        Document merged = DesignSystemResourceTest.settled(many);
        assertTrue(merged.selectFirst("#merges li").text().startsWith(from + " counts as " + into), merged.selectFirst("#merges").text());
    }
}
