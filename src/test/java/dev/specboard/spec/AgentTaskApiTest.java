package dev.specboard.spec;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent at work on tasks: leases and heartbeats, release and retry, notes, priorities, overlaps, the commit check. */
@QuarkusTest
class AgentTaskApiTest {

    static final String FAKE_SHA = "0123456789abcdef0123456789abcdef01234567";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    TaskLeases leases;

    @Inject
    EntityManager em;

    @Inject
    RepoTestSupport repos;

    private static String base(TestData.Team t) {
        return "/api/v1/projects/" + t.slug();
    }

    private static Map<String, Object> phase(String name, String... files) {
        return Map.of("name", name, "description", "Build " + name, "hours", 1, "content", "Do " + name, "assignedFiles", List.of(files));
    }

    private void spec(TestData.Team t, Integer story, String title, List<Map<String, Object>> phases) {
        Map<String, Object> body = new HashMap<>();
        if (story != null) {
            data.stories(t, story);
            body.put("storyNumber", story);
        }
        body.put("title", title);
        body.put("specType", "hierarchical");
        body.put("overview", "Overview");
        body.put("phases", phases);
        fx.api(t.member()).body(body).post(base(t) + "/specs").then().statusCode(201);
    }

    @Test
    void claimCarriesALeaseThatOnlyTheClaimerExtends() {
        TestData.Team t = data.team();
        spec(t, 1, "S", List.of(phase("one", "a.java")));
        Instant before = Instant.now();
        String lease = fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200)
                .body("leaseExpiresAt", notNullValue()).extract().path("leaseExpiresAt");
        Instant expires = Instant.parse(lease);
        assertTrue(expires.isAfter(before.plus(Duration.ofMinutes(29))) && expires.isBefore(Instant.now().plus(Duration.ofMinutes(31))),
                "default lease is 30 minutes: " + expires);
        setLease("TASK-1-1", t, Instant.now().plus(Duration.ofMinutes(1)));
        String renewed = fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/heartbeat").then().statusCode(200)
                .extract().path("leaseExpiresAt");
        assertTrue(Instant.parse(renewed).isAfter(Instant.now().plus(Duration.ofMinutes(29))));
        fx.api(t.lead()).post(base(t) + "/tasks/TASK-1-1/heartbeat").then().statusCode(409)
                .body("error", containsString("only its claimer"));
        fx.api(t.viewer()).post(base(t) + "/tasks/TASK-1-1/heartbeat").then().statusCode(403);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/start").then().statusCode(200);
        fx.api(t.member()).body(Map.of("commitSha", FAKE_SHA)).post(base(t) + "/tasks/TASK-1-1/complete").then().statusCode(200)
                .body("leaseExpiresAt", nullValue());
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/heartbeat").then().statusCode(409).body("error", containsString("completed"));
    }

    @Test
    void aTaskWhoseLeaseRanOutIsPendingAgainAndItsClaimerIsTold() {
        TestData.Team t = data.team();
        spec(t, 1, "S", List.of(phase("one", "a.java"), phase("two", "b.java")));
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-2/claim").then().statusCode(200);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-2/start").then().statusCode(200);
        setLease("TASK-1-1", t, Instant.now().minusSeconds(5));
        setLease("TASK-1-2", t, Instant.now().minusSeconds(5));

        // The scheduled sweep may get there first; either way both tasks are swept exactly once. This sweep skips a row the
        // scheduled one holds, so it sweeps until both are pending: read at once, a task the scheduled sweep had not
        // committed yet still looked claimed.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            leases.expireLeases(100);
            Number held = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                            "SELECT count(*) FROM implementation_tasks WHERE project_id = ?1 AND status <> 'pending'")
                    .setParameter(1, t.project().id).getSingleResult());
            if (held.intValue() == 0) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, held + " tasks still held");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        for (String key : List.of("TASK-1-1", "TASK-1-2")) {
            fx.api(t.viewer()).get(base(t) + "/tasks/" + key).then().statusCode(200)
                    .body("task.status", equalTo("pending"))
                    .body("task.claimedBy", nullValue())
                    .body("task.leaseExpiresAt", nullValue())
                    .body("events.via", hasItem("system"))
                    .body("events.note", hasItem(containsString("Lease expired: " + t.member().username)))
                    .body("events.findAll { it.from != null && it.via == 'system' }", hasSize(1));
        }
        fx.api(t.member()).get("/api/v1/notifications").then().statusCode(200)
                .body("findAll { it.type == 'task_lease_expired' }.payload.message", hasItem(startsWith("TASK-1-1 went back to pending")))
                // the project is named beside the message, not in it
                .body("find { it.type == 'task_lease_expired' }.project.slug", equalTo(t.slug()))
                .body("find { it.type == 'task_lease_expired' }.project.name", equalTo(t.project().name));
        // the task can be claimed again by anyone
        fx.api(t.lead()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200).body("claimedBy", equalTo(t.lead().username));
    }

    @Test
    void aCommentOnATaskTellsItsClaimerItsSpecsAuthorAndWhoItMentionsOnce() {
        TestData.Team t = data.team();
        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Talk", List.of(), "one")).post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.owner()).body(Map.of("body", "Could @" + t.reviewer().username + " and @" + t.member().username + " look at the schema?"))
                .post(base(t) + "/tasks/TASK-1-1/notes").then().statusCode(201);
        fx.api(t.reviewer()).get("/api/v1/notifications").then().statusCode(200)
                .body("findAll { it.type == 'mention' }.payload.message", hasItem(t.owner().username + " mentioned you on TASK-1-1"));
        // The claimer was mentioned: one notification, not two.
        fx.api(t.member()).get("/api/v1/notifications").then().statusCode(200)
                .body("findAll { it.payload.link.endsWith('/tasks/TASK-1-1') && it.type != 'task_claimed' }", hasSize(1));
        fx.api(t.lead()).get("/api/v1/notifications").then().statusCode(200)
                .body("findAll { it.type == 'task_comment' }.payload.message", hasItem(t.owner().username + " wrote on TASK-1-1"));
        fx.api(t.owner()).get("/api/v1/notifications").then().statusCode(200)
                .body("findAll { it.type == 'task_comment' || it.type == 'mention' }", hasSize(0));
    }

    @Test
    void releaseGivesAHeldTaskBackAndRetryAFailedOneKeepingItsFailure() {
        TestData.Team t = data.team();
        spec(t, 1, "S", List.of(phase("one", "a.java"), phase("two", "b.java")));
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.reviewer()).post(base(t) + "/tasks/TASK-1-1/release").then().statusCode(403);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/release").then().statusCode(200)
                .body("status", equalTo("pending")).body("claimedBy", nullValue());
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/release").then().statusCode(409)
                .body("error", containsString("only a claimed or started task"));
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.lead()).post(base(t) + "/tasks/TASK-1-1/release").then().statusCode(200).body("status", equalTo("pending"));

        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-2/claim").then().statusCode(200);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-2/retry").then().statusCode(409).body("error", containsString("only a failed task"));
        fx.api(t.member()).body(Map.of("reason", "tests would not compile")).post(base(t) + "/tasks/TASK-1-2/fail").then().statusCode(200);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-2/retry").then().statusCode(200).body("status", equalTo("pending"));
        fx.api(t.viewer()).get(base(t) + "/tasks/TASK-1-2").then().statusCode(200)
                .body("events.to", contains("pending", "claimed", "failed", "pending"))
                .body("events[2].note", equalTo("tests would not compile"))
                .body("events[3].note", containsString("Retry after: tests would not compile"));
    }

    @Test
    void theClaimerRecordsItsWorktreeWhichTheTaskShowsUntilTheClaimEnds() throws InterruptedException {
        TestData.Team t = data.team();
        spec(t, 1, "S", List.of(phase("one", "a.java"), phase("two", "b.java")));
        String one = base(t) + "/tasks/TASK-1-1";
        fx.api(t.member()).body(Map.of("worktreePath", "/w")).post(one + "/worktree").then().statusCode(409)
                .body("error", containsString("only its claimer"));
        fx.api(t.member()).post(one + "/claim").then().statusCode(200).body("worktreePath", nullValue());
        fx.api(t.member()).body(Map.of("worktreePath", "  /home/agent/worktrees/TASK-1-1 ")).post(one + "/worktree").then().statusCode(200)
                .body("worktreePath", equalTo("/home/agent/worktrees/TASK-1-1"));
        fx.api(t.viewer()).get(one).then().statusCode(200).body("task.worktreePath", equalTo("/home/agent/worktrees/TASK-1-1"));
        assertEquals("/home/agent/worktrees/TASK-1-1", Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/tasks/TASK-1-1")
                .then().statusCode(200).extract().response()).getElementById("task-worktree").text());
        fx.api(t.lead()).body(Map.of("worktreePath", "/elsewhere")).post(one + "/worktree").then().statusCode(409)
                .body("error", containsString("claimed by " + t.member().username));
        fx.api(t.member()).body(Map.of("worktreePath", "/a\nb")).post(one + "/worktree").then().statusCode(422)
                .body("details.worktreePath", containsString("one line"));
        fx.api(t.member()).body(Map.of("worktreePath", "/x", "branch", "b")).post(one + "/worktree").then().statusCode(422);
        fx.api(t.member()).post(one + "/release").then().statusCode(200).body("worktreePath", nullValue());

        // A lapsed lease ends the claim too.
        String two = base(t) + "/tasks/TASK-1-2";
        fx.api(t.member()).post(two + "/claim").then().statusCode(200);
        fx.api(t.member()).body(Map.of("worktreePath", "/w/2")).post(two + "/worktree").then().statusCode(200);
        setLease("TASK-1-2", t, Instant.now().minusSeconds(5));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!"pending".equals(fx.api(t.viewer()).get(two).then().extract().path("task.status"))) {
            assertTrue(System.nanoTime() < deadline, "TASK-1-2 still held");
            leases.expireLeases(100);
            Thread.sleep(50);
        }
        fx.api(t.viewer()).get(two).then().body("task.worktreePath", nullValue());
    }

    @Test
    void notesAreTheProgressLogReturnedWithTheTaskAndItsContextSanitised() {
        TestData.Team t = data.team();
        spec(t, 1, "S", List.of(phase("one", "a.java")));
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.member()).body(Map.of("body", "Schema **done**<script>alert(1)</script>")).post(base(t) + "/tasks/TASK-1-1/notes")
                .then().statusCode(201).body("author", equalTo(t.member().username)).body("via", equalTo("token"))
                .body("html", containsString("<strong>done</strong>")).body("html", not(containsString("<script")));
        fx.api(t.member()).body(Map.of("body", "Now the API")).post(base(t) + "/tasks/TASK-1-1/notes").then().statusCode(201);
        fx.api(t.member()).body(Map.of("body", "  ")).post(base(t) + "/tasks/TASK-1-1/notes").then().statusCode(422)
                .body("details.body", notNullValue());
        fx.api(t.viewer()).body(Map.of("body", "hi")).post(base(t) + "/tasks/TASK-1-1/notes").then().statusCode(403);
        fx.api(t.viewer()).get(base(t) + "/tasks/TASK-1-1").then().statusCode(200)
                .body("notes.body", contains("Schema **done**<script>alert(1)</script>", "Now the API"));
        fx.api(t.viewer()).get(base(t) + "/tasks/TASK-1-1/context").then().statusCode(200)
                .body("notes", hasSize(2)).body("notes[1].html", containsString("Now the API"));
    }

    @Test
    void claimNextTakesPriorityThenDependedOnSpecsThenAgeAndSaysWhyWhenNothingIsHandedOut() {
        TestData.Team t = data.team();
        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(204).header("Specboard-Reason", "none-pending");
        spec(t, 1, "Old", List.of(phase("one", "old.java")));
        spec(t, 2, "Base", List.of(phase("one", "base.java")));
        spec(t, 3, "Top", List.of(phase("one", "top.java")));
        Map<String, Object> dep = new HashMap<>();
        dep.put("title", "Depends");
        dep.put("specType", "hierarchical");
        dep.put("overview", "o");
        dep.put("phases", List.of(phase("one", "dep.java")));
        dep.put("dependsOn", List.of("SPEC-2"));
        fx.api(t.member()).body(dep).post(base(t) + "/specs").then().statusCode(201).body("key", equalTo("SPEC-4"));
        fx.api(t.member()).body(Map.of("priority", "urgent")).post(base(t) + "/tasks/TASK-3-1/priority").then().statusCode(200)
                .body("priority", equalTo("urgent"));
        fx.api(t.member()).body(Map.of("priority", "soon")).post(base(t) + "/tasks/TASK-3-1/priority").then().statusCode(422)
                .body("details.priority", containsString("urgent"));
        fx.api(t.viewer()).body(Map.of("priority", "low")).post(base(t) + "/tasks/TASK-3-1/priority").then().statusCode(403);

        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(200).body("task.key", equalTo("TASK-3-1"))
                .body("task.priority", equalTo("urgent"));
        // SPEC-4 waits for SPEC-2, so SPEC-2 goes before the older SPEC-1
        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(200).body("task.key", equalTo("TASK-2-1"));
        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(200).body("task.key", equalTo("TASK-1-1"));
        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(204).header("Specboard-Reason", "blocked");
    }

    @Test
    void claimNextNeverHandsOutATaskWhoseFilesOverlapHeldWork() {
        TestData.Team t = data.team();
        spec(t, 1, "S", List.of(phase("one", "shared.java", "a.java"), phase("two", "b.java", "shared.java"), phase("three", "c.java")));
        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(200).body("task.key", equalTo("TASK-1-1"));
        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(200).body("task.key", equalTo("TASK-1-3"));
        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(204).header("Specboard-Reason", "overlapping");
        // Claimed by key, the task claim-next passed over is refused too, naming the file, the task holding it and its claimer:
        // by the API, on the task page and on the board.
        String refusal = "TASK-1-2 shares shared.java with TASK-1-1, claimed by " + t.member().username
                + ": it can be claimed once that work is completed or released.";
        fx.api(t.lead()).post(base(t) + "/tasks/TASK-1-2/claim").then().statusCode(409).body("error", equalTo(refusal))
                .body("details.files", contains("shared.java")).body("details.heldBy.task", contains("TASK-1-1"))
                .body("details.heldBy.claimedBy", contains(t.member().username));
        Web.htmx(Web.as(t.lead()).contentType("application/x-www-form-urlencoded")).formParam("x", "")
                .post("/projects/" + t.slug() + "/tasks/TASK-1-2/claim").then().statusCode(409).body(containsString("shares shared.java with TASK-1-1"));
        Web.htmx(Web.as(t.lead()).contentType("application/x-www-form-urlencoded")).formParam("task", "TASK-1-2")
                .formParam("to", "claimed").post("/projects/" + t.slug() + "/board/move").then().statusCode(409)
                .body(containsString("shares shared.java with TASK-1-1"));
        fx.api(t.viewer()).get(base(t) + "/tasks/TASK-1-2").then().body("task.status", equalTo("pending"));
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/release").then().statusCode(200);
        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(200).body("task.key", equalTo("TASK-1-1"));
    }

    @Test
    void thirtyTwoParallelClaimersNeverShareATaskNorOverlappingFiles() throws Exception {
        TestData.Team t = data.team();
        List<Map<String, Object>> phases = new ArrayList<>();
        // 24 tasks over 8 files: task i touches file i%8 and file (i+1)%8, so at most 4 may be held at once.
        for (int i = 0; i < 24; i++) {
            phases.add(phase("p" + i, "f" + (i % 8) + ".java", "f" + ((i + 1) % 8) + ".java"));
        }
        spec(t, 1, "Many", phases);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            tokens.add(fx.token(t.member()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> won = new ConcurrentLinkedQueue<>();
        List<Future<Integer>> calls = new ArrayList<>();
        for (String token : tokens) {
            calls.add(pool.submit(() -> {
                go.await();
                Response r = io.restassured.RestAssured.given().header("Authorization", "Bearer " + token)
                        .post(base(t) + "/tasks/claim-next");
                if (r.statusCode() == 200) {
                    won.add(r.path("task.key"));
                }
                return r.statusCode();
            }));
        }
        go.countDown();
        for (Future<Integer> f : calls) {
            int status = f.get(120, TimeUnit.SECONDS);
            assertTrue(status == 200 || status == 204, "status " + status);
        }
        pool.shutdown();
        assertEquals(won.size(), new HashSet<>(won).size(), "a task was handed out twice: " + won);
        assertTrue(won.size() >= 2, "some tasks are handed out: " + won);
        List<Object[]> held = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select t.taskKey, t.assignedFilesJson from ImplementationTask t where t.project.id = :p and t.status = :s", Object[].class)
                .setParameter("p", t.project().id).setParameter("s", TaskStatus.CLAIMED).getResultList());
        assertEquals(won.size(), held.size());
        Set<String> files = new HashSet<>();
        for (Object[] row : held) {
            for (String f : SpecContent.parseList((String) row[1])) {
                assertTrue(files.add(f), "two held tasks share " + f + ": " + won);
            }
        }
    }

    @Test
    void completingChecksTheCommitOnceTheRepositoryIsSynced() throws Exception {
        TestData.Team t = data.team();
        spec(t, 1, "S", List.of(phase("one", "a.java"), phase("two", "b.java")));
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/start").then().statusCode(200);
        // nothing synced yet: accepted, and said so
        fx.api(t.member()).body(Map.of("commitSha", FAKE_SHA)).post(base(t) + "/tasks/TASK-1-1/complete").then().statusCode(200)
                .body("status", equalTo("completed")).body("commitCheck", containsString("not checked"));

        try (GitFixture git = GitFixture.create()) {
            git.commit("init", "README.md", "hello");
            git.branch("feature");
            String onBranch = git.commit("work", "b.java", "class B {}");
            git.checkout("main");
            Repo repo = QuarkusTransaction.requiringNew().call(() -> repos.add(t.project(), t.owner(), "app", git.url()));
            assertEquals(SyncStatus.SUCCESS, repos.sync(repo).status);

            fx.api(t.member()).post(base(t) + "/tasks/TASK-1-2/claim").then().statusCode(200);
            fx.api(t.member()).post(base(t) + "/tasks/TASK-1-2/start").then().statusCode(200);
            String unknown = "fedcba9876543210fedcba9876543210fedcba98";
            fx.api(t.member()).body(Map.of("commitSha", unknown)).post(base(t) + "/tasks/TASK-1-2/complete").then().statusCode(422)
                    .body("details.commitSha", containsString("not in the synced repository"));
            fx.api(t.viewer()).get(base(t) + "/tasks/TASK-1-2").then().body("task.status", equalTo("in_progress"));
            fx.api(t.member()).body(Map.of("commitSha", "fedcba9")).post(base(t) + "/tasks/TASK-1-2/complete").then().statusCode(422)
                    .body("details.commitSha", containsString("No commit starting with fedcba9"));
            fx.api(t.member()).body(Map.of("commitSha", "abc")).post(base(t) + "/tasks/TASK-1-2/complete").then().statusCode(422)
                    .body("details.commitSha", containsString("at least the first 4"));
            // git's short form, as agents report it, names the one commit it starts
            fx.api(t.member()).body(Map.of("commitSha", onBranch.substring(0, 7).toUpperCase())).post(base(t) + "/tasks/TASK-1-2/complete")
                    .then().statusCode(200).body("status", equalTo("completed")).body("commitSha", equalTo(onBranch))
                    .body("commitCheck", equalTo("verified"));
        }
    }

    /** A force-push leaves the dropped commits in the mirror as objects until they are pruned; no branch has them, so they do not count. */
    @Test
    void aCommitThatAForcePushDroppedIsNotInTheRepository() throws Exception {
        TestData.Team t = data.team();
        spec(t, 1, "S", List.of(phase("one", "a.java"), phase("two", "b.java")));
        try (GitFixture git = GitFixture.create()) {
            String first = git.commit("init", "README.md", "hello");
            String dropped = git.commit("work", "b.java", "class B {}");
            Repo repo = QuarkusTransaction.requiringNew().call(() -> repos.add(t.project(), t.owner(), "app", git.url()));
            assertEquals(SyncStatus.SUCCESS, repos.sync(repo).status);
            git.resetHard(first);
            git.commit("again", "c.java", "class C {}");
            assertEquals(SyncStatus.SUCCESS, repos.sync(repo).status);
            fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
            fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/start").then().statusCode(200);
            fx.api(t.member()).body(Map.of("commitSha", dropped)).post(base(t) + "/tasks/TASK-1-1/complete").then().statusCode(422)
                    .body("details.commitSha", containsString("not in the synced repository"));
            fx.api(t.member()).body(Map.of("commitSha", dropped.substring(0, 7))).post(base(t) + "/tasks/TASK-1-1/complete").then().statusCode(422)
                    .body("details.commitSha", containsString("No commit starting with"));
            fx.api(t.member()).body(Map.of("commitSha", first)).post(base(t) + "/tasks/TASK-1-1/complete").then().statusCode(200)
                    .body("commitCheck", equalTo("verified"));
        }
    }

    @Test
    void aShortShaIsLookedUpInTheMirrorsOnceLikeAFullOne() throws Exception {
        TestData.Team t = data.team();
        spec(t, 1, "S", List.of(phase("one", "a.java"), phase("two", "b.java")));
        try (GitFixture git = GitFixture.create()) {
            String first = git.commit("init", "README.md", "hello");
            String second = git.commit("work", "b.java", "class B {}");
            Repo repo = QuarkusTransaction.requiringNew().call(() -> repos.add(t.project(), t.owner(), "app", git.url()));
            assertEquals(SyncStatus.SUCCESS, repos.sync(repo).status);
            for (String task : List.of("TASK-1-1", "TASK-1-2")) {
                fx.api(t.member()).post(base(t) + "/tasks/" + task + "/claim").then().statusCode(200);
                fx.api(t.member()).post(base(t) + "/tasks/" + task + "/start").then().statusCode(200);
            }
            // Each look-up in the mirrors first reads which repositories are synced (their latest manifests): resolving the
            // short form and then checking the commit it named read them, and opened the mirrors, twice.
            long full = manifestReads(() -> fx.api(t.member()).body(Map.of("commitSha", first))
                    .post(base(t) + "/tasks/TASK-1-1/complete").then().statusCode(200).body("commitCheck", equalTo("verified")));
            long shortForm = manifestReads(() -> fx.api(t.member()).body(Map.of("commitSha", second.substring(0, 7)))
                    .post(base(t) + "/tasks/TASK-1-2/complete").then().statusCode(200).body("commitSha", equalTo(second))
                    .body("commitCheck", equalTo("verified")));
            assertEquals(full, shortForm, "manifest reads completing with a full SHA vs its short form");
        }
    }

    private static long manifestReads(Runnable action) {
        return SqlCounter.statements(action).stream().filter(sql -> sql.contains("project_manifests")).count();
    }

    private void setLease(String key, TestData.Team t, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE implementation_tasks SET lease_expires_at = ?1 WHERE project_id = ?2 AND task_id = ?3")
                .setParameter(1, at).setParameter(2, t.project().id).setParameter(3, key).executeUpdate());
    }
}
