package dev.specboard.search;

import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project search finds bounded contexts and components, on the page, over the API and through MCP, reading their indexes. */
@QuarkusTest
class ArchitectureSearchTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    ApiTokenService tokens;

    @Inject
    ArchitectureKinds.Contexts contextSearch;

    @Inject
    ArchitectureKinds.Components componentSearch;

    @Inject
    DataSource dataSource;

    private record Made(String context, String component) {
    }

    private Made architecture(TestData.Team t, String purpose) {
        String p = ApiPaths.project(t.slug());
        String context = fx.api(t.member()).body(Map.of("name", "Ordering", "type", "domain", "purpose", purpose,
                "description", "Owns the **basket** until payment")).post(p + "/contexts").then().statusCode(201).extract().path("id");
        String component = fx.api(t.member()).body(Map.of("name", "Orders.Basket", "type", "schema", "filePath", "lib/shop/checkout_basket.ex",
                "contextId", context, "description", "Lines <b>and</b> totals of one basket")).post(p + "/components").then().statusCode(201)
                .extract().path("id");
        return new Made(context, component);
    }

    @Test
    void contextsAndComponentsAreFoundOnThePageAfterPlansAndBeforePages() {
        TestData.Team t = data.team();
        TestData.Team other = data.team();
        Made made = architecture(t, "Takes orders from the basket to checkout");
        architecture(other, "Secret basket of another project");

        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=basket"));
        assertEquals(List.of("context", "component"), d.select(".search-group").eachAttr("id").stream().map(id -> id.substring(6)).toList(),
                d.select("#search-results").text());
        Element context = d.selectFirst("#group-context .search-hit");
        assertEquals("Ordering", context.attr("data-key"));
        assertEquals("/projects/" + t.slug() + "/contexts/" + made.context(), context.selectFirst("a").attr("href"));
        assertTrue(context.selectFirst(".search-snippet").text().contains("Owns the basket"), "the snippet reads as prose: " + context.text());
        Element component = d.selectFirst("#group-component .search-hit");
        assertEquals("/projects/" + t.slug() + "/components/" + made.component(), component.selectFirst("a").attr("href"));
        assertNull(component.selectFirst(".search-snippet b"), "markup in a description never reaches the page as HTML");
        assertTrue(component.selectFirst(".search-snippet").text().contains("lib/shop/checkout_basket.ex"), component.text());
        assertEquals(2, d.select(".search-hit").size(), "one of each, nothing of the other project");

        Document byPath = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=checkout&kind=component"));
        assertEquals(List.of("Orders.Basket"), byPath.select(".search-hit").eachAttr("data-key"), "a component is found by a word of its file path");
        assertEquals(404, Web.as(t.outsider()).get("/projects/" + t.slug() + "/search?q=basket").statusCode());
    }

    @Test
    void theApiAndMcpNameTheNewKinds() {
        TestData.Team t = data.team();
        Made made = architecture(t, "Takes orders");
        String token = tokens.create(t.viewer().id, "reader", t.project().id, Role.VIEWER).value();

        JsonPath api = RestAssured.given().auth().oauth2(token).get(ApiPaths.project(t.slug(), "/search?q=basket&kind=context"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("context"), api.getList("kind"));
        assertEquals("Ordering", api.getString("[0].key"));
        assertEquals("/projects/" + t.slug() + "/contexts/" + made.context(), api.getString("[0].url"));
        String refused = RestAssured.given().auth().oauth2(token).get(ApiPaths.project(t.slug(), "/search?q=basket&kind=components"))
                .then().statusCode(422).extract().jsonPath().getString("details.kind");
        assertTrue(refused.contains("context") && refused.contains("component"), refused);

        String session = Mcp.initialize(token);
        String found = Mcp.answer(token, session, "search", false, "project", t.slug(), "query", "basket", "kind", "component");
        assertTrue(found.contains("\"kind\":\"component\"") && found.contains("Orders.Basket"), found);
    }

    @Test
    void eachKindReadsItsIndex() throws Exception {
        TestData.Team t = data.team();
        architecture(t, "Takes orders");
        assertIndexed(contextSearch, t, "idx_contexts_search");
        assertIndexed(componentSearch, t, "idx_components_search");
    }

    /**
     * The planner can use an index only for its very expression: the kind's plan must match with the index's expression
     * (the stored vector since V1005), as PostgreSQL prints both (whether it picks the index on a table this small is its choice).
     */
    private void assertIndexed(SearchableKind kind, TestData.Team t, String index) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            String definition;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_get_indexdef('" + index + "'::regclass)")) {
                rs.next();
                definition = rs.getString(1);
            }
            String expression = definition.substring(definition.indexOf("USING gin (") + "USING gin (".length(), definition.length() - 1);
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN WITH params AS NOT MATERIALIZED (SELECT websearch_to_tsquery('specboard_text', ?) AS q, "
                    + "CAST(? AS uuid) AS project, CAST(? AS text) AS slug) " + kind.sql())) {
                ps.setString(1, "basket");
                ps.setString(2, t.project().id.toString());
                ps.setString(3, t.slug());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            }
            assertTrue(plan.toString().contains(expression + " @@ "), kind.kind() + " matches with " + expression + ":\n" + plan);
        }
    }
}
