package dev.specboard.wizard;

import dev.specboard.web.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WizardRunTest {

    @Test
    void enteringAStepRecordsItOnceInThePhaseHistory() {
        WizardRun run = new WizardRun();
        run.enter(SetupStep.BASICS);
        run.enter(SetupStep.VISION);
        run.enter(SetupStep.VISION);
        assertEquals("vision", run.currentPhase);
        assertEquals(List.of("basics", "vision"), run.phaseHistory.stream().map(h -> h.get("phase")).toList());
        assertNotNull(run.phaseHistory.get(1).get("at"));
    }

    @Test
    void answersAreKeptPerStep() {
        WizardRun run = new WizardRun();
        run.record(SetupStep.BASICS, Map.of("name", "Atlas"));
        run.record(SetupStep.VISION, Map.of("referenceApps", List.of("Notion")));
        assertEquals("Atlas", run.answer(SetupStep.BASICS, "name"));
        assertTrue(run.answered(SetupStep.VISION));
        assertFalse(run.answered(SetupStep.SUMMARY));
        assertEquals("", run.answer(SetupStep.SUMMARY, "executiveSummary"));
    }

    @Test
    void completingSetsDurationAndRefusesFurtherChanges() {
        WizardRun run = new WizardRun();
        run.enter(SetupStep.BASICS);
        run.complete();
        assertEquals(WizardRun.COMPLETED, run.status);
        assertNotNull(run.completedAt);
        assertTrue(run.durationSeconds >= 0);
        assertThrows(ApiException.class, () -> run.enter(SetupStep.VISION));
        assertThrows(ApiException.class, run::abandon);
    }

    @Test
    void stepsKnowTheirNeighboursAndWhichMayBeSkipped() {
        assertEquals(SetupStep.VISION, SetupStep.BASICS.next().orElseThrow());
        assertTrue(SetupStep.INVITE.isLast());
        assertFalse(SetupStep.BASICS.optional());
        assertTrue(SetupStep.REPOSITORY.optional());
        assertEquals(SetupStep.SUMMARY, SetupStep.parse("summary").orElseThrow());
        assertTrue(SetupStep.parse("nope").isEmpty());
    }
}
