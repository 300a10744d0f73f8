package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.specboard.spec.SpecApiFixtures.hierarchical;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TaskApiTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    TaskService taskService;

    private String base(TestData.Team t) {
        return "/api/v1/projects/" + t.slug();
    }

    @Test
    void creatingAHierarchicalSpecCreatesOnePendingTaskPerPhase() {
        TestData.Team t = data.team();
        data.stories(t, 12);
        fx.api(t.member()).body(hierarchical(12, "Login", null, "database-layer", "api-layer", "ui-layer"))
                .post(base(t) + "/specs")
                .then().statusCode(201)
                .body("key", equalTo("SPEC-12"))
                .body("tasks.key", contains("TASK-12-1", "TASK-12-2", "TASK-12-3"))
                .body("tasks.scope", contains("database-layer", "api-layer", "ui-layer"))
                .body("tasks[0].branchName", equalTo("roadmap-implementation_task-TASK-12-1"))
                .body("tasks.status", contains("pending", "pending", "pending"));
        fx.api(t.viewer()).get(base(t) + "/specs/SPEC-12").then().statusCode(200)
                .body("roadmapItemId", equalTo("US-12"))
                .body("phases", hasSize(3))
                .body("estimatedHours", equalTo(6.0f))
                .body("version", equalTo(1));
    }

    @Test
    void specTakesTheNextFreeNumberWhenTheStorysNumberIsTaken() {
        TestData.Team t = data.team();
        data.stories(t, 3);
        fx.api(t.member()).body(hierarchical(3, "A", null, "one")).post(base(t) + "/specs").then().statusCode(201).body("key", equalTo("SPEC-3"));
        fx.api(t.member()).body(hierarchical(3, "B", null, "one")).post(base(t) + "/specs").then().statusCode(201).body("key", equalTo("SPEC-4"));
        fx.api(t.member()).body(Map.of("title", "Mono", "specType", "monolithic", "content", "# Whole thing"))
                .post(base(t) + "/specs").then().statusCode(201).body("key", equalTo("SPEC-5"))
                .body("tasks.scope", contains("implementation"));
    }

    @Test
    void aSpecForAStoryThatDoesNotExistIsRefusedAndALinkItHadStaysEditable() {
        TestData.Team t = data.team();
        fx.api(t.member()).body(hierarchical(99, "Orphan", null, "one")).post(base(t) + "/specs").then().statusCode(422)
                .body("details.storyNumber", equalTo("There is no story US-99 in this project"));
        fx.api(t.member()).get(base(t) + "/specs").then().statusCode(200).body("", hasSize(0));

        data.stories(t, 1);
        fx.api(t.member()).body(hierarchical(1, "Linked", null, "one")).post(base(t) + "/specs").then().statusCode(201);
        Map<String, Object> moved = new java.util.HashMap<>(hierarchical(2, "Linked", null, "one"));
        moved.put("version", 1);
        fx.api(t.member()).body(moved).put(base(t) + "/specs/SPEC-1").then().statusCode(422)
                .body("details.storyNumber", equalTo("There is no story US-2 in this project"));
        Map<String, Object> kept = new java.util.HashMap<>(hierarchical(1, "Linked, renamed", null, "one"));
        kept.put("version", 1);
        fx.api(t.member()).body(kept).put(base(t) + "/specs/SPEC-1").then().statusCode(200).body("storyNumber", equalTo(1));
    }

    @Test
    void invalidPhasesAnswer422NamingEachField() {
        TestData.Team t = data.team();
        Map<String, Object> body = hierarchical(null, "Bad", null, "Same", "same", "same");
        fx.api(t.member()).body(body).post(base(t) + "/specs").then().statusCode(422)
                .body("details.'phases[0].name'", containsString("Lowercase"))
                .body("details.'phases[2].name'", containsString("already"));
        fx.api(t.member()).get(base(t) + "/specs").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aNullPhaseIs422NamingItOnCreateAndEdit() {
        TestData.Team t = data.team();
        Map<String, Object> body = new java.util.HashMap<>(hierarchical(null, "Nulls", null, "one"));
        List<Object> phases = new java.util.ArrayList<>((List<?>) body.get("phases"));
        phases.add(null);
        body.put("phases", phases);
        fx.api(t.member()).body(body).post(base(t) + "/specs").then().statusCode(422)
                .body("details.'phases[1]'", containsString("not null"));
        fx.api(t.member()).body(hierarchical(null, "Fine", null, "one")).post(base(t) + "/specs").then().statusCode(201);
        body.put("version", 1);
        fx.api(t.member()).body(body).put(base(t) + "/specs/SPEC-1").then().statusCode(422)
                .body("details.'phases[1]'", containsString("not null"));
    }

    @Test
    void secondClaimOfTheSameTaskGets409() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        fx.api(t.member()).body(hierarchical(1, "S", null, "one")).post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200)
                .body("status", equalTo("claimed")).body("claimedBy", equalTo(t.member().username));
        fx.api(t.lead()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(409)
                .body("error", containsString("already claimed by " + t.member().username));
    }

    @Test
    void claimNextGivesThePhaseOnlyThen204WhenNothingIsReady() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        fx.api(t.member()).body(hierarchical(1, "S", null, "one", "two")).post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(200)
                .body("task.key", equalTo("TASK-1-1"))
                .body("task.status", equalTo("claimed"))
                .body("spec.overview", equalTo("Overview of S"))
                .body("phase.name", equalTo("one"))
                .body("phase.content", containsString("Do the one work"))
                .body("phase.content", org.hamcrest.Matchers.not(containsString("two")));
        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(200).body("task.key", equalTo("TASK-1-2"));
        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(204);
        fx.api(t.viewer()).get(base(t) + "/tasks/TASK-1-2/context").then().statusCode(200)
                .body("phase.name", equalTo("two")).body("spec.key", equalTo("SPEC-1"));
    }

    @Test
    void claimNextAnswersWhatTheTasksContextSays() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        fx.api(t.member()).body(hierarchical(1, "S", null, "one", "two")).post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).body(Map.of("title", "Mono", "specType", "monolithic", "content", "# Whole thing"))
                .post(base(t) + "/specs").then().statusCode(201);
        String token = fx.token(t.member());
        // The first task again after a release, now with a progress note: the answer carries the note too.
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.member()).body(Map.of("body", "Halfway: the **schema** is done")).post(base(t) + "/tasks/TASK-1-1/notes").then().statusCode(201);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/release").then().statusCode(200);
        for (String key : List.of("TASK-1-1", "TASK-1-2", "TASK-2-1")) {
            Response claimed = io.restassured.RestAssured.given().header("Authorization", "Bearer " + token)
                    .post(base(t) + "/tasks/claim-next");
            assertEquals(200, claimed.statusCode());
            Map<String, Object> answer = claimed.jsonPath().getMap("");
            Map<String, Object> context = io.restassured.RestAssured.given().header("Authorization", "Bearer " + token)
                    .get(base(t) + "/tasks/" + key + "/context").then().statusCode(200).extract().jsonPath().getMap("");
            assertEquals(context, answer, key);
        }
        fx.api(t.viewer()).get(base(t) + "/tasks/TASK-1-1/context").then().body("notes.body", contains("Halfway: the **schema** is done"))
                .body("task.claimedBy", equalTo(t.member().username)).body("spec.title", equalTo("S"));
        fx.api(t.viewer()).get(base(t) + "/tasks/TASK-2-1/context").then().body("phase.content", equalTo("# Whole thing"));
    }

    @Test
    void claimNextAnswersFromTheClaimsOwnStatements() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        fx.api(t.member()).body(hierarchical(1, "S", null, "one", "two", "three")).post(base(t) + "/specs").then().statusCode(201);
        String token = fx.token(t.member());
        // The first claim reads the token and the spec's text (parsed once per version).
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).post(base(t) + "/tasks/claim-next").then().statusCode(200);
        List<String> sql = dev.specboard.support.SqlCounter.statements(() -> io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + token).post(base(t) + "/tasks/claim-next").then().statusCode(200)
                .body("task.key", equalTo("TASK-1-2")).body("phase.name", equalTo("two")));
        // project access, the project's status under a key-share lock (an archive waits for the claim), the candidate
        // (row-locked, not moved: it has files), its file locks (a savepoint, the locks, no held task has them), then one
        // statement that moves and logs it, starts the spec and reads the answer's facts; no reload of the task or spec, no notes
        assertEquals(7, sql.size(), String.join("\n", sql));
        assertTrue(sql.stream().noneMatch(q -> q.contains("task_notes t") || q.toLowerCase().contains("select content")), String.join("\n", sql));
    }

    @Test
    void claimNextOfATaskWithoutFilesIsOneStatementAfterProjectAccess() {
        TestData.Team t = data.team();
        fx.api(t.member()).body(Map.of("title", "Mono", "specType", "monolithic", "content", "# Whole thing"))
                .post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).body(Map.of("title", "Mono 2", "specType", "monolithic", "content", "# Second thing"))
                .post(base(t) + "/specs").then().statusCode(201);
        String token = fx.token(t.member());
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).post(base(t) + "/tasks/claim-next").then().statusCode(200);
        List<String> sql = dev.specboard.support.SqlCounter.statements(() -> io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + token).post(base(t) + "/tasks/claim-next").then().statusCode(200)
                .body("task.key", equalTo("TASK-2-1")).body("task.status", equalTo("claimed"))
                .body("task.claimedBy", equalTo(t.member().username)).body("phase.content", equalTo("# Second thing")));
        // project access, the project's status under a key-share lock (an archive waits for the claim), then the claim:
        // pick, move, log, spec start and the answer's facts in one statement
        assertEquals(3, sql.size(), String.join("\n", sql));
        // What that one statement wrote is what every other reader sees: the move in the history (through a token),
        // the spec started, the lease, and the row version moved on (a board move that read it before gets a conflict).
        fx.api(t.viewer()).get(base(t) + "/tasks/TASK-2-1").then().statusCode(200)
                .body("task.status", equalTo("claimed")).body("task.leaseExpiresAt", org.hamcrest.Matchers.notNullValue())
                .body("events[-1].to", equalTo("claimed")).body("events[-1].from", equalTo("pending"))
                .body("events[-1].via", equalTo("token")).body("events[-1].actor", equalTo(t.member().username));
        fx.api(t.viewer()).get(base(t) + "/specs/SPEC-2").then().statusCode(200).body("status", equalTo("in_progress"));
        Number version = (Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ImplementationTask.getEntityManager()
                .createNativeQuery("SELECT version FROM implementation_tasks WHERE project_id = ?1 AND task_id = 'TASK-2-1'")
                .setParameter(1, t.project().id).getSingleResult());
        assertEquals(1, version.intValue());
    }

    @Test
    void moreAgentsAtOnceThanParallelClaimsEachGetADifferentTaskOrNothing() throws Exception {
        TestData.Team t = data.team();
        data.stories(t, 1);
        String[] phases = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "part-" + i).toArray(String[]::new);
        fx.api(t.member()).body(hierarchical(1, "S", null, phases)).post(base(t) + "/specs").then().statusCode(201);
        sixteenAgentsClaimTwelveTasks(t);
    }

    @Test
    void moreAgentsAtOnceThanParallelClaimsEachGetADifferentTaskWithoutFilesOrNothing() throws Exception {
        TestData.Team t = data.team();
        data.stories(t, 1);
        Map<String, Object> spec = new java.util.HashMap<>(hierarchical(1, "S", null));
        // Tasks without files: each claim is the one statement that picks, moves and answers.
        spec.put("phases", java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> Map.of("name", "part-" + i,
                "description", "Part " + i, "hours", 1, "content", "Do part " + i)).toList());
        fx.api(t.member()).body(spec).post(base(t) + "/specs").then().statusCode(201);
        sixteenAgentsClaimTwelveTasks(t);
        fx.api(t.viewer()).get(base(t) + "/tasks?status=claimed").then().statusCode(200).body("size()", equalTo(12));
    }

    private void sixteenAgentsClaimTwelveTasks(TestData.Team t) throws Exception {
        String token = fx.token(t.member());
        int agents = 16; // more than specboard.tasks.parallel-claims: the rest wait their turn
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(agents);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < agents; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).post(base(t) + "/tasks/claim-next");
                }));
            }
            go.countDown();
            List<String> won = new java.util.ArrayList<>();
            int nothing = 0;
            for (var f : answers) {
                Response r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (r.statusCode() == 200) {
                    won.add(r.jsonPath().getString("task.key"));
                } else {
                    assertEquals(204, r.statusCode());
                    nothing++;
                }
            }
            assertEquals(12, won.size(), won.toString());
            assertEquals(12, new java.util.HashSet<>(won).size(), won.toString());
            assertEquals(4, nothing);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tasksOfASpecWithIncompleteDependenciesAreBlocked() {
        TestData.Team t = data.team();
        data.stories(t, 2);
        fx.api(t.member()).body(hierarchical(1, "Base", null, "one")).post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).body(hierarchical(2, "On top", List.of("SPEC-1"), "two")).post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-2-1/claim").then().statusCode(409)
                .body("error", containsString("SPEC-2 depends on SPEC-1")).body("details.blockedBy", contains("SPEC-1"));
        fx.api(t.viewer()).get(base(t) + "/tasks?spec=SPEC-2").then().statusCode(200).body("[0].blocked", equalTo(true));
        // claim-next skips the blocked task
        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(200).body("task.key", equalTo("TASK-1-1"));
        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(204);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/start").then().statusCode(200).body("status", equalTo("in_progress"));
        fx.api(t.member()).body(Map.of("commitSha", SHA)).post(base(t) + "/tasks/TASK-1-1/complete").then().statusCode(200);
        fx.api(t.member()).post(base(t) + "/tasks/claim-next").then().statusCode(200).body("task.key", equalTo("TASK-2-1"));
    }

    @Test
    void dependencyCycleIsRefusedWithTheCycleNamed() {
        TestData.Team t = data.team();
        data.stories(t, 3);
        fx.api(t.member()).body(hierarchical(1, "A", null, "one")).post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).body(hierarchical(2, "B", List.of("SPEC-1"), "one")).post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).body(hierarchical(3, "C", List.of("SPEC-2"), "one")).post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).body(Map.of("dependsOn", "SPEC-3")).post(base(t) + "/specs/SPEC-1/dependencies").then().statusCode(409)
                .body("details.cycle", contains("SPEC-1", "SPEC-3", "SPEC-2", "SPEC-1"))
                .body("error", containsString("SPEC-1 → SPEC-3 → SPEC-2 → SPEC-1"));
    }

    @Test
    void illegalTransitionsAndBadShaAreRefused() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        fx.api(t.member()).body(hierarchical(1, "S", null, "one")).post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/start").then().statusCode(409).body("error", containsString("claim it first"));
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.lead()).post(base(t) + "/tasks/TASK-1-1/start").then().statusCode(200);
        fx.api(t.owner()).body(Map.of("commitSha", "abc123")).post(base(t) + "/tasks/TASK-1-1/complete").then().statusCode(422)
                .body("details.commitSha", containsString("40 hexadecimal"));
        Account other = data.account("other");
        data.addMember(t.project(), other, dev.specboard.kernel.Role.MEMBER);
        fx.api(other).body(Map.of("commitSha", SHA)).post(base(t) + "/tasks/TASK-1-1/complete").then().statusCode(409)
                .body("error", containsString("claimed by " + t.member().username));
        fx.api(t.member()).body(Map.of("reason", "")).post(base(t) + "/tasks/TASK-1-1/fail").then().statusCode(422);
        fx.api(t.member()).body(Map.of("commitSha", SHA.toUpperCase(), "actualHours", 3.5)).post(base(t) + "/tasks/TASK-1-1/complete")
                .then().statusCode(200).body("status", equalTo("completed")).body("commitSha", equalTo(SHA)).body("actualHours", equalTo(3.5f));
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(409)
                .body("error", containsString("completed, not pending"));
        fx.api(t.member()).get(base(t) + "/tasks?status=bogus").then().statusCode(422);
    }

    @Test
    void completingTheLastTaskCompletesTheSpecAndMergeIsRecorded() {
        TestData.Team t = data.team();
        data.stories(t, 7);
        fx.api(t.member()).body(hierarchical(7, "S", null, "one", "two")).post(base(t) + "/specs").then().statusCode(201);
        for (String k : List.of("TASK-7-1", "TASK-7-2")) {
            fx.api(t.member()).post(base(t) + "/tasks/" + k + "/claim").then().statusCode(200);
            fx.api(t.member()).post(base(t) + "/tasks/" + k + "/start").then().statusCode(200);
        }
        // No task has reported hours yet: none, not "0 actual"
        fx.api(t.member()).get(base(t) + "/specs/SPEC-7").then().body("status", equalTo("in_progress")).body("actualHours", nullValue());
        fx.api(t.member()).body(Map.of("commitSha", SHA, "actualHours", 1)).post(base(t) + "/tasks/TASK-7-1/complete").then().statusCode(200);
        assertTrue(fx.completed().stream().noneMatch(e -> e.projectId().equals(t.project().id)));
        fx.api(t.member()).body(Map.of("commitSha", SHA, "actualHours", 2)).post(base(t) + "/tasks/TASK-7-2/complete").then().statusCode(200);
        fx.api(t.member()).get(base(t) + "/specs/SPEC-7").then().body("status", equalTo("complete")).body("actualHours", equalTo(3.0f));
        List<SpecCompleted> mine = fx.completed().stream().filter(e -> e.projectId().equals(t.project().id)).toList();
        assertEquals(List.of(new SpecCompleted(t.project().id, "SPEC-7", 7)), mine);
        assertTrue(fx.transitions().stream().anyMatch(e -> e.taskKey().equals("TASK-7-2") && e.to() == TaskStatus.COMPLETED
                && e.specAuthorId().equals(t.member().id) && e.actorAccountId().equals(t.member().id)));

        assertEquals(2, taskService.markMerged(t.project().id, java.util.Set.of(SHA), java.time.Instant.now()));
        fx.api(t.member()).get(base(t) + "/tasks?status=merged").then().body("key", contains("TASK-7-1", "TASK-7-2"));
        fx.api(t.member()).get(base(t) + "/tasks/TASK-7-1").then().statusCode(200)
                .body("events.to", contains("pending", "claimed", "in_progress", "completed", "merged"))
                .body("events[1].via", equalTo("token"))
                .body("events[4].via", equalTo("system"))
                .body("events[1].actor", equalTo(t.member().username));
    }

    @Test
    void staleSpecEditGets409WithBothVersions() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        fx.api(t.member()).body(hierarchical(1, "S", null, "one")).post(base(t) + "/specs").then().statusCode(201);
        Map<String, Object> edit = new java.util.HashMap<>(hierarchical(1, "S v2", null, "one", "two"));
        edit.put("version", 1);
        fx.api(t.member()).body(edit).put(base(t) + "/specs/SPEC-1").then().statusCode(200)
                .body("version", equalTo(2)).body("tasks.key", contains("TASK-1-1", "TASK-1-2")).body("revisions", hasSize(2));
        edit.put("title", "S stale");
        fx.api(t.lead()).body(edit).put(base(t) + "/specs/SPEC-1").then().statusCode(409)
                .body("details.yourVersion", equalTo(1)).body("details.currentVersion", equalTo(2));
    }

    @Test
    void specEditReplacingItsDependenciesTakesTheProjectsSpecLockOnce() {
        TestData.Team t = data.team();
        data.stories(t, 3);
        fx.api(t.member()).body(hierarchical(1, "A", null, "one")).post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).body(hierarchical(2, "B", null, "one")).post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).body(hierarchical(3, "C", List.of("SPEC-1"), "one")).post(base(t) + "/specs").then().statusCode(201);
        Map<String, Object> edit = new java.util.HashMap<>(hierarchical(3, "C", List.of("SPEC-2"), "one"));
        edit.put("version", 1);
        String token = fx.token(t.member());
        List<String> sql = dev.specboard.support.SqlCounter.statements(() -> io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + token).contentType(io.restassured.http.ContentType.JSON).body(edit)
                .put(base(t) + "/specs/SPEC-3").then().statusCode(200));
        // The edit takes the lock first and the dependency replacement runs under it: a second take was a wasted round trip.
        assertEquals(1, sql.stream().filter(q -> q.contains("'specs:'")).count(), String.join("\n", sql));
        fx.api(t.viewer()).get(base(t) + "/specs/SPEC-3").then().statusCode(200).body("dependsOn", contains("SPEC-2"));
    }

    @Test
    void droppingAPhaseWhoseTaskStartedIsRefused() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        fx.api(t.member()).body(hierarchical(1, "S", null, "one", "two")).post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
        Map<String, Object> edit = new java.util.HashMap<>(hierarchical(1, "S", null, "two"));
        edit.put("version", 1);
        fx.api(t.member()).body(edit).put(base(t) + "/specs/SPEC-1").then().statusCode(422)
                .body("details.phases", containsString("TASK-1-1 is claimed"));
        Map<String, Object> edit2 = new java.util.HashMap<>(hierarchical(1, "S", null, "one"));
        edit2.put("version", 1);
        fx.api(t.member()).body(edit2).put(base(t) + "/specs/SPEC-1").then().statusCode(200).body("tasks.key", contains("TASK-1-1"));
    }

    @Test
    void viewerCannotClaimAndOutsiderGets404() {
        TestData.Team t = data.team();
        data.stories(t, 2);
        fx.api(t.member()).body(hierarchical(1, "S", null, "one")).post(base(t) + "/specs").then().statusCode(201);
        fx.api(t.viewer()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(403);
        fx.api(t.viewer()).body(hierarchical(2, "S", null, "one")).post(base(t) + "/specs").then().statusCode(403);
        fx.api(t.outsider()).get(base(t) + "/tasks").then().statusCode(404);
        fx.api(t.outsider()).post(base(t) + "/tasks/claim-next").then().statusCode(404);
        fx.api(t.member()).get(base(t) + "/tasks/TASK-9-9").then().statusCode(404);
        io.restassured.RestAssured.given().get(base(t) + "/tasks").then().statusCode(401);
    }
}
