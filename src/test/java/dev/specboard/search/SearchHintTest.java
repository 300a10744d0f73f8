package dev.specboard.search;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hint under the search box named stories, specs and tasks, plans, files and review threads, while the search also
 * finds pages, features, contexts and components, which its "Only" filter offers: the hint now names every kind the
 * filter offers.
 */
@QuarkusTest
class SearchHintTest {

    @Inject
    TestData data;

    @Test
    void theHintNamesEveryKindTheFilterOffers() {
        TestData.Team t = data.team();
        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search"));
        String hint = d.getElementById("search-hint").text().toLowerCase(Locale.ROOT);
        List<String> kinds = d.select("#filter-kind option").stream().filter(o -> !o.val().isEmpty()).map(Element::text).toList();
        assertTrue(kinds.size() >= 9, kinds.toString());
        for (String kind : kinds) {
            assertTrue(hint.contains(kind.toLowerCase(Locale.ROOT)), "the hint names " + kind + ": " + hint);
        }
        assertTrue(hint.contains("design pages") && hint.contains("features") && hint.contains("bounded contexts")
                && hint.contains("components"), hint);
    }
}
