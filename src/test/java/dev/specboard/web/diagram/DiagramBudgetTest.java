package dev.specboard.web.diagram;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layouts stay within a budget: a graph too large for the layered layout gets the simple one, and one input is laid out once at a time. */
class DiagramBudgetTest {

    /** A journey-sized graph: {@code n} nodes and {@code edges} distinct random edges in any direction (cycles too). */
    static Diagram random(int n, int edges, long seed) {
        Random r = new Random(seed);
        Diagram d = Diagram.of("j", "flow", "Random");
        for (int i = 0; i < n; i++) {
            d.node("n" + i, "#n" + i).text(Diagram.Text.CENTER, 22, "L" + i);
        }
        Set<String> seen = new HashSet<>();
        while (seen.size() < edges) {
            int a = r.nextInt(n);
            int b = r.nextInt(n);
            if (a != b && seen.add(a + ">" + b)) {
                d.edge(new Diagram.Edge("n" + a, "n" + b, null));
            }
        }
        return d;
    }

    @Test
    void theLargestJourneyGetsTheSimpleLayoutWithNoOverlapsAndStraightEdges() {
        Diagram d = random(500, 2000, 3);
        assertTrue(d.simple());
        Map<String, Diagram.Box> boxes = d.layout();
        assertEquals(500, boxes.size());
        List<Diagram.Box> all = new ArrayList<>(boxes.values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertFalse(all.get(i).overlaps(all.get(j)), all.get(i) + " overlaps " + all.get(j));
            }
        }
        DiagramLayout.layout(d).routes().forEach(route -> assertEquals(2, route.size(), "a straight edge"));
    }

    @Test
    void aComponentGraphOfUsualSizeKeepsTheLayeredLayout() {
        assertFalse(DiagramTest.generated(150, 260, 7).simple());
        assertFalse(random(30, 45, 5).simple());
        assertTrue(random(100, 200, 5).simple(), "random edges across many layers cost more than their count");
    }

    @Test
    void requestsForAGraphBeingLaidOutWaitForThatOneComputation() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger turns = new AtomicInteger();
        Diagram.layoutTurns(() -> {
            turns.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return () -> { };
        });
        try {
            long before = DiagramLayout.COMPUTED.get();
            CompletableFuture<DiagramLayout.Result> first = CompletableFuture.supplyAsync(() -> DiagramLayout.layout(random(40, 60, 99)));
            entered.await();
            List<Thread> waiting = new ArrayList<>();
            List<DiagramLayout.Result> others = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 3; i++) {
                Thread th = new Thread(() -> others.add(DiagramLayout.layout(random(40, 60, 99))));
                th.start();
                waiting.add(th);
            }
            for (Thread th : waiting) {
                while (th.getState() != Thread.State.WAITING && th.isAlive()) {
                    Thread.onSpinWait();
                }
            }
            release.countDown();
            DiagramLayout.Result laid = first.get();
            for (Thread th : waiting) {
                th.join();
            }
            assertEquals(1, turns.get(), "one turn taken");
            assertEquals(before + 1, DiagramLayout.COMPUTED.get(), "one computation");
            assertEquals(3, others.size());
            others.forEach(r -> assertSame(laid, r));
        } finally {
            release.countDown();
            Diagram.layoutTurns(() -> () -> { });
        }
    }
}
