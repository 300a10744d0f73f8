package dev.specboard.spec;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.project.ProjectService;
import dev.specboard.support.TestData;
import dev.specboard.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Archiving and a change in flight: the change lands before the archive answers, or is refused as archived. */
@QuarkusTest
class ArchiveWhileClaimingTest {

    @Inject
    TestData data;

    @Inject
    SpecService specs;

    @Inject
    TaskClaims claims;

    @Inject
    ProjectService projects;

    @Inject
    EntityManager em;

    private static SpecInput spec() {
        SpecContent.Phase phase = new SpecContent.Phase(null, "a", "Build a", BigDecimal.ONE, "Do a", List.of());
        return new SpecInput(null, "S", TechnicalSpec.TYPE_HIERARCHICAL, null, new SpecContent("o", null, null, List.of(phase)), List.of());
    }

    private String status(TestData.Team t) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT status FROM implementation_tasks WHERE project_id = ?1 AND task_id = 'TASK-1-1'")
                .setParameter(1, t.project().id).getSingleResult());
    }

    @Test
    void aClaimWhileTheArchiveIsUncommittedWaitsForItThenIsRefused() throws Exception {
        TestData.Team t = data.team();
        specs.create(new Access(t.project(), Role.LEAD, t.lead().id), spec());
        // The claim's access is resolved before the archive, as a request's is before its transaction.
        Access member = new Access(t.project(), Role.MEMBER, t.member().id);
        CountDownLatch archived = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> archive = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            projects.archive(new Access(t.project(), Role.OWNER, t.owner().id));
            archived.countDown();
            try {
                commit.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertTrue(archived.await(60, TimeUnit.SECONDS));
        Future<?> claim = pool.submit(() -> claims.claim(member, "TASK-1-1", new TaskService.Actor(t.member().id, TaskEvent.VIA_TOKEN)));
        try {
            assertThrows(TimeoutException.class, () -> claim.get(700, TimeUnit.MILLISECONDS), "the claim waits for the archive");
        } finally {
            commit.countDown();
        }
        archive.get(60, TimeUnit.SECONDS);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> claim.get(60, TimeUnit.SECONDS));
        ApiException e = (ApiException) refused.getCause();
        assertEquals(409, e.status());
        assertEquals(Access.ARCHIVED_MESSAGE, e.getMessage());
        assertEquals("pending", status(t));
        pool.shutdown();
    }

    @Test
    void anArchiveWaitsForAClaimInFlightWhichLands() throws Exception {
        TestData.Team t = data.team();
        specs.create(new Access(t.project(), Role.LEAD, t.lead().id), spec());
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> claim = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            claims.claim(new Access(t.project(), Role.MEMBER, t.member().id), "TASK-1-1",
                    new TaskService.Actor(t.member().id, TaskEvent.VIA_TOKEN));
            claimed.countDown();
            try {
                commit.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertTrue(claimed.await(60, TimeUnit.SECONDS));
        Future<Project> archive = pool.submit(() -> projects.archive(new Access(t.project(), Role.OWNER, t.owner().id)));
        try {
            assertThrows(TimeoutException.class, () -> archive.get(700, TimeUnit.MILLISECONDS), "the archive waits for the claim");
        } finally {
            commit.countDown();
        }
        claim.get(60, TimeUnit.SECONDS);
        assertTrue(archive.get(60, TimeUnit.SECONDS).isArchived());
        assertEquals("claimed", status(t));
        pool.shutdown();
    }
}
