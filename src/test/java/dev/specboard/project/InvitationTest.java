package dev.specboard.project;

import dev.specboard.account.Account;
import dev.specboard.account.SessionCookie;
import dev.specboard.kernel.Role;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InvitationTest {

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    private String invite(TestData.Team t, String email, String role) {
        Response r = Web.as(t.owner()).contentType("application/x-www-form-urlencoded").formParam("who", email).formParam("role", role)
                .post("/projects/" + t.slug() + "/members");
        assertEquals(200, r.statusCode(), r.asString());
        Document d = Web.html(r);
        String link = d.getElementById("invite-link").val();
        assertTrue(link.contains("/invitations/"), link);
        return link.substring(link.indexOf("/invitations/"));
    }

    @Test
    void anEmailWithoutAnAccountGetsALinkThatSignsUpAndJoinsOnce() {
        TestData.Team t = data.team();
        String email = TestData.unique("newcomer") + "@example.test";
        String link = invite(t, email, "reviewer");

        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getText().contains(link), "the mail carries the link");
        Document members = Web.html(Web.as(t.owner()).get("/projects/" + t.slug() + "/members"));
        assertTrue(members.getElementById("invitations").text().contains(email));
        assertEquals(null, Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/members")).getElementById("invitations"),
                "only owners see invitations");

        Document page = Web.html(RestAssured.given().get(link).then().statusCode(200).extract().response());
        assertEquals(email, page.getElementById("f-email").val());

        // A mistake keeps what was typed.
        String u = TestData.unique("inv");
        Response bad = Web.anonymous().formParam("email", email).formParam("username", u).formParam("name", "Ada").formParam("password", "short")
                .post(link + "/signup");
        assertEquals(422, bad.statusCode());
        assertEquals(u, Web.html(bad).getElementById("f-username").val());

        Response joined = Web.anonymous().formParam("email", email).formParam("username", u).formParam("name", "Ada")
                .formParam("password", "long enough password").post(link + "/signup");
        assertEquals(303, joined.statusCode());
        assertEquals("/projects/" + t.slug(), joined.getHeader("Location").replaceAll("^https?://[^/]+", ""));
        String session = joined.getCookie(SessionCookie.NAME);
        assertNotNull(session);
        Account a = Account.findByUsername(u).orElseThrow();
        assertEquals(Role.REVIEWER, QuarkusTransaction.requiringNew().call(() -> Membership.find(Project.findById(t.project().id), a.id).orElseThrow().role));

        // Single use: the link is spent.
        Document used = Web.html(RestAssured.given().get(link).then().statusCode(410).extract().response());
        assertTrue(used.getElementById("invitation-refusal").text().contains("already been used"));
        assertEquals(410, Web.anonymous().formParam("email", "x" + email).formParam("username", u + "x").formParam("password", "long enough password")
                .post(link + "/signup").statusCode());
    }

    @Test
    void aLoggedInPersonAcceptsAndWithdrawnOrExpiredLinksSaySo() {
        TestData.Team t = data.team();
        Account other = data.account("joiner");
        String email = TestData.unique("later") + "@example.test";
        String link = invite(t, email, "member");
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(other.id).email = email);
        Document asOther = Web.html(Web.as(other).get(link));
        assertNotNull(asOther.getElementById("accept-invitation"));
        assertEquals(303, Web.as(other).post(link + "/accept").statusCode());
        assertEquals(200, Web.as(other).get("/projects/" + t.slug()).statusCode());

        String second = invite(t, TestData.unique("gone") + "@example.test", "viewer");
        String id = QuarkusTransaction.requiringNew().call(() -> Invitation.<Invitation>find("projectId = ?1 and acceptedAt is null", t.project().id)
                .firstResult().id.toString());
        assertEquals(303, Web.as(t.owner()).contentType("application/x-www-form-urlencoded").formParam("invitation", id)
                .post("/projects/" + t.slug() + "/members/invitations/revoke").statusCode());
        assertTrue(Web.html(RestAssured.given().get(second).then().statusCode(410).extract().response())
                .getElementById("invitation-refusal").text().contains("withdrawn"));

        String third = invite(t, TestData.unique("late") + "@example.test", "viewer");
        QuarkusTransaction.requiringNew().run(() -> Invitation.update("expiresAt = ?1 where projectId = ?2 and acceptedAt is null and revokedAt is null",
                Instant.now().minusSeconds(1), t.project().id));
        assertTrue(Web.html(RestAssured.given().get(third).then().statusCode(410).extract().response())
                .getElementById("invitation-refusal").text().contains("expired"));

        // A lost link is replaced by a new one; the old one stops working.
        String fourth = invite(t, TestData.unique("lost") + "@example.test", "viewer");
        String openId = QuarkusTransaction.requiringNew().call(() -> Invitation.<Invitation>find(
                "projectId = ?1 and acceptedAt is null and revokedAt is null and expiresAt > ?2", t.project().id, Instant.now()).firstResult().id.toString());
        Response renewed = Web.as(t.owner()).contentType("application/x-www-form-urlencoded").formParam("invitation", openId)
                .post("/projects/" + t.slug() + "/members/invitations/renew");
        assertEquals(200, renewed.statusCode());
        String fresh = Web.html(renewed).getElementById("invite-link").val();
        RestAssured.given().get(fresh.substring(fresh.indexOf("/invitations/"))).then().statusCode(200);
        RestAssured.given().get(fourth).then().statusCode(410);

        // Renewing never asks whether the address has an account by now.
        String taken = TestData.unique("taken") + "@example.test";
        invite(t, taken, "viewer");
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(other.id).email = taken);
        String takenId = QuarkusTransaction.requiringNew().call(() -> Invitation.<Invitation>find(
                "projectId = ?1 and email = ?2 and revokedAt is null", t.project().id, taken).firstResult().id.toString());
        assertEquals(200, Web.as(t.owner()).contentType("application/x-www-form-urlencoded").formParam("invitation", takenId)
                .post("/projects/" + t.slug() + "/members/invitations/renew").statusCode());

        RestAssured.given().get("/invitations/not-a-real-token").then().statusCode(404);
        assertEquals(403, Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("who", "x@example.test").formParam("role", "viewer")
                .post("/projects/" + t.slug() + "/members").statusCode(), "only owners invite");
    }

    /** Inviting an address again refreshes its open invitation: one link that joins, the latest role, a message saying so. */
    @Test
    void invitingTheSameAddressAgainReplacesItsOpenInvitation() {
        TestData.Team t = data.team();
        String email = TestData.unique("twice") + "@example.test";
        String first = invite(t, email, "viewer");
        Response again = Web.as(t.owner()).contentType("application/x-www-form-urlencoded").formParam("who", email.toUpperCase())
                .formParam("role", "member").post("/projects/" + t.slug() + "/members");
        assertEquals(200, again.statusCode());
        Document d = Web.html(again);
        assertTrue(d.getElementById("invited").text().contains("was sent again"), d.getElementById("invited").text());
        String second = d.getElementById("invite-link").val();
        second = second.substring(second.indexOf("/invitations/"));

        RestAssured.given().get(first).then().statusCode(404);
        RestAssured.given().get(second).then().statusCode(200);
        List<Invitation> open = QuarkusTransaction.requiringNew().call(() -> Invitation.open(t.project().id, Instant.now()));
        assertEquals(1, open.size(), "one open invitation per address");
        assertEquals(Role.MEMBER, open.get(0).role, "with the latest role");
        assertEquals(2, mailbox.getMailsSentTo(email).size() + (mailbox.getMailsSentTo(email.toUpperCase()) == null ? 0
                : mailbox.getMailsSentTo(email.toUpperCase()).size()), "the new link is mailed too");

        // The database holds to it whoever inserts: a second open row for the address is refused.
        Invitation kept = open.get(0);
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Invitation dup = new Invitation();
            dup.projectId = kept.projectId;
            dup.email = email;
            dup.role = Role.VIEWER;
            dup.tokenHash = "0".repeat(64);
            dup.invitedBy = kept.invitedBy;
            dup.expiresAt = Instant.now().plusSeconds(3600);
            dup.persist();
        }));
        assertTrue(causes(refused).contains("project_invitations_one_open_idx"), causes(refused));

        // Once accepted, the address may be invited afresh (say after leaving); that is a new invitation, not "again".
        Account joiner = data.account("twicejoiner");
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(joiner.id).email = email);
        assertEquals(303, Web.as(joiner).post(second + "/accept").statusCode(), "the invited address, in another case");
        String third = invite(t, email, "viewer");
        RestAssured.given().get(third).then().statusCode(200);
    }

    /** The messages of an exception, its causes and what they suppressed. */
    private static String causes(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c).append('\n');
            for (Throwable s : c.getSuppressed()) {
                b.append(causes(s));
            }
        }
        return b.toString();
    }

    @Test
    void anonymousAcceptOfAnyTokenRedirectsToTheLoginNeverFails() {
        for (String token : List.of("a%20b", "100%25", "x%22y%3Cz")) {
            Response r = Web.anonymous().urlEncodingEnabled(false).post("/invitations/" + token + "/accept");
            assertEquals(303, r.statusCode(), token);
            // The login page gets the invitation back intact, as a path it can redirect to after the login.
            Response login = RestAssured.given().redirects().follow(false).urlEncodingEnabled(false).get(r.getHeader("Location"));
            assertEquals(200, login.statusCode(), r.getHeader("Location"));
            assertEquals("/invitations/" + token, Web.html(login).select("input[name=next]").val());
        }
    }
}
