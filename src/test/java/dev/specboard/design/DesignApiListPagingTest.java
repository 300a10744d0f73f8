package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The API's page and entity lists page as its other lists do: 50 a page by {@code ?page=}, past the last page empty, a
 * malformed page 400 naming it; they answered every page (pages) or the first entities again (entities) whatever the page.
 */
@QuarkusTest
class DesignApiListPagingTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    EntityService entities;

    @Test
    void pagesArePagedInTreeOrder() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug() + "/pages";
        fx.api(t.member()).body(Map.of("name", "Top", "path", "/top")).post(api).then().statusCode(201);
        for (int i = 0; i < 51; i++) {
            fx.api(t.member()).body(Map.of("name", "P" + i, "path", "/top/p" + i)).post(api).then().statusCode(201);
        }
        List<String> first = fx.api(t.viewer()).get(api).then().statusCode(200).extract().path("path");
        assertEquals(50, first.size());
        assertEquals("/top", first.get(0), "the parent comes before its children");
        assertEquals(first, fx.api(t.viewer()).get(api + "?page=1").then().statusCode(200).extract().path("path"));
        List<String> second = fx.api(t.viewer()).get(api + "?page=2").then().statusCode(200).extract().path("path");
        assertEquals(2, second.size(), second.toString());
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertEquals(52, all.stream().distinct().count(), "every page once");
        assertEquals(0, (int) fx.api(t.viewer()).get(api + "?page=3").then().statusCode(200).extract().path("size()"));
        assertEquals("must be a whole number from 1", fx.api(t.viewer()).get(api + "?page=0").then().statusCode(400).extract().path("details.page"));
        assertEquals(400, fx.api(t.viewer()).get(api + "?page=x").statusCode());
    }

    @Test
    void entitiesArePagedInTheirOrder() {
        TestData.Team t = data.team();
        EntityResourceTest.seed(t.project().id, 0, 53);
        List<String> order = entities.list(t.project().id).stream().map(e -> e.id.toString()).toList();
        String api = "/api/v1/projects/" + t.slug() + "/entities";
        assertEquals(order.subList(0, 50), fx.api(t.viewer()).get(api).then().statusCode(200).extract().path("id"));
        assertEquals(order.subList(50, 53), fx.api(t.viewer()).get(api + "?page=2").then().statusCode(200).extract().path("id"));
        assertEquals(0, (int) fx.api(t.viewer()).get(api + "?page=3").then().statusCode(200).extract().path("size()"));
        assertEquals(400, fx.api(t.viewer()).get(api + "?page=-1").statusCode());
    }
}
