package dev.specboard.web;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A census of the markup of every screen (found as {@link ScreenCensusBrowserTest} finds them, without a browser): what
 * no single page's test would notice when a new screen forgets it.
 */
@QuarkusTest
class MarkupCensusTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    RepoTestSupport repos;

    @Test
    void everyScreensMarkupKeepsTheRules() {
        TestData.Team team = data.team();
        List<String> failures = new ArrayList<>();
        List<String> visited = new ArrayList<>();
        List<String> graphs = new ArrayList<>();
        try (GitFixture git = GitFixture.create()) {
            Map<String, String> keys = ScreenCensusBrowserTest.fillProject(fx, repos, team, git, ScreenCensusBrowserTest.Names.SHORT);
            for (String path : ScreenCensusBrowserTest.pages(() -> Web.as(team.owner()), keys)) {
                visited.add(path);
                Document page = Web.html(Web.as(team.owner()).get(path));
                unvalidated(path, page, failures);
                for (Element wrap : page.select(".table-wrap")) {
                    // A table wider than a phone scrolls in its wrapper: a keyboard reaches it only when it can take focus.
                    if (!"0".equals(wrap.attr("tabindex")) || !"region".equals(wrap.attr("role")) || wrap.attr("aria-label").isBlank()) {
                        failures.add(path + ": a .table-wrap without tabindex=\"0\", role=\"region\" and an aria-label: "
                                + wrap.outerHtml().lines().findFirst().orElse(""));
                    }
                }
                for (Element wrap : page.select(".graph-scroll")) {
                    // A picture (the dependency graph, a journey, the entities) wider than a phone scrolls the same way.
                    graphs.add(path);
                    if (!focusableRegion(wrap)) {
                        failures.add(path + ": a .graph-scroll that a keyboard cannot scroll (tabindex=\"0\", role=\"region\" and a label): "
                                + wrap.outerHtml().lines().findFirst().orElse(""));
                    }
                }
                for (Element wrap : page.select(".code-wrap")) {
                    // Code wider than a phone scrolls the same way; the wrapper or a block in it must take focus.
                    if (!focusableRegion(wrap) && wrap.select("[tabindex=0]").isEmpty()) {
                        failures.add(path + ": a .code-wrap that a keyboard cannot scroll (tabindex=\"0\", role=\"region\" and a label): "
                                + wrap.outerHtml().lines().findFirst().orElse(""));
                    }
                }
            }
            for (String path : ScreenCensusBrowserTest.pages(() -> RestAssured.given().redirects().follow(false), keys)) {
                visited.add("anonymous " + path);
                unvalidated("anonymous " + path, Web.html(RestAssured.given().redirects().follow(false).get(path)), failures);
            }
        }
        assertTrue(visited.size() >= 30, "the census found too few screens: " + visited);
        assertTrue(graphs.size() >= 2, "the census saw a scrolling picture on too few screens: " + graphs);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Whether the element takes focus as a region with a name, as axe's scrollable-region-focusable asks of what scrolls. */
    static boolean focusableRegion(Element e) {
        return "0".equals(e.attr("tabindex")) && "region".equals(e.attr("role"))
                && (!e.attr("aria-label").isBlank() || !e.attr("aria-labelledby").isBlank());
    }

    /**
     * A form with required fields checks them itself (novalidate): without it the browser stops the submit with its
     * own bubble, in its own words, and the app's summary and messages at the fields never show.
     */
    private static void unvalidated(String path, Document page, List<String> failures) {
        for (Element form : page.select("form:has([required])")) {
            if (!form.hasAttr("novalidate")) {
                failures.add(path + ": a form with required fields lacks novalidate: " + form.outerHtml().lines().findFirst().orElse(""));
            }
        }
    }
}
