package dev.specboard.preview;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Revoking one preview several times at once: exactly one request revokes it, the others are told it already was (409). */
@QuarkusTest
class PreviewConcurrentRevokeTest {

    static final int PARALLEL = 3;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void parallelRevokesOfOnePreviewLetExactlyOneThrough() throws Exception {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            tokens.add(fx.token(t.lead()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            for (int round = 0; round < 4; round++) {
                String id = PreviewLifecycleTest.createPreview(t, "", 2);
                String url = "/api/v1/projects/" + t.slug() + "/previews/" + id + "/revoke";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (String token : tokens) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return io.restassured.RestAssured.given().header("Authorization", "Bearer " + token)
                                .contentType("application/json").post(url);
                    }));
                }
                start.countDown();
                List<Integer> codes = new ArrayList<>();
                for (Future<Response> f : answers) {
                    Response r = f.get(60, TimeUnit.SECONDS);
                    codes.add(r.statusCode());
                    if (r.statusCode() == 409) {
                        assertEquals("This preview was already revoked; its link no longer opens.", r.jsonPath().getString("error"));
                    }
                }
                assertEquals(1, codes.stream().filter(c -> c == 200).count(), "round " + round + ": " + codes);
                assertEquals(PARALLEL - 1, codes.stream().filter(c -> c == 409).count(), "round " + round + ": " + codes);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
