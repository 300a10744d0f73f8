package dev.specboard.design;

import dev.specboard.support.ApiPaths;
import dev.specboard.search.SearchHit;
import dev.specboard.search.SearchService;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pages and features keep their words as a stored vector (V1008), computed by a trigger when the row is made and again
 * when its words change: a search finds a page or feature by a word it was given afterwards, and no longer by its old one.
 * A page's path's words are in it too (V1010), and a moved page's change with its path.
 */
@QuarkusTest
class DesignSearchVectorTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    SearchService search;

    @Inject
    EntityManager em;

    @Test
    void aPageOrFeatureIsFoundByItsNewWordsAndNotItsOldOnes() {
        TestData.Team t = data.team();
        UUID project = t.project().id;
        String page = PageResourceTest.createPage(t, "Checkout", "/pay", null, null, null);
        fx.api(t.member()).body(Map.of("name", "Loyalty points", "userDescription", "Members collect points"))
                .post(ApiPaths.project(t.slug(), "/features")).then().statusCode(201);
        assertEquals(List.of("Checkout"), titles(project, t.slug(), "checkout", "page"), "a new page's words are in its vector");
        assertEquals(List.of("Loyalty points"), titles(project, t.slug(), "collect", "feature"), "a new feature's too");

        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE pages SET name = 'Basket', purpose = 'Quagga wallpaper' WHERE id = ?1")
                    .setParameter(1, UUID.fromString(page)).executeUpdate();
            em.createNativeQuery("UPDATE features SET user_description = 'Zebra stripes' WHERE project_id = ?1")
                    .setParameter(1, project).executeUpdate();
        });
        assertEquals(List.of("Basket"), titles(project, t.slug(), "quagga", "page"));
        // (The path /pay is found by its own words, which a rename leaves as they are: the page kind matches paths too.)
        assertEquals(List.of(), titles(project, t.slug(), "checkout", "page"), "the old words are gone");
        assertEquals(List.of("Loyalty points"), titles(project, t.slug(), "zebra", "feature"));
        assertEquals(List.of(), titles(project, t.slug(), "collect", "feature"));

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE pages SET path = '/wombat/till' WHERE id = ?1")
                .setParameter(1, UUID.fromString(page)).executeUpdate());
        assertEquals(List.of(true, false), QuarkusTransaction.requiringNew().call(() -> List.of(stored(page, "wombat"), stored(page, "pay"))),
                "a moved page's stored vector holds its new path's words, and not its old ones");
        assertEquals(List.of("Basket"), titles(project, t.slug(), "wombat", "page"));
        assertEquals(List.of(), titles(project, t.slug(), "pay", "page"));
    }

    /** Whether the page's stored vector itself holds the word, as its path's words are in it (V1010). */
    private boolean stored(String page, String word) {
        return (Boolean) em.createNativeQuery("SELECT search @@ to_tsquery('specboard_text', ?2) FROM pages WHERE id = ?1")
                .setParameter(1, UUID.fromString(page)).setParameter(2, word).getSingleResult();
    }

    private List<String> titles(UUID project, String slug, String q, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> search.ranked(project, slug, q, kind, 5).stream().map(SearchHit::title).toList());
    }
}
