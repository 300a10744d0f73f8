package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.SessionFactory;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page of a long thinking chain reads only that page: the API's and MCP's {@code ?page}, and the thinking page. Thirty
 * viewers paging a chain of 5,000 thoughts at once used to read the whole chain each, and the JVM ran out of heap.
 */
@QuarkusTest
class ThinkingChainPagingTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    ThoughtChain chain;

    @Inject
    SessionFactory sessions;

    @Inject
    EntityManager em;

    @Test
    void aPageOfAChainOfOver1000ThoughtsReadsOnlyThatPageInTheStatementsOfAShortChain() {
        TestData.Team few = data.team();
        List<UUID> fewIds = seed(few, 60);
        TestData.Team many = data.team();
        List<UUID> ids = seed(many, 1_200);
        String json = ApiPaths.project(many.slug(), "/thinking");

        long before = loads();
        Response second = fx.api(many.viewer()).get(json + "?page=2").then().statusCode(200).extract().response();
        assertTrue(loads() - before <= 50, "the API read " + (loads() - before) + " thoughts for a page of 50");
        assertEquals(ids.subList(50, 100).stream().map(UUID::toString).toList(), second.jsonPath().getList("id"));
        assertEquals("1200", second.header("X-Total-Count"));
        assertTrue(second.header("Link").contains("page=24>; rel=\"last\""), second.header("Link"));
        assertEquals(List.of(), fx.api(many.viewer()).get(json + "?page=25").then().statusCode(200).extract().path("id"));
        assertEquals(ids.subList(1_150, 1_200).stream().map(UUID::toString).toList(),
                fx.api(many.viewer()).get(json + "?page=24").then().statusCode(200).extract().path("id"));
        assertEquals(List.of(ids.get(3).toString()), fx.api(many.viewer()).get(json + "?status=confirmed&page=1").then().statusCode(200)
                .header("X-Total-Count", "1").extract().path("id"));

        // The page: its 50 cards, a link to a thought depended on two pages back, and a redirect's page found by the database.
        before = loads();
        Document third = Web.html(Web.as(many.viewer()).get("/projects/" + many.slug() + "/thinking?page=3"));
        assertTrue(loads() - before <= 51, "the page read " + (loads() - before) + " thoughts for a page of 50 and one linked");
        assertEquals(50, third.select("[id^=thought-]").stream().filter(e -> e.id().matches("thought-[0-9a-f-]{36}")).count());
        assertEquals(1, third.select("a[href=/projects/" + many.slug() + "/thinking?page=1#thought-" + ids.get(0) + "]").size(),
                third.select("a[href*=#thought-" + ids.get(0) + "]").toString());
        assertEquals(21, chain.pageOf(many.project().id, ids.get(1_000)));
        assertEquals(1, chain.pageOf(many.project().id, UUID.randomUUID()));

        String fewJson = ApiPaths.project(few.slug(), "/thinking");
        assertEquals(SqlCounter.count(() -> fx.api(few.viewer()).get(fewJson + "?page=2").then().statusCode(200)),
                SqlCounter.count(() -> fx.api(many.viewer()).get(json + "?page=2").then().statusCode(200)), "the API's page");
        assertEquals(SqlCounter.count(() -> Web.as(few.viewer()).get("/projects/" + few.slug() + "/thinking?page=2").then().statusCode(200)),
                SqlCounter.count(() -> Web.as(many.viewer()).get("/projects/" + many.slug() + "/thinking?page=2").then().statusCode(200)),
                "the thinking page");
        assertEquals(60, fewIds.size());
    }

    /**
     * The whole chain (no {@code ?page}) is read and written a batch at a time: longer than a batch, it is the same JSON as
     * its pages one after the other (ids, order, links), counted in {@code X-Total-Count}, in one statement more per batch
     * whatever the batch holds; MCP's list_thinking without a page answers the first page, the total and the next page.
     */
    @Test
    void theWholeChainIsItsPagesOneAfterTheOtherReadABatchAtATime() {
        TestData.Team few = data.team();
        seed(few, 60);
        TestData.Team many = data.team();
        int n = ThoughtChain.READ_SIZE * 2 + 120;
        List<UUID> ids = seed(many, n);
        String json = ApiPaths.project(many.slug(), "/thinking");

        Response whole = fx.api(many.viewer()).get(json).then().statusCode(200).extract().response();
        assertEquals(String.valueOf(n), whole.header("X-Total-Count"));
        List<Object> paged = new ArrayList<>();
        for (int page = 1; page <= (n + 49) / 50; page++) {
            paged.addAll(fx.api(many.viewer()).get(json + "?page=" + page).then().statusCode(200).extract().jsonPath().getList("$"));
        }
        assertEquals(paged, whole.jsonPath().getList("$"), "the whole answer is its pages' JSON one after the other");
        assertEquals(ids.stream().map(UUID::toString).toList(), whole.jsonPath().getList("id"));
        assertEquals(List.of(ids.get(0).toString()), whole.jsonPath().getList("dependsOn[105]"));
        assertEquals(List.of(ids.get(3).toString()), fx.api(many.viewer()).get(json + "?status=confirmed").then().statusCode(200)
                .header("X-Total-Count", "1").extract().path("id"));

        String fewJson = ApiPaths.project(few.slug(), "/thinking");
        long batches = (n + ThoughtChain.READ_SIZE - 1) / ThoughtChain.READ_SIZE;
        assertEquals(SqlCounter.count(() -> fx.api(few.viewer()).get(fewJson).then().statusCode(200)) + batches - 1,
                SqlCounter.count(() -> fx.api(many.viewer()).get(json).then().statusCode(200)), "one statement more per batch");

        String token = fx.token(many.viewer());
        Response tool = Mcp.callTool(token, Mcp.initialize(token), "list_thinking", "{\"project\":\"" + many.slug() + "\"}");
        assertEquals(ids.subList(0, 50).stream().map(UUID::toString).toList(), tool.jsonPath().getList("result.structuredContent.items.id"));
        assertEquals(2, (Integer) tool.path("result.structuredContent.nextPage"), tool.asString());
        assertEquals("More rows (" + n + " in all): call again with page 2.", tool.path("result.content[1].text"));
    }

    /**
     * A whole read goes on after the last thought it read, not at a count of rows: a thought deleted between two batches
     * moves no later one out of the read (at an offset, the one after the first batch was skipped), whatever the ties of
     * the chain's order (one time for all, subjects absent and sorted last).
     */
    @Test
    void aThoughtDeletedBetweenTwoBatchesOfAWholeReadSkipsNone() {
        TestData.Team t = data.team();
        List<UUID> seeded = seed(t, 12);
        UUID projectId = t.project().id;
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update ai_thinking_chain set created_at = now() where project_id = ?1").setParameter(1, projectId)
                    .executeUpdate();
            em.createNativeQuery("update ai_thinking_chain set subject_key = null where id in (?1, ?2, ?3, ?4)")
                    .setParameter(1, seeded.get(1)).setParameter(2, seeded.get(6)).setParameter(3, seeded.get(7))
                    .setParameter(4, seeded.get(8)).executeUpdate();
        });
        List<UUID> order = QuarkusTransaction.requiringNew().call(() -> ids(chain.rows(projectId, null, 0, 100)));
        assertEquals(12, order.size());
        assertEquals(java.util.Set.of(seeded.get(1), seeded.get(6), seeded.get(7), seeded.get(8)), java.util.Set.copyOf(order.subList(8, 12)),
                "the thoughts without a subject come last");

        List<UUID> read = QuarkusTransaction.requiringNew().call(() -> {
            Iterator<List<Thought>> batches = chain.batches(projectId, null, 3);
            List<UUID> out = new ArrayList<>(ids(batches.next()));
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from ai_thinking_chain where id = ?1")
                    .setParameter(1, out.get(0)).executeUpdate());
            batches.forEachRemaining(b -> out.addAll(ids(b)));
            return out;
        });
        assertEquals(order, read, "every thought read once, in the chain's order");
        assertEquals(order.subList(1, 12), QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> out = new ArrayList<>();
            chain.batches(projectId, null, 3).forEachRemaining(b -> out.addAll(ids(b)));
            return out;
        }));
    }

    private static List<UUID> ids(List<Thought> thoughts) {
        return thoughts.stream().map(x -> x.id).toList();
    }

    private long loads() {
        return sessions.getStatistics().getEntityStatistics(Thought.class.getName()).getLoadCount();
    }

    /**
     * {@code n} thoughts in the chain's order; the one on page 3 (and page 2 for the statement count) depends on the first,
     * and the fourth is confirmed.
     */
    private static List<UUID> seed(TestData.Team t, int n) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Thought th = new Thought();
                th.projectId = t.project().id;
                th.thoughtType = "observation";
                th.reasoning = "Seen " + i;
                th.subjectKey = "observation:seeded-%05d".formatted(i);
                if (i == 3) {
                    th.status = "confirmed";
                }
                if (i == 55 || i == 105) {
                    th.dependsOn = new ArrayList<>(List.of(ids.get(0)));
                }
                th.persist();
                ids.add(th.id);
            }
            return ids;
        });
    }
}
