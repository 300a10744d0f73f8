package dev.specboard.plan;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.support.LockWaits;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PlanPagesTest {

    @Inject
    TestData data;

    @Inject
    PlanFixtures fixtures;

    @Inject
    RepoTestSupport repos;

    @Inject
    PlanService plans;

    @Inject
    EntityManager em;

    private static io.restassured.specification.RequestSpecification form(dev.specboard.account.Account a) {
        return Web.as(a).contentType("application/x-www-form-urlencoded");
    }

    /** A plan created under the same name at the same time as another passed the free-name check: 409, not 500. */
    @Test
    void aPlanCreatedUnderTheSameNameAtTheSameTimeIsRefusedAsIfItCameSecond() throws Exception {
        TestData.Team t = data.team();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (GitFixture git = GitFixture.create()) {
            Repo repo = fixtures.shop(t.project(), t.owner(), git);
            Future<Response> second;
            QuarkusTransaction.begin();
            try {
                plans.create(new Access(t.project(), Role.LEAD, t.lead().id), new PlanForm("shop", "Checkout", null, "main"));
                em.flush(); // its row is written, not committed yet
                second = pool.submit(() -> form(t.member()).formParam("repository", "shop").formParam("name", "Checkout")
                        .formParam("description", "").formParam("targetBranch", "main").post("/projects/" + t.slug() + "/plans"));
                LockWaits.awaitOne();
            } finally {
                QuarkusTransaction.commit();
            }
            Response r = second.get(60, TimeUnit.SECONDS);
            // The second waits for the first's name lock (kernel.NameLock), then finds its row: the same 422 as one after the other.
            assertEquals(422, r.statusCode(), r.asString());
            assertTrue(Web.html(r).text().contains("This repository already has a plan with this name"), r.asString());
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Plan.count("repositoryId = ?1 and name = ?2", repo.id, "Checkout")));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void leadCreatesAPlanAndAddsTheThreeArtifactsEachShownReadable() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Repo repo = fixtures.shop(t.project(), t.owner(), git);
            Response created = form(t.lead()).formParam("repository", "shop").formParam("name", "Checkout")
                    .formParam("description", "Pay for the cart").formParam("targetBranch", "main")
                    .post("/projects/" + t.slug() + "/plans");
            assertEquals(303, created.statusCode(), created.asString());
            String url = created.header("Location");
            assertTrue(url.matches(".*/projects/" + t.slug() + "/plans/[0-9a-f-]{36}"), url);
            String path = url.substring(url.indexOf("/projects/"));

            assertEquals(303, form(t.lead()).formParam("artifactType", "feature_plan").formParam("content", PlanFixtures.FEATURE_PLAN)
                    .post(path + "/artifacts").statusCode());
            // A step without a title and with negative hours: 422, each problem named at its JSON pointer, the text kept.
            String bad = "{\"steps\":[{\"name\":\"ok-step\",\"title\":\"Fine\"},{\"name\":\"second\",\"hours\":-2}]}";
            Response rejected = form(t.lead()).formParam("artifactType", "implementation_steps").formParam("content", bad)
                    .post(path + "/artifacts");
            assertEquals(422, rejected.statusCode());
            Document r = Web.html(rejected);
            assertNotNull(r.selectFirst("#plan-problems li[data-pointer=/steps/1/hours]"), r.select("#plan-errors").text());
            assertNotNull(r.selectFirst("#plan-problems li[data-pointer=/steps/1/title]"));
            assertEquals(bad, r.getElementById("f-content").text());
            assertEquals("implementation_steps", r.select("#f-artifactType option[selected]").val());

            assertEquals(303, form(t.lead()).formParam("artifactType", "implementation_steps").formParam("content", PlanFixtures.STEPS)
                    .post(path + "/artifacts").statusCode());
            String base = fixtures.blobOf(repo, "src/checkout/Cart.java");
            assertEquals(303, form(t.lead()).formParam("artifactType", "code_changes")
                    .formParam("content", PlanFixtures.codeChanges(base)).post(path + "/artifacts").statusCode());

            Document d = Web.html(Web.as(t.viewer()).get(path));
            assertEquals("Checkout v1", d.getElementById("plan-title").text());
            assertEquals("draft", d.getElementById("plan-status").text());
            assertEquals("Pay by card Show the total before paying", d.select("#fp-goals li").eachText().stream()
                    .reduce((a, b) -> a + " " + b).orElse(""));
            assertEquals("pay", d.select("#fp-summary strong").text());
            assertEquals("Gift cards", d.select("#fp-scope-out li").text());
            assertEquals("Double charges", d.select("#fp-risks tbody td").first().text());
            assertEquals(2, d.select("#steps > li").size());
            assertTrue(d.getElementById("step-payment-api").hasClass("done"));
            assertEquals("src/checkout/Payment.java, src/checkout/Cart.java", d.select("#step-payment-api .step-files").text().replace("Files: ", ""));
            Element cart = d.getElementById("change-1");
            assertEquals("return 0;", cart.select("tr.ld-del .ld-text").text().trim());
            assertTrue(cart.select("tr.ld-add .ld-text").text().contains("mapToInt(Item::price)"));
            assertEquals("5", cart.select("tr.ld-del .ld-num").first().text(), "old line number of the removed line");
            assertTrue(cart.select(".badge.warn").isEmpty(), "the change's base is the latest blob: not stale");
            assertEquals(2, d.getElementById("change-2").select("tr.ld-add").size());
            assertFalse(d.getElementById("main").text().contains("\"steps\""), "never raw JSON");
            assertNull(d.getElementById("artifact-form"), "viewers do not add artifacts");

            // The file changes in the repository: the change written against the old blob is now stale.
            git.commit("cart changed", "src/checkout/Cart.java", PlanFixtures.CART_V1.replace("return 0;", "return 1;"));
            repos.sync(repo);
            Document after = Web.html(Web.as(t.viewer()).get(path));
            assertEquals("stale", after.select("#change-1 .badge.warn").text());
            assertTrue(after.getElementById("stale-count").text().startsWith("1 of these changes is stale"));
        }
    }

    @Test
    void newVersionCopiesTheArtifactsAndCompareShowsWhatChanged() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), git);
            Access lead = PlanFixtures.access(t.project(), t.lead(), Role.LEAD);
            Plan v1 = fixtures.plan(lead, "shop", "Checkout");
            fixtures.artifact(lead, v1.id, ArtifactType.FEATURE_PLAN, PlanFixtures.FEATURE_PLAN);
            fixtures.artifact(lead, v1.id, ArtifactType.IMPLEMENTATION_STEPS, PlanFixtures.STEPS);

            Response made = form(t.lead()).formParam("x", "1").post("/projects/" + t.slug() + "/plans/" + v1.id + "/versions");
            assertEquals(303, made.statusCode());
            String v2Path = made.header("Location").substring(made.header("Location").indexOf("/projects/"));
            Document v2 = Web.html(Web.as(t.viewer()).get(v2Path));
            assertEquals("Checkout v2", v2.getElementById("plan-title").text());
            assertNotNull(v2.getElementById("artifact-feature_plan"), "v2 starts with v1's artifacts");
            assertEquals(2, v2.select("#steps > li").size());

            UUID v2Id = UUID.fromString(v2Path.substring(v2Path.lastIndexOf('/') + 1));
            fixtures.artifact(lead, v2Id, ArtifactType.IMPLEMENTATION_STEPS,
                    PlanFixtures.STEPS.replace("\"hours\": 5", "\"hours\": 8").replace("Payment API", "Payment provider API"));

            // ?version= shows any version from any version's id.
            Document shownV1 = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/plans/" + v2Id + "?version=1"));
            assertEquals("Checkout v1", shownV1.getElementById("plan-title").text());
            assertTrue(shownV1.select("#step-payment-api").text().contains("Payment API"));
            // An older version is read-only: no Edit or add form for a member, a pointer to the newest instead.
            Document memberV1 = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/plans/" + v2Id + "?version=1"));
            assertNull(memberV1.getElementById("add-artifact"));
            assertNull(memberV1.getElementById("edit-feature_plan"));
            assertTrue(memberV1.getElementById("older-version").text().contains("v2 is the newest"), memberV1.getElementById("older-version").text());
            Document memberV2 = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/plans/" + v2Id));
            assertNotNull(memberV2.getElementById("add-artifact"));
            assertNull(memberV2.getElementById("older-version"));
            // Its status and spec stay too: no buttons for them (v1 could be made active beside the v2 draft), a form post is 409.
            assertNull(memberV1.getElementById("status-active"));
            assertNull(memberV1.getElementById("make-spec"));
            assertNotNull(memberV2.getElementById("status-active"));
            assertNotNull(memberV2.getElementById("make-spec"));
            String v1Path = "/projects/" + t.slug() + "/plans/" + v1.id;
            Response status = form(t.member()).formParam("status", "active").post(v1Path + "/status");
            assertEquals(409, status.statusCode());
            assertTrue(Web.html(status).select("#plan-errors p").text().contains("v2 is the newest"), status.asString());
            assertEquals(409, form(t.member()).formParam("x", "1").post(v1Path + "/spec").statusCode());
            // Nor is a new version made from it (it dropped v2's artifacts): no form for it, and a post says which is the newest.
            assertNull(memberV1.getElementById("new-version-form"));
            assertNotNull(memberV2.getElementById("new-version-form"));
            Response fromOld = form(t.member()).formParam("x", "1").post(v1Path + "/versions");
            assertEquals(409, fromOld.statusCode());
            assertTrue(Web.html(fromOld).select("#plan-errors p").text().contains("v2 is the newest"), fromOld.asString());
            // Its chat stays readable; instead of the form, a note links the newest version's chat, and a post is 409.
            Document chatV1 = Web.html(Web.as(t.member()).get(v1Path + "/chat"));
            assertNull(chatV1.getElementById("chat-form"));
            assertEquals("/projects/" + t.slug() + "/plans/" + v2Id + "/chat", chatV1.getElementById("chat-newest-link").attr("href"));
            assertNotNull(Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/plans/" + v2Id + "/chat")).getElementById("chat-form"));
            Response asked = form(t.member()).formParam("content", "Still there?").post(v1Path + "/chat");
            assertEquals(409, asked.statusCode());
            Document refused = Web.html(asked);
            assertNotNull(refused.getElementById("chat-older-version"));
            assertEquals("Still there?", refused.getElementById("chat-unsent-text").text());
            assertEquals("draft", Web.html(Web.as(t.member()).get(v1Path)).getElementById("plan-status").text());

            Document cmp = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/plans/" + v2Id + "/compare?from=1&to=2"));
            assertEquals("Checkout: v1 → v2", cmp.getElementById("compare-title").text());
            assertTrue(cmp.select("#diff-implementation_steps tr.ld-del").text().contains("Payment API (payment-api, 5 h)"));
            assertTrue(cmp.select("#diff-implementation_steps tr.ld-add").text().contains("Payment provider API (payment-api, 8 h)"));
            assertEquals("unchanged", cmp.select("#diff-feature_plan .badge").text());
            assertTrue(cmp.select("#diff-feature_plan tr").isEmpty());
        }
    }

    /** The new-version form offers the plan's branch and description to change; a bad branch is 422 with what was typed kept. */
    @Test
    void aNewVersionMadeOnThePageMayTargetAnotherBranch() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), git);
            Access lead = PlanFixtures.access(t.project(), t.lead(), Role.LEAD);
            Plan v1 = fixtures.plan(lead, "shop", "Checkout");
            String page = "/projects/" + t.slug() + "/plans/" + v1.id;
            Document shown = Web.html(Web.as(t.member()).get(page));
            assertEquals(v1.targetBranch, shown.getElementById("f-targetBranch").val());
            assertNotNull(shown.selectFirst("label[for=f-description]"));

            Response bad = form(t.member()).formParam("targetBranch", "no such branch!").formParam("description", "Typed")
                    .post(page + "/versions");
            assertEquals(422, bad.statusCode());
            Document again = Web.html(bad);
            assertEquals("no such branch!", again.getElementById("f-targetBranch").val());
            assertEquals("Typed", again.getElementById("f-description").text());
            assertNotNull(again.getElementById("e-targetBranch"));
            assertNotNull(again.selectFirst("#new-version-changes[open]"));

            Response made = form(t.member()).formParam("targetBranch", "release/2").formParam("description", "For the release")
                    .post(page + "/versions");
            assertEquals(303, made.statusCode());
            Document v2 = Web.html(Web.as(t.viewer()).get(made.header("Location").substring(made.header("Location").indexOf("/projects/"))));
            assertEquals("release/2", v2.getElementById("plan-branch").text());
            assertEquals("For the release", v2.getElementById("plan-description").text());
        }
    }

    @Test
    void statusMovesAlongItsLifecycleOnlyAndAClosedPlanKeepsItsArtifacts() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), git);
            Access lead = PlanFixtures.access(t.project(), t.lead(), Role.LEAD);
            Plan plan = fixtures.plan(lead, "shop", "Checkout");
            String path = "/projects/" + t.slug() + "/plans/" + plan.id;
            assertEquals(409, form(t.member()).formParam("status", "completed").post(path + "/status").statusCode());
            // A status that does not exist: the plan page again, at 422, naming it (a bare error page before).
            Response bogus = form(t.member()).formParam("status", "finished").post(path + "/status");
            assertEquals(422, bogus.statusCode());
            Document bd = Web.html(bogus);
            assertEquals("Checkout v1", bd.getElementById("plan-title").text());
            assertEquals("The status was not changed. There is no plan status \u201cfinished\u201d: choose draft, active, completed or archived",
                    bd.select("#plan-errors p").text());
            assertEquals("draft", bd.getElementById("plan-status").text());
            assertNull(bd.selectFirst("#f-content[aria-invalid]"), "the artifact form is not the problem");
            assertEquals(422, form(t.member()).formParam("x", "1").post(path + "/status").statusCode());
            assertEquals(303, form(t.member()).formParam("status", "active").post(path + "/status").statusCode());
            assertEquals(303, form(t.member()).formParam("status", "completed").post(path + "/status").statusCode());
            Document d = Web.html(Web.as(t.member()).get(path));
            assertEquals("completed", d.getElementById("plan-status").text());
            assertNull(d.getElementById("artifact-form"), "a completed plan takes no artifacts");
            assertEquals(409, form(t.member()).formParam("artifactType", "feature_plan").formParam("content", PlanFixtures.FEATURE_PLAN)
                    .post(path + "/artifacts").statusCode());
            assertEquals(403, form(t.viewer()).formParam("status", "archived").post(path + "/status").statusCode());
        }
    }

    @Test
    void planPageStatementsDoNotGrowWithVersionsArtifactsAndFiles() {
        TestData.Team small = data.team();
        TestData.Team big = data.team();
        try (GitFixture a = GitFixture.create(); GitFixture b = GitFixture.create()) {
            UUID one = planWith(small, a, 1);
            UUID ten = planWith(big, b, 10);
            long x = SqlCounter.count(() -> assertEquals(200, Web.as(small.viewer()).get("/projects/" + small.slug() + "/plans/" + one).statusCode()));
            long y = SqlCounter.count(() -> assertEquals(200, Web.as(big.viewer()).get("/projects/" + big.slug() + "/plans/" + ten).statusCode()));
            assertEquals(x, y, "plan page statements for 1 vs 10 versions and changed files");
            long l1 = SqlCounter.count(() -> Web.as(small.viewer()).get("/projects/" + small.slug() + "/plans"));
            long l2 = SqlCounter.count(() -> Web.as(big.viewer()).get("/projects/" + big.slug() + "/plans"));
            assertEquals(l1, l2, "plan list statements");
        }
    }

    @Test
    void thePlanListShowsFiftyAPageWithTheSameStatementsForTenTimesTheRows() {
        TestData.Team small = data.team();
        TestData.Team big = data.team();
        try (GitFixture a = GitFixture.create(); GitFixture b = GitFixture.create()) {
            fixtures.shop(small.project(), small.owner(), a);
            fixtures.shop(big.project(), big.owner(), b);
            Access smallLead = PlanFixtures.access(small.project(), small.lead(), Role.LEAD);
            Access bigLead = PlanFixtures.access(big.project(), big.lead(), Role.LEAD);
            for (int i = 1; i <= 5; i++) {
                fixtures.plan(smallLead, "shop", "Small " + i);
            }
            for (int i = 1; i <= 55; i++) {
                fixtures.plan(bigLead, "shop", "Plan " + i);
            }
            String list = "/projects/" + big.slug() + "/plans";
            Document first = Web.html(Web.as(big.viewer()).get(list));
            assertEquals(50, first.select("#plan-list tbody tr").size());
            assertEquals("Plan 55", first.selectFirst("#plan-list tbody tr a").text(), "the most recently changed first");
            assertNull(first.getElementById("page-prev"));
            assertEquals(list + "?page=2", first.getElementById("page-next").attr("href"));
            assertTrue(first.selectFirst("nav.pagination").text().contains("Page 1 of 2 (55 plans)"), first.selectFirst("nav.pagination").text());

            Document second = Web.html(Web.as(big.viewer()).get(list + "?page=2"));
            assertEquals(java.util.List.of("Plan 5", "Plan 4", "Plan 3", "Plan 2", "Plan 1"),
                    second.select("#plan-list tbody tr td:first-child a").eachText());
            assertNull(second.getElementById("page-next"));
            assertEquals(list + "?page=1", second.getElementById("page-prev").attr("href"));
            assertEquals(5, Web.html(Web.as(big.viewer()).get(list + "?page=99")).select("#plan-list tbody tr").size(), "past the end: the last page");
            Web.as(big.viewer()).get(list + "?page=-3").then().statusCode(400);
            Web.as(big.viewer()).get(list + "?page=x").then().statusCode(400);
            assertNull(Web.html(Web.as(small.viewer()).get("/projects/" + small.slug() + "/plans")).selectFirst("nav.pagination"), "one page: no links");

            long five = SqlCounter.count(() -> assertEquals(200, Web.as(small.viewer()).get("/projects/" + small.slug() + "/plans").statusCode()));
            long fifty = SqlCounter.count(() -> assertEquals(200, Web.as(big.viewer()).get(list).statusCode()));
            assertEquals(five, fifty, "plan list statements for 5 vs 50 rows");

            // Paging keeps the filters, and a filtered list reads as many statements for ten times the rows.
            Document filtered = Web.html(Web.as(big.viewer()).get(list + "?repo=shop&status=draft"));
            assertEquals(50, filtered.select("#plan-list tbody tr").size());
            assertEquals(list + "?repo=shop&status=draft&page=2", filtered.getElementById("page-next").attr("href"));
            assertEquals(list + "?repo=shop&status=draft&page=1",
                    Web.html(Web.as(big.viewer()).get(list + "?repo=shop&status=draft&page=2")).getElementById("page-prev").attr("href"));
            long fiveFiltered = SqlCounter.count(() -> assertEquals(200,
                    Web.as(small.viewer()).get("/projects/" + small.slug() + "/plans?repo=shop&status=draft").statusCode()));
            long fiftyFiltered = SqlCounter.count(() -> assertEquals(200, Web.as(big.viewer()).get(list + "?repo=shop&status=draft").statusCode()));
            assertEquals(fiveFiltered, fiftyFiltered, "filtered plan list statements for 5 vs 50 rows");
            // The repository filter reuses the repositories the page lists: no second look-up of the one it names.
            assertEquals(fifty, SqlCounter.count(() -> assertEquals(200, Web.as(big.viewer()).get(list + "?repo=shop").statusCode())),
                    "plan list statements with and without a repository filter");
        }
    }

    /** The plan list had no filters: a project with many plans could only be paged through. */
    @Test
    void thePlanListFiltersByRepositoryAndStatusOfTheLatestVersion() {
        TestData.Team t = data.team();
        try (GitFixture a = GitFixture.create(); GitFixture b = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), a);
            b.commit("docs", Map.of("README.md", "# Docs\n"));
            repos.add(t.project(), t.owner(), "docs", b.url());
            Access lead = PlanFixtures.access(t.project(), t.lead(), Role.LEAD);
            Plan draft = fixtures.plan(lead, "shop", "Draft one");
            Plan active = fixtures.plan(lead, "shop", "Active one");
            plans.changeStatus(lead, active.id, "active");
            // Its v1 is active, its latest version a draft: it is listed as a draft.
            Plan moved = fixtures.plan(lead, "shop", "Moved on");
            plans.changeStatus(lead, moved.id, "active");
            fixtures.newVersion(lead, moved.id);
            fixtures.plan(lead, "docs", "Docs draft");
            String list = "/projects/" + t.slug() + "/plans";

            Document all = Web.html(Web.as(t.viewer()).get(list));
            assertEquals(4, all.select("#plan-list tbody tr").size());
            assertEquals("Repository", all.selectFirst("label[for=filter-repo]").text());
            assertEquals("Status", all.selectFirst("label[for=filter-status]").text());
            assertEquals("get", all.getElementById("plan-filters").attr("method"), "a plain form: it filters without JavaScript");
            assertEquals(java.util.List.of("", "docs", "shop"), all.select("#filter-repo option").eachAttr("value"));
            assertEquals(java.util.List.of("docs", "shop"), all.select("#filter-repo option:not([value=''])").eachText(), "names as they are");
            assertEquals(java.util.List.of("", "draft", "active", "completed", "archived"), all.select("#filter-status option").eachAttr("value"));
            assertEquals(java.util.List.of("Any", "Draft", "Active", "Completed", "Archived"), all.select("#filter-status option").eachText(),
                    "statuses read as words, not as the codes the URL carries");

            Document shopDrafts = Web.html(Web.as(t.viewer()).get(list + "?repo=shop&status=draft"));
            assertEquals(java.util.Set.of("Draft one", "Moved on"),
                    java.util.Set.copyOf(shopDrafts.select("#plan-list tbody tr td:first-child a").eachText()));
            assertEquals("shop", shopDrafts.select("#filter-repo option[selected]").val());
            assertEquals("draft", shopDrafts.select("#filter-status option[selected]").val());
            assertEquals(java.util.List.of("Active one"),
                    Web.html(Web.as(t.viewer()).get(list + "?status=active")).select("#plan-list tbody tr td:first-child a").eachText());
            assertEquals(java.util.List.of("Docs draft"),
                    Web.html(Web.as(t.viewer()).get(list + "?repo=docs")).select("#plan-list tbody tr td:first-child a").eachText());
            Document none = Web.html(Web.as(t.viewer()).get(list + "?repo=docs&status=completed"));
            assertNull(none.getElementById("plan-list"));
            assertTrue(none.getElementById("no-plans").text().startsWith("No plans match these filters"));

            Response bogus = Web.as(t.viewer()).get(list + "?status=finished");
            assertEquals(422, bogus.statusCode());
            Document bd = Web.html(bogus);
            assertEquals("There is no plan status \u201cfinished\u201d: choose draft, active, completed or archived", bd.getElementById("e-filter-status").text());
            assertEquals("true", bd.getElementById("filter-status").attr("aria-invalid"));
            assertNull(bd.getElementById("plan-list"), "an unknown status lists nothing rather than everything");
            Response unknownRepo = Web.as(t.viewer()).get(list + "?repo=nope");
            assertEquals(422, unknownRepo.statusCode());
            assertEquals("There is no repository \u201cnope\u201d: choose docs or shop", Web.html(unknownRepo).getElementById("e-filter-repo").text());
            assertNotNull(draft.id);
        }
    }

    /**
     * Earlier artifacts were kept but never shown, and an artifact could only be replaced by pasting a whole new document:
     * the page lists each type's earlier versions (each readable, with its diff to the current one) and offers Edit,
     * filled with the current document; a save over one saved meanwhile is 409 with both texts.
     */
    @Test
    void earlierArtifactsAreListedReadableAndAnEditOverANewerOneIs409KeepingBoth() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), git);
            Access lead = PlanFixtures.access(t.project(), t.lead(), Role.LEAD);
            Plan plan = fixtures.plan(lead, "shop", "Checkout");
            fixtures.artifact(lead, plan.id, ArtifactType.FEATURE_PLAN, PlanFixtures.FEATURE_PLAN);
            String path = "/projects/" + t.slug() + "/plans/" + plan.id;
            assertNull(Web.html(Web.as(t.viewer()).get(path)).getElementById("history-feature_plan"), "one version: no history");

            // The member opens Edit: the form holds the current document and its number.
            Document edit = Web.html(Web.as(t.member()).get(path + "?edit=feature_plan"));
            assertEquals(path + "?edit=feature_plan#add-artifact", edit.getElementById("edit-feature_plan").attr("href"));
            assertEquals("feature_plan", edit.select("#f-artifactType option[selected]").val());
            assertTrue(edit.getElementById("f-content").text().contains("\"Pay by card\""), edit.getElementById("f-content").text());
            assertEquals("1", edit.selectFirst("#artifact-form input[name=version]").val());
            String mine = edit.getElementById("f-content").text().replace("Pay by card", "Pay by card or wallet");

            // Meanwhile the lead saves another one: the member's save is refused with both texts, nothing lost.
            fixtures.artifact(lead, plan.id, ArtifactType.FEATURE_PLAN, PlanFixtures.FEATURE_PLAN.replace("Gift cards", "Vouchers"));
            Response stale = form(t.member()).formParam("artifactType", "feature_plan").formParam("content", mine).formParam("version", "1")
                    .post(path + "/artifacts");
            assertEquals(409, stale.statusCode(), stale.asString());
            Document c = Web.html(stale);
            assertTrue(c.getElementById("conflict").text().contains(t.lead().username + " saved version 2"), c.getElementById("conflict").text());
            assertTrue(c.getElementById("theirs-0").text().contains("Vouchers"));
            assertEquals(mine, c.getElementById("f-content").text(), "yours is kept");
            assertEquals("2", c.selectFirst("#artifact-form input[name=version]").val(), "saving again replaces theirs knowingly");
            assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> PlanArtifact.count("planId", plan.id)));
            // A version never saved is the form's mistake (422 naming it), not someone else's save; for a type with no
            // artifact yet it was a 500.
            Response never = form(t.member()).formParam("artifactType", "implementation_steps").formParam("content", PlanFixtures.STEPS)
                    .formParam("version", "3").post(path + "/artifacts");
            assertEquals(422, never.statusCode(), never.asString());
            assertTrue(never.asString().contains("has no version 3"), never.asString());
            assertEquals(303, form(t.member()).formParam("artifactType", "feature_plan").formParam("content", mine).formParam("version", "2")
                    .post(path + "/artifacts").statusCode());

            // Two earlier versions, newest first, with time and author; each opens with its diff to the current one.
            Document d = Web.html(Web.as(t.viewer()).get(path));
            assertTrue(d.getElementById("fp-goals").text().contains("Pay by card or wallet"));
            assertEquals(2, d.select("#history-feature_plan li").size());
            Element first = d.select("#history-feature_plan li").last();
            assertTrue(first.text().startsWith("Version 1 ·"), first.text());
            assertTrue(first.text().endsWith("by " + t.lead().username), first.text());
            assertNotNull(first.selectFirst("time"));
            assertNull(d.getElementById("edit-feature_plan"), "viewers do not edit");
            Document v1 = Web.html(Web.as(t.viewer()).get(first.selectFirst("a").attr("href")));
            assertEquals("Feature plan, version 1 of 3", v1.getElementById("revision-title").text());
            assertTrue(v1.getElementById("revision-text").text().contains("- Gift cards"));
            assertTrue(v1.select("#revision-diff tr.ld-del").text().contains("- Pay by card"), v1.select("#revision-diff").text());
            assertTrue(v1.select("#revision-diff tr.ld-add").text().contains("- Pay by card or wallet"));
            Web.as(t.viewer()).get(path + "/artifacts/" + UUID.randomUUID()).then().statusCode(404);
            Web.as(t.outsider()).get(first.selectFirst("a").attr("href")).then().statusCode(404);
        }
    }

    /** A plan with n versions and plans, whose last version changes n files. */
    private UUID planWith(TestData.Team t, GitFixture git, int n) {
        Map<String, String> files = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            files.put("src/f" + i + ".txt", "line\n");
        }
        git.commit("files", files);
        Repo repo = fixtures.shop(t.project(), t.owner(), git);
        Access lead = PlanFixtures.access(t.project(), t.lead(), Role.LEAD);
        StringBuilder changes = new StringBuilder("{\"changes\":[");
        for (int i = 0; i < n; i++) {
            changes.append(i == 0 ? "" : ",").append("{\"path\":\"src/f").append(i).append(".txt\",\"action\":\"modify\",\"baseBlobSha\":\"")
                    .append(fixtures.blobOf(repo, "src/f" + i + ".txt")).append("\",\"content\":\"line\\nmore\\n\"}");
        }
        changes.append("]}");
        for (int p = 0; p < n; p++) {
            fixtures.plan(lead, "shop", "Other " + p);
        }
        Plan plan = fixtures.plan(lead, "shop", "Checkout");
        fixtures.artifact(lead, plan.id, ArtifactType.FEATURE_PLAN, PlanFixtures.FEATURE_PLAN);
        UUID last = plan.id;
        for (int v = 1; v < n; v++) {
            last = fixtures.newVersion(lead, last);
        }
        fixtures.artifact(lead, last, ArtifactType.CODE_CHANGES, changes.toString());
        return last;
    }
}
