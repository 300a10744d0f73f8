package dev.specboard.api;

import dev.specboard.plan.PlanFixtures;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PlanApiTest {

    @Inject
    TestData data;

    @Inject
    PlanFixtures fixtures;

    @Inject
    EntityManager em;

    @Inject
    dev.specboard.repo.RepoTestSupport repos;

    @Inject
    dev.specboard.plan.PlanService plans;

    private String createPlan(TestData.Team t, String name) {
        return Api.as(t.lead()).body(Map.of("name", name, "description", "Pay for the cart", "targetBranch", "main"))
                .post("/api/v1/projects/" + t.slug() + "/repos/shop/plans")
                .then().statusCode(201).body("version", equalTo(1)).body("status", equalTo("draft"))
                .body("targetBranch", equalTo("main")).extract().path("id");
    }

    private Response addArtifact(TestData.Team t, String planId, String type, String json) {
        return Api.as(t.lead()).body("{\"artifactType\":\"" + type + "\",\"content\":" + json + "}")
                .post("/api/v1/projects/" + t.slug() + "/plans/" + planId + "/artifacts");
    }

    /** A repository's plans come fifty a page (?page=, as the job list pages): the list was every plan of the project, filtered. */
    @Test
    void aRepositorysPlansComeFiftyAPageInTheSameStatementsForTenTimesTheRows() {
        TestData.Team small = data.team();
        TestData.Team big = data.team();
        try (GitFixture a = GitFixture.create(); GitFixture b = GitFixture.create()) {
            fixtures.shop(small.project(), small.owner(), a);
            fixtures.shop(big.project(), big.owner(), b);
            dev.specboard.project.Access smallLead = PlanFixtures.access(small.project(), small.lead(), dev.specboard.kernel.Role.LEAD);
            dev.specboard.project.Access bigLead = PlanFixtures.access(big.project(), big.lead(), dev.specboard.kernel.Role.LEAD);
            for (int i = 1; i <= 5; i++) {
                fixtures.plan(smallLead, "shop", "Small " + i);
            }
            for (int i = 1; i <= 55; i++) {
                fixtures.plan(bigLead, "shop", "Plan " + i);
            }
            String list = "/api/v1/projects/" + big.slug() + "/repos/shop/plans";
            Api.as(big.viewer()).get(list).then().statusCode(200).body("size()", equalTo(50)).body("[0].name", equalTo("Plan 55"));
            Api.as(big.viewer()).get(list + "?page=1").then().statusCode(200).body("size()", equalTo(50));
            Api.as(big.viewer()).get(list + "?page=2").then().statusCode(200)
                    .body("name", equalTo(List.of("Plan 5", "Plan 4", "Plan 3", "Plan 2", "Plan 1")));
            Api.as(big.viewer()).get(list + "?page=3").then().statusCode(200).body("size()", equalTo(0));
            Api.as(big.viewer()).get(list + "?page=-3").then().statusCode(400).body("details.page", equalTo("must be a whole number from 1"));
            Api.as(big.viewer()).get(list + "?page=x").then().statusCode(400).body("details.page", equalTo("must be a whole number from 1"));
            Api.as(big.viewer()).get("/api/v1/projects/" + big.slug() + "/repos/nope/plans").then().statusCode(404);
            String all = "/api/v1/projects/" + big.slug() + "/plans";
            Api.as(big.viewer()).get(all).then().statusCode(200).body("size()", equalTo(50)).body("[0].name", equalTo("Plan 55"));
            Api.as(big.viewer()).get(all + "?page=2").then().statusCode(200).body("size()", equalTo(5));
            Api.as(big.viewer()).get(all + "?page=x").then().statusCode(400).body("details.page", equalTo("must be a whole number from 1"));

            String smallList = "/api/v1/projects/" + small.slug() + "/repos/shop/plans";
            Api.as(small.viewer()).get(smallList).then().statusCode(200).body("size()", equalTo(5));
            long five = dev.specboard.support.SqlCounter.count(() -> Api.as(small.viewer()).get(smallList).then().statusCode(200));
            long fifty = dev.specboard.support.SqlCounter.count(() -> Api.as(big.viewer()).get(list).then().statusCode(200));
            assertEquals(five, fifty, "repository plan list statements for 5 vs 50 rows");
            assertEquals(dev.specboard.support.SqlCounter.count(() -> Api.as(small.viewer()).get("/api/v1/projects/" + small.slug() + "/plans").then().statusCode(200)),
                    dev.specboard.support.SqlCounter.count(() -> Api.as(big.viewer()).get(all).then().statusCode(200)),
                    "project plan list statements for 5 vs 50 rows");
        }
    }

    /** The API's plan lists took no status, and the project's list no repository: an agent had to read every plan to find the active ones. */
    @Test
    void planListsFilterByStatusAndTheProjectListByRepository() {
        TestData.Team t = data.team();
        try (GitFixture a = GitFixture.create(); GitFixture b = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), a);
            b.commit("docs", Map.of("README.md", "# Docs\n"));
            repos.add(t.project(), t.owner(), "docs", b.url());
            dev.specboard.project.Access lead = PlanFixtures.access(t.project(), t.lead(), dev.specboard.kernel.Role.LEAD);
            fixtures.plan(lead, "shop", "Draft one");
            UUID active = fixtures.plan(lead, "shop", "Active one").id;
            plans.changeStatus(lead, active, "active");
            fixtures.plan(lead, "docs", "Docs draft");
            String all = "/api/v1/projects/" + t.slug() + "/plans";
            Api.as(t.viewer()).get(all).then().statusCode(200).body("size()", equalTo(3));
            Api.as(t.viewer()).get(all + "?status=active").then().statusCode(200).body("name", equalTo(List.of("Active one")));
            Api.as(t.viewer()).get(all + "?repo=docs").then().statusCode(200).body("name", equalTo(List.of("Docs draft")));
            Api.as(t.viewer()).get(all + "?repo=shop&status=DRAFT").then().statusCode(200).body("name", equalTo(List.of("Draft one")));
            Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/repos/shop/plans?status=active").then().statusCode(200)
                    .body("name", equalTo(List.of("Active one")));
            Api.as(t.viewer()).get(all + "?status=finished").then().statusCode(422)
                    .body("details.status", equalTo("must be one of draft, active, completed, archived"));
            Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/repos/shop/plans?status=finished").then().statusCode(422)
                    .body("details", hasKey("status"));
            Api.as(t.viewer()).get(all + "?repo=nope").then().statusCode(422).body("details.repo", equalTo("no repository named nope"));
        }
    }

    /**
     * A plan's name drops control characters, as every single-line name does; only its ends were trimmed. A character
     * changing the text's direction is refused, named.
     */
    @Test
    void aPlanNameDropsControlCharactersAndIsRefusedWhenNothingElseIsLeft() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), git);
            String plans = "/api/v1/projects/" + t.slug() + "/repos/shop/plans";
            Api.as(t.lead()).body(Map.of("name", "Pay\u202ements", "targetBranch", "main")).post(plans).then().statusCode(422)
                    .body("details.name", equalTo("Remove the invisible direction-changing character (U+202E)"));
            String id = createPlan(t, "Pay\u0007ments");
            Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/plans/" + id).then().statusCode(200).body("name", equalTo("Payments"));
            Api.as(t.lead()).body(Map.of("name", "Payments\u0085", "targetBranch", "main")).post(plans).then().statusCode(422)
                    .body("details.name", equalTo("This repository already has a plan with this name: open it and make a new version instead"))
                    // the plan to open instead, so that an agent need not search for it
                    .body("details.existingPlanId", equalTo(id));
            Api.as(t.lead()).body(Map.of("name", "\u0007\u2066", "targetBranch", "main")).post(plans).then().statusCode(422)
                    .body("details.name", equalTo("Give the plan a name"));
        }
    }

    @Test
    void leadCreatesAPlanAddsArtifactsMakesV2AndReadsBoth() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Repo repo = fixtures.shop(t.project(), t.owner(), git);
            String id = createPlan(t, "Checkout");
            addArtifact(t, id, "feature_plan", PlanFixtures.FEATURE_PLAN).then().statusCode(201).body("artifactType", equalTo("feature_plan"));
            // A document breaking its schema: 422 with details keyed by JSON pointer.
            addArtifact(t, id, "implementation_steps", "{\"steps\":[{\"name\":\"Bad Name\",\"title\":\"x\",\"hours\":\"three\"}]}")
                    .then().statusCode(422).body("details", hasKey("/steps/0/name")).body("details", hasKey("/steps/0/hours"));
            addArtifact(t, id, "implementation_steps", PlanFixtures.STEPS).then().statusCode(201);
            addArtifact(t, id, "code_changes", PlanFixtures.codeChanges(fixtures.blobOf(repo, "src/checkout/Cart.java"))).then().statusCode(201);
            addArtifact(t, id, "budget", "{}").then().statusCode(422).body("details", hasKey("artifactType"));

            JsonPath v2 = Api.as(t.member()).post("/api/v1/projects/" + t.slug() + "/plans/" + id + "/versions")
                    .then().statusCode(201).body("version", equalTo(2)).extract().jsonPath();
            JsonPath plan = Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/plans/" + v2.getString("id"))
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(List.of("feature_plan", "implementation_steps", "code_changes"), plan.getList("artifacts.artifactType"));
            assertEquals("Pay by card", plan.getString("artifacts[0].content.goals[0]"));
            assertEquals(List.of(1, 2), plan.getList("versions.version"));
            // v1 stays as v2 was made from it: no artifact is added to or replaced in it any more.
            addArtifact(t, id, "feature_plan", PlanFixtures.FEATURE_PLAN).then().statusCode(409)
                    .body("error", equalTo("Checkout v1 is an older version: v2 is the newest. Older versions keep their artifacts "
                            + "as they were; edit v2 instead.")).body("details.newestVersion", equalTo(2));
            assertEquals("shop", plan.getString("repository"));
            // Nor does its status move, nor is it turned into a spec, nor does its chat take messages (each was accepted).
            String v1 = "/api/v1/projects/" + t.slug() + "/plans/" + id;
            Api.as(t.member()).body(Map.of("status", "active")).post(v1 + "/status").then().statusCode(409)
                    .body("error", equalTo("Checkout v1 is an older version: v2 is the newest. Older versions keep the status they had; "
                            + "change the status of v2 instead.")).body("details.newestVersion", equalTo(2));
            Api.as(t.member()).post(v1 + "/spec").then().statusCode(409)
                    .body("error", equalTo("Checkout v1 is an older version: v2 is the newest. Older versions stay as they were; "
                            + "turn the steps of v2 into a spec instead.")).body("details.newestVersion", equalTo(2));
            Api.as(t.member()).body(Map.of("content", "Still there?")).post(v1 + "/chat").then().statusCode(409)
                    .body("error", equalTo("Checkout v1 is an older version: v2 is the newest. Older versions keep their chat as it was; "
                            + "ask in the chat of v2 instead.")).body("details.newestVersion", equalTo(2));
            Api.as(t.viewer()).get(v1 + "/chat").then().statusCode(200);
            Api.as(t.viewer()).get(v1).then().statusCode(200).body("status", equalTo("draft")).body("specKey", org.hamcrest.Matchers.nullValue());
            id = v2.getString("id");

            Api.as(t.member()).body(Map.of("status", "completed")).post("/api/v1/projects/" + t.slug() + "/plans/" + id + "/status")
                    .then().statusCode(409);
            Api.as(t.member()).body(Map.of("status", "finished")).post("/api/v1/projects/" + t.slug() + "/plans/" + id + "/status")
                    .then().statusCode(422).body("error", equalTo("Validation failed"))
                    .body("details.status", equalTo("There is no plan status \u201cfinished\u201d: choose draft, active, completed or archived"));
            Api.as(t.member()).body("{}").post("/api/v1/projects/" + t.slug() + "/plans/" + id + "/status")
                    .then().statusCode(422).body("details.status", equalTo("Name the new status: draft, active, completed or archived"));
            Api.as(t.member()).body(Map.of("status", "active")).post("/api/v1/projects/" + t.slug() + "/plans/" + id + "/status")
                    .then().statusCode(200).body("status", equalTo("active"));
            Api.as(t.viewer()).body(Map.of("status", "archived")).post("/api/v1/projects/" + t.slug() + "/plans/" + id + "/status")
                    .then().statusCode(403);
            Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/repos/shop/plans").then().statusCode(200)
                    .body("name", equalTo(List.of("Checkout"))).body("version", equalTo(List.of(2)));
            Api.as(t.outsider()).get("/api/v1/projects/" + t.slug() + "/plans/" + id).then().statusCode(404);
        }
    }

    /**
     * A new version is made from the newest one only: made from an older one it copied that version's artifacts and
     * silently dropped what the newer versions added. The API and MCP both answer 409 naming the newest.
     */
    @Test
    void aNewVersionFromAnOlderVersionIsRefusedNamingTheNewest() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), git);
            String v1 = createPlan(t, "Checkout");
            String versions = "/api/v1/projects/" + t.slug() + "/plans/";
            String v2 = Api.as(t.member()).post(versions + v1 + "/versions").then().statusCode(201).extract().path("id");
            addArtifact(t, v2, "feature_plan", PlanFixtures.FEATURE_PLAN).then().statusCode(201);

            Api.as(t.member()).post(versions + v1 + "/versions").then().statusCode(409)
                    .body("error", equalTo("Checkout v1 is an older version: v2 is the newest. Older versions are not copied into a new "
                            + "version, which would drop what v2 added; make the next version from v2 instead."))
                    .body("details.newestVersion", equalTo(2));
            String token = CDI.current().select(dev.specboard.account.ApiTokenService.class).get().create(t.member().id, "mcp", null, null).value();
            String session = dev.specboard.support.Mcp.initialize(token);
            String mcp = dev.specboard.support.Mcp.answer(token, session, "new_plan_version", true, "project", t.slug(), "planId", v1);
            assertTrue(mcp.contains("v2 is the newest"), mcp);
            Api.as(t.viewer()).get(versions + v2).then().statusCode(200).body("versions.version", equalTo(List.of(1, 2)));

            // From the newest the feature plan added to v2 is carried over.
            String v3 = Api.as(t.member()).post(versions + v2 + "/versions").then().statusCode(201).body("version", equalTo(3)).extract().path("id");
            Api.as(t.viewer()).get(versions + v3).then().statusCode(200).body("artifacts.artifactType", equalTo(List.of("feature_plan")));
        }
    }

    /** A new version may change the description and the target branch; anything else in its body is refused, not dropped. */
    @Test
    void aNewVersionTakesANewDescriptionOrBranchAndRefusesAnyOtherField() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), git);
            String id = createPlan(t, "Branching");
            String versions = "/api/v1/projects/" + t.slug() + "/plans/" + id + "/versions";
            String v2 = Api.as(t.member()).body(Map.of("targetBranch", "release/1.0", "description", "Card payments only"))
                    .post(versions).then().statusCode(201).body("version", equalTo(2)).extract().path("id");
            Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/plans/" + v2).then().statusCode(200)
                    .body("targetBranch", equalTo("release/1.0")).body("description", equalTo("Card payments only")).body("name", equalTo("Branching"));
            Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/plans/" + id).then().statusCode(200).body("targetBranch", equalTo("main"));

            Api.as(t.member()).body(Map.of("targetBranch", "main", "name", "Renamed")).post(versions).then().statusCode(422);
            Api.as(t.member()).body(Map.of("targetBranch", "not a branch!")).post(versions).then().statusCode(422)
                    .body("details", hasKey("targetBranch"));
            Api.as(t.member()).body(Map.of("targetBranch", " ")).post(versions).then().statusCode(422).body("details", hasKey("targetBranch"));
            // Without a body (no content type either) the version is made as before, the same as the one it comes from.
            String token = CDI.current().select(dev.specboard.account.ApiTokenService.class).get().create(t.member().id, "bare", null, null).value();
            String v3 = io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).post("/api/v1/projects/" + t.slug() + "/plans/" + v2 + "/versions")
                    .then().statusCode(201).body("version", equalTo(3)).extract().path("id");
            // As curl -X POST sends it: no Content-Type and no body at all (415 before), and a story approved the same way.
            dev.specboard.support.RawHttp.Answer bare = dev.specboard.support.RawHttp.send("POST /api/v1/projects/" + t.slug() + "/plans/" + v3
                    + "/versions HTTP/1.1\r\nAuthorization: Bearer " + token, (String) null);
            assertEquals(201, bare.status(), bare.body());
            assertTrue(bare.body().contains("\"version\":4"), bare.body());

            String session = dev.specboard.support.Mcp.initialize(token);
            String mcp = dev.specboard.support.Mcp.answer(token, session, "new_plan_version", false, "project", t.slug(),
                    "planId", JsonPath.from(bare.body()).getString("id"), "targetBranch", "develop");
            assertTrue(mcp.contains("\"version\":5"), mcp);
            Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/repos/shop/plans").then().statusCode(200)
                    .body("targetBranch", equalTo(List.of("develop")));
        }
    }

    /**
     * What the schemas cannot say is refused at the save too: a repeated step name, hours beyond cents, a file changed
     * twice, a path leaving the repository.
     */
    @Test
    void repeatedStepNamesAndFilesAndPathsOutsideTheRepositoryAreRefusedWhenSaved() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), git);
            String id = createPlan(t, "Rules");
            addArtifact(t, id, "implementation_steps", "{\"steps\":[{\"name\":\"db\",\"title\":\"A\",\"hours\":1},"
                    + "{\"name\":\"db\",\"title\":\"B\",\"hours\":2}]}").then().statusCode(422)
                    .body("details.'/steps/1/name'", equalTo("Step names are unique in the plan: db is step 1 already"));
            // What the spec made from the steps would refuse: hours beyond cents, a file outside the repository.
            addArtifact(t, id, "implementation_steps", "{\"steps\":[{\"name\":\"db\",\"title\":\"A\",\"hours\":1.234,"
                    + "\"files\":[\"src/a.ex\",\"src/../b.ex\"]},{\"name\":\"ui\",\"title\":\"B\",\"hours\":1.25}]}").then().statusCode(422)
                    .body("details.'/steps/0/hours'", equalTo("Give the hours with at most 2 decimals, like 1.25"))
                    .body("details", hasKey("/steps/0/files/1")).body("details", org.hamcrest.Matchers.not(hasKey("/steps/0/files/0")))
                    .body("details", org.hamcrest.Matchers.not(hasKey("/steps/1/hours")));
            addArtifact(t, id, "code_changes", "{\"changes\":[{\"path\":\"lib/a.ex\",\"action\":\"create\",\"content\":\"x\"},"
                    + "{\"path\":\"lib/a.ex\",\"action\":\"delete\"},{\"path\":\"../etc/passwd\",\"action\":\"create\",\"content\":\"x\"},"
                    + "{\"path\":\"src/./b.ex\",\"action\":\"create\",\"content\":\"x\"}]}").then().statusCode(422)
                    .body("details", hasKey("/changes/1/path")).body("details", hasKey("/changes/2/path")).body("details", hasKey("/changes/3/path"))
                    .body("details", org.hamcrest.Matchers.not(hasKey("/changes/0/path")));
            // A delete with content is named at its content, in words, not by quoting the schema.
            addArtifact(t, id, "code_changes", "{\"changes\":[{\"path\":\"lib/a.ex\",\"action\":\"delete\",\"content\":\"x\"}]}")
                    .then().statusCode(422).body("details.'/changes/0/content'", equalTo("A delete takes no content: leave content out"))
                    .body("details", org.hamcrest.Matchers.aMapWithSize(1));
            // Every problem at once, the schema's and those beyond it: the rules were checked only once the schema passed,
            // so a document breaking both was refused once for each.
            addArtifact(t, id, "implementation_steps", "{\"steps\":[{\"title\":\"s1\"},{\"name\":\"db\",\"title\":\"\",\"hours\":1.234},"
                    + "{\"name\":\"db\",\"title\":\"C\",\"files\":[\"../x\"]},{\"name\":7,\"title\":\"D\"},{\"name\":\"ui\",\"title\":\"E\",\"files\":\"x\"}]}")
                    .then().statusCode(422)
                    .body("details", hasKey("/steps/0/name"))
                    .body("details", hasKey("/steps/1/title"))
                    .body("details.'/steps/1/hours'", equalTo("Give the hours with at most 2 decimals, like 1.25"))
                    .body("details.'/steps/2/name'", equalTo("Step names are unique in the plan: db is step 2 already"))
                    .body("details", hasKey("/steps/2/files/0")).body("details", hasKey("/steps/3/name")).body("details", hasKey("/steps/4/files"))
                    .body("details", org.hamcrest.Matchers.aMapWithSize(7));
            Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/plans/" + id).then().statusCode(200)
                    .body("artifacts", org.hamcrest.Matchers.empty());
            addArtifact(t, id, "implementation_steps", PlanFixtures.STEPS).then().statusCode(201);
        }
    }

    @Test
    void planBecomesAHierarchicalSpecWithOneTaskPerStepLinkedBothWays() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), git);
            String id = createPlan(t, "Checkout");
            Api.as(t.lead()).post("/api/v1/projects/" + t.slug() + "/plans/" + id + "/spec").then().statusCode(422)
                    .body("details", hasKey("implementation_steps"));
            addArtifact(t, id, "implementation_steps", PlanFixtures.STEPS).then().statusCode(201);
            JsonPath spec = Api.as(t.lead()).post("/api/v1/projects/" + t.slug() + "/plans/" + id + "/spec")
                    .then().statusCode(201).extract().jsonPath();
            String key = spec.getString("key");
            assertTrue(key.matches("SPEC-\\d+"), key);
            assertEquals(List.of("cart-total", "payment-api"), spec.getList("tasks.scope"));

            JsonPath full = Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/specs/" + key).then().statusCode(200).extract().jsonPath();
            assertEquals("hierarchical", full.getString("specType"));
            assertEquals("Checkout", full.getString("title"));
            assertEquals(List.of("cart-total", "payment-api"), full.getList("phases.name"));
            assertEquals(5.0f, full.getFloat("phases[1].hours"));
            assertEquals(List.of("src/checkout/Payment.java", "src/checkout/Cart.java"), full.getList("phases[1].assignedFiles"));
            assertEquals(8.0f, full.getFloat("estimatedHours"));

            Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/plans/" + id).then().body("specKey", equalTo(key));
            UUID back = QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery(
                    "SELECT plan_id FROM technical_specs WHERE project_id = ?1 AND spec_number = ?2")
                    .setParameter(1, t.project().id).setParameter(2, Integer.parseInt(key.substring(5))).getSingleResult());
            assertEquals(UUID.fromString(id), back, "the spec links back to its plan");
            Api.as(t.lead()).post("/api/v1/projects/" + t.slug() + "/plans/" + id + "/spec").then().statusCode(409)
                    .body("details.specKey", equalTo(key));
            // The spec follows the artifacts as they were: they no longer change, and the page offers no way to.
            addArtifact(t, id, "implementation_steps", PlanFixtures.STEPS).then().statusCode(409)
                    .body("error", org.hamcrest.Matchers.containsString("was turned into a spec"));
            org.jsoup.nodes.Document page = dev.specboard.support.Web.html(dev.specboard.support.Web.as(t.lead())
                    .get("/projects/" + t.slug() + "/plans/" + id));
            assertEquals(null, page.getElementById("add-artifact"), "no form to change the artifacts");
        }
    }

    @Test
    void whenTheSpecCannotBeCreatedNothingIsSaved() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), git);
            String id = createPlan(t, "Checkout");
            addArtifact(t, id, "implementation_steps", PlanFixtures.STEPS).then().statusCode(201);
            // SPEC-1 exists; one of its tasks already uses the branch the plan's spec (SPEC-2) would give its first task.
            Api.as(t.lead()).body(Map.of("title", "Earlier", "specType", "monolithic", "content", "Text"))
                    .post("/api/v1/projects/" + t.slug() + "/specs").then().statusCode(201).body("key", equalTo("SPEC-1"));
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "UPDATE implementation_tasks SET branch_name = 'roadmap-implementation_task-TASK-2-1' WHERE project_id = ?1")
                    .setParameter(1, t.project().id).executeUpdate());

            Api.as(t.lead()).post("/api/v1/projects/" + t.slug() + "/plans/" + id + "/spec").then().statusCode(409);

            long specs = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "SELECT count(*) FROM technical_specs WHERE project_id = ?1").setParameter(1, t.project().id).getSingleResult()).longValue());
            assertEquals(1, specs, "no SPEC-2, no half-made tasks");
            assertNull(Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/plans/" + id).then().statusCode(200)
                    .extract().path("specKey"), "the plan is not linked to a spec that was rolled back");
        }
    }

    @Test
    void schemasAreServedWithoutLogin() {
        io.restassured.RestAssured.get("/schemas/plan/implementation_steps.schema.json").then().statusCode(200)
                .contentType("application/schema+json").body("title", equalTo("Implementation steps"));
        io.restassured.RestAssured.get("/schemas/plan/nothing.schema.json").then().statusCode(404);
    }
}
