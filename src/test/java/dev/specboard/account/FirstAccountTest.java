package dev.specboard.account;

import dev.specboard.support.LockWaits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first account of an installation becomes site admin. The test needs an installation without accounts, so it has
 * a database of its own.
 */
@QuarkusTest
@TestProfile(FirstAccountTest.OwnDatabase.class)
class FirstAccountTest {

    /** A separate embedded server (and app) for this test only, with no account in it. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("specboard.embedded-postgres.instance", "first-account");
        }
    }

    /**
     * Two sign-ups at once on an empty installation: both would see no account yet and both become admin unless
     * deciding "first" and storing the account happen under one lock. The test holds back every insert into the
     * accounts table (reading it stays possible) until both sign-ups wait, then lets them go.
     */
    @Test
    void twoFirstSignUpsAtOnceMakeOneAdmin() throws Exception {
        assertEquals(0L, count("select count(*) from accounts"), "this test needs an installation without accounts");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            twoSignUpsWhileInsertsWait(pool);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2L, count("select count(*) from accounts"));
        assertEquals(1L, count("select count(*) from accounts where role = 'admin'"), "exactly one first account");
    }

    private static void twoSignUpsWhileInsertsWait(ExecutorService pool) throws Exception {
        CompletableFuture<Void> held = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            Account.getEntityManager().createNativeQuery("lock table accounts in exclusive mode").executeUpdate();
            held.complete(null);
            release.join();
        }), pool);
        held.get(30, TimeUnit.SECONDS);
        List<CompletableFuture<Integer>> signUps;
        try {
            signUps = List.of(signUp("ada", pool), signUp("bob", pool));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (LockWaits.sessionsWaitingForALock() < 2) {
                assertTrue(System.nanoTime() < deadline, "the two sign-ups never both waited");
                Thread.sleep(20);
            }
        } finally {
            release.complete(null);
        }
        holder.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<Integer> s : signUps) {
            assertEquals(201, s.get(60, TimeUnit.SECONDS));
        }
    }

    private static CompletableFuture<Integer> signUp(String name, ExecutorService pool) {
        return CompletableFuture.supplyAsync(() -> RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("email", name + "@example.test", "username", name, "name", name, "password", "a long password"))
                .post("/api/v1/accounts").statusCode(), pool);
    }

    private static long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) Account.getEntityManager().createNativeQuery(sql).getSingleResult()).longValue());
    }
}
