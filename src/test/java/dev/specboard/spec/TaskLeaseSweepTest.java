package dev.specboard.spec;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lease sweep hands lapsed tasks back to pending in the same few statements however many lapsed. */
@QuarkusTest
class TaskLeaseSweepTest {

    @Inject
    TestData data;

    @Inject
    SpecService specs;

    @Inject
    TaskLeases leases;

    @Inject
    EntityManager em;

    @Test
    void aSweepOfTenTimesTheLapsedTasksRunsTheSameStatements() {
        Sweep few = sweep(3);
        Sweep many = sweep(30);
        assertTrue(few.swept() >= 3 && many.swept() >= 30, few.swept() + " and " + many.swept() + " swept");
        assertEquals(few.sql().size(), many.sql().size(), "3 tasks:\n" + String.join("\n", few.sql()) + "\n30 tasks:\n" + String.join("\n", many.sql()));
    }

    @Test
    void lapsedTasksArePendingLoggedTheirSpecIsBackToApprovedAndTheirClaimerIsToldOnce() {
        TestData.Team t = data.team();
        // Leases that ran out on a whole second, a whole millisecond and a microsecond: Instant.toString writes 0, 3 and 6 digits.
        Sweep s = sweep(t, 7, """
                CASE CAST(substring(task_id FROM '[0-9]+$') AS int) % 3 WHEN 0 THEN TIMESTAMPTZ '2026-11-30 08:15:30Z'
                     WHEN 1 THEN TIMESTAMPTZ '2026-11-30 08:15:30.12Z' ELSE TIMESTAMPTZ '2026-11-30 08:15:30.123456Z' END""");
        assertTrue(s.swept() >= 7);
        QuarkusTransaction.requiringNew().run(() -> {
            List<?> held = em.createNativeQuery("SELECT id FROM implementation_tasks WHERE project_id = ?1 AND (status <> 'pending' "
                    + "OR claimed_by IS NOT NULL OR claimed_at IS NOT NULL OR lease_expires_at IS NOT NULL)")
                    .setParameter(1, t.project().id).getResultList();
            assertEquals(List.of(), held, "every task is pending and unclaimed");
            List<?> notes = em.createNativeQuery("""
                            SELECT e.note FROM task_events e JOIN implementation_tasks t ON t.id = e.task_id
                            WHERE t.project_id = ?1 AND e.via = 'system' AND e.from_status = 'claimed' AND e.to_status = 'pending'""")
                    .setParameter(1, t.project().id).getResultList();
            assertEquals(7, notes.size());
            assertEquals(Set.of("Lease expired: " + t.member().username + " sent no heartbeat before 2026-11-30T08:15:30Z",
                    "Lease expired: " + t.member().username + " sent no heartbeat before 2026-11-30T08:15:30.120Z",
                    "Lease expired: " + t.member().username + " sent no heartbeat before 2026-11-30T08:15:30.123456Z"),
                    new HashSet<>(notes), "each note names its lease as Instant.toString writes it: " + notes);
            assertEquals("approved", em.createNativeQuery("SELECT status FROM technical_specs WHERE project_id = ?1")
                    .setParameter(1, t.project().id).getSingleResult());
            List<?> told = em.createNativeQuery("SELECT payload ->> 'message' FROM notifications WHERE user_id = ?1 AND type = 'task_lease_expired'")
                    .setParameter(1, t.member().id).getResultList();
            assertEquals(1, told.size(), "one notification for the claimer, not one per task: " + told);
            // In the order the leases ran out: the whole second (tasks 3 and 6), the millisecond (1, 4, 7), the microsecond (2, 5).
            assertTrue(String.valueOf(told.get(0)).startsWith("TASK-1-3 went back to pending, and so did TASK-1-6, TASK-1-1, TASK-1-4, TASK-1-7 and 2 more"),
                    String.valueOf(told.get(0)));
        });
    }

    private record Sweep(int swept, List<String> sql) {
    }

    private Sweep sweep(int tasks) {
        return sweep(data.team(), tasks);
    }

    /**
     * A spec of this many tasks, all claimed by the member with a lease that ran out, swept in the transaction that
     * let them lapse: the scheduled sweep cannot see them before it commits, so this sweep is the one that finds them.
     */
    private Sweep sweep(TestData.Team t, int tasks) {
        return sweep(t, tasks, "now() - interval '1 minute'");
    }

    private Sweep sweep(TestData.Team t, int tasks, String leaseExpiresAt) {
        List<SpecContent.Phase> phases = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            phases.add(new SpecContent.Phase(null, "p" + i, "Build p" + i, BigDecimal.ONE, "Do p" + i, List.of()));
        }
        specs.create(new Access(t.project(), Role.LEAD, t.lead().id), new SpecInput(null, "S", TechnicalSpec.TYPE_HIERARCHICAL, null,
                new SpecContent("o", null, null, phases), List.of()));
        specs.approve(new Access(t.project(), Role.LEAD, t.lead().id), "SPEC-1", null);
        AtomicInteger swept = new AtomicInteger();
        List<String> sql = QuarkusTransaction.requiringNew().call(() -> {
            // Leases other tests left lapsed are swept first, so that the counted sweep finds only this spec's tasks. In the
            // same transaction, so with the same now(): swept in a transaction of its own, a lease of another test that
            // ran out in between would join the counted sweep (and its claimer's notification add statements).
            leases.expireLeases(1000);
            em.createNativeQuery("""
                            UPDATE implementation_tasks SET status = 'claimed', claimed_by = ?2, claimed_at = now() - interval '1 hour',
                                   lease_expires_at = %s WHERE project_id = ?1""".formatted(leaseExpiresAt))
                    .setParameter(1, t.project().id).setParameter(2, t.member().id).executeUpdate();
            em.createNativeQuery("UPDATE technical_specs SET status = 'in_progress', started_at = now() WHERE project_id = ?1")
                    .setParameter(1, t.project().id).executeUpdate();
            return SqlCounter.statementsHere(() -> swept.set(leases.expireLeases(TaskLeaseSweep.BATCH)));
        });
        return new Sweep(swept.get(), sql);
    }
}
