package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two members decide on the same thought from copies of the chain opened at the same time: the later decision, taken on
 * a thought it saw undecided, is refused with 409 saying how it stands, instead of undoing the colleague's (a stale Reject
 * took a confirmed colour out of the design system).
 */
@QuarkusTest
class StaleThoughtDecisionTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aRejectOnAPageOpenedBeforeAColleaguesConfirmIsRefusedAndTheColourStays() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        Thought token = thought(t, "#1e293b");
        String chain = "/projects/" + t.slug() + "/thinking";
        Element alices = card(Web.as(t.lead()).get(chain), token);
        Element bobs = card(Web.as(t.member()).get(chain), token);

        assertEquals(303, Web.as(t.lead()).formParam("version", version(alices, "confirm")).post(chain + "/" + token.id + "/confirm").statusCode());
        Response rejected = Web.as(t.member()).formParam("version", version(bobs, "reject")).post(chain + "/" + token.id + "/reject");
        assertEquals(409, rejected.statusCode(), "Bob saw the thought undecided: his Reject would undo Alice's Confirm");
        Element conflict = Web.html(rejected).getElementById("conflict-" + token.id);
        assertNotNull(conflict, "the card says why");
        assertTrue(conflict.text().contains("confirmed by " + t.lead().username) && conflict.text().contains("Nothing was rejected"), conflict.text());
        assertEquals("confirmed", thought(t, "#1e293b").status);
        fx.api(t.member()).get(ApiPaths.project(t.slug(), "/design-system")).then().statusCode(200)
                .body("tokens.colors.collect { it.value.value }", hasItem("#1e293b"));

        Response revised = Web.as(t.member()).formParam("version", version(bobs, "revise")).formParam("feedback", "It is the ink, not a brand colour")
                .post(chain + "/" + token.id + "/revise");
        assertEquals(409, revised.statusCode());
        assertEquals("It is the ink, not a brand colour", Web.html(revised).getElementById("feedback-" + token.id).text(), "the feedback typed is kept");
        assertEquals("confirmed", thought(t, "#1e293b").status);

        // Having seen the confirmation (the 409's card carries it), Bob may still reject it.
        String seen = version(card(rejected, token), "reject");
        assertEquals(303, Web.as(t.member()).formParam("version", seen).post(chain + "/" + token.id + "/reject").statusCode());
        assertEquals("rejected", thought(t, "#1e293b").status);
    }

    @Test
    void anApiOrMcpDecisionOnAThoughtSomeoneElseDecidedOnSaysWhichVersionItSaw() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        Thought token = thought(t, "#1e293b");
        String api = ApiPaths.project(t.slug(), "/thinking/" + token.id);
        int seen = token.version;

        fx.api(t.lead()).body(Map.of("version", seen)).post(api + "/confirm").then().statusCode(200)
                .body("status", equalTo("confirmed")).body("version", equalTo(seen + 1));
        fx.api(t.member()).body(Map.of("version", seen)).post(api + "/reject").then().statusCode(409)
                .body("error", containsString("confirmed by " + t.lead().username)).body("details.currentVersion", equalTo(seen + 1))
                .body("details.current.status", equalTo("confirmed"));
        fx.api(t.member()).post(api + "/reject").then().statusCode(409).body("error", containsString("send the version you saw, " + (seen + 1)));
        fx.api(t.member()).body(Map.of("feedback", "Not a colour of ours", "version", seen)).post(api + "/revise").then().statusCode(409);
        fx.api(t.member()).body(Map.of("version", seen + 5)).post(api + "/reject").then().statusCode(422).body("details.version", containsString("no version"));
        fx.api(t.member()).body(Map.of("version", seen, "by", "me")).post(api + "/reject").then().statusCode(422);

        String mcp = fx.token(t.member());
        String session = Mcp.initialize(mcp);
        assertTrue(Mcp.answer(mcp, session, "reject_thought", true, "project", t.slug(), "thoughtId", token.id.toString(), "version", seen)
                .contains("Nothing was rejected"));
        assertEquals("confirmed", thought(t, "#1e293b").status);
        fx.api(t.member()).get(ApiPaths.project(t.slug(), "/design-system")).then().statusCode(200)
                .body("tokens.colors.collect { it.value.value }", hasItem("#1e293b"));

        // The caller's own decision needs no version; a decision on the version seen goes through.
        assertTrue(Mcp.answer(mcp, session, "revise_thought", false, "project", t.slug(), "thoughtId", token.id.toString(),
                "feedback", "The ink of the text", "version", seen + 1).contains("\"status\":\"revised\""));
        fx.api(t.member()).post(api + "/reject").then().statusCode(200).body("status", equalTo("rejected"));
    }

    /**
     * Version 0 of a thought at version 1 was answered 409 "put back to undecided by someone else after you opened it":
     * nobody did anything. A version the thought never had (below 1, past its current one) is 422 on {@code version}.
     */
    @Test
    void aVersionTheThoughtNeverHadIs422NotSomeoneElsesDecision() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        Thought token = thought(t, "#1e293b");
        String api = ApiPaths.project(t.slug(), "/thinking/" + token.id);
        int now = token.version;
        assertEquals("active", token.status);
        for (int never : new int[] {0, -2, now + 1}) {
            fx.api(t.member()).body(Map.of("version", never)).post(api + "/confirm").then().statusCode(422)
                    .body("details.version", equalTo("The thought has no version " + never + ": it is at version " + now));
        }
        fx.api(t.member()).body(Map.of("version", 0)).post(api + "/reject").then().statusCode(422).body("details.version", containsString("no version 0"));

        String mcp = fx.token(t.member());
        String session = Mcp.initialize(mcp);
        // The tool's version argument starts at 1: 0 is refused as an argument; a version past the current one as never saved.
        String zero = Mcp.answer(mcp, session, "confirm_thought", true, "project", t.slug(), "thoughtId", token.id.toString(), "version", 0);
        assertTrue(zero.contains("\"version\"") && !zero.contains("someone else"), zero);
        String past = Mcp.answer(mcp, session, "confirm_thought", true, "project", t.slug(), "thoughtId", token.id.toString(), "version", now + 1);
        assertTrue(past.contains("The thought has no version " + (now + 1) + ": it is at version " + now), past);
        assertEquals("active", thought(t, "#1e293b").status, "nothing was decided");

        // The page's forms: 422 with the chain, the thought's card naming the problem and saying to reload, the answer typed kept.
        String chain = "/projects/" + t.slug() + "/thinking/" + token.id;
        for (String form : new String[] {"confirm", "reject", "revise"}) {
            for (int never : new int[] {0, -1, now + 1}) {
                var request = Web.as(t.member()).formParam("version", never);
                Response refused = (form.equals("revise") ? request.formParam("feedback", "The ink") : request).post(chain + "/" + form);
                assertEquals(422, refused.statusCode(), form + " " + never);
                Element conflict = Web.html(refused).getElementById("conflict-" + token.id);
                assertNotNull(conflict, form + " " + never + ": " + refused.asString());
                assertEquals("This form's version " + never + " was never saved (the thought is at version " + now
                        + "); reload the page and decide again.", conflict.text());
                if (form.equals("revise")) {
                    assertEquals("The ink", card(refused, token).selectFirst("textarea[name=feedback]").val());
                }
            }
        }
        assertEquals("active", thought(t, "#1e293b").status, "nothing was decided");

        fx.api(t.member()).body(Map.of("version", now)).post(api + "/confirm").then().statusCode(200).body("status", equalTo("confirmed"));
    }

    private static Element card(Response page, Thought t) {
        Element card = Web.html(page).getElementById("thought-" + t.id);
        assertNotNull(card, "the chain shows the thought");
        return card;
    }

    private static String version(Element card, String form) {
        Element v = card.selectFirst("form[action$=/" + form + "] input[name=version]");
        assertNotNull(v, form + " says which version of the thought its user saw");
        return v.attr("value");
    }

    private static Thought thought(TestData.Team t, String hex) {
        return QuarkusTransaction.requiringNew().call(() -> Thought.bySubject(t.project().id, "token:" + hex)
                .orElseThrow(() -> new AssertionError("no thought about " + hex)));
    }
}
