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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
