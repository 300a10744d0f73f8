package dev.specboard.spec;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskStatusTest {

    @Test
    void transitionTableAllowsExactlyTheseMoves() {
        assertEquals(EnumSet.of(TaskStatus.CLAIMED, TaskStatus.IN_PROGRESS), TaskStatus.PENDING.targets());
        assertEquals(EnumSet.of(TaskStatus.IN_PROGRESS, TaskStatus.PENDING, TaskStatus.FAILED), TaskStatus.CLAIMED.targets());
        assertEquals(EnumSet.of(TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.PENDING), TaskStatus.IN_PROGRESS.targets());
        assertEquals(EnumSet.of(TaskStatus.IN_PROGRESS), TaskStatus.COMPLETED.targets());
        assertEquals(EnumSet.noneOf(TaskStatus.class), TaskStatus.MERGED.targets());
        assertEquals(EnumSet.of(TaskStatus.PENDING), TaskStatus.FAILED.targets());
    }

    @Test
    void eachColumnOffersItselfThenItsMovesInColumnOrder() {
        assertEquals(List.of(TaskStatus.PENDING, TaskStatus.CLAIMED, TaskStatus.IN_PROGRESS), TaskStatus.PENDING.moveChoices());
        assertEquals(List.of(TaskStatus.PENDING, TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED, TaskStatus.FAILED),
                TaskStatus.IN_PROGRESS.moveChoices());
        assertEquals(List.of(TaskStatus.MERGED), TaskStatus.MERGED.moveChoices());
    }

    @Test
    void nobodyMovesATaskToMergedByHand() {
        for (TaskStatus s : TaskStatus.values()) {
            assertFalse(s.canMoveTo(TaskStatus.MERGED), s + " → merged");
        }
        assertTrue(TaskStatus.COMPLETED.refusal(TaskStatus.MERGED).orElseThrow().contains("repository sync"));
    }

    @Test
    void refusalsExplainTheMove() {
        assertEquals("A task cannot move from pending to completed.", TaskStatus.PENDING.refusal(TaskStatus.COMPLETED).orElseThrow());
        assertEquals("The task is already claimed.", TaskStatus.CLAIMED.refusal(TaskStatus.CLAIMED).orElseThrow());
        assertEquals("A task cannot move from claimed to completed: start it first.", TaskStatus.CLAIMED.refusal(TaskStatus.COMPLETED).orElseThrow());
        assertTrue(TaskStatus.CLAIMED.refusal(TaskStatus.IN_PROGRESS).isEmpty());
    }

    @Test
    void statusesParseFromTheirStoredAndUrlSpellings() {
        assertEquals(TaskStatus.IN_PROGRESS, TaskStatus.parse("in_progress").orElseThrow());
        assertEquals(TaskStatus.IN_PROGRESS, TaskStatus.parse("in-progress").orElseThrow());
        assertEquals(TaskStatus.CLAIMED, TaskStatus.parse(" Claimed ").orElseThrow());
        assertTrue(TaskStatus.parse("done").isEmpty());
    }

    @Test
    void completingNeedsAValidShaAndStampsTheTime() {
        ImplementationTask t = new ImplementationTask();
        t.status = TaskStatus.IN_PROGRESS;
        t.commitSha = "abc";
        assertThrows(IllegalStateException.class, () -> t.moveTo(TaskStatus.COMPLETED, null, Instant.now()));
        t.commitSha = "0123456789abcdef0123456789abcdef01234567";
        Instant now = Instant.now();
        t.moveTo(TaskStatus.COMPLETED, null, now);
        assertEquals(TaskStatus.COMPLETED, t.status);
        assertEquals(now, t.completedAt);
    }

    @Test
    void releasingClearsTheClaim() {
        ImplementationTask t = new ImplementationTask();
        t.status = TaskStatus.CLAIMED;
        t.claimedAt = Instant.now();
        t.estimatedHours = BigDecimal.ONE;
        t.moveTo(TaskStatus.PENDING, null, Instant.now());
        assertNull(t.claimedAt);
        assertNull(t.claimedBy);
    }

    @Test
    void taskKeysNormalise() {
        assertEquals("TASK-12-3", ImplementationTask.normalizeKey("task-12-3").orElseThrow());
        assertEquals("TASK-12-3", ImplementationTask.normalizeKey("12-3").orElseThrow());
        assertTrue(ImplementationTask.normalizeKey("TASK-12").isEmpty());
        assertEquals(12, TechnicalSpec.parseKey("spec-12").orElseThrow());
    }
}
