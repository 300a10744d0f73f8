package dev.specboard.plan;

import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.LeaseLapses;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.repo.GitFixture;
import dev.specboard.search.SearchFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan chat with the built-in assistant (no model configured): pages without JavaScript, the API, the intents. */
@QuarkusTest
class ChatTest {

    @Inject
    TestData data;

    @Inject
    SearchFixtures search;

    @Inject
    PlanFixtures plans;

    @Inject
    ApiTokenService tokens;

    @Inject
    ChatService chats;

    @Inject
    EntityManager em;

    private Plan checkout(TestData.Team t, GitFixture git) {
        search.checkoutProject(t, git, "Shoppers pay at checkout.");
        return plans.plan(new Access(t.project(), Role.LEAD, t.lead().id), "shop", "Checkout v-next");
    }

    @Test
    void withoutJavaScriptAQuestionIsPostedAndTheLinkedAnswerIsThereOnReload() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Plan plan = checkout(t, git);
            String chat = "/projects/" + t.slug() + "/plans/" + plan.id + "/chat";
            Response posted = Web.as(t.lead()).contentType("application/x-www-form-urlencoded")
                    .formParam("content", "Which tasks touch the checkout code?").post(chat);
            assertEquals(303, posted.statusCode());
            assertTrue(posted.header("Location").endsWith(chat + "#chat-form"));

            Document d = awaitAnswered(t, chat);
            // Ctrl+Enter needs chat.js: without it the hint would promise a shortcut that does nothing.
            Document asLead = Web.html(Web.as(t.lead()).get(chat));
            assertTrue(asLead.getElementById("chat-hint").hasAttr("hidden"), "the shortcut's hint waits for the script");
            assertFalse(asLead.getElementById("chat-content").attr("aria-describedby").contains("chat-hint"));
            List<Element> messages = d.select("#chat-log > li");
            assertEquals(2, messages.size());
            assertTrue(messages.get(0).hasClass("from-user"));
            assertEquals("Which tasks touch the checkout code?", messages.get(0).selectFirst(".chat-body").text());
            Element answer = messages.get(1);
            assertTrue(answer.hasClass("from-assistant"));
            assertNotNull(answer.selectFirst("a[href=/projects/" + t.slug() + "/tasks/TASK-1-1]"), answer.html());
            assertNotNull(answer.selectFirst("a[href=/projects/" + t.slug() + "/tasks/TASK-1-2]"));
            assertTrue(answer.select("a[href=/projects/" + t.slug() + "/tasks/TASK-1-3]").isEmpty(), "the receipt emails are not checkout code");
            assertTrue(answer.text().contains("src/checkout/Cart.java"));
            assertEquals(2, answer.select(".chat-sources li").size());
            assertTrue(Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/plans/" + plan.id)).getElementById("plan-chat-link")
                    .text().contains("(2)"));
        }
    }

    /** A person's message shows as typed: raw HTML reads literally (the sanitizer used to drop it); answers stay markdown. */
    @Test
    void whatAPersonTypedShowsAsWrittenAndTheAnswerStaysRenderedMarkdown() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Plan plan = checkout(t, git);
            String chat = "/projects/" + t.slug() + "/plans/" + plan.id + "/chat";
            Web.as(t.lead()).contentType("application/x-www-form-urlencoded")
                    .formParam("content", "Second question <img src=x onerror=alert(1)> about **checkout** <b>code</b>?").post(chat)
                    .then().statusCode(303);
            Document d = awaitAnswered(t, chat);
            Element mine = d.selectFirst("#chat-log > li.from-user .chat-body");
            assertEquals("Second question <img src=x onerror=alert(1)> about checkout <b>code</b>?", mine.text(), mine.html());
            assertTrue(mine.select("img, b, [onerror]").isEmpty(), "shown, never made into markup: " + mine.html());
            assertEquals("checkout", mine.select("strong").text(), "markdown still renders");
            Element answer = d.selectFirst("#chat-log > li.from-assistant .chat-body");
            assertFalse(answer.select("p, li, a").isEmpty(), "the answer is rendered markdown: " + answer.html());
        }
    }

    @Test
    void theApiAnswersWithTheAssistantsReplyAndIntentsAnswerFromTheProject() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Plan plan = checkout(t, git);
            String token = tokens.create(t.member().id, "chat", null, null).value();
            String api = ApiPaths.project(t.slug(), "/plans/") + plan.id + "/chat";
            JsonPath chat = RestAssured.given().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("content", "which tasks touch the checkout code?")).post(api)
                    .then().statusCode(201).extract().jsonPath();
            assertEquals("active", chat.getString("status"));
            assertEquals(List.of("user", "assistant"), chat.getList("messages.role"));
            assertEquals("complete", chat.getString("messages[1].status"));
            assertTrue(chat.getString("messages[1].content").contains("[TASK-1-1](/projects/" + t.slug() + "/tasks/TASK-1-1)"));
            assertEquals(t.member().username, chat.getString("messages[0].author"));

            String blocked = ask(token, api, "Which tasks are blocked?");
            assertTrue(blocked.contains("No task is blocked"), blocked);
            String owner = ask(token, api, "Who owns SPEC-1?");
            assertTrue(owner.contains("@" + t.lead().username + " wrote SPEC-1"), owner);
            String changed = ask(token, api, "What changed in SPEC-1?");
            assertTrue(changed.contains("has not changed since it was written"), changed);
            String unknown = ask(token, api, "zebra quasar?");
            assertTrue(unknown.startsWith("I found nothing about"), unknown);
            assertTrue(Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/plans/" + plan.id + "/chat")).text()
                    .contains("“which tasks touch the checkout code”"), "the suggested question reads whole on the chat page");
            String passages = ask(token, api, "What about discounts?");
            assertTrue(passages.contains("ignores discounts"), passages);
            // A question of a few paragraphs: more distinct words than one search takes (it failed, Retry after Retry).
            StringBuilder paragraphs = new StringBuilder("What about discounts? Also");
            for (int i = 0; i < 300; i++) {
                paragraphs.append(" concern").append(i);
            }
            String long_ = ask(token, api, paragraphs.toString());
            assertTrue(long_.contains("ignores discounts"), long_);

            RestAssured.given().auth().oauth2(token).contentType("application/json").body(Map.of("content", " ")).post(api)
                    .then().statusCode(422).body("details.content", org.hamcrest.Matchers.equalTo("Write a message first"));
            RestAssured.given().auth().oauth2(token).contentType("application/json").body(Map.of("content", "x".repeat(8001))).post(api)
                    .then().statusCode(422).body("details.content", org.hamcrest.Matchers.startsWith("A message is at most 8000 characters"));
            String viewerToken = tokens.create(t.viewer().id, "chat", null, null).value();
            RestAssured.given().auth().oauth2(viewerToken).contentType("application/json").body(Map.of("content", "hi")).post(api)
                    .then().statusCode(403);
            RestAssured.given().auth().oauth2(viewerToken).get(api).then().statusCode(200);
        }
    }

    @Test
    void anEmptyMessageReRendersTheFormWith422AndAClosedPlanTakesNoMessages() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Plan plan = checkout(t, git);
            String chat = "/projects/" + t.slug() + "/plans/" + plan.id + "/chat";
            Response r = Web.htmx(Web.as(t.member())).contentType("application/x-www-form-urlencoded").formParam("content", "  ").post(chat);
            assertEquals(422, r.statusCode());
            Document d = Web.html(r);
            assertEquals("Write a message first", d.getElementById("chat-error").text());
            assertEquals("content", d.selectFirst("#chat-form #error-summary a").attr("data-field"), "the error summary, as full-page forms have");
            assertNotNull(d.getElementById("chat-conversation"));
            assertTrue(d.select("html > head > title").isEmpty() || d.title().isEmpty(), "htmx gets the fragment, not the page");

            Access lead = new Access(t.project(), Role.LEAD, t.lead().id);
            planService.changeStatus(lead, plan.id, "archived");
            // A message written while the plan was closed elsewhere: 409 with the chat still there, saying why, and the message handed
            // back (htmx swaps a 409 into the chat: an error page would replace the conversation and the text with it).
            for (boolean htmx : List.of(false, true)) {
                var spec = Web.as(t.member()).contentType("application/x-www-form-urlencoded");
                Response closed = (htmx ? Web.htmx(spec) : spec).formParam("content", "hello, is this done?").post(chat);
                assertEquals(409, closed.statusCode());
                Document c = Web.html(closed);
                assertNotNull(c.getElementById("chat-log"), "the conversation stays");
                assertEquals("This chat is closed: the plan is archived.", c.getElementById("chat-closed").text());
                assertEquals("hello, is this done?", c.getElementById("chat-unsent-text").text());
                assertNull(c.getElementById("chat-form"));
                assertEquals(htmx, c.getElementById("chat-title") == null, "htmx gets the conversation, a plain post the page");
            }
            Document after = Web.html(Web.as(t.member()).get(chat));
            assertNotNull(after.getElementById("chat-closed"));
            assertNull(after.getElementById("chat-unsent"), "nothing to hand back on a plain visit");
        }
    }

    @Inject
    PlanService planService;

    /**
     * Tasks whose files and scopes do not name the subject are found through their spec's title: the answer was "No task
     * ... matching" while SPEC-1 "Checkout spec" had three tasks.
     */
    @Test
    void tasksAreFoundThroughTheirSpecsTitleWhenNoFileOrScopeNamesTheSubject() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            plans.shop(t.project(), t.owner(), git);
            Plan plan = plans.plan(new Access(t.project(), Role.LEAD, t.lead().id), "shop", "Next");
            String token = tokens.create(t.lead().id, "chat", null, null).value();
            RestAssured.given().auth().oauth2(token).contentType("application/json").body("""
                    {"title": "Checkout spec", "specType": "hierarchical", "overview": "ov",
                     "phases": [{"name": "db", "description": "d", "hours": 1, "content": "phase1 content", "assignedFiles": ["src/Main.java"]},
                                {"name": "ui", "description": "u", "hours": 1, "content": "phase2 content", "assignedFiles": ["src/View.java"]}]}""")
                    .post(ApiPaths.project(t.slug(), "/specs")).then().statusCode(201);
            String api = ApiPaths.project(t.slug(), "/plans/") + plan.id + "/chat";

            String answer = ask(token, api, "Which tasks touch the checkout code?");
            assertTrue(answer.contains("these 2 tasks belong to a spec whose title matches it"), answer);
            assertTrue(answer.contains("[TASK-1-1](/projects/" + t.slug() + "/tasks/TASK-1-1)"), answer);
            assertTrue(answer.contains("[TASK-1-2](/projects/" + t.slug() + "/tasks/TASK-1-2)"), answer);
            assertTrue(answer.contains("(SPEC-1 Checkout spec)"), answer);

            String none = ask(token, api, "Which tasks touch the billing code?");
            assertTrue(none.startsWith("No task of this project is assigned files, has a scope, or belongs to a spec titled, matching “billing”"), none);

            // A hierarchical spec's snippet reads as its parts, labelled, not as its bare words run together.
            String passages = ask(token, api, "What does the checkout spec say?");
            assertTrue(passages.contains("Phase db"), passages);
            assertFalse(passages.contains("ov db d phase1"), passages);
        }
    }

    /**
     * An @mention of someone outside the project (the assistant names whoever wrote a spec, and people leave) linked to
     * their page, a 404 to the project's readers: it reads as plain text, and a member's mention stays a link.
     */
    @Test
    void aMentionOfSomeoneOutsideTheProjectIsPlainTextAndAMembersStaysALink() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Plan plan = checkout(t, git);
            String token = tokens.create(t.member().id, "chat", null, null).value();
            String api = ApiPaths.project(t.slug(), "/plans/") + plan.id + "/chat";
            String owner = ask(token, api, "Who owns SPEC-1?");
            assertTrue(owner.contains("@" + t.lead().username + " wrote SPEC-1"), owner);
            ask(token, api, "Thanks, I will ask @" + t.reviewer().username + " too");
            String chat = "/projects/" + t.slug() + "/plans/" + plan.id + "/chat";
            String lead = "a[href=/people/" + t.lead().username + "]";
            assertNotNull(Web.html(Web.as(t.viewer()).get(chat)).getElementById("chat-log").selectFirst(lead + ".mention"), "a member");

            RestAssured.given().auth().oauth2(tokens.create(t.owner().id, "members", null, null).value())
                    .delete(ApiPaths.project(t.slug(), "/members/") + t.lead().username).then().statusCode(204);
            Element log = Web.html(Web.as(t.viewer()).get(chat)).getElementById("chat-log");
            assertTrue(log.select(lead).isEmpty(), "no link to an outsider's page: " + log.html());
            assertTrue(log.text().contains("@" + t.lead().username + " wrote SPEC-1"), log.text());
            assertNotNull(log.selectFirst("a.mention[href=/people/" + t.reviewer().username + "]"), "a member's mention stays a link");
        }
    }

    /**
     * A chat answer whose worker died is taken up again after its lease, and fails saying so once it lapsed as often as
     * a sync or a job may ({@link LeaseLapses}): it was taken up three times before, with a wording of its own.
     */
    @Test
    void anAnswerWhoseLeaseLapsedTwiceFailsWithTheSharedReasonAndOnceIsAnsweredAgain() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Plan plan = checkout(t, git);
            Access member = new Access(t.project(), Role.MEMBER, t.member().id);

            UUID once = askedAndAbandoned(member, plan, "Which tasks touch the checkout code?", LeaseLapses.MAX - 1);
            ChatMessage answered = answer(chats.transcriptOnceAnswered(member, plan.id, once), once);
            assertEquals(ChatMessage.COMPLETE, answered.status(), "an answer whose lease lapsed once is taken up again: " + answered.error());
            assertEquals(LeaseLapses.MAX, attempts(once));

            UUID twice = askedAndAbandoned(member, plan, "Which tasks are blocked?", LeaseLapses.MAX);
            ChatMessage failed = answer(chats.transcriptOnceAnswered(member, plan.id, twice), twice);
            assertEquals(ChatMessage.FAILED, failed.status());
            assertEquals(LeaseLapses.REASON, failed.error());
            assertEquals(LeaseLapses.MAX, attempts(twice), "not claimed once more");
        }
    }

    /** Asks, and in the same transaction leaves the answer to a worker that claimed it so often and died (its lease lapsed). */
    private UUID askedAndAbandoned(Access access, Plan plan, String question, int attempts) {
        // One transaction: the worker woken by the question sees the answer only as abandoned, never as queued.
        return QuarkusTransaction.requiringNew().call(() -> {
            UUID id = chats.ask(access, plan.id, question);
            em.createNativeQuery("UPDATE chat_answers SET status = 'running', locked_by = 'dead-worker', attempts = ?2, "
                    + "lease_until = now() - interval '1 second' WHERE id = ?1").setParameter(1, id).setParameter(2, attempts).executeUpdate();
            return id;
        });
    }

    private int attempts(UUID answerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT attempts FROM chat_answers WHERE id = ?1")
                .setParameter(1, answerId).getSingleResult()).intValue());
    }

    private static ChatMessage answer(ChatService.Transcript transcript, UUID id) {
        return transcript.messages().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    private static String ask(String token, String api, String question) {
        JsonPath chat = RestAssured.given().auth().oauth2(token).contentType("application/json").body(Map.of("content", question)).post(api)
                .then().statusCode(201).extract().jsonPath();
        List<String> contents = chat.getList("messages.content");
        return contents.get(contents.size() - 1);
    }

    private static Document awaitAnswered(TestData.Team t, String chat) {
        // A minute: the answer usually comes within a second, but a loaded CI machine could take longer than 30 s.
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        Document d = null;
        while (Instant.now().isBefore(until)) {
            d = Web.html(Web.as(t.viewer()).get(chat));
            if (d.select("#chat-log > li[data-status=pending]").isEmpty() && !d.select("#chat-log > li.from-assistant").isEmpty()) {
                return d;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no answer within 60 s: " + (d == null ? "" : d.select("#chat-log").html()));
    }
}
