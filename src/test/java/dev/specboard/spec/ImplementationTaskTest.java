package dev.specboard.spec;

import dev.specboard.account.Account;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task's own rules: only its claimer records its worktree while holding it; only a held task is released, only a failed one retried. */
class ImplementationTaskTest {

    private static ImplementationTask task(TaskStatus status, Account claimer) {
        ImplementationTask t = new ImplementationTask();
        t.taskKey = "TASK-1-1";
        t.status = status;
        t.claimedBy = claimer;
        return t;
    }

    private static Account account(String username) {
        Account a = new Account();
        a.id = UUID.randomUUID();
        a.username = username;
        return a;
    }

    @Test
    void onlyAHeldTaskIsReleased() {
        task(TaskStatus.CLAIMED, account("ada")).checkReleasable();
        task(TaskStatus.IN_PROGRESS, account("ada")).checkReleasable();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> task(TaskStatus.COMPLETED, account("ada")).checkReleasable());
        assertEquals("TASK-1-1 is completed: only a claimed or started task can be released.", refused.getMessage());
    }

    @Test
    void onlyAFailedTaskIsRetriedAndItsRetryNamesTheFailure() {
        ImplementationTask failed = task(TaskStatus.FAILED, null);
        assertEquals("Retry", failed.retryNote());
        failed.failureReason = "flaky build";
        assertEquals("Retry after: flaky build", failed.retryNote());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> task(TaskStatus.PENDING, null).retryNote());
        assertEquals("TASK-1-1 is pending: only a failed task can be retried.", refused.getMessage());
    }

    @Test
    void theClaimerRecordsAndClearsItsWorktreeWhileHoldingTheTask() {
        Account ada = account("ada");
        ImplementationTask t = task(TaskStatus.IN_PROGRESS, ada);
        t.recordWorktree(ada.id, "/home/ada/wt/task-1-1");
        assertEquals("/home/ada/wt/task-1-1", t.worktreePath);
        t.recordWorktree(ada.id, null);
        assertNull(t.worktreePath);
    }

    @Test
    void someoneElseMayNotSayWhereTheClaimerWorks() {
        ImplementationTask t = task(TaskStatus.CLAIMED, account("ada"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> t.recordWorktree(UUID.randomUUID(), "/elsewhere"));
        assertTrue(refused.getMessage().contains("claimed by ada"), refused.getMessage());
        assertNull(t.worktreePath);
    }

    @Test
    void aTaskNobodyHoldsTakesNoWorktree() {
        Account ada = account("ada");
        ImplementationTask t = task(TaskStatus.COMPLETED, ada);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> t.recordWorktree(ada.id, "/home/ada/wt"));
        assertTrue(refused.getMessage().startsWith("TASK-1-1 is completed"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> task(TaskStatus.PENDING, null).recordWorktree(ada.id, "/home/ada/wt"));
    }
}
