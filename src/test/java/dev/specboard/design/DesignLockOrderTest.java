package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.support.LockWaits;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DesignLockOrderTest {

    @Inject
    TestData data;

    @Inject
    PageService pages;

    @Inject
    DesignSystemService designSystems;

    @Inject
    ThoughtService thoughts;

    @Inject
    EntityManager em;

    /**
     * The worker holds the design system's row and then writes a thought (whose foreign key check reads the project
     * row); a page created with a mockup locks the project and then asks the design system for a recompute. With
     * the project locked FOR UPDATE, each waited for the other and PostgreSQL aborted one of them.
     */
    @Test
    void aPageCreatedWithAMockupWhileTheWorkerRecomputesDoesNotDeadlock() throws Exception {
        TestData.Team t = data.team();
        Access lead = new Access(t.project(), Role.LEAD, t.lead().id);
        // The design system's row exists already, as it does once a project has mockups (its first insert would
        // take the project's key-share lock early and hide the circle).
        QuarkusTransaction.requiringNew().run(() -> designSystems.lock(t.project().id));
        CompletableFuture<Void> workerHasTheRow = new CompletableFuture<>();
        CompletableFuture<Void> pageWaits = new CompletableFuture<>();
        CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            designSystems.lock(t.project().id);
            workerHasTheRow.complete(null);
            pageWaits.join();
            thoughts.recordTokens(t.project().id, new DesignTokens.Tokens(Map.of("primary",
                    new DesignTokens.ColorToken("#123456", 3, List.of("buttons"), List.of("Home"), false, List.of(), null)), null, null, null), Map.of());
        }));
        workerHasTheRow.get(30, TimeUnit.SECONDS);
        CompletableFuture<Page> page = CompletableFuture.supplyAsync(() -> pages.create(lead, new PageForm("Home", "/home", "", "page", "",
                "responsive", "", null, "<main><h1>Home</h1></main>", "h1 { color: #123456 }", "")));
        // The page's transaction now waits for the design system's row, holding its project lock.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (LockWaits.sessionsWaitingForALock() == 0) {
            assertTrue(System.nanoTime() < deadline, "the page creation never waited for the design system's row");
            Thread.sleep(20);
        }
        pageWaits.complete(null);
        worker.get(30, TimeUnit.SECONDS);
        assertEquals("/home", page.get(30, TimeUnit.SECONDS).path);
    }

    /**
     * Renaming a colour rewrites its token thought but took only the design system's lock, not the inference lock the
     * other decisions on thoughts take first: an inference that had read the thought (without a row lock) wrote it back
     * whole at its commit, and the thought named the colour by its old name for good (a decided thought is never
     * refreshed). The rename now waits for the inference and rewrites the thought after it.
     */
    @Test
    void renamingAColourWaitsForARunningInferenceSoItsThoughtKeepsTheNewName() throws Exception {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        UUID projectId = t.project().id;
        Access member = new Access(t.project(), Role.MEMBER, t.member().id);
        UUID token = QuarkusTransaction.requiringNew().call(() -> Thought.bySubject(projectId, "token:#1e293b").orElseThrow().id);
        thoughts.confirm(member, token, null);
        DesignSystemResourceTest.settled(t);

        CompletableFuture<Integer> inferencePid = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> inference = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            // As an inference does: its lock, the project's thoughts read without row locks, then each one's leads_to set
            // (written back whole when it commits).
            InferredEntity.lockInference(projectId);
            // Asked first: a native query flushes what the session changed.
            int pid = backendPid();
            Map<String, Thought> read = Thought.bySubjectKey(projectId);
            read.get(Thought.key("token:#1e293b")).leadsTo = new ArrayList<>(List.of(read.get(Thought.key("token:#dc2626")).id));
            inferencePid.complete(pid);
            release.join();
        }));
        int holder = inferencePid.get(30, TimeUnit.SECONDS);
        CompletableFuture<Integer> renamePid = new CompletableFuture<>();
        CompletableFuture<Void> rename = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            renamePid.complete(backendPid());
            designSystems.name(member, "#1e293b", "navy", null);
        }));
        int renaming = renamePid.get(30, TimeUnit.SECONDS);
        try {
            // The rename's own session must wait for the inference's (a background inference waiting for it proves nothing).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!waitsFor(renaming, holder)) {
                assertFalse(rename.isDone(), "the rename finished while an inference of the project ran");
                assertTrue(System.nanoTime() < deadline, "the rename never waited for the running inference");
                Thread.sleep(20);
            }
        } finally {
            release.complete(null);
        }
        inference.get(30, TimeUnit.SECONDS);
        rename.get(30, TimeUnit.SECONDS);

        Thought after = QuarkusTransaction.requiringNew().call(() -> Thought.<Thought>findById(token));
        assertTrue(after.reasoning.contains("(named navy)"), "the rename is not lost: " + after.reasoning);
    }

    private int backendPid() {
        return ((Number) em.createNativeQuery("select pg_backend_pid()").getSingleResult()).intValue();
    }

    /** Whether the session {@code waiting} waits for a lock that the session {@code holder} holds. */
    private boolean waitsFor(int waiting, int holder) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from pg_stat_activity where pid = ?1 and ?2 = any(pg_blocking_pids(pid))")
                .setParameter(1, waiting).setParameter(2, holder).getSingleResult()).longValue() > 0);
    }
}
