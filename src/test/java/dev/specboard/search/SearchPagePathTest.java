package dev.specboard.search;

import dev.specboard.account.ApiTokenService;
import dev.specboard.repo.GitFixture;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.jsoup.nodes.Document;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A design page is found by the words of its path too: "checkout" found the pages named Checkout and Checkout Payment,
 * not "Order History" at {@code /checkout/history} nor "Receipt" at {@code /checkout/receipt}. Those come after the pages
 * the query names.
 */
@QuarkusTest
class SearchPagePathTest {

    @Inject
    TestData data;

    @Inject
    SearchFixtures fixtures;

    @Inject
    ApiTokenService tokens;

    @Test
    void aPageIsFoundByItsPathAfterThePagesNamedSo() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.checkoutProject(t, git, "We pay at checkout.");
        }
        String lead = tokens.create(t.lead().id, "pages", null, null).value();
        page(lead, t, "Checkout", "/checkout", "Where shoppers pay");
        page(lead, t, "Checkout Payment", "/pay", "The card form");
        page(lead, t, "Order History", "/checkout/history", "Past orders");
        page(lead, t, "Receipt", "/checkout/receipt", "What was bought");
        page(lead, t, "Cart", "/cart", "The basket");

        String token = tokens.create(t.viewer().id, "search", null, null).value();
        JsonPath found = search(token, t, "checkout");
        assertEquals(List.of("/checkout", "/pay", "/checkout/history", "/checkout/receipt"), found.getList("key"),
                "the pages named Checkout first, then those under /checkout");
        assertEquals(List.of("Checkout", "Checkout Payment", "Order History", "Receipt"), found.getList("title"));
        assertTrue(found.getString("[2].snippet").contains("/checkout/history"), "the path that matched is shown: " + found.getString("[2].snippet"));
        assertTrue(found.getString("[2].url").startsWith("/projects/" + t.slug() + "/pages/"), found.getString("[2].url"));

        assertEquals(List.of("/checkout/history"), search(token, t, "histor").getList("key"), "the last word begun, as for names");
        assertEquals(List.of("/checkout/receipt"), search(token, t, "checkout/rec").getList("key"),
                "a path typed as one word matches as files' paths do");
        assertEquals("/checkout/receipt", search(token, t, "/checkout/receipt").getString("[0].key"), "a path typed whole comes first");

        JsonPath cart = search(token, t, "cart");
        assertEquals(List.of("/cart"), cart.getList("key"));
        assertFalse(cart.getString("[0].snippet").contains("/cart"), "a page its name finds shows no path: " + cart.getString("[0].snippet"));
        Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=histor"));
        assertEquals(List.of("/checkout/history"), page.select("#group-page .search-hit").eachAttr("data-key"),
                "the search page finds it by its path too");
    }

    private static void page(String token, TestData.Team t, String name, String path, String purpose) {
        RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", name, "path", path, "purpose", purpose))
                .post(ApiPaths.project(t.slug(), "/pages")).then().statusCode(201);
    }

    private static JsonPath search(String token, TestData.Team t, String q) {
        return RestAssured.given().auth().oauth2(token).queryParam("q", q).queryParam("kind", "page")
                .get(ApiPaths.project(t.slug(), "/search")).then().statusCode(200).extract().jsonPath();
    }
}
