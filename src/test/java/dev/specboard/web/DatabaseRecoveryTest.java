package dev.specboard.web;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import dev.specboard.project.Project;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills the embedded PostgreSQL under write load: the app answers 503 with Retry-After meanwhile,
 * its supervisor restarts the server, readiness and writes come back by themselves, and no write
 * that was answered 2xx is lost. The test has a database of its own, so no other test notices.
 */
@QuarkusTest
@TestProfile(DatabaseRecoveryTest.OwnDatabase.class)
class DatabaseRecoveryTest {

    /** A separate embedded server (and app) for this test only. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("specboard.embedded-postgres.instance", "recovery");
        }
    }

    private record Answer(int status, String retryAfter, String title, Instant at) {
    }

    /** What the console shows at WARN and above (after its filter, LogFilter), while the database is down. */
    private static final List<java.util.logging.LogRecord> LOGGED = new CopyOnWriteArrayList<>();
    private static final java.util.logging.Handler LOG = new java.util.logging.Handler() {
        private final LogFilter filter = new LogFilter();

        @Override
        public void publish(java.util.logging.LogRecord r) {
            if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue() && filter.isLoggable(r)) {
                LOGGED.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Inject
    EntityManager em;

    @Inject
    LiveUpdates live;

    @Inject
    RepoTestSupport repos;

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void killedDatabaseIsRestartedAndNoAcknowledgedWriteIsLost() throws Exception {
        assertEquals(System.getProperty("specboard.embedded-postgres.url.TEST.recovery"), url, "not a database of its own");
        assertNotEquals(System.getProperty("specboard.embedded-postgres.url.TEST.default"), url);
        Path dataDir = Path.of(QuarkusTransaction.requiringNew().call(
                () -> (String) em.createNativeQuery("SHOW data_directory").getSingleResult()));
        assertFalse(dataDir.toString().isBlank());

        int writers = 4;
        List<String> slugs = new ArrayList<>();
        List<String> bearer = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Account a = data.account("load");
            Project p = data.project(a);
            slugs.add(p.slug);
            bearer.add("Bearer " + tokens.create(a.id, "load", null, null).value());
        }
        List<Answer> answers = new CopyOnWriteArrayList<>();
        Map<Integer, List<String>> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int w = i;
            acknowledged.put(w, new CopyOnWriteArrayList<>());
            Thread t = new Thread(() -> {
                for (int n = 0; running.get(); n++) {
                    Answer a = createStory(slugs.get(w), bearer.get(w), "load " + w + "-" + n);
                    answers.add(a);
                    if (a.status() / 100 == 2) {
                        acknowledged.get(w).add(a.title());
                    }
                }
            }, "load-" + i);
            threads.add(t);
            t.start();
        }
        try {
            await(Duration.ofSeconds(60), () -> answers.stream().filter(a -> a.status() == 201).count() >= 20, "writes before the kill");
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            java.util.logging.Logger.getLogger("").addHandler(LOG);
            Instant killedAt = Instant.now();
            assertEquals(0, new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor());

            await(Duration.ofSeconds(60), () -> newPostmaster(dataDir, pid), "the supervisor to start the database again");
            await(Duration.ofSeconds(60), () -> ready() == 200, "readiness to come back");
            int before = answers.size();
            // Deadlines of a minute throughout: the machine is loaded by the writers, and a CI machine is slow besides.
            await(Duration.ofSeconds(60), () -> answers.stream().skip(before).filter(a -> a.status() == 201).count() >= 8,
                    "writes to succeed again");
            running.set(false);
            for (Thread t : threads) {
                t.join(30_000);
            }
            java.util.logging.Logger.getLogger("").removeHandler(LOG);
            List<String> shown = LOGGED.stream().filter(r -> r.getThrown() != null && DatabaseOutage.isCause(r.getThrown()))
                    .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
            assertTrue(shown.isEmpty(), "stack traces about the outage in the log: " + shown);
            assertTrue(LOGGED.size() <= 40, "the outage filled the log: " + LOGGED.size() + " lines\n"
                    + String.join("\n", LOGGED.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList()));

            List<Answer> outage = answers.stream().filter(a -> a.status() / 100 != 2).toList();
            assertTrue(outage.stream().allMatch(a -> a.status() == 503),
                    "during the outage every failed write must be 503, got " + outage.stream().map(Answer::status).toList());
            assertTrue(outage.stream().allMatch(a -> "5".equals(a.retryAfter())), "503 without Retry-After: 5");
            assertFalse(outage.isEmpty(), "no write noticed the outage");
            assertTrue(outage.stream().allMatch(a -> !a.at().isBefore(killedAt.minusSeconds(1))), "a write failed before the kill");
        } finally {
            running.set(false);
            java.util.logging.Logger.getLogger("").removeHandler(LOG);
        }

        for (int w = 0; w < writers; w++) {
            Set<String> stored = new HashSet<>(RestAssured.given().header("Authorization", bearer.get(w))
                    .get("/api/v1/projects/" + slugs.get(w) + "/stories").then().statusCode(200).extract().path("title"));
            List<String> lost = acknowledged.get(w).stream().filter(t -> !stored.contains(t)).toList();
            assertTrue(lost.isEmpty(), "acknowledged but lost: " + lost);
        }
        backgroundWorkResumes();
    }

    /** The LISTEN connection of live updates is back, and the sync worker runs syncs again. */
    private void backgroundWorkResumes() {
        UUID project = UUID.randomUUID();
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        Cancellable subscription = live.stream().subscribe().with(received::add);
        try {
            await(Duration.ofSeconds(60), () -> {
                QuarkusTransaction.requiringNew().run(() -> live.publish(LiveEvent.forProject("board", project)));
                sleep(300);
                return received.stream().anyMatch(e -> project.equals(e.projectId()));
            }, "a live event through the re-established LISTEN connection");
        } finally {
            subscription.cancel();
        }
        Account owner = data.account("sync");
        Project p = data.project(owner);
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "a.txt", "a\n");
            Repo repo = repos.add(p, owner, "app", git.url());
            RepoSync sync = repos.awaitLatest(repo);
            assertEquals(SyncStatus.SUCCESS, sync.status, sync.errorMessage);
        }
    }

    private Answer createStory(String slug, String bearer, String title) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "api/v1/projects/" + slug + "/stories"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\",\"description\":\"As a tester I want " + title + "\"}"))
                .build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Retry-After").orElse(null), title, Instant.now());
        } catch (Exception e) {
            return new Answer(-1, null, title + " (" + e + ")", Instant.now());
        }
    }

    private int ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static boolean newPostmaster(Path dataDir, long killed) {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            return pid != killed && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (Exception e) {
            return false;
        }
    }

    private static void await(Duration within, BooleanSupplier condition, String what) {
        Instant until = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("Waited " + within.toSeconds() + " s for " + what);
            }
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
