package dev.specboard.project;

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
        run.enter(WizardStep.BASICS);
        run.enter(WizardStep.VISION);
        run.enter(WizardStep.VISION);
        assertEquals("vision", run.currentPhase);
        assertEquals(List.of("basics", "vision"), run.phaseHistory.stream().map(h -> h.get("phase")).toList());
        assertNotNull(run.phaseHistory.get(1).get("at"));
    }

    @Test
    void answersAreKeptPerStep() {
        WizardRun run = new WizardRun();
        run.record(WizardStep.BASICS, Map.of("name", "Atlas"));
        run.record(WizardStep.VISION, Map.of("referenceApps", List.of("Notion")));
        assertEquals("Atlas", run.answer(WizardStep.BASICS, "name"));
        assertTrue(run.answered(WizardStep.VISION));
        assertFalse(run.answered(WizardStep.SUMMARY));
        assertEquals("", run.answer(WizardStep.SUMMARY, "executiveSummary"));
    }

    @Test
    void completingSetsDurationAndRefusesFurtherChanges() {
        WizardRun run = new WizardRun();
        run.enter(WizardStep.BASICS);
        run.complete();
        assertEquals(WizardRun.COMPLETED, run.status);
        assertNotNull(run.completedAt);
        assertTrue(run.durationSeconds >= 0);
        assertThrows(ApiException.class, () -> run.enter(WizardStep.VISION));
        assertThrows(ApiException.class, run::abandon);
    }

    @Test
    void stepsKnowTheirNeighboursAndWhichMayBeSkipped() {
        assertEquals(WizardStep.VISION, WizardStep.BASICS.next().orElseThrow());
        assertTrue(WizardStep.INVITE.isLast());
        assertFalse(WizardStep.BASICS.optional());
        assertTrue(WizardStep.REPOSITORY.optional());
        assertEquals(WizardStep.SUMMARY, WizardStep.parse("summary").orElseThrow());
        assertTrue(WizardStep.parse("nope").isEmpty());
    }

    @Test
    void referenceAppsAreSplitOnCommas() {
        VisionForm f = new VisionForm("", "", " Notion, Linear ,, Notion ", "", "");
        assertEquals(List.of("Notion", "Linear"), f.referenceAppList());
    }

    @Test
    void repositoryNameComesFromTheUrl() {
        assertEquals("app", ProjectService.repoName("https://example.com/team/app.git"));
        assertEquals("app", ProjectService.repoName("git@github.com:team/app.git"));
        assertEquals("app", ProjectService.repoName("/srv/git/app/"));
    }
}
