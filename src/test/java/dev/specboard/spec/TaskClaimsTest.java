package dev.specboard.spec;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Claims side by side: no task held twice, no two held tasks sharing a file, the WIP limit exact, the claim order kept. */
@QuarkusTest
class TaskClaimsTest {

    @Inject
    TestData data;

    @Inject
    SpecService specs;

    @Inject
    SpecDependencies dependencies;

    @Inject
    TaskClaims claims;

    @Inject
    TaskBoardService boards;

    @Inject
    TaskService tasks;

    @Inject
    SpecApiFixtures fx;

    @Inject
    EntityManager em;

    @Inject
    javax.sql.DataSource dataSource;

    private static SpecContent.Phase phase(String name, String... files) {
        return new SpecContent.Phase(null, name, "Build " + name, BigDecimal.ONE, "Do " + name, List.of(files));
    }

    private static SpecInput spec(String title, List<SpecContent.Phase> phases, String... dependsOn) {
        return new SpecInput(null, title, TechnicalSpec.TYPE_HIERARCHICAL, null, new SpecContent("o", null, null, phases), List.of(dependsOn));
    }

    private static Access member(TestData.Team t) {
        return new Access(t.project(), Role.MEMBER, t.member().id);
    }

    private static Access lead(TestData.Team t) {
        return new Access(t.project(), Role.LEAD, t.lead().id);
    }

    private static TaskService.Actor actor(TestData.Team t) {
        return new TaskService.Actor(t.member().id, TaskEvent.VIA_TOKEN);
    }

    private Optional<String> claimNext(TestData.Team t) {
        return claims.claimNext(member(t), actor(t)).map(TaskClaims.ClaimView::taskKey);
    }

    /**
     * The spec's first claim, committed: it moves the spec to in progress, which the first claim of a spec does under
     * the spec's row lock (a later claim of the spec waits for that one to commit, as before).
     */
    private void startSpec(TestData.Team t, String key) {
        claims.claim(member(t), key, actor(t));
    }

    /** Key → assigned files of the project's tasks in these states. */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> tasks(TestData.Team t, String... statuses) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<String>> out = new HashMap<>();
            List<Object[]> rows = em.createNativeQuery(
                            "SELECT task_id, CAST(assigned_files AS text) FROM implementation_tasks WHERE project_id = ?1 AND status = ANY (CAST(string_to_array(?2, ',') AS text[]))")
                    .setParameter(1, t.project().id).setParameter(2, String.join(",", statuses)).getResultList();
            rows.forEach(r -> out.put((String) r[0], SpecContent.parseList((String) r[1])));
            return out;
        });
    }

    private static boolean share(List<String> a, List<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    @Test
    void agentsClaimingSideBySideNeverHoldATaskTwiceNorTwoTasksSharingAFileAndLeaveNothingClaimable() throws Exception {
        TestData.Team t = data.team();
        // 60 tasks over 12 files, each touching two neighbours, and 20 touching nothing: everything overlaps something.
        List<SpecContent.Phase> phases = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            phases.add(phase("p" + i, "f" + (i % 12) + ".java", "f" + ((i + 1) % 12) + ".java"));
        }
        for (int i = 0; i < 20; i++) {
            phases.add(phase("free" + i));
        }
        specs.create(lead(t), spec("Many", phases));
        ConcurrentLinkedQueue<String> won = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> agents = new ArrayList<>();
        for (int a = 0; a < 16; a++) {
            agents.add(pool.submit(() -> {
                go.await();
                for (Optional<String> next = claimNext(t); next.isPresent(); next = claimNext(t)) {
                    won.add(next.get());
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : agents) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(won.size(), new HashSet<>(won).size(), "a task was handed out twice: " + won);
        // Two claimers may each pass over a task the other was looking at in the same instant (each answered "nothing
        // ready now"); one agent alone then takes what is left.
        for (Optional<String> next = claimNext(t); next.isPresent(); next = claimNext(t)) {
            assertFalse(won.contains(next.get()), next.get() + " was handed out twice");
            won.add(next.get());
        }
        Map<String, List<String>> held = tasks(t, "claimed");
        assertEquals(new HashSet<>(won), held.keySet());
        List<String> keys = new ArrayList<>(held.keySet());
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                assertFalse(share(held.get(keys.get(i)), held.get(keys.get(j))), keys.get(i) + " and " + keys.get(j) + " share a file");
            }
        }
        // Every task without files was handed out, and each task left shares a file with held work.
        assertTrue(won.containsAll(List.of("TASK-1-61", "TASK-1-80")), "tasks without files: " + won);
        tasks(t, "pending").forEach((key, files) -> assertTrue(held.values().stream().anyMatch(h -> share(h, files)),
                key + " was claimable but left pending"));
        assertEquals(TaskClaims.ALL_OVERLAPPING, claims.whyNothingReady(t.project()));
    }

    /**
     * A task of 12,000 files took an advisory lock per file, ran PostgreSQL out of lock slots and failed with 500; its
     * refusal named all 12,000. Now it takes one lock for the project's files and names a few of those it shares.
     */
    @Test
    void aTaskOfManyFilesIsClaimedOrRefusedWithAFewLocksAndItsRefusalNamesAFewFiles() throws Exception {
        TestData.Team t = data.team();
        String[] few = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "f" + i + ".java").toArray(String[]::new);
        specs.create(lead(t), spec("S", List.of(phase("few", few), phase("many", "x.java"), phase("other", "z.java"), phase("last", "x.java"))));
        String many = java.util.stream.IntStream.range(0, 12_000).mapToObj(i -> "\"f" + i + ".java\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement u = c.prepareStatement(
                "UPDATE implementation_tasks SET assigned_files = CAST(? AS jsonb) WHERE project_id = ? AND task_id IN ('TASK-1-2', 'TASK-1-4')")) {
            u.setString(1, many);
            u.setObject(2, t.project().id);
            assertEquals(2, u.executeUpdate());
        }
        startSpec(t, "TASK-1-1");
        ApiException refused = assertThrows(ApiException.class, () -> claims.claim(member(t), "TASK-1-2", actor(t)));
        assertEquals(409, refused.status());
        assertTrue(refused.getMessage().startsWith("TASK-1-2 shares ") && refused.getMessage().contains(" and 25 more with TASK-1-1, claimed by you"),
                refused.getMessage());
        assertTrue(refused.getMessage().length() < 300, refused.getMessage());
        assertEquals(20, ((List<?>) refused.details().get("files")).size());
        assertEquals(30, refused.details().get("sharedFiles"));
        // Other claims of the project go on; claim-next passes the two large tasks over, as it does any task sharing a file.
        assertEquals(Optional.of("TASK-1-3"), claimNext(t));
        assertEquals(Optional.empty(), claimNext(t));
    }

    @Test
    void claimNextPassesOverATaskSharingAFileWithOneClaimedByKeyThatHasNotCommittedYet() throws Exception {
        TestData.Team t = data.team();
        specs.create(lead(t), spec("S", List.of(phase("a", "shared.java", "a.java"), phase("b", "b.java", "shared.java"),
                phase("c", "c.java"), phase("started", "started.java"))));
        startSpec(t, "TASK-1-4");
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> byKey = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            claims.claim(member(t), "TASK-1-1", actor(t));
            claimed.countDown();
            try {
                commit.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertTrue(claimed.await(60, TimeUnit.SECONDS));
        try {
            // TASK-1-1 is still pending to everyone else, but its files are taken: TASK-1-2 is passed over.
            assertEquals(Optional.of("TASK-1-3"), claimNext(t));
            assertEquals(Optional.empty(), claimNext(t));
        } finally {
            commit.countDown();
        }
        byKey.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertEquals(Optional.empty(), claimNext(t));
        assertEquals(TaskClaims.ALL_OVERLAPPING, claims.whyNothingReady(t.project()));
        assertEquals(Set.of("TASK-1-1", "TASK-1-3", "TASK-1-4"), tasks(t, "claimed").keySet());
    }

    @Test
    void aClaimByKeyWaitsForTheFilesOfAClaimNextThatHasNotCommittedYetThenIsRefused() throws Exception {
        TestData.Team t = data.team();
        specs.create(lead(t), spec("S", List.of(phase("started", "started.java"), phase("a", "shared.java"),
                phase("b", "shared.java", "b.java"))));
        startSpec(t, "TASK-1-1");
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<String> next = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
            String key = claimNext(t).orElseThrow();
            claimed.countDown();
            commit.await(60, TimeUnit.SECONDS);
            return key;
        }));
        assertTrue(claimed.await(60, TimeUnit.SECONDS));
        Future<String> byKey = pool.submit(() -> claims.claim(lead(t), "TASK-1-3", new TaskService.Actor(t.lead().id, TaskEvent.VIA_TOKEN)).taskKey);
        try {
            assertThrows(TimeoutException.class, () -> byKey.get(700, TimeUnit.MILLISECONDS), "the claim by key waits for shared.java");
        } finally {
            commit.countDown();
        }
        assertEquals("TASK-1-2", next.get(60, TimeUnit.SECONDS));
        // Once the other claim committed, the claim by key sees shared.java held and is refused, naming who holds it.
        ExecutionException refused = assertThrows(ExecutionException.class, () -> byKey.get(60, TimeUnit.SECONDS));
        ApiException e = (ApiException) refused.getCause();
        assertEquals(409, e.status());
        assertEquals("TASK-1-3 shares shared.java with TASK-1-2, claimed by " + t.member().username
                + ": it can be claimed once that work is completed or released.", e.getMessage());
        assertEquals(Set.of("TASK-1-1", "TASK-1-2"), tasks(t, "claimed").keySet());
        pool.shutdown();
    }

    @Test
    void parallelClaimsNeverGoPastTheClaimedColumnsLimit() throws Exception {
        TestData.Team t = data.team();
        List<SpecContent.Phase> phases = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            phases.add(phase("p" + i));
        }
        specs.create(lead(t), spec("S", phases));
        boards.setWipLimits(lead(t), Map.of(TaskStatus.CLAIMED, 5));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> agents = new ArrayList<>();
        for (int a = 0; a < 12; a++) {
            int agent = a;
            agents.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < 3; i++) {
                    try {
                        if (agent % 3 == 0) {
                            claims.claim(member(t), "TASK-1-" + (agent * 2 + i + 1), actor(t));
                        } else {
                            claimNext(t);
                        }
                    } catch (dev.specboard.web.ApiException e) {
                        // the column is full (WipLimitExceeded), or claim-next took the named task first
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : agents) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(5, tasks(t, "claimed").size());
        assertThrows(WipLimitExceeded.class, () -> claims.claimNext(member(t), actor(t)));
        // Going past the limit stays possible when the claimer confirms it.
        assertTrue(claims.claimNext(member(t), actor(t).pastWipLimit(true)).isPresent());
        assertEquals(6, tasks(t, "claimed").size());
    }

    @Test
    void theWaiterCountFollowsDependenciesAndClaimNextHandsOutTheSpecsOthersWaitForFirst() {
        TestData.Team t = data.team();
        specs.create(lead(t), spec("Oldest", List.of(phase("one"), phase("two"))));   // SPEC-1
        specs.create(lead(t), spec("Base", List.of(phase("one"))));                     // SPEC-2
        specs.create(lead(t), spec("Core", List.of(phase("one"))));                     // SPEC-3
        specs.create(lead(t), spec("Uses core", List.of(phase("one")), "SPEC-3"));      // SPEC-4
        specs.create(lead(t), spec("Uses both", List.of(phase("one")), "SPEC-2", "SPEC-3")); // SPEC-5
        assertEquals(Map.of("TASK-1-1", 0, "TASK-1-2", 0, "TASK-2-1", 1, "TASK-3-1", 2, "TASK-4-1", 0, "TASK-5-1", 0), waiters(t));

        dependencies.add(member(t), "SPEC-1", "SPEC-2");
        dependencies.remove(member(t), "SPEC-5", "SPEC-3");
        assertEquals(Map.of("TASK-1-1", 0, "TASK-1-2", 0, "TASK-2-1", 2, "TASK-3-1", 1, "TASK-4-1", 0, "TASK-5-1", 0), waiters(t));

        // A spec edit replaces SPEC-4's dependencies and adds a phase to SPEC-2: the new task counts SPEC-2's waiters.
        TechnicalSpec base = QuarkusTransaction.requiringNew().call(() -> TechnicalSpec.findByKey(t.project(), "SPEC-2").orElseThrow());
        specs.update(member(t), "SPEC-2", spec("Base", List.of(phase("one"), phase("two"))), base.version);
        TechnicalSpec uses = QuarkusTransaction.requiringNew().call(() -> TechnicalSpec.findByKey(t.project(), "SPEC-4").orElseThrow());
        specs.update(member(t), "SPEC-4", spec("Uses core", List.of(phase("one")), "SPEC-2"), uses.version);
        assertEquals(Map.of("TASK-1-1", 0, "TASK-1-2", 0, "TASK-2-1", 3, "TASK-2-2", 3, "TASK-3-1", 0, "TASK-4-1", 0,
                "TASK-5-1", 0), waiters(t));

        // SPEC-1, SPEC-4 and SPEC-5 wait for SPEC-2, which nobody else waits for any more than SPEC-3.
        assertEquals(Optional.of("TASK-2-1"), claimNext(t));
        assertEquals(Optional.of("TASK-2-2"), claimNext(t));
        assertEquals(Optional.of("TASK-3-1"), claimNext(t));
        assertEquals(Optional.empty(), claimNext(t));
        assertEquals(TaskClaims.ALL_BLOCKED, claims.whyNothingReady(t.project()));
    }

    @Test
    void priorityComesFirstThenTheSpecsOthersWaitForThenAgeThenPhaseOrder() {
        TestData.Team t = data.team();
        specs.create(lead(t), spec("Old", List.of(phase("one"), phase("two"), phase("three"))));
        specs.create(lead(t), spec("Waited for", List.of(phase("one"), phase("two"))));
        specs.create(lead(t), spec("Waits", List.of(phase("one")), "SPEC-2"));
        String tasks = "/api/v1/projects/" + t.slug() + "/tasks/";
        fx.api(t.member()).body(Map.of("priority", "high")).post(tasks + "TASK-1-3/priority").then().statusCode(200);
        fx.api(t.member()).body(Map.of("priority", "low")).post(tasks + "TASK-2-2/priority").then().statusCode(200);
        assertEquals(Optional.of("TASK-1-3"), claimNext(t));
        assertEquals(Optional.of("TASK-2-1"), claimNext(t));
        assertEquals(Optional.of("TASK-1-1"), claimNext(t));
        assertEquals(Optional.of("TASK-1-2"), claimNext(t));
        assertEquals(Optional.of("TASK-2-2"), claimNext(t));
        assertEquals(Optional.empty(), claimNext(t));
        assertEquals(TaskClaims.ALL_BLOCKED, claims.whyNothingReady(t.project()));
    }

    /**
     * A release decides on the task as it is when its row lock is held: a task that a parallel move (here the lease
     * sweep, as another transaction) gave back after this transaction read it is refused as pending (409), not a
     * failed version check (500).
     */
    @Test
    void aReleaseOfATaskGivenBackSinceThisTransactionReadItIsRefusedAsPending() {
        TestData.Team t = data.team();
        specs.create(lead(t), spec("S", List.of(phase("a", "a.java"))));
        startSpec(t, "TASK-1-1");
        ApiException refused;
        QuarkusTransaction.begin();
        try {
            assertEquals(TaskStatus.CLAIMED, ImplementationTask.byKey(t.project(), "TASK-1-1").status);
            QuarkusTransaction.requiringNew().run(() -> assertEquals(1, em.createNativeQuery("""
                            UPDATE implementation_tasks SET status = 'pending', claimed_by = NULL, claimed_at = NULL,
                                   lease_expires_at = NULL, version = version + 1
                            WHERE project_id = ?1 AND task_id = 'TASK-1-1'""")
                    .setParameter(1, t.project().id).executeUpdate()));
            refused = assertThrows(ApiException.class, () -> tasks.release(lead(t), "TASK-1-1", actor(t)));
        } finally {
            QuarkusTransaction.rollback();
        }
        assertEquals(409, refused.status());
        assertTrue(refused.getMessage().contains("pending"), refused.getMessage());
        assertEquals(Set.of("TASK-1-1"), tasks(t, "pending").keySet());
    }

    /**
     * A board move to claimed that read the task as claimed, while its holder's release committed before the move
     * locked the row: the move finds it pending and is refused, so the claim cannot skip TaskClaims' checks.
     */
    @Test
    void aBoardMoveToClaimedOfATaskReleasedSinceThisTransactionReadItIsRefused() {
        TestData.Team t = data.team();
        specs.create(lead(t), spec("S", List.of(phase("a", "a.java"))));
        startSpec(t, "TASK-1-1");
        ApiException refused;
        QuarkusTransaction.begin();
        try {
            assertEquals(TaskStatus.CLAIMED, ImplementationTask.byKey(t.project(), "TASK-1-1").status);
            QuarkusTransaction.requiringNew().run(() -> tasks.release(member(t), "TASK-1-1", actor(t)));
            refused = assertThrows(ApiException.class, () -> tasks.move(lead(t), "TASK-1-1", TaskStatus.CLAIMED, null, null, null,
                    new TaskService.Actor(t.lead().id, TaskEvent.VIA_WEB)));
        } finally {
            QuarkusTransaction.rollback();
        }
        assertEquals(409, refused.status());
        assertTrue(refused.getMessage().contains("not claimed yet"), refused.getMessage());
        assertEquals(Set.of("TASK-1-1"), tasks(t, "pending").keySet());
    }

    @Test
    void claimNextRunsAsManyStatementsForTenTimesThePendingTasks() {
        long few = claimNextStatements(10);
        long many = claimNextStatements(100);
        assertEquals(few, many, "claim-next statements with 10 and 100 pending tasks");
    }

    private long claimNextStatements(int tasks) {
        TestData.Team t = data.team();
        List<SpecContent.Phase> phases = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            phases.add(phase("p" + i, "f" + i + ".java"));
        }
        specs.create(lead(t), spec("S", phases));
        String token = fx.token(t.member());
        return SqlCounter.count(() -> RestAssured.given().header("Authorization", "Bearer " + token)
                .post("/api/v1/projects/" + t.slug() + "/tasks/claim-next").then().statusCode(200));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Integer> waiters(TestData.Team t) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Integer> out = new HashMap<>();
            List<Object[]> rows = em.createNativeQuery("SELECT task_id, spec_waiters FROM implementation_tasks WHERE project_id = ?1")
                    .setParameter(1, t.project().id).getResultList();
            rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).intValue()));
            return out;
        });
    }
}
