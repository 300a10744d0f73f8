package dev.specboard.wizard;

import dev.specboard.project.Membership;
import dev.specboard.project.Project;
import dev.specboard.project.ProjectForm;
import dev.specboard.project.InviteRow;
import dev.specboard.project.RepoForm;
import dev.specboard.project.SummaryForm;
import dev.specboard.project.VisionForm;
import dev.specboard.kernel.Role;
import dev.specboard.account.Account;
import dev.specboard.support.TestData;
import dev.specboard.web.ValidationException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SetupWizardServiceTest {

    @Inject
    SetupWizardService wizard;

    @Inject
    TestData data;

    private ProjectForm basics(String name) {
        return new ProjectForm(name, "", "api", "Quarkus", "About " + name);
    }

    @Test
    void basicsCreateTheProjectWithTheCreatorAsOwner() {
        Account me = data.account("wiz");
        String name = TestData.unique("Atlas");
        WizardRun run = wizard.submitBasics(me.id, basics(name));
        assertEquals("vision", run.currentPhase);
        Project p = project(run.projectId);
        assertEquals(name, p.name);
        assertEquals(name.toLowerCase(), p.slug);
        assertFalse(p.setupComplete);
        assertEquals(Role.OWNER, fresh(() -> Membership.find(p, me.id).orElseThrow().role));
        assertEquals(WizardRun.PROJECT_SETUP, run.wizardType);
    }

    /** Accented letters are kept as their plain letters in the slug: "Demo Ünï" made "demo-n". */
    @Test
    void aSlugMadeFromANameKeepsItsAccentedLettersAsPlainOnes() {
        Account me = data.account("wiz");
        String tail = TestData.unique("x").toLowerCase(java.util.Locale.ROOT);
        WizardRun run = wizard.submitBasics(me.id, basics("Démo Ünï Straße " + tail));
        assertEquals("demo-uni-strasse-" + tail, project(run.projectId).slug);
    }

    @Test
    void aLaterSessionResumesAtTheSameStepWithTheSameAnswers() {
        Account me = data.account("resume");
        wizard.submitBasics(me.id, basics(TestData.unique("Resume")));
        wizard.submitVision(me.id, new VisionForm("Calm planning", "minimal", "Notion, Linear", "📋", "#1f5fbf"));
        // Nothing is held per session: a fresh lookup (as after logout and login) finds the same run.
        WizardRun again = wizard.current(me.id).orElseThrow();
        assertEquals(SetupStep.REPOSITORY, SetupStep.of(again));
        assertEquals("Calm planning", again.answer(SetupStep.VISION, "visionStatement"));
        assertEquals(List.of("Notion", "Linear"), again.answersFor(SetupStep.VISION).get("referenceApps"));
        assertEquals(List.of("basics", "vision", "repository"), again.phaseHistory.stream().map(h -> h.get("phase")).toList());
        Project p = project(again.projectId);
        assertEquals(List.of("Notion", "Linear"), p.referenceApps);
        assertEquals("minimal", p.targetFeeling);
    }

    @Test
    void invalidBasicsCreateNeitherProjectNorRun() {
        Account me = data.account("bad");
        ValidationException e = assertThrows(ValidationException.class,
                () -> wizard.submitBasics(me.id, new ProjectForm("", "Bad Slug", "desktop", "", "")));
        assertTrue(e.errors().has("name"));
        assertTrue(e.errors().has("slug"));
        assertTrue(e.errors().has("type"));
        assertTrue(wizard.current(me.id).isEmpty());
    }

    @Test
    void invalidStepsAreRefusedWithNamedFields() {
        Account me = data.account("steps");
        wizard.submitBasics(me.id, basics(TestData.unique("Steps")));
        ValidationException vision = assertThrows(ValidationException.class,
                () -> wizard.submitVision(me.id, new VisionForm("", "grumpy", "", "", "blue")));
        assertTrue(vision.errors().has("targetFeeling"));
        assertTrue(vision.errors().has("color"));
        ValidationException repo = assertThrows(ValidationException.class,
                () -> wizard.submitRepository(me.id, new RepoForm("ftp://example.com/app", "bad..branch")));
        assertTrue(repo.errors().has("repoUrl"));
        assertTrue(repo.errors().has("defaultBranch"));
        assertEquals("vision", wizard.current(me.id).orElseThrow().currentPhase);
    }

    /** The step names every problem at once, the server's rule for fetchable URLs (no internal hosts) among them. */
    @Test
    void anInternalHostAndABadBranchAreNamedTogether() {
        Account me = data.account("internal");
        wizard.submitBasics(me.id, basics(TestData.unique("Internal")));
        wizard.visit(me.id, SetupStep.REPOSITORY);
        ValidationException e = assertThrows(ValidationException.class,
                () -> wizard.submitRepository(me.id, new RepoForm("https://127.0.0.1/team/app.git", "bad..branch")));
        assertTrue(e.errors().get("repoUrl").contains("loopback, private, link-local or multicast"), e.errors().get("repoUrl"));
        assertTrue(e.errors().has("defaultBranch"));
        assertNull(project(wizard.current(me.id).orElseThrow().projectId).repoUrl, "nothing was recorded");
    }

    @Test
    void acceptedRepositoryLocations() throws Exception {
        Account me = data.account("repo");
        wizard.submitBasics(me.id, basics(TestData.unique("Repo")));
        // A local path must hold a git repository (see RepoUrls); remote URLs are not contacted when entered.
        java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("wizard-local");
        try {
            java.nio.file.Path app = tmp.resolve("app");
            org.eclipse.jgit.api.Git.init().setDirectory(app.toFile()).call().close();
            for (String url : List.of("https://example.com/team/app.git", "ssh://git@example.com/team/app.git",
                    "git@example.com:team/app.git", "file://" + app, app.toString())) {
                wizard.visit(me.id, SetupStep.REPOSITORY);
                WizardRun run = wizard.submitRepository(me.id, new RepoForm(url, ""));
                Project p = project(run.projectId);
                assertEquals(url, p.repoUrl);
                assertEquals("app", p.repoName);
                assertEquals("main", p.repoDefaultBranch);
            }
        } finally {
            org.eclipse.jgit.util.FileUtils.delete(tmp.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE | org.eclipse.jgit.util.FileUtils.IGNORE_ERRORS);
        }
    }

    @Test
    void finishingInvitesMembersAndCompletesSetup() {
        Account me = data.account("fin");
        Account lead = data.account("lead");
        WizardRun run = wizard.submitBasics(me.id, basics(TestData.unique("Fin")));
        wizard.skip(me.id, SetupStep.VISION);
        wizard.skip(me.id, SetupStep.REPOSITORY);
        wizard.submitSummary(me.id, new SummaryForm("# Summary\n\nWe build **things**.", ""));
        Project p = wizard.finish(me.id, List.of(new InviteRow(0, lead.username.toUpperCase(), "lead")), "http://localhost").project();
        assertTrue(p.setupComplete);
        assertEquals(1, p.executiveSummaryVersion);
        assertEquals(Role.LEAD, fresh(() -> Membership.find(p, lead.id).orElseThrow().role));
        WizardRun done = runById(run.id);
        assertEquals(WizardRun.COMPLETED, done.status);
        assertNotNull(done.completedAt);
        assertNotNull(done.durationSeconds);
        assertTrue(wizard.current(me.id).isEmpty());
    }

    @Test
    void unknownInviteesAreNamedAndNobodyIsAdded() {
        Account me = data.account("inv");
        Account known = data.account("known");
        WizardRun run = wizard.submitBasics(me.id, basics(TestData.unique("Inv")));
        ValidationException e = assertThrows(ValidationException.class, () -> wizard.finish(me.id, List.of(
                new InviteRow(0, known.username, "member"), new InviteRow(1, "ghost-person", "member"),
                new InviteRow(2, "nobody@example.test", "viewer")), "http://localhost"));
        assertEquals("No account found for ghost-person: invite them by their email address instead", e.errors().get("who-1"));
        assertFalse(e.errors().has("who-2"), "an email without an account is invited, not refused");
        assertEquals(1, e.errors().list().size(), "one unknown name is one problem in the summary, not two");
        assertFalse(e.errors().has("who-0"));
        assertEquals(1, members(run.projectId));
        assertTrue(wizard.current(me.id).isPresent());
    }

    @Test
    void anEmailWithoutAnAccountIsInvitedWhenTheWizardFinishes() {
        Account me = data.account("inv");
        Account known = data.account("known");
        WizardRun run = wizard.submitBasics(me.id, basics(TestData.unique("Inv")));
        String email = TestData.unique("nobody") + "@example.test";
        SetupWizardService.Finished done = wizard.finish(me.id, List.of(new InviteRow(0, known.username, "member"),
                new InviteRow(1, email, "viewer")), "http://localhost");
        assertEquals(List.of(email), done.invited());
        assertEquals(2, members(run.projectId));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() ->
                dev.specboard.project.Invitation.count("projectId = ?1 and email = ?2", run.projectId, email)));
    }

    /** An address is no proof of who holds it: the account that has it gets nothing but the same invitation link. */
    @Test
    void theEmailOfAnAccountIsInvitedNotAdded() {
        Account me = data.account("inv");
        Account known = data.account("known");
        WizardRun run = wizard.submitBasics(me.id, basics(TestData.unique("Inv")));
        SetupWizardService.Finished done = wizard.finish(me.id, List.of(new InviteRow(0, known.email, "lead")), "http://localhost");
        assertEquals(List.of(known.email), done.invited());
        assertEquals(1, members(run.projectId));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() ->
                dev.specboard.project.Invitation.count("projectId = ?1 and email = ?2", run.projectId, known.email)));
    }

    @Test
    void basicsCannotBeSkippedAndSkippingInviteFinishes() {
        Account me = data.account("skip");
        assertThrows(ValidationException.class, () -> wizard.skip(me.id, SetupStep.BASICS));
        wizard.submitBasics(me.id, basics(TestData.unique("Skip")));
        assertTrue(wizard.skip(me.id, SetupStep.VISION).isEmpty());
        Project p = wizard.skip(me.id, SetupStep.INVITE).orElseThrow();
        assertTrue(p.setupComplete);
    }

    @Test
    void abandoningLeavesTheProjectAndStartsFresh() {
        Account me = data.account("aband");
        WizardRun run = wizard.submitBasics(me.id, basics(TestData.unique("Old")));
        wizard.abandon(me.id);
        assertTrue(wizard.current(me.id).isEmpty());
        assertEquals(WizardRun.ABANDONED, runById(run.id).status);
        assertNotNull(project(run.projectId));
        WizardRun next = wizard.submitBasics(me.id, basics(TestData.unique("New")));
        assertFalse(next.id.equals(run.id));
    }

    private static <T> T fresh(java.util.concurrent.Callable<T> read) {
        return QuarkusTransaction.requiringNew().call(read);
    }

    private static Project project(java.util.UUID id) {
        return fresh(() -> Project.findById(id));
    }

    private static WizardRun runById(java.util.UUID id) {
        return fresh(() -> WizardRun.findById(id));
    }

    private static long members(java.util.UUID projectId) {
        return fresh(() -> Membership.count("project.id", projectId));
    }
}
