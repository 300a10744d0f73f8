package dev.specboard.spec;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The wiring between specs, stories, repositories and notifications, end to end through the API. */
@QuarkusTest
class SpecRollupsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    RepoTestSupport repos;

    @Inject
    EntityManager em;

    private int readyStory(TestData.Team team, String title) {
        String slug = team.slug();
        int n = fx.api(team.member()).body(Map.of("title", title, "description", "As a user I want " + title))
                .post("/api/v1/projects/" + slug + "/stories").then().statusCode(201).extract().path("number");
        fx.api(team.member()).post("/api/v1/projects/" + slug + "/stories/" + n + "/submit").then().statusCode(200);
        fx.api(team.lead()).post("/api/v1/projects/" + slug + "/stories/" + n + "/approve").then().statusCode(200)
                .body("status", equalTo("ready"));
        return n;
    }

    @Test
    void syncedCommitMergesTaskCompletesSpecImplementsStoryAndTellsTheAuthor() throws Exception {
        TestData.Team team = data.team();
        String slug = team.slug();
        int story = readyStory(team, "export reports");
        String specKey = fx.api(team.lead()).body(SpecApiFixtures.hierarchical(story, "Export", List.of(), "exporter"))
                .post("/api/v1/projects/" + slug + "/specs").then().statusCode(201).extract().path("key");
        String task = specKey.replace("SPEC", "TASK") + "-1";
        try (GitFixture git = GitFixture.create()) {
            String sha = git.commit("Exporter", "src/Exporter.java", "class Exporter {}\n");
            fx.api(team.member()).post("/api/v1/projects/" + slug + "/tasks/" + task + "/claim").then().statusCode(200);
            fx.api(team.member()).post("/api/v1/projects/" + slug + "/tasks/" + task + "/start").then().statusCode(200);
            fx.api(team.member()).body(Map.of("commitSha", sha))
                    .post("/api/v1/projects/" + slug + "/tasks/" + task + "/complete").then().statusCode(200)
                    .body("status", equalTo("completed"));

            Repo repo = repos.add(team.project(), team.lead(), "app", git.url());
            repos.awaitLatest(repo);

            fx.api(team.member()).get("/api/v1/projects/" + slug + "/tasks/" + task).then().statusCode(200)
                    .body("task.status", equalTo("merged"));
        }
        fx.api(team.member()).get("/api/v1/projects/" + slug + "/specs/" + specKey).then().statusCode(200)
                .body("status", equalTo("complete"));
        fx.api(team.member()).get("/api/v1/projects/" + slug + "/stories/" + story).then().statusCode(200)
                .body("status", equalTo("implemented"));
        fx.api(team.lead()).get("/api/v1/notifications").then().statusCode(200)
                .body("type", hasItem("task_claimed")).body("type", hasItem("task_completed")).body("type", hasItem("task_merged"))
                .body("find { it.type == 'task_merged' }.payload.message", equalTo(task + " was merged"))
                // The lead hears who claimed and completed the task (a merge is the sync's).
                .body("find { it.type == 'task_claimed' }.payload.message", equalTo(task + " was claimed by " + team.member().username))
                .body("find { it.type == 'task_completed' }.payload.actor", equalTo(team.member().username));
        // The member did the work: they are not told about their own moves.
        fx.api(team.member()).get("/api/v1/notifications").then().statusCode(200)
                .body("type", not(hasItem("task_claimed")));
    }

    private String startedTasks(TestData.Team team, String title, String... phases) {
        String slug = team.slug();
        String specKey = fx.api(team.lead()).body(SpecApiFixtures.hierarchical(null, title, List.of(), phases))
                .post("/api/v1/projects/" + slug + "/specs").then().statusCode(201).extract().path("key");
        for (int i = 1; i <= phases.length; i++) {
            String task = specKey.replace("SPEC", "TASK") + "-" + i;
            fx.api(team.member()).post("/api/v1/projects/" + slug + "/tasks/" + task + "/claim").then().statusCode(200);
            fx.api(team.member()).post("/api/v1/projects/" + slug + "/tasks/" + task + "/start").then().statusCode(200);
        }
        return specKey.replace("SPEC", "TASK");
    }

    @Test
    void completingWithACommitAlreadyOnTheSyncedBranchMergesAtOnce() {
        TestData.Team team = data.team();
        String slug = team.slug();
        try (GitFixture git = GitFixture.create()) {
            String onMain = git.commit("Exporter", "src/Exporter.java", "class Exporter {}\n");
            git.branch("feature");
            String onFeature = git.commit("Work in progress", "src/Wip.java", "class Wip {}\n");
            git.checkout("main");
            Repo repo = repos.add(team.project(), team.lead(), "app", git.url());
            assertEquals(SyncStatus.SUCCESS, repos.awaitLatest(repo).status);
            String tasks = startedTasks(team, "Export", "exporter", "wip");

            fx.api(team.member()).body(Map.of("commitSha", onMain))
                    .post("/api/v1/projects/" + slug + "/tasks/" + tasks + "-1/complete").then().statusCode(200)
                    .body("status", equalTo("merged")).body("mergedAt", notNullValue());
            fx.api(team.member()).body(Map.of("commitSha", onFeature))
                    .post("/api/v1/projects/" + slug + "/tasks/" + tasks + "-2/complete").then().statusCode(200)
                    .body("status", equalTo("completed"));
            fx.api(team.member()).get("/api/v1/projects/" + slug + "/tasks/" + tasks + "-1").then().statusCode(200)
                    .body("events.to", contains("pending", "claimed", "in_progress", "completed", "merged"));
        }
    }

    @Test
    void completingBeforeAnyRepositoryIsSyncedLeavesTheTaskCompleted() {
        TestData.Team team = data.team();
        String tasks = startedTasks(team, "Lonely", "only");
        fx.api(team.member()).body(Map.of("commitSha", "0123456789abcdef0123456789abcdef01234567"))
                .post("/api/v1/projects/" + team.slug() + "/tasks/" + tasks + "-1/complete").then().statusCode(200)
                .body("status", equalTo("completed"));
    }

    @Test
    void aSyncWithoutNewCommitsMergesEveryCompletedTaskTheBranchContains() {
        TestData.Team team = data.team();
        String slug = team.slug();
        try (GitFixture git = GitFixture.create()) {
            List<String> onMain = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                onMain.add(git.commit("Step " + i, "src/Step" + i + ".java", "class Step" + i + " {}\n"));
            }
            git.branch("feature");
            String onFeature = git.commit("Not merged", "src/Later.java", "class Later {}\n");
            git.checkout("main");
            git.commit("Newest", "README.md", "# app\n");
            Repo repo = repos.add(team.project(), team.lead(), "app", git.url());
            assertEquals(1, repos.awaitLatest(repo).manifestVersion);
            String tasks = startedTasks(team, "Steps", "one", "two", "three", "four", "five");
            // Completed while the sync could not see them (before merge detection ran at completion, or racing a sync).
            List<String> commits = new ArrayList<>(onMain);
            commits.add(onFeature);
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < commits.size(); i++) {
                    em.createNativeQuery("UPDATE implementation_tasks SET status = 'completed', commit_sha = ?1, completed_at = now() "
                                    + "WHERE project_id = ?2 AND task_id = ?3")
                            .setParameter(1, commits.get(i)).setParameter(2, team.project().id).setParameter(3, tasks + "-" + (i + 1))
                            .executeUpdate();
                }
            });

            RepoSync again = repos.sync(repo);
            assertEquals(SyncStatus.SUCCESS, again.status, again.errorMessage);
            assertEquals(1, again.manifestVersion, "no new commit, no new manifest");
            fx.api(team.member()).get("/api/v1/projects/" + slug + "/tasks?status=merged").then().statusCode(200)
                    .body("key", contains(tasks + "-1", tasks + "-2", tasks + "-3", tasks + "-4"));
            fx.api(team.member()).get("/api/v1/projects/" + slug + "/tasks/" + tasks + "-5").then().statusCode(200)
                    .body("task.status", equalTo("completed"));
        }
    }

    @Test
    void editingAnApprovedStoryMarksItsSpecsDirtyUntilALeadReviews() {
        TestData.Team team = data.team();
        String slug = team.slug();
        int story = readyStory(team, "import reports");
        String specKey = fx.api(team.lead()).body(SpecApiFixtures.hierarchical(story, "Import", List.of(), "importer"))
                .post("/api/v1/projects/" + slug + "/specs").then().statusCode(201).extract().path("key");
        String page = "/projects/" + slug + "/specs/" + specKey;
        assertNull(Web.html(Web.as(team.member()).get(page)).getElementById("spec-dirty"));

        int version = fx.api(team.member()).get("/api/v1/projects/" + slug + "/stories/" + story).then().extract().path("version");
        fx.api(team.member()).body(Map.of("title", "import reports", "description", "Now also CSV", "acceptanceCriteria", "",
                        "version", version))
                .put("/api/v1/projects/" + slug + "/stories/" + story).then().statusCode(200);
        assertNotNull(Web.html(Web.as(team.member()).get(page)).getElementById("spec-dirty"));
        // Agents see it too: the spec, the spec list, a task's context and the claim's answer say the spec is dirty.
        String api = "/api/v1/projects/" + slug;
        String task = specKey.replace("SPEC", "TASK") + "-1";
        fx.api(team.member()).get(api + "/specs/" + specKey).then().statusCode(200).body("dirty", equalTo(true));
        fx.api(team.member()).get(api + "/specs").then().statusCode(200).body("find { it.key == '" + specKey + "' }.dirty", equalTo(true));
        fx.api(team.member()).get(api + "/tasks/" + task + "/context").then().statusCode(200).body("spec.dirty", equalTo(true));
        fx.api(team.member()).post(api + "/tasks/claim-next").then().statusCode(200).body("task.key", equalTo(task)).body("spec.dirty", equalTo(true));

        Web.as(team.member()).post(page + "/reviewed").then().statusCode(403);
        Web.as(team.lead()).post(page + "/reviewed").then().statusCode(303);
        assertNull(Web.html(Web.as(team.member()).get(page)).getElementById("spec-dirty"));
        fx.api(team.member()).get(api + "/specs/" + specKey).then().statusCode(200).body("dirty", equalTo(false));
        fx.api(team.member()).get(api + "/tasks/" + task + "/context").then().statusCode(200).body("spec.dirty", equalTo(false));

        // A script does the same over the API, with the lead's role (the edited story, back in review, approved again,
        // then changed again).
        fx.api(team.lead()).post(api + "/stories/" + story + "/approve").then().statusCode(200);
        int current = fx.api(team.member()).get(api + "/stories/" + story).then().extract().path("version");
        fx.api(team.member()).body(Map.of("title", "import reports", "description", "Now also CSV and XLSX", "acceptanceCriteria", "",
                        "version", current))
                .put(api + "/stories/" + story).then().statusCode(200);
        fx.api(team.member()).get(api + "/specs/" + specKey).then().statusCode(200).body("dirty", equalTo(true));
        fx.api(team.member()).post(api + "/specs/" + specKey + "/reviewed").then().statusCode(403);
        fx.api(team.lead()).post(api + "/specs/" + specKey + "/reviewed").then().statusCode(200).body("dirty", equalTo(false))
                .body("key", equalTo(specKey));
        fx.api(team.lead()).post(api + "/specs/SPEC-999/reviewed").then().statusCode(404);
    }

    @Test
    void aDraftWhoseWorkWentBackToPendingIsADraftAgainAndAnApprovedSpecStaysApproved() {
        TestData.Team team = data.team();
        String p = "/api/v1/projects/" + team.slug();
        String draft = fx.api(team.lead()).body(SpecApiFixtures.hierarchical(null, "Draft work", List.of(), "one"))
                .post(p + "/specs").then().statusCode(201).extract().path("key");
        String approved = fx.api(team.lead()).body(SpecApiFixtures.hierarchical(null, "Approved work", List.of(), "one"))
                .post(p + "/specs").then().statusCode(201).extract().path("key");
        fx.api(team.lead()).post(p + "/specs/" + approved + "/approve").then().statusCode(200).body("status", equalTo("approved"));
        for (String spec : List.of(draft, approved)) {
            String task = spec.replace("SPEC", "TASK") + "-1";
            fx.api(team.member()).post(p + "/tasks/" + task + "/claim").then().statusCode(200);
            fx.api(team.member()).get(p + "/specs/" + spec).then().statusCode(200).body("status", equalTo("in_progress"));
            fx.api(team.member()).post(p + "/tasks/" + task + "/release").then().statusCode(200);
        }
        fx.api(team.member()).get(p + "/specs/" + draft).then().statusCode(200).body("status", equalTo("draft"));
        fx.api(team.member()).get(p + "/specs/" + approved).then().statusCode(200).body("status", equalTo("approved"));
        fx.api(team.lead()).post(p + "/specs/" + draft + "/approve").then().statusCode(200).body("status", equalTo("approved"));
    }

    @Test
    void aSpecAfterOneNumberedAtTheHighestKeyTakesAFreeNumberItsKeyReaches() {
        TestData.Team team = data.team();
        data.storyNumbered(team, 999_999_999);
        String p = "/api/v1/projects/" + team.slug();
        fx.api(team.lead()).body(SpecApiFixtures.hierarchical(999_999_999, "Far away", List.of(), "one"))
                .post(p + "/specs").then().statusCode(201).body("key", equalTo("SPEC-999999999"));
        String next = fx.api(team.lead()).body(SpecApiFixtures.hierarchical(null, "Next", List.of(), "one"))
                .post(p + "/specs").then().statusCode(201).extract().path("key");
        fx.api(team.member()).get(p + "/specs/" + next).then().statusCode(200).body("title", equalTo("Next"));
        fx.api(team.member()).get(p + "/tasks/" + next.replace("SPEC", "TASK") + "-1").then().statusCode(200);
    }

    /** DESIGN: a story is implemented when every task of its specs is done; reopening work or linking more takes that back. */
    @Test
    void anImplementedStoryIsReadyAgainWhenATaskReopensOrAnotherSpecIsLinkedAndImplementedWhenAllAreDoneAgain() {
        TestData.Team team = data.team();
        String p = "/api/v1/projects/" + team.slug();
        int story = readyStory(team, "print invoices");
        String spec = fx.api(team.lead()).body(SpecApiFixtures.hierarchical(story, "Print", List.of(), "printer"))
                .post(p + "/specs").then().statusCode(201).extract().path("key");
        String task = spec.replace("SPEC", "TASK") + "-1";
        complete(team, task);
        fx.api(team.member()).get(p + "/stories/" + story).then().statusCode(200).body("status", equalTo("implemented"));

        Web.as(team.member()).contentType("application/x-www-form-urlencoded").post("/projects/" + team.slug() + "/tasks/" + task + "/reopen")
                .then().statusCode(303);
        fx.api(team.member()).get(p + "/specs/" + spec).then().statusCode(200).body("status", equalTo("in_progress"));
        fx.api(team.member()).get(p + "/stories/" + story).then().statusCode(200).body("status", equalTo("ready"));
        fx.api(team.member()).body(Map.of("commitSha", "b".repeat(40))).post(p + "/tasks/" + task + "/complete").then().statusCode(200);
        fx.api(team.member()).get(p + "/stories/" + story).then().statusCode(200).body("status", equalTo("implemented"));

        String more = fx.api(team.lead()).body(SpecApiFixtures.hierarchical(story, "Print more", List.of(), "batch"))
                .post(p + "/specs").then().statusCode(201).extract().path("key");
        fx.api(team.member()).get(p + "/stories/" + story).then().statusCode(200).body("status", equalTo("ready"));
        complete(team, more.replace("SPEC", "TASK") + "-1");
        fx.api(team.member()).get(p + "/stories/" + story).then().statusCode(200).body("status", equalTo("implemented"));
    }

    /** The rollup also runs on approval: specs that completed while the story was in review have nothing left to say. */
    @Test
    void aStoryApprovedAgainAfterItsSpecsCompletedIsImplementedAtOnce() {
        TestData.Team team = data.team();
        String p = "/api/v1/projects/" + team.slug();
        int story = readyStory(team, "export ledgers");
        String spec = fx.api(team.lead()).body(SpecApiFixtures.hierarchical(story, "Export", List.of(), "ledger"))
                .post(p + "/specs").then().statusCode(201).extract().path("key");
        complete(team, spec.replace("SPEC", "TASK") + "-1");
        int version = fx.api(team.member()).get(p + "/stories/" + story).then().statusCode(200).body("status", equalTo("implemented"))
                .extract().path("version");

        fx.api(team.member()).body(Map.of("title", "export ledgers as CSV", "description", "As a user I want CSV",
                "acceptanceCriteria", "", "version", version)).put(p + "/stories/" + story).then().statusCode(200)
                .body("stage", equalTo("in_review"));
        fx.api(team.lead()).post(p + "/stories/" + story + "/approve").then().statusCode(200).body("status", equalTo("implemented"));
        fx.api(team.member()).get(p + "/stories/" + story).then().statusCode(200).body("status", equalTo("implemented"));
    }

    private void complete(TestData.Team team, String task) {
        String p = "/api/v1/projects/" + team.slug() + "/tasks/" + task;
        fx.api(team.member()).post(p + "/claim").then().statusCode(200);
        fx.api(team.member()).post(p + "/start").then().statusCode(200);
        fx.api(team.member()).body(Map.of("commitSha", "a".repeat(40))).post(p + "/complete").then().statusCode(200);
    }
}
