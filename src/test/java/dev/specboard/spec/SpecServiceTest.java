package dev.specboard.spec;

import dev.specboard.project.Access;
import dev.specboard.kernel.Role;
import dev.specboard.support.TestData;
import dev.specboard.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SpecServiceTest {

    @Inject
    TestData data;

    @Inject
    SpecService specs;

    @Inject
    TaskClaims claims;

    @Inject
    EntityManager em;

    static SpecInput hierarchical(Integer story, String title, int phases) {
        List<SpecContent.Phase> list = new ArrayList<>();
        for (int i = 1; i <= phases; i++) {
            list.add(new SpecContent.Phase(null, "phase-" + i, "Phase " + i, BigDecimal.ONE, "Content " + i, List.of()));
        }
        return new SpecInput(story, title, TechnicalSpec.TYPE_HIERARCHICAL, null, new SpecContent("o", null, null, list), List.of());
    }

    private long count(String sql, Object projectId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, projectId).getSingleResult()).longValue());
    }

    @Test
    void atomicCreationRollsBackFullyWhenAPhaseFailsInTheDatabase() {
        TestData.Team t = data.team();
        data.stories(t, 2);
        Access lead = new Access(t.project(), Role.LEAD, t.lead().id);
        specs.create(lead, hierarchical(1, "First", 1));
        // Occupy the branch name the second phase of SPEC-2 will want: the unique constraint refuses it mid-way.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE implementation_tasks SET branch_name = 'roadmap-implementation_task-TASK-2-2' WHERE project_id = ?1")
                .setParameter(1, t.project().id).executeUpdate());
        ApiException e = assertThrows(ApiException.class, () -> specs.create(lead, hierarchical(2, "Second", 3)));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains("nothing was saved"), e.getMessage());
        assertEquals(1, count("SELECT count(*) FROM technical_specs WHERE project_id = ?1", t.project().id));
        assertEquals(1, count("SELECT count(*) FROM implementation_tasks WHERE project_id = ?1", t.project().id));
        assertEquals(1, count("SELECT count(*) FROM spec_revisions r JOIN technical_specs s ON s.id = r.spec_id WHERE s.project_id = ?1",
                t.project().id));
        assertEquals(1, count("SELECT count(*) FROM task_events e JOIN implementation_tasks k ON k.id = e.task_id WHERE k.project_id = ?1",
                t.project().id));
    }

    @Test
    void duplicatePhaseNamesSaveNothing() {
        TestData.Team t = data.team();
        Access member = new Access(t.project(), Role.MEMBER, t.member().id);
        SpecContent dup = new SpecContent("o", null, null, List.of(
                new SpecContent.Phase(null, "same", null, null, null, null), new SpecContent.Phase(null, "same", null, null, null, null)));
        assertThrows(ApiException.class, () -> specs.create(member,
                new SpecInput(null, "Dup", TechnicalSpec.TYPE_HIERARCHICAL, null, dup, List.of())));
        assertEquals(0, count("SELECT count(*) FROM technical_specs WHERE project_id = ?1", t.project().id));
    }

    @Test
    void thirtyTwoAgentsClaimTwoHundredTasksEachExactlyOnce() throws Exception {
        TestData.Team t = data.team();
        data.stories(t, 4);
        Access lead = new Access(t.project(), Role.LEAD, t.lead().id);
        for (int s = 1; s <= 4; s++) {
            specs.create(lead, hierarchical(s, "Spec " + s, 50));
        }
        Access member = new Access(t.project(), Role.MEMBER, t.member().id);
        ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> agents = new ArrayList<>();
        for (int a = 0; a < 32; a++) {
            agents.add(pool.submit(() -> {
                start.await();
                int mine = 0;
                while (true) {
                    var next = claims.claimNext(member, new TaskService.Actor(t.member().id, TaskEvent.VIA_TOKEN));
                    if (next.isEmpty()) {
                        return mine;
                    }
                    claimed.add(next.get().taskKey());
                    mine++;
                }
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : agents) {
            total += f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Set<String> unique = new HashSet<>(claimed);
        assertEquals(200, total);
        assertEquals(200, unique.size());
        assertEquals(200, count("SELECT count(*) FROM implementation_tasks WHERE project_id = ?1 AND status = 'claimed'", t.project().id));
        assertEquals(200, count("""
                SELECT count(*) FROM task_events e JOIN implementation_tasks k ON k.id = e.task_id
                WHERE k.project_id = ?1 AND e.to_status = 'claimed'""", t.project().id));
        assertEquals(4, count("SELECT count(*) FROM technical_specs WHERE project_id = ?1 AND status = 'in_progress'", t.project().id));
    }
}
