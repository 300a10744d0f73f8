package dev.specboard.assist;

import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.plan.ChatStream;
import dev.specboard.plan.Plan;
import dev.specboard.plan.PlanFixtures;
import dev.specboard.project.Access;
import dev.specboard.repo.GitFixture;
import dev.specboard.review.Comment;
import dev.specboard.search.SearchFixtures;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.LogCapture;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assistant through a configured OpenAI-compatible model: a local protocol double, streaming, a 500 and a timeout. */
@QuarkusTest
@QuarkusTestResource(value = ModelDouble.class, restrictToAnnotatedClass = true)
class ModelAssistantTest {

    @Inject
    TestData data;

    @Inject
    SearchFixtures search;

    @Inject
    PlanFixtures plans;

    @Inject
    ApiTokenService tokens;

    @Inject
    ChatStream stream;

    @Inject
    Assistant assistant;

    @Inject
    JobTestSupport jobs;

    @Inject
    SpecApiFixtures fx;

    private LogCapture logs;

    @BeforeEach
    void listen() {
        ModelDouble.MODE.set("ok");
        logs = LogCapture.everything();
    }

    @AfterEach
    void stopListening() {
        logs.close();
        assertFalse(logs.lines().stream().anyMatch(l -> l.contains(ModelDouble.KEY)), "the API key was logged");
    }

    private record Setup(TestData.Team team, Plan plan, String token, String api) {
    }

    private Setup setup(GitFixture git) {
        TestData.Team t = data.team();
        search.checkoutProject(t, git, "Shoppers pay at checkout.");
        Plan plan = plans.plan(new Access(t.project(), Role.LEAD, t.lead().id), "shop", "Checkout");
        return new Setup(t, plan, tokens.create(t.member().id, "chat", null, null).value(),
                "/api/v1/projects/" + t.slug() + "/plans/" + plan.id + "/chat");
    }

    private static JsonPath ask(Setup s, String question) {
        return RestAssured.given().auth().oauth2(s.token()).contentType("application/json").body(Map.of("content", question)).post(s.api())
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    void theModelAnswersFromTheRetrievedPassagesStreamingTokenByToken() {
        assertTrue(assistant.usesModel());
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            List<String> tokensSeen = new CopyOnWriteArrayList<>();
            Cancellable sub = stream.all().filter(p -> p.planId().equals(s.plan().id) && !p.done())
                    .subscribe().with(p -> tokensSeen.add(p.text()));
            try {
                JsonPath chat = ask(s, "Which tasks touch the checkout code?");
                assertEquals("complete", chat.getString("messages[1].status"), chat.getString("messages[1].error"));
                String answer = chat.getString("messages[1].content");
                String slug = s.team().slug();
                assertEquals("From the model: these tasks touch the checkout code, [TASK-1-1](/projects/" + slug + "/tasks/TASK-1-1), "
                        + "[TASK-1-2](/projects/" + slug + "/tasks/TASK-1-2).", answer);
                assertEquals(answer, String.join("", tokensSeen), "the answer was streamed piece by piece");
                assertTrue(tokensSeen.size() >= 5, tokensSeen.toString());
                assertEquals(2, chat.getList("messages[1].sources").size(), "the sources the model was given are kept");
            } finally {
                sub.cancel();
            }
            String request = ModelDouble.REQUESTS.get(ModelDouble.REQUESTS.size() - 1);
            assertTrue(request.replaceAll("\\s", "").contains("\"stream\":true"), request);
            assertTrue(request.replaceAll("\\s", "").contains("\"model\":\"double-model\""), request);
            assertTrue(request.contains("src/checkout/Cart.java"), "the retrieved passages are in the prompt");
            assertEquals("Bearer " + ModelDouble.KEY, ModelDouble.AUTHORIZATIONS.get(ModelDouble.AUTHORIZATIONS.size() - 1));
            String page = Web.as(s.team().viewer()).get("/projects/" + s.team().slug() + "/plans/" + s.plan().id + "/chat").asString();
            assertTrue(page.contains("configured model"));
            assertFalse(page.contains(ModelDouble.KEY), "the key never appears on a page");
        }
    }

    /**
     * A question whose answer failed stayed in the conversation given to the model: later requests sent user messages one
     * after another, the failed question among them. The model is given answered turns only, and a retried question once.
     */
    @Test
    void theModelIsGivenOnlyAnsweredTurnsAndARetriedQuestionOnce() {
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            assertEquals("complete", ask(s, "What is in the cart?").getString("messages[1].status"));
            ModelDouble.MODE.set("500");
            JsonPath failed = ask(s, "Did the payment fail?");
            assertEquals("failed", failed.getString("messages[3].status"));
            ModelDouble.MODE.set("ok");
            assertEquals("complete", ask(s, "Which tasks touch the checkout code?").getString("messages[5].status"));
            JsonPath sent = JsonPath.from(ModelDouble.REQUESTS.get(ModelDouble.REQUESTS.size() - 1));
            assertEquals(List.of("system", "user", "assistant", "user"), sent.getList("messages.role"));
            assertEquals("What is in the cart?", sent.getString("messages[1].content"));
            assertEquals("Which tasks touch the checkout code?", sent.getString("messages[3].content"));
            assertFalse(sent.prettify().contains("Did the payment fail?"), "the failed question is left out");

            RestAssured.given().auth().oauth2(s.token()).contentType("application/json")
                    .post(s.api() + "/messages/" + failed.getString("messages[3].id") + "/retry").then().statusCode(200);
            sent = JsonPath.from(ModelDouble.REQUESTS.get(ModelDouble.REQUESTS.size() - 1));
            assertEquals(List.of("system", "user", "assistant", "user"), sent.getList("messages.role"), "the retried question is sent once");
            assertEquals(List.of("What is in the cart?", "Did the payment fail?"), sent.getList("messages.findAll { it.role == 'user' }.content"));
        }
    }

    /** A model that answered megabytes had them all stored, and every read of the chat carried them. */
    @Test
    void aHugeAnswerIsCutAtTheCapWithAVisibleNote() {
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            ModelDouble.MODE.set("huge");
            JsonPath chat = ask(s, "again");
            String answer = chat.getString("messages[1].content");
            assertEquals("complete", chat.getString("messages[1].status"), chat.getString("messages[1].error"));
            assertTrue(answer.startsWith("y".repeat(ModelAssistant.DEFAULT_MAX_ANSWER_CHARS)), "the kept part is the answer's start");
            assertTrue(answer.length() < ModelAssistant.DEFAULT_MAX_ANSWER_CHARS + 200, "length " + answer.length());
            assertTrue(answer.endsWith("*(The model's answer was cut here: it was longer than the 100000 characters kept.)*"),
                    answer.substring(answer.length() - 200));
            String read = RestAssured.given().auth().oauth2(s.token()).get(s.api()).then().statusCode(200).extract().path("messages[1].content");
            assertEquals(answer, read, "the chat keeps the cut answer");
        } finally {
            ModelDouble.MODE.set("ok");
        }
    }

    /** A job's draft is the model's text too: it is cut the same way. */
    @Test
    void aHugeDraftOfADocsJobIsCutAtTheCap() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            ModelDouble.MODE.set("huge");
            String base = "/api/v1/projects/" + t.slug();
            String id = fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app", "path", JobTestSupport.DIR)))
                    .post(base + "/jobs").then().statusCode(202).extract().path("id");
            assertEquals(JobStatus.SUCCESS, jobs.await(UUID.fromString(id)).status);
            String draft = fx.api(t.viewer()).get(base + "/jobs/" + id).then().statusCode(200).extract().path("result.draft");
            assertTrue(draft.length() < ModelAssistant.DEFAULT_MAX_ANSWER_CHARS + 200, "length " + draft.length());
            assertTrue(draft.endsWith("characters kept.)*"), draft.substring(draft.length() - 200));
        } finally {
            ModelDouble.MODE.set("ok");
        }
    }

    /** The built-in assistant's words to a reader ("no model is configured, so try other words") were pasted into the model's prompt. */
    @Test
    void whenTheSearchFindsNothingThePromptSaysSoWithoutClaimingNoModelIsConfigured() {
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            JsonPath chat = ask(s, "Zyxwv quorbl?");
            assertEquals("complete", chat.getString("messages[1].status"), chat.getString("messages[1].error"));
            String request = ModelDouble.REQUESTS.get(ModelDouble.REQUESTS.size() - 1);
            assertTrue(request.contains("found nothing about “Zyxwv quorbl?”"), request);
            assertFalse(request.contains("no model is configured"), request);
            assertFalse(request.contains("try other words"), request);
        }
    }

    @Test
    void theApiWaitsForTheModelAndAnswersOnceItsAnswerIsWritten() throws Exception {
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            CountDownLatch arrived = ModelDouble.gate();
            CompletableFuture<JsonPath> asked = CompletableFuture.supplyAsync(() -> ask(s, "Which tasks touch the checkout code?"));
            assertTrue(arrived.await(30, TimeUnit.SECONDS), "the question reached the model");
            assertFalse(asked.isDone(), "the API waits while the model has not answered");
            ModelDouble.release.countDown();
            JsonPath chat = asked.get(60, TimeUnit.SECONDS);
            assertEquals("complete", chat.getString("messages[1].status"), chat.getString("messages[1].error"));
            assertTrue(chat.getString("messages[1].content").startsWith("From the model: these tasks touch the checkout code"),
                    chat.getString("messages[1].content"));
        }
    }

    @Test
    void waitingForTheAnswerDoesNotReadTheChatOverAndOver() throws Exception {
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            ask(s, "Which tasks are there?");
            CountDownLatch arrived = ModelDouble.gate();
            List<String> sql = SqlCounter.statements(() -> {
                CompletableFuture<JsonPath> asked = CompletableFuture.supplyAsync(() -> ask(s, "Which tasks touch the checkout code?"));
                try {
                    assertTrue(arrived.await(30, TimeUnit.SECONDS), "the question reached the model");
                    // The model takes two seconds: a wait that reads the chat every 100 ms would read it twenty times.
                    Thread.sleep(2000);
                    ModelDouble.release.countDown();
                    assertEquals("complete", asked.get(60, TimeUnit.SECONDS).getString("messages[3].status"));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            // The question's own transaction reads the chat once, the answer once more; the worker's statements count too.
            long chatReads = sql.stream().filter(q -> q.contains("from chat_sessions cs1_0 where cs1_0.plan_id=?")).count();
            assertTrue(chatReads <= 2, chatReads + " statements read the chat: " + String.join("\n", sql));
            assertTrue(sql.size() <= 30, sql.size() + " statements: " + String.join("\n", sql));
        }
    }

    @Test
    void withAModelADocsJobAddsAWrittenDraftOnTopOfTheParsedOutline() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String base = "/api/v1/projects/" + t.slug();
            String id = fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app", "path", JobTestSupport.DIR)))
                    .post(base + "/jobs").then().statusCode(202).extract().path("id");
            assertEquals(JobStatus.SUCCESS, jobs.await(UUID.fromString(id)).status);
            JsonPath r = fx.api(t.viewer()).get(base + "/jobs/" + id).then().statusCode(200).extract().jsonPath();
            assertEquals("From the model: these tasks touch the checkout code.", r.getString("result.draft"));
            assertTrue(r.getString("result.markdown").contains("public class Greeter"), "the parsed outline stays beside the draft");
            String request = ModelDouble.REQUESTS.get(ModelDouble.REQUESTS.size() - 1);
            assertTrue(request.contains("public String greet(String name)"), "the model is given the outline: " + request);
        }
    }

    @Test
    void withAModelAnExplanationPutsTheModelsProseFirstOnTheThreadAndKeepsTheFacts() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String base = "/api/v1/projects/" + t.slug();
            String thread = fx.api(t.reviewer()).body(Map.of("path", JobTestSupport.DIR + "/App.java", "lineStart", 9, "lineEnd", 11,
                    "body", "What does this loop do?")).post(base + "/repos/app/threads").then().statusCode(201).extract().path("id");
            String id = fx.api(t.reviewer()).body(Map.of("type", "EXPLANATION", "params", Map.of("threadId", thread)))
                    .post(base + "/jobs").then().statusCode(202).extract().path("id");
            AiJob job = jobs.await(UUID.fromString(id));
            assertEquals(JobStatus.SUCCESS, job.status, job.error);
            List<Comment> comments = QuarkusTransaction.requiringNew().call(() ->
                    Comment.<Comment>list("threadId = ?1 order by createdAt", UUID.fromString(thread)));
            Comment answer = comments.get(comments.size() - 1);
            assertEquals(Comment.AuthorType.AI, answer.authorType);
            int prose = answer.body.indexOf("From the model: these tasks touch the checkout code.");
            assertTrue(prose > 0, answer.body);
            assertTrue(answer.body.indexOf(JobTestSupport.DIR + "/Greeter.java:14") > prose, "the facts follow the prose: " + answer.body);
        }
    }

    /** The requester is removed from the project while the model writes the explanation: the job fails and posts nothing. */
    @Test
    void anExplanationWhoseRequesterLeftWhileTheModelAnsweredPostsNothing() throws InterruptedException {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String base = "/api/v1/projects/" + t.slug();
            String thread = fx.api(t.reviewer()).body(Map.of("path", JobTestSupport.DIR + "/App.java", "lineStart", 9, "lineEnd", 11,
                    "body", "What does this loop do?")).post(base + "/repos/app/threads").then().statusCode(201).extract().path("id");
            AiJob job = removedWhileTheModelAnswers(t, t.reviewer(), Map.of("type", "EXPLANATION", "params", Map.of("threadId", thread)));
            assertEquals(JobStatus.FAILED, job.status, "a removed member's job posts nothing");
            assertTrue(job.error.contains("no longer a member"), job.error);
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Comment.count("threadId", UUID.fromString(thread))), "only the question");
        }
    }

    /** The same for a documentation outline: a requester removed while the model wrote it gets no result kept under their name. */
    @Test
    void aDocsJobWhoseRequesterLeftWhileTheModelAnsweredKeepsNoResult() throws InterruptedException {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            AiJob job = removedWhileTheModelAnswers(t, t.member(), Map.of("type", "DOCS", "params", Map.of("repo", "app", "path", JobTestSupport.DIR)));
            assertEquals(JobStatus.FAILED, job.status, "a removed member's outline is not kept");
            assertTrue(job.error.contains("no longer a member"), job.error);
            assertEquals(null, job.result);
        }
    }

    /**
     * A cancel asked for while the model answers wins over the model's failure: the job ended FAILED ("did not answer
     * within 5 s. Retry the job.") with the cancel forgotten. An explanation posts nothing, a docs job keeps no result.
     */
    @Test
    void aJobCancelledWhileTheModelAnswersEndsCancelledEvenWhenTheModelThenFails() throws InterruptedException {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String base = "/api/v1/projects/" + t.slug();
            String thread = fx.api(t.reviewer()).body(Map.of("path", JobTestSupport.DIR + "/App.java", "lineStart", 9, "lineEnd", 11,
                    "body", "What does this loop do?")).post(base + "/repos/app/threads").then().statusCode(201).extract().path("id");
            AiJob explained = cancelledWhileTheModelAnswers(t, t.reviewer(), Map.of("type", "EXPLANATION", "params", Map.of("threadId", thread)), "500");
            assertEquals(JobStatus.CANCELLED, explained.status, explained.error);
            assertEquals(null, explained.error);
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Comment.count("threadId", UUID.fromString(thread))), "only the question");
            fx.api(t.viewer()).get(base + "/jobs/" + explained.id).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("CANCELLED")).body("error", org.hamcrest.Matchers.nullValue());

            AiJob docs = cancelledWhileTheModelAnswers(t, t.member(), Map.of("type", "DOCS", "params", Map.of("repo", "app", "path", JobTestSupport.DIR)), "500");
            assertEquals(JobStatus.CANCELLED, docs.status, docs.error);
            assertEquals(null, docs.result);
            // A late answer loses to the cancel too: nothing is posted.
            AiJob late = cancelledWhileTheModelAnswers(t, t.reviewer(), Map.of("type", "EXPLANATION", "params", Map.of("threadId", thread)), "ok");
            assertEquals(JobStatus.CANCELLED, late.status, late.error);
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Comment.count("threadId", UUID.fromString(thread))), "only the question");
        }
    }

    /**
     * A cancel reaches a job waiting on the model at once: it showed CANCELLED only once the model's answer came, up to its
     * timeout (20 s here). The model holds its answer until the test releases it; the job ends cancelled while it still
     * holds it, with its lease released and no failure logged, and a retry then runs to a result.
     */
    @Test
    void aCancelEndsAJobWaitingOnTheModelAtOnceAndARetryThenSucceeds() throws InterruptedException {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String base = "/api/v1/projects/" + t.slug();
            UUID id = cancelledWhileTheModelHolds(t, base, () -> fx.api(t.member()).post(base + "/jobs/{id}/cancel", held.get())
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("CANCELLED")));
            String retried = fx.api(t.member()).post(base + "/jobs/" + id + "/retry").then().statusCode(202).extract().path("status");
            assertEquals("QUEUED", retried);
            AiJob job = jobs.await(id);
            assertEquals(JobStatus.SUCCESS, job.status, job.error);
            assertEquals("From the model: these tasks touch the checkout code.", job.result.get("draft"));
        }
    }

    /**
     * A cancel asked on another instance reaches this one's run through the project's job event (LISTEN/NOTIFY): the
     * cancel is written and its event sent as that instance does, without this instance's own signal.
     */
    @Test
    void aCancelAskedOnAnotherInstanceEndsTheWaitThroughTheJobEvent() throws InterruptedException {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String base = "/api/v1/projects/" + t.slug();
            cancelledWhileTheModelHolds(t, base, () -> QuarkusTransaction.requiringNew().run(() -> {
                AiJob job = em.find(AiJob.class, held.get(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                job.cancelRequested = true;
                live.publish(dev.specboard.web.LiveEvent.forProject(JobWorker.LIVE_KIND, job.projectId));
            }));
        }
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    dev.specboard.web.LiveUpdates live;

    /** The job the model holds the answer of, for the cancel of {@link #cancelledWhileTheModelHolds}. */
    private final java.util.concurrent.atomic.AtomicReference<UUID> held = new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Queues the member's DOCS job, runs {@code cancel} once the model holds its answer, and asserts that the job ends
     * CANCELLED while the model still holds it: well before the model's 20 s timeout, the only other way its wait ended.
     * Answers the job, once the model is let go (answering "ok" from then on).
     */
    private UUID cancelledWhileTheModelHolds(TestData.Team t, String base, Runnable cancel) throws InterruptedException {
        CountDownLatch arrived = ModelDouble.gate();
        CountDownLatch release = ModelDouble.release;
        UUID id = UUID.fromString(fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app", "path", JobTestSupport.DIR)))
                .post(base + "/jobs").then().statusCode(202).extract().path("id"));
        held.set(id);
        try (LogCapture failures = LogCapture.of(JobWorker.class, ModelAssistant.class)) {
            assertTrue(arrived.await(30, TimeUnit.SECONDS), "the job asked the model");
            cancel.run();
            AiJob job = null;
            // A generous bound, half the model's timeout: the cancel itself takes well under a second.
            long until = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < until) {
                job = QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(id));
                if (job.status.isFinished()) {
                    break;
                }
                Thread.sleep(50);
            }
            assertEquals(JobStatus.CANCELLED, job.status, "the job ended while the model still held its answer: " + job.error);
            assertEquals(1, release.getCount(), "the model had not answered");
            assertEquals(null, job.error);
            assertEquals(null, job.leaseUntil, "the lease is released");
            assertEquals(null, job.result);
            assertEquals(List.of(), failures.records().stream()
                    .filter(r -> r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()).map(java.util.logging.LogRecord::getMessage).toList(),
                    "a cancel is no failure to log");
        } finally {
            ModelDouble.MODE.set("ok");
            release.countDown();
        }
        return id;
    }

    /** Queues a job, cancels it while the model holds its answer, then lets the model answer in {@code mode}; waits for the end. */
    private AiJob cancelledWhileTheModelAnswers(TestData.Team t, dev.specboard.account.Account requester, Map<String, Object> body, String mode)
            throws InterruptedException {
        String base = "/api/v1/projects/" + t.slug();
        CountDownLatch arrived = ModelDouble.gate();
        String id = fx.api(requester).body(body).post(base + "/jobs").then().statusCode(202).extract().path("id");
        try {
            assertTrue(arrived.await(30, TimeUnit.SECONDS), "the job asked the model");
            fx.api(requester).post(base + "/jobs/" + id + "/cancel").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("CANCELLED")).body("cancelRequested", org.hamcrest.Matchers.equalTo(true));
            ModelDouble.MODE.set(mode); // read by the held request once released
        } finally {
            ModelDouble.release.countDown();
        }
        return jobs.await(UUID.fromString(id));
    }

    /** Queues a job as {@code requester}, removes them from the project while the model answers, and waits for the job to end. */
    private AiJob removedWhileTheModelAnswers(TestData.Team t, dev.specboard.account.Account requester, Map<String, Object> body)
            throws InterruptedException {
        String base = "/api/v1/projects/" + t.slug();
        CountDownLatch arrived = ModelDouble.gate();
        String id = fx.api(requester).body(body).post(base + "/jobs").then().statusCode(202).extract().path("id");
        try {
            assertTrue(arrived.await(30, TimeUnit.SECONDS), "the job asked the model");
            fx.api(t.owner()).delete(base + "/members/" + requester.username).then().statusCode(204);
        } finally {
            ModelDouble.release.countDown();
        }
        return jobs.await(UUID.fromString(id));
    }

    @Test
    void aModelErrorLeavesTheAnswerFailedWithTheQuestionKeptAndARetryAnswersIt() {
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            ModelDouble.MODE.set("500");
            JsonPath failed = ask(s, "Which tasks touch the checkout code?");
            assertEquals("Which tasks touch the checkout code?", failed.getString("messages[0].content"));
            assertEquals("failed", failed.getString("messages[1].status"));
            assertEquals("The model's server answered with an error, status 500.", failed.getString("messages[1].error"));
            assertFalse(failed.getString("messages[1].error").contains(ModelDouble.KEY));

            String chatPage = "/projects/" + s.team().slug() + "/plans/" + s.plan().id + "/chat";
            String id = failed.getString("messages[1].id");
            assertTrue(Web.html(Web.as(s.team().member()).get(chatPage)).getElementById("failure-" + id).text()
                    .equals("The answer failed: The model's server answered with an error, status 500."), "\"failed\" is said once");
            ModelDouble.MODE.set("ok");
            JsonPath retried = RestAssured.given().auth().oauth2(s.token()).contentType("application/json").post(s.api() + "/messages/" + id + "/retry")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(2, retried.getList("messages").size(), "the retry answers the same message");
            assertEquals("complete", retried.getString("messages[1].status"));
            assertTrue(retried.getString("messages[1].content").startsWith("From the model"));
            RestAssured.given().auth().oauth2(s.token()).contentType("application/json").post(s.api() + "/messages/" + id + "/retry")
                    .then().statusCode(409);
        }
    }

    /** "The answer failed: The model failed: its server refused the API key": one sentence now, saying what to check. */
    @Test
    void aRefusedKeyIsSaidOnceInTheChat() {
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            ModelDouble.MODE.set("401");
            JsonPath failed = ask(s, "Which tasks touch the checkout code?");
            assertEquals("failed", failed.getString("messages[1].status"));
            String chatPage = "/projects/" + s.team().slug() + "/plans/" + s.plan().id + "/chat";
            assertEquals("The answer failed: The model's server refused the API key (HTTP 401); check SPECBOARD_ASSISTANT_API_KEY.",
                    Web.html(Web.as(s.team().member()).get(chatPage)).getElementById("failure-" + failed.getString("messages[1].id")).text());
        }
    }

    @Test
    void aBaseUrlThatAnswersAWebPageIsExplainedNotQuotedFromTheParser() {
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            ModelDouble.MODE.set("html");
            JsonPath failed = ask(s, "Which tasks touch the checkout code?");
            assertEquals("failed", failed.getString("messages[1].status"));
            String error = failed.getString("messages[1].error");
            assertTrue(error.startsWith("The model's answer was not the JSON of an OpenAI-compatible API"), error);
            assertFalse(error.contains("Unexpected character") || error.contains("StreamReadFeature"), error);
        }
    }

    /** A stream whose chunks carry no choices was told to the reader as "The model sent an empty answer". */
    @Test
    void aModelAnswerThatCannotBeReadIsToldAsSuchInTheChatAndInAJob() {
        ModelDouble.MODE.set("malformed");
        try (GitFixture git = GitFixture.create()) {
            JsonPath failed = ask(setup(git), "Which tasks touch the checkout code?");
            assertEquals("failed", failed.getString("messages[1].status"));
            assertEquals("The model's answer was empty or could not be read: its stream ended without any text.", failed.getString("messages[1].error"));
        }
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String id = fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app", "path", JobTestSupport.DIR)))
                    .post("/api/v1/projects/" + t.slug() + "/jobs").then().statusCode(202).extract().path("id");
            AiJob job = jobs.await(UUID.fromString(id));
            assertEquals(JobStatus.FAILED, job.status);
            assertEquals("The model's answer was empty or could not be read: its stream ended without any text. Retry the job.", job.error);
        }
    }

    /**
     * A model that stops midway (the stream ends without a finish reason, or at a line that is not JSON): the chat's answer
     * was saved complete, ending mid-word, and a docs job ended SUCCESS with that draft. Both fail now, with a Retry.
     */
    @Test
    void anAnswerCutOffMidwayFailsInTheChatAndInAJob() {
        String cutOff = "The model's answer was cut off: its stream stopped before the model had finished.";
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            for (String mode : List.of("cut", "garbled")) {
                ModelDouble.MODE.set(mode);
                JsonPath chat = ask(s, "Which tasks touch the checkout code?");
                int last = chat.getList("messages").size() - 1;
                assertEquals("failed", chat.getString("messages[" + last + "].status"), mode + ": " + chat.getString("messages[" + last + "].content"));
                assertEquals(cutOff, chat.getString("messages[" + last + "].error"), mode);
                String id = chat.getString("messages[" + last + "].id");
                org.jsoup.nodes.Document page = Web.html(Web.as(s.team().member()).get("/projects/" + s.team().slug() + "/plans/" + s.plan().id + "/chat"));
                assertEquals("The answer failed: " + cutOff, page.getElementById("failure-" + id).text(), mode);
                assertTrue(page.getElementById("retry-" + id) != null, mode + ": a Retry is offered");
            }
        } finally {
            ModelDouble.MODE.set("ok");
        }
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            for (String mode : List.of("cut", "garbled")) {
                ModelDouble.MODE.set(mode);
                String id = fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app", "path", JobTestSupport.DIR)))
                        .post("/api/v1/projects/" + t.slug() + "/jobs").then().statusCode(202).extract().path("id");
                AiJob job = jobs.await(UUID.fromString(id));
                assertEquals(JobStatus.FAILED, job.status, mode + ": " + job.result);
                assertEquals(cutOff + " Retry the job.", job.error, mode);
                assertEquals(null, job.result, mode);
            }
        } finally {
            ModelDouble.MODE.set("ok");
        }
    }

    /** A server that sends no finish reason but ends with its usage and [DONE]: the chat's answer was marked cut off. */
    @Test
    void anAnswerWithoutAFinishReasonThatEndsWithItsUsageIsCompleteInTheChat() {
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            ModelDouble.MODE.set("no-finish");
            JsonPath chat = ask(s, "Which tasks touch the checkout code?");
            assertEquals("complete", chat.getString("messages[1].status"), chat.getString("messages[1].error"));
            assertEquals("From the model: these tasks touch the checkout code.", chat.getString("messages[1].content"));
        }
    }

    /**
     * A server that sends neither a finish reason nor its usage, only [DONE] after the answer: the client dropped [DONE], and
     * the chat's answer was failed as cut off. [DONE] ends it whole now; the same stream without [DONE] is still cut off.
     */
    @Test
    void anAnswerWhoseOnlyEndIsDoneIsWholeInTheChatAndWithoutItCutOff() {
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            ModelDouble.MODE.set("done-only");
            JsonPath chat = ask(s, "Which tasks touch the checkout code?");
            assertEquals("complete", chat.getString("messages[1].status"), chat.getString("messages[1].error"));
            assertEquals("From the model: these tasks touch the checkout code.", chat.getString("messages[1].content"));
            String chatPage = "/projects/" + s.team().slug() + "/plans/" + s.plan().id + "/chat";
            org.jsoup.nodes.Document page = Web.html(Web.as(s.team().member()).get(chatPage));
            assertEquals(null, page.getElementById("failure-" + chat.getString("messages[1].id")), "no failure is shown");
            assertFalse(page.text().contains("cut off") || page.text().contains("was cut here"), "no cut-off note");

            ModelDouble.MODE.set("done-only-cut");
            JsonPath cut = ask(s, "Which tasks touch the checkout code?");
            assertEquals("failed", cut.getString("messages[3].status"), cut.getString("messages[3].content"));
            assertEquals(ModelAssistant.CUT_OFF, cut.getString("messages[3].error"));
        } finally {
            ModelDouble.MODE.set("ok");
        }
    }

    @Test
    void aModelThatDoesNotAnswerInTimeLeavesTheAnswerFailedAndRetryable() throws InterruptedException {
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            ModelDouble.MODE.set("slow");
            JsonPath late = ask(s, "Which tasks touch the checkout code?");
            long told = System.currentTimeMillis();
            assertEquals("failed", late.getString("messages[1].status"));
            assertEquals("The model did not answer within 20 s.", late.getString("messages[1].error"));
            ModelDouble.MODE.set("ok");
            // Retrying through the page (a plain form post) answers it.
            String chatPage = "/projects/" + s.team().slug() + "/plans/" + s.plan().id + "/chat";
            assertEquals(303, Web.as(s.team().member()).contentType("application/x-www-form-urlencoded").formParam("x", "1")
                    .post(chatPage + "/messages/" + late.getString("messages[1].id") + "/retry").statusCode());
            // Polls every 100 ms for up to a minute: it asked without a pause for 20 s, loading the machine that had to
            // answer, and a loaded CI machine could take longer.
            long until = System.currentTimeMillis() + 60_000;
            String status = RestAssured.given().auth().oauth2(s.token()).get(s.api()).then().extract().path("messages[1].status");
            while (!status.equals("complete") && System.currentTimeMillis() < until) {
                Thread.sleep(100);
                status = RestAssured.given().auth().oauth2(s.token()).get(s.api()).then().extract().path("messages[1].status");
            }
            assertEquals("complete", status);

            // The HTTP client's own timeout (the same) fires just after the reader was told, on a request whose stream was
            // cancelled: Mutiny logged that as an ERROR with its trace, each time. The timeout is one WARN line now.
            Thread.sleep(Math.max(0, told + 3000 - System.currentTimeMillis()));
            List<String> lines = logs.lines();
            assertEquals(List.of(), lines.stream().filter(l -> l.contains("Mutiny had to drop")).toList());
            assertEquals(1, lines.stream().filter(l -> l.startsWith("The model did not answer within")).count(), String.join("\n", lines));
            assertTrue(logs.records().stream().filter(r -> r.getMessage().startsWith("The model did not answer within"))
                    .allMatch(r -> r.getLevel().intValue() == org.jboss.logmanager.Level.WARN.intValue()), "at WARN");
        }
    }
}
