package dev.specboard.project;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import dev.specboard.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An invitation is taken only by the account whose email is the invited address, logged in or signing up. */
@QuarkusTest
class InvitationAddressTest {

    @Inject
    TestData data;

    @Inject
    InvitationService invitations;

    private String invite(TestData.Team t, String email, String role) {
        Response r = Web.as(t.owner()).contentType("application/x-www-form-urlencoded").formParam("who", email).formParam("role", role)
                .post("/projects/" + t.slug() + "/members");
        assertEquals(200, r.statusCode(), r.asString());
        String link = Web.html(r).getElementById("invite-link").val();
        return link.substring(link.indexOf("/invitations/"));
    }

    private static Role role(TestData.Team t, Account a) {
        return QuarkusTransaction.requiringNew().call(() -> Membership.find(Project.findById(t.project().id), a.id).map(m -> m.role).orElse(null));
    }

    private static void setEmail(Account a, String email) {
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(a.id).email = email);
    }

    private static boolean open(TestData.Team t, String email) {
        return QuarkusTransaction.requiringNew().call(() -> Invitation.open(t.project().id, Instant.now()).stream()
                .anyMatch(i -> i.email.equalsIgnoreCase(email)));
    }

    /** The tester's steps: a viewer and the owner holding a newcomer's link are refused, change nothing, and leave it usable. */
    @Test
    void anotherAccountIsRefusedAndTheInvitationStaysForTheInvitedAddress() {
        TestData.Team t = data.team();
        String email = TestData.unique("newbie") + "@example.test";
        String link = invite(t, email, "lead");

        Document seen = Web.html(Web.as(t.viewer()).get(link).then().statusCode(200).extract().response());
        assertNull(seen.getElementById("accept-invitation"), "no Join button for another account");
        String said = seen.getElementById("invitation-other-account").text();
        assertTrue(said.contains("This invitation is for " + email) && said.contains("logged in as " + t.viewer().username)
                && said.contains(t.viewer().email) && said.contains("ask an owner"), said);
        assertNotNull(seen.getElementById("switch-account"), "a way to log out and switch accounts");

        Response refused = Web.as(t.viewer()).post(link + "/accept");
        assertEquals(403, refused.statusCode());
        assertTrue(Web.html(refused).getElementById("invitation-other-account").text().contains("This invitation is for " + email));
        assertEquals(Role.VIEWER, role(t, t.viewer()), "the viewer's role is unchanged");

        assertEquals(403, Web.as(t.owner()).post(link + "/accept").statusCode());
        assertEquals(Role.OWNER, role(t, t.owner()));
        assertTrue(open(t, email), "the invitation was not used up");
        RestAssured.given().get(link).then().statusCode(200);

        // The invited address's account joins, whatever the case and spaces of either address.
        Account newbie = data.account("newbie");
        setEmail(newbie, email.toUpperCase());
        assertNotNull(Web.html(Web.as(newbie).get(link)).getElementById("accept-invitation"));
        assertEquals(303, Web.as(newbie).post(link + "/accept").statusCode());
        assertEquals(Role.LEAD, role(t, newbie));
        assertEquals(Role.VIEWER, role(t, t.viewer()));
    }

    /** A member with the invited address and a higher role keeps it; an archived project still takes nobody. */
    @Test
    void theInvitedMemberKeepsAHigherRole() {
        TestData.Team t = data.team();
        String email = "  " + t.lead().email.toUpperCase() + " ";
        String link = invite(t, email, "viewer");
        assertEquals(303, Web.as(t.lead()).post(link + "/accept").statusCode());
        assertEquals(Role.LEAD, role(t, t.lead()));
        RestAssured.given().get(link).then().statusCode(410);
    }

    /** Signing up through the link makes the account with the invited address; another address is 422 on the email field. */
    @Test
    void signingUpWithAnotherAddressIsRefusedOnTheEmailField() {
        TestData.Team t = data.team();
        String email = TestData.unique("invitee") + "@example.test";
        String link = invite(t, email, "member");
        assertEquals(email, Web.html(RestAssured.given().get(link)).getElementById("f-email").val(), "prefilled");

        String other = TestData.unique("elsewhere") + "@example.test";
        String u = TestData.unique("inv");
        Response bad = Web.anonymous().formParam("email", other).formParam("username", u).formParam("name", "Ada")
                .formParam("password", "long enough password").post(link + "/signup");
        assertEquals(422, bad.statusCode());
        Document d = Web.html(bad);
        assertEquals(other, d.getElementById("f-email").val(), "the typed address is kept");
        assertEquals(u, d.getElementById("f-username").val());
        assertEquals("Ada", d.getElementById("f-name").val());
        assertTrue(d.getElementById("e-email").text().contains("This invitation is for " + email), d.getElementById("e-email").text());
        assertTrue(Account.findByUsername(u).isEmpty() && Account.findByEmail(other).isEmpty(), "no account was made");
        assertTrue(open(t, email));

        // A short password too: each problem named at once.
        Response both = Web.anonymous().formParam("email", other).formParam("username", u).formParam("password", "short").post(link + "/signup");
        assertEquals(422, both.statusCode());
        Document b = Web.html(both);
        assertNotNull(b.getElementById("e-email"));
        assertNotNull(b.getElementById("e-password"));

        Response joined = Web.anonymous().formParam("email", email.toUpperCase()).formParam("username", u)
                .formParam("password", "long enough password").post(link + "/signup");
        assertEquals(303, joined.statusCode(), joined.asString());
        Account a = Account.findByUsername(u).orElseThrow();
        assertEquals(Role.MEMBER, role(t, a));
    }

    /** The check is the service's own, whoever calls it: another account's accept is refused with nothing changed. */
    @Test
    void theServiceRefusesAnotherAccount() {
        TestData.Team t = data.team();
        String link = invite(t, TestData.unique("svc") + "@example.test", "owner");
        String token = link.substring(link.lastIndexOf('/') + 1);
        UUID viewer = t.viewer().id;
        ApiException e = assertThrows(ApiException.class,
                () -> QuarkusTransaction.requiringNew().call(() -> invitations.accept(token, viewer)));
        assertEquals(403, e.status());
        assertEquals(Role.VIEWER, role(t, t.viewer()));
    }

}
