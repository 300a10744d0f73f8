package dev.specboard.api;

import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WorkSessionApiTest {

    @Inject
    TestData data;

    static String base(TestData.Team t) {
        return "/api/v1/projects/" + t.slug() + "/work-sessions";
    }

    @Test
    void sessionMovesFromPendingThroughInProgressToComplete() {
        TestData.Team t = data.team();
        String component = ComponentApiTest.create(t.member(), t, "Orders");
        String id = Api.as(t.member()).body(Map.of("sessionType", "test", "targetType", "component", "targetId", component))
                .post(base(t)).then().statusCode(201)
                .body("status", equalTo("pending")).body("targetName", equalTo("Orders")).extract().path("id");
        Api.as(t.member()).body(Map.of("note", "too early")).post(base(t) + "/" + id + "/complete").then().statusCode(409);
        Api.as(t.lead()).post(base(t) + "/claim-next?type=design").then().statusCode(204);
        Api.as(t.lead()).post(base(t) + "/claim-next?type=test").then().statusCode(200)
                .body("id", equalTo(id)).body("status", equalTo("in_progress")).body("claimedBy", equalTo(t.lead().username))
                .body("claimedAt", notNullValue());
        Api.as(t.lead()).post(base(t) + "/claim-next").then().statusCode(204);
        Api.as(t.member()).post(base(t) + "/" + id + "/claim").then().statusCode(409);
        Api.as(t.member()).body(Map.of("note", "not mine")).post(base(t) + "/" + id + "/complete").then().statusCode(409);
        Api.as(t.lead()).body(Map.of("note", "12 tests pass")).post(base(t) + "/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("complete")).body("resultNote", equalTo("12 tests pass")).body("completedAt", notNullValue());
        Api.as(t.lead()).body(Map.of("reason", "late")).post(base(t) + "/" + id + "/fail").then().statusCode(409);

        Api.as(t.viewer()).get(base(t) + "?status=complete").then().statusCode(200).body("$", hasSize(1));
        Api.as(t.viewer()).get(base(t) + "?status=pending").then().statusCode(200).body("$", hasSize(0));
        Api.as(t.viewer()).get(base(t) + "?type=test").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void failingNeedsAReason() {
        TestData.Team t = data.team();
        String id = Api.as(t.member()).body(Map.of("sessionType", "setup", "targetType", "project"))
                .post(base(t)).then().statusCode(201).body("targetId", equalTo(t.project().id.toString()))
                .body("targetName", equalTo(t.project().name)).extract().path("id");
        Api.as(t.member()).post(base(t) + "/" + id + "/claim").then().statusCode(200).body("status", equalTo("in_progress"));
        Api.as(t.member()).body(Map.of("reason", " ")).post(base(t) + "/" + id + "/fail").then().statusCode(422)
                .body("details.reason", equalTo("Say why it failed"));
        Api.as(t.member()).body(Map.of("reason", "no repository yet")).post(base(t) + "/" + id + "/fail").then().statusCode(200)
                .body("status", equalTo("failed")).body("resultNote", equalTo("no repository yet"));
    }

    @Test
    void completingADesignSessionAttachesANewDesignDocVersion() {
        TestData.Team t = data.team();
        String component = ComponentApiTest.create(t.member(), t, "Billing");
        String docUrl = "/api/v1/projects/" + t.slug() + "/components/" + component + "/design-doc";
        Api.as(t.member()).body(Map.of("content", "# Billing v1")).put(docUrl).then().statusCode(200);
        String id = Api.as(t.member()).body(Map.of("sessionType", "design", "targetType", "component", "targetId", component))
                .post(base(t)).then().statusCode(201).extract().path("id");
        Api.as(t.member()).post(base(t) + "/claim-next").then().statusCode(200).body("id", equalTo(id));
        Api.as(t.member()).body(Map.of("note", "Designed", "designDoc", "# Billing v2\nInvoices.")).post(base(t) + "/" + id + "/complete")
                .then().statusCode(200).body("status", equalTo("complete")).body("resultNote", containsString("Design doc version 2 attached"));
        Api.as(t.viewer()).get(docUrl).then().statusCode(200).body("version", equalTo(2)).body("content", equalTo("# Billing v2\nInvoices."));
    }

    @Test
    void rolesAndTargetsAreChecked() {
        TestData.Team t = data.team();
        Map<String, Object> body = Map.of("sessionType", "setup", "targetType", "project");
        Api.as(t.viewer()).body(body).post(base(t)).then().statusCode(403);
        Api.as(t.reviewer()).body(body).post(base(t)).then().statusCode(403);
        Api.as(t.outsider()).body(body).post(base(t)).then().statusCode(404);
        Api.as(t.outsider()).get(base(t)).then().statusCode(404);
        Api.as(t.viewer()).get(base(t)).then().statusCode(200);
        Api.as(t.viewer()).post(base(t) + "/claim-next").then().statusCode(403);
        String id = Api.as(t.member()).body(body).post(base(t)).then().statusCode(201).extract().path("id");
        Api.as(t.viewer()).post(base(t) + "/" + id + "/claim").then().statusCode(403);
        Api.as(t.viewer()).body(Map.of("note", "x")).post(base(t) + "/" + id + "/complete").then().statusCode(403);
        Api.as(t.viewer()).body(Map.of("reason", "x")).post(base(t) + "/" + id + "/fail").then().statusCode(403);
        Api.as(t.member()).body(Map.of("sessionType", "party", "targetType", "component", "targetId", UUID.randomUUID().toString()))
                .post(base(t)).then().statusCode(422)
                .body("details.sessionType", containsString("Choose one of")).body("details.targetId", equalTo("No such component in this project"));
        Api.as(t.member()).body(Map.of("sessionType", "design", "targetType", "context", "targetId", UUID.randomUUID().toString()))
                .post(base(t)).then().statusCode(422).body("details.targetId", equalTo("No such context in this project"));
        Api.as(t.member()).post(base(t) + "/claim-next?type=party").then().statusCode(422)
                .body("details.type", org.hamcrest.Matchers.startsWith("must be one of design"));
    }

    @Test
    void concurrentClaimNextHandsEverySessionOutExactlyOnce() throws Exception {
        TestData.Team t = data.team();
        for (int i = 0; i < 100; i++) {
            Api.as(t.member()).body(Map.of("sessionType", i % 2 == 0 ? "implementation" : "test", "targetType", "project"))
                    .post(base(t)).then().statusCode(201);
        }
        Api.as(t.lead());
        Api.as(t.owner());
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            var agent = List.of(t.member(), t.lead(), t.owner()).get(k % 3);
            futures.add(pool.submit(() -> {
                go.await();
                List<String> mine = new ArrayList<>();
                while (true) {
                    Response r = Api.as(agent).post(base(t) + "/claim-next");
                    if (r.statusCode() == 204) {
                        return mine;
                    }
                    assertEquals(200, r.statusCode(), r.asString());
                    mine.add(r.path("id"));
                }
            }));
        }
        go.countDown();
        List<String> all = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<String>> f : futures) {
            all.addAll(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(100, all.size());
        assertEquals(100, new HashSet<>(all).size());
        Api.as(t.viewer()).get(base(t) + "?status=in_progress").then().statusCode(200).body("$", hasSize(100));
        assertTrue(futures.size() == threads);
    }
}
