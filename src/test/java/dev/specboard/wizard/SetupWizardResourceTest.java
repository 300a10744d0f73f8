package dev.specboard.wizard;

import dev.specboard.project.Project;
import dev.specboard.account.Account;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SetupWizardResourceTest {

    @Inject
    TestData data;

    @Inject
    dev.specboard.spec.SpecApiFixtures fx;

    private static RequestSpecification form(Account a) {
        return Web.as(a).contentType("application/x-www-form-urlencoded");
    }

    private static Document page(Account a, String path) {
        Response r = Web.as(a).get(path);
        assertEquals(200, r.statusCode(), path);
        assertEquals("HX-Request", r.getHeader("Vary"));
        return Web.html(r);
    }

    private static String current(Document d) {
        Element step = d.selectFirst("#wizard-steps li[aria-current=step]");
        assertNotNull(step, "a step is marked current");
        return step.id().substring("step-".length());
    }

    private static void basics(Account a, String name) {
        form(a).formParam("name", name).formParam("slug", "").formParam("type", "pwa").formParam("framework", "Quarkus")
                .formParam("description", "A test").post("/projects/new/basics")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/projects/new?step=vision"));
    }

    /**
     * A local folder that holds no git repository was taken by the repository step, and the first sync failed with "not
     * found": the step refuses it (422, the URL kept), and takes a real repository.
     */
    @Test
    void theRepositoryStepRefusesAFolderThatIsNoGitRepository() throws Exception {
        Account a = data.account("plainwiz");
        java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("wizard-plain");
        try {
            java.nio.file.Path plain = java.nio.file.Files.createDirectories(tmp.resolve("plain"));
            basics(a, TestData.unique("PlainWiz"));
            form(a).formParam("visionStatement", "Calm").formParam("targetFeeling", "minimal").formParam("referenceApps", "")
                    .formParam("icon", "").formParam("color", "").post("/projects/new/vision").then().statusCode(303);
            Response refused = form(a).formParam("repoUrl", plain.toString()).formParam("defaultBranch", "trunk")
                    .post("/projects/new/repository");
            assertEquals(422, refused.statusCode());
            Document d = Web.html(refused);
            assertEquals(plain + " is not a git repository: it has no .git folder and is not a bare repository",
                    d.getElementById("e-repoUrl").text());
            assertEquals(plain.toString(), d.getElementById("f-repoUrl").val());
            assertEquals("trunk", d.getElementById("f-defaultBranch").val());
            assertEquals("repository", current(page(a, "/projects/new")), "the step is still to be answered");

            org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(plain.resolve("app.git").toFile()).call().close();
            form(a).formParam("repoUrl", plain.resolve("app.git").toString()).formParam("defaultBranch", "main")
                    .post("/projects/new/repository").then().statusCode(303);
        } finally {
            org.eclipse.jgit.util.FileUtils.delete(tmp.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE | org.eclipse.jgit.util.FileUtils.IGNORE_ERRORS);
        }
    }

    @Test
    void newWizardStartsWithTheBasics() {
        Account a = data.account("fresh");
        Document d = page(a, "/projects/new");
        assertEquals("basics", current(d));
        assertNotNull(d.getElementById("f-name"));
        assertNull(d.getElementById("wizard-skip"), "the basics cannot be skipped");
        assertNull(d.getElementById("start-another"));
    }

    @Test
    void theLaterStepsShowTheRepositorysFirstSyncUntilItEnds() throws Exception {
        Account a = data.account("syncwiz");
        assertTrue(Web.html(Web.as(a).get("/projects/new/sync")).getElementById("wizard-sync").text().isEmpty(), "no run, no sync");
        try (dev.specboard.repo.GitFixture git = dev.specboard.repo.GitFixture.create()) {
            git.commit("first", java.util.Map.of("src/App.java", "class App {}\n", "README.md", "# App\n"));
            basics(a, TestData.unique("SyncWiz"));
            form(a).formParam("visionStatement", "Calm").formParam("targetFeeling", "minimal").formParam("referenceApps", "")
                    .formParam("icon", "").formParam("color", "").post("/projects/new/vision").then().statusCode(303);
            form(a).formParam("repoUrl", git.url()).formParam("defaultBranch", "main").post("/projects/new/repository").then().statusCode(303);
            assertNotNull(page(a, "/projects/new").select("#wizard-sync[hx-get=/projects/new/sync]").first(), "the summary step asks for it");
            // Polls until the sync ends, up to a minute: a hundred polls 100 ms apart (about ten seconds) could run out
            // while a loaded machine was still cloning, and the test then read a running sync.
            Document d = null;
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
            while (java.time.Instant.now().isBefore(deadline)) {
                d = Web.html(Web.as(a).get("/projects/new/sync"));
                if (d.getElementById("wizard-sync-status").text().contains("SUCCESS")) {
                    break;
                }
                assertNotNull(d.select("#wizard-sync[hx-get]").first(), "a running sync is polled: " + d);
                Thread.sleep(100);
            }
            assertTrue(d.getElementById("wizard-sync-status").text().contains("2 files read"), d.toString());
            assertNull(d.select("#wizard-sync[hx-get]").first(), "a finished sync is no longer polled");
        }
    }

    @Test
    void walkingTheWholeWizardCompletesTheSetup() {
        Account a = data.account("walk");
        Account friend = data.account("friend");
        String name = TestData.unique("Walk");
        basics(a, name);
        form(a).formParam("visionStatement", "Plans that stay calm").formParam("targetFeeling", "minimal")
                .formParam("referenceApps", "Notion, Linear").formParam("icon", "📋").formParam("color", "#1F5FBF")
                .post("/projects/new/vision").then().statusCode(303);
        form(a).formParam("repoUrl", "git@example.com:team/walk.git").formParam("defaultBranch", "trunk")
                .post("/projects/new/repository").then().statusCode(303);
        form(a).formParam("executiveSummary", "# Walk\n\nWe **walk**.<script>alert(1)</script>")
                .post("/projects/new/summary").then().statusCode(303);
        assertEquals("invite", current(page(a, "/projects/new")));
        Response done = form(a).formParam("who", friend.username).formParam("role", "reviewer").post("/projects/new/invite");
        String slug = name.toLowerCase();
        assertEquals(303, done.statusCode());
        assertTrue(done.getHeader("Location").endsWith("/projects/" + slug));
        String flash = done.getCookie("sb_flash");
        assertNotNull(flash, "the redirect carries a flash message");
        Project p = QuarkusTransaction.requiringNew().call(() -> Project.findBySlug(slug).orElseThrow());
        // The repository step connected the repository (its first sync is queued).
        java.util.List<dev.specboard.repo.Repo> repos = QuarkusTransaction.requiringNew().call(() -> dev.specboard.repo.Repo.listByProject(p.id));
        assertEquals(1, repos.size());
        assertEquals("walk", repos.get(0).name);
        assertEquals("trunk", repos.get(0).defaultBranch);
        assertTrue(p.setupComplete);
        assertEquals("walk", p.repoName);
        assertEquals("trunk", p.repoDefaultBranch);
        assertEquals("#1f5fbf", p.color);
        Document overview = page(a, "/projects/" + slug);
        assertEquals("Walk", overview.select("#summary-html h3").text());
        assertTrue(overview.select("#summary-html script").isEmpty());
        assertEquals(200, Web.as(friend).get("/projects/" + slug).statusCode());
        assertEquals("basics", current(page(a, "/projects/new")), "a finished run is not resumed");
    }

    @Test
    void aRepositoryCorrectedAfterGoingBackReplacesTheMistypedOne() {
        Account a = data.account("retype");
        String name = TestData.unique("Retype");
        basics(a, name);
        form(a).post("/projects/new/skip?step=vision").then().statusCode(303);
        form(a).formParam("repoUrl", "git@example.com:team/retpye.git").formParam("defaultBranch", "main")
                .post("/projects/new/repository").then().statusCode(303);
        // Back to the repository step, the typo fixed.
        assertEquals("git@example.com:team/retpye.git", page(a, "/projects/new?step=repository").getElementById("f-repoUrl").val());
        form(a).formParam("repoUrl", "git@example.com:team/retype.git").formParam("defaultBranch", "trunk")
                .post("/projects/new/repository").then().statusCode(303);
        Project p = QuarkusTransaction.requiringNew().call(() -> Project.<Project>find("name", name).firstResult());
        java.util.List<dev.specboard.repo.Repo> repos = QuarkusTransaction.requiringNew().call(() -> dev.specboard.repo.Repo.listByProject(p.id));
        assertEquals(java.util.List.of("retype"), repos.stream().map(r -> r.name).toList(), "only the corrected repository stays connected");
        assertEquals("git@example.com:team/retype.git", repos.get(0).gitUrl);
        assertEquals("trunk", repos.get(0).defaultBranch);
        // The same answer again changes nothing.
        form(a).formParam("repoUrl", "git@example.com:team/retype.git").formParam("defaultBranch", "trunk")
                .post("/projects/new/repository").then().statusCode(303);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> dev.specboard.repo.Repo.listByProject(p.id)).size());
    }

    @Test
    void aNewLoginResumesAtTheSameStepWithTheSameAnswers() {
        Account a = data.account("resume");
        basics(a, TestData.unique("Resume"));
        form(a).formParam("visionStatement", "Resume me").formParam("targetFeeling", "bold")
                .formParam("referenceApps", "Figma").formParam("icon", "").formParam("color", "")
                .post("/projects/new/vision").then().statusCode(303);
        // Web.as issues a brand-new login cookie: as after logging out and in again.
        Document d = page(a, "/projects/new");
        assertEquals("repository", current(d));
        assertEquals("main", d.getElementById("f-defaultBranch").val());
        Document back = page(a, "/projects/new?step=vision");
        assertEquals("vision", current(back));
        assertEquals("Resume me", back.getElementById("f-visionStatement").text());
        assertEquals("bold", back.select("#f-targetFeeling option[selected]").val());
        assertEquals("Figma", back.getElementById("f-referenceApps").val());
        assertEquals("vision", current(page(a, "/projects/new")), "the step last shown is where it resumes");
        assertNotNull(back.getElementById("start-another"));
    }

    @Test
    void invalidBasicsAnswer422WithValuesKept() {
        Account a = data.account("bad");
        Response r = form(a).formParam("name", "").formParam("slug", "Not A Slug").formParam("type", "pwa")
                .formParam("framework", "Rails").formParam("description", "kept").post("/projects/new/basics");
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertFalse(d.getElementById("e-name").text().isBlank());
        assertFalse(d.getElementById("e-slug").text().isBlank());
        assertEquals("Not A Slug", d.getElementById("f-slug").val());
        assertEquals("Rails", d.getElementById("f-framework").val());
        assertEquals("kept", d.getElementById("f-description").text());
        assertEquals("pwa", d.select("#f-type option[selected]").val());
    }

    @Test
    void invalidLaterStepsAnswer422WithValuesKept() {
        Account a = data.account("later");
        basics(a, TestData.unique("Later"));
        Response v = form(a).formParam("visionStatement", "keep me").formParam("targetFeeling", "grumpy")
                .formParam("referenceApps", "A, B").formParam("icon", "x").formParam("color", "red").post("/projects/new/vision");
        assertEquals(422, v.statusCode());
        Document dv = Web.html(v);
        assertEquals("keep me", dv.getElementById("f-visionStatement").text());
        assertEquals("red", dv.getElementById("f-color").val());
        assertFalse(dv.getElementById("e-color").text().isBlank());
        assertFalse(dv.getElementById("e-targetFeeling").text().isBlank());

        Response repo = form(a).formParam("repoUrl", "relative/path").formParam("defaultBranch", "-bad").post("/projects/new/repository");
        assertEquals(422, repo.statusCode());
        Document dr = Web.html(repo);
        assertEquals("relative/path", dr.getElementById("f-repoUrl").val());
        assertTrue(dr.getElementById("e-repoUrl").text().contains("https://"));
        assertFalse(dr.getElementById("e-defaultBranch").text().isBlank());

        Response inv = form(a).formParam("who", "ghost-" + TestData.unique("x")).formParam("role", "member").post("/projects/new/invite");
        assertEquals(422, inv.statusCode());
        Document di = Web.html(inv);
        assertTrue(di.getElementById("f-who-0").val().startsWith("ghost-"));
        assertTrue(di.getElementById("e-who-0").text().contains("invite them by their email address"), di.getElementById("e-who-0").text());
        assertEquals(1, di.select("#error-summary li").size(), "one unknown name is one problem: " + di.select("#error-summary").text());
    }

    @Test
    void skippingMovesOnAndAddRowKeepsValues() {
        Account a = data.account("skip");
        basics(a, TestData.unique("Skip"));
        form(a).post("/projects/new/skip?step=vision").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("?step=repository"));
        Web.htmx(form(a)).post("/projects/new/skip?step=repository").then().statusCode(200)
                .header("HX-Redirect", "/projects/new?step=summary");
        Response r = form(a).formParam("who", "someone").formParam("role", "lead").formParam("action", "add-row").post("/projects/new/invite");
        assertEquals(200, r.statusCode());
        Document d = Web.html(r);
        assertEquals("someone", d.getElementById("f-who-0").val());
        assertEquals("lead", d.select("#f-role-0 option[selected]").val());
        assertNotNull(d.getElementById("f-who-1"));
        form(a).post("/projects/new/skip?step=basics").then().statusCode(422);
    }

    @Test
    void addAnotherPersonPutsTheCursorInTheNewRow() {
        Account a = data.account("addrow");
        basics(a, TestData.unique("AddRow"));
        form(a).post("/projects/new/skip?step=vision").then().statusCode(303);
        form(a).post("/projects/new/skip?step=repository").then().statusCode(303);
        form(a).post("/projects/new/skip?step=summary").then().statusCode(303);
        assertTrue(Web.html(Web.as(a).get("/projects/new")).select("[autofocus]").isEmpty(), "the step itself leaves the cursor alone");
        Document d = Web.html(form(a).formParam("who", "someone").formParam("role", "lead").formParam("action", "add-row")
                .post("/projects/new/invite"));
        // The page comes back after the button is pressed: without this the cursor was back at the top of the page.
        assertTrue(d.getElementById("f-who-1").hasAttr("autofocus"));
        assertFalse(d.getElementById("f-who-0").hasAttr("autofocus"));
    }

    @Test
    void previewRendersSanitizedMarkdownAsAFragment() {
        Account a = data.account("prev");
        Response r = Web.htmx(form(a)).formParam("executiveSummary", "**bold** <img src=x onerror=alert(1)>").post("/projects/new/preview");
        assertEquals(200, r.statusCode());
        String body = r.asString();
        assertTrue(body.contains("<strong>bold</strong>"));
        assertFalse(body.contains("onerror"));
        assertFalse(body.contains("<html"));
    }

    @Test
    void startingAnotherProjectAbandonsTheRun() {
        Account a = data.account("another");
        basics(a, TestData.unique("First"));
        form(a).post("/projects/new/abandon").then().statusCode(303);
        assertEquals("basics", current(page(a, "/projects/new")));
        assertEquals("", page(a, "/projects/new").getElementById("f-name").val());
    }

    @Test
    void stepUrlsWithoutARunGoBackToTheBasics() {
        Account a = data.account("nourl");
        Web.as(a).get("/projects/new?step=summary").then().statusCode(303);
        Web.as(a).get("/projects/new?step=nonsense").then().statusCode(303);
    }

    @Test
    void theBasicsOfAnArchivedProjectCannotBeChanged() {
        Account a = data.account("archwiz");
        String name = TestData.unique("ArchWiz");
        basics(a, name);
        String slug = Project.<Project>find("name", name).firstResult().slug;
        Web.as(a).post("/projects/" + slug + "/settings/archive").then().statusCode(303);

        Response r = form(a).formParam("name", "Renamed while archived").formParam("slug", slug).formParam("type", "pwa")
                .formParam("framework", "Quarkus").formParam("description", "Changed").post("/projects/new/basics");
        assertEquals(409, r.statusCode());
        Document overview = page(a, "/projects/" + slug);
        assertTrue(overview.title().contains(name), "the project keeps its name: " + overview.title());
        assertFalse(overview.title().contains("Renamed while archived"));
    }

    @Test
    void theOverviewContinuesThisProjectsSetupForItsOwnerOnly() {
        TestData.Team t = data.team();
        String overview = "/projects/" + t.slug();
        Element go = page(t.owner(), overview).selectFirst("#continue-setup-form");
        assertNotNull(go, "the owner of an unfinished project is offered the wizard");
        assertEquals(overview + "/setup", go.attr("action"), "it continues this project, not a new one");
        for (Account other : java.util.List.of(t.lead(), t.member(), t.viewer())) {
            assertNull(page(other, overview).getElementById("continue-setup"), "setup is the owner's");
        }
        form(t.viewer()).post(overview + "/setup").then().statusCode(403);

        form(t.owner()).post(overview + "/setup").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/projects/new?step=vision"));
        Document wizard = page(t.owner(), "/projects/new");
        assertEquals("vision", current(wizard), "the basics are what the project already has");
        assertNull(wizard.getElementById("f-name"));
        assertTrue(wizard.text().contains(t.project().name), "the wizard sets up this project");
        form(t.owner()).post("/projects/new/skip?step=vision").then().statusCode(303);
        form(t.owner()).post("/projects/new/skip?step=repository").then().statusCode(303);
        form(t.owner()).post("/projects/new/skip?step=summary").then().statusCode(303);
        form(t.owner()).post("/projects/new/skip?step=invite").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith(overview));
        assertNotNull(page(t.owner(), overview).getElementById("continue-setup"), "everything was skipped: the wizard has more to ask");
        for (Account other : java.util.List.of(t.lead(), t.member(), t.viewer())) {
            assertNull(page(other, overview).getElementById("continue-setup"), "setup stays the owner's");
        }
    }

    @Test
    void aWizardEndedBySkippingEveryStepSaysWhatIsMissingAndOffersTheWizardAgain() {
        Account a = data.account("skipall");
        String name = TestData.unique("SkipAll");
        basics(a, name);
        for (String step : java.util.List.of("vision", "repository", "summary", "invite")) {
            form(a).post("/projects/new/skip?step=" + step).then().statusCode(303);
        }
        String slug = name.toLowerCase();
        Document overview = page(a, "/projects/" + slug);
        String badge = overview.getElementById("setup-badge").text();
        assertFalse(badge.contains("complete"), "no \"Setup complete\" above a list of what is missing: " + badge);
        assertTrue(badge.contains("4 things still missing"), badge);
        assertFalse(overview.getElementById("setup-badge").hasClass("ok"));
        assertEquals(4, overview.select("#missing li").size());
        assertNotNull(overview.getElementById("continue-setup"), "the owner can go back into the wizard");

        form(a).post("/projects/" + slug + "/setup").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/projects/new?step=vision"));
        Document wizard = page(a, "/projects/new");
        assertEquals("vision", current(wizard), "the first thing missing");
        assertTrue(wizard.text().contains(name), "the wizard sets up this project");
        assertFalse(wizard.getElementById("step-vision").hasClass("done"));

        form(a).formParam("visionStatement", "Now with a vision").post("/projects/new/vision").then().statusCode(303);
        form(a).formParam("repoUrl", "git@example.com:team/" + slug + ".git").formParam("defaultBranch", "main")
                .post("/projects/new/repository").then().statusCode(303);
        form(a).formParam("executiveSummary", "We do it.").post("/projects/new/summary").then().statusCode(303);
        form(a).post("/projects/new/skip?step=invite").then().statusCode(303);
        Document after = page(a, "/projects/" + slug);
        assertNull(after.getElementById("continue-setup"), "nothing the wizard asks for is missing");
        // An approved context mapping (and a lead's approval of the summary) are not the wizard's to give.
        int left = after.select("#missing li").size();
        assertTrue(left > 0 && after.getElementById("setup-badge").text().contains(left + (left == 1 ? " thing" : " things") + " still missing"),
                after.getElementById("setup-badge").text());
        form(a).post("/projects/" + slug + "/setup").then().statusCode(409);
    }

    @Test
    void theWizardContinuesAtTheFirstStepWhoseDataIsMissing() {
        TestData.Team t = data.team();
        String overview = "/projects/" + t.slug();
        form(t.owner()).post(overview + "/setup").then().statusCode(303);
        form(t.owner()).formParam("visionStatement", "A vision").post("/projects/new/vision").then().statusCode(303);
        form(t.owner()).post("/projects/new/skip?step=repository").then().statusCode(303);
        form(t.owner()).formParam("executiveSummary", "A summary").post("/projects/new/summary").then().statusCode(303);
        form(t.owner()).post("/projects/new/skip?step=invite").then().statusCode(303);

        form(t.owner()).post(overview + "/setup").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/projects/new?step=repository"));
        Document wizard = page(t.owner(), "/projects/new");
        assertEquals("repository", current(wizard));
        assertTrue(wizard.getElementById("step-vision").hasClass("done"), "the vision exists");
        assertTrue(wizard.getElementById("step-summary").hasClass("done"), "the summary exists");
        assertFalse(wizard.getElementById("step-repository").hasClass("done"));
    }

    @Test
    void aStepIsDoneOnlyWhenItsDataExistsAndSaysWhenItWasSkipped() {
        Account a = data.account("gamma");
        String slug = TestData.unique("gamma");
        fx.api(a).body(java.util.Map.of("name", "Gamma " + slug, "slug", slug, "type", "api")).post("/api/v1/projects")
                .then().statusCode(201);
        form(a).post("/projects/" + slug + "/setup").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/projects/new?step=vision"));
        Document vision = page(a, "/projects/new?step=vision");
        Element step = vision.getElementById("step-vision");
        assertEquals("step", step.attr("aria-current"), "the current step is marked as such");
        assertFalse(step.hasClass("done"), "the vision was never filled");
        assertFalse(step.text().contains("(done)"), step.text());
        assertTrue(vision.getElementById("step-basics").hasClass("done"), "the project exists");

        form(a).post("/projects/new/skip?step=vision").then().statusCode(303);
        Element skipped = page(a, "/projects/new").getElementById("step-vision");
        assertTrue(skipped.text().contains("(skipped)"), skipped.text());
        assertFalse(skipped.text().contains("(done)"), skipped.text());
        assertFalse(skipped.hasAttr("aria-current"));
    }

    @Test
    void anArchivedProjectOffersNoSetup() {
        TestData.Team t = data.team();
        String overview = "/projects/" + t.slug();
        form(t.owner()).formParam("x", "1").post(overview + "/settings/archive").then().statusCode(303);
        assertNull(page(t.owner(), overview).getElementById("continue-setup"));
        form(t.owner()).post(overview + "/setup").then().statusCode(409);
    }
}
