package dev.specboard.web;

import dev.specboard.account.Account;
import dev.specboard.support.Mails;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a public address configured, every link to share starts there, whatever Host a request names: a reset code
 * mailed on anyone's request, an administrator's reset link, an invitation.
 */
@QuarkusTest
@TestProfile(PublicAddressTest.Configured.class)
class PublicAddressTest {

    static final String PUBLIC = "https://specboard.example.test/";

    /** An installation that knows where people reach it. */
    public static class Configured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("specboard.public-url", PUBLIC, "specboard.embedded-postgres.instance", "public-address");
        }
    }

    @Inject
    TestData data;

    @Test
    void aResetMailLinksToThePublicAddressWhateverHostTheRequestNamed() {
        Account a = data.account("hosted");
        Web.anonymous().header("Host", "attacker.example").formParam("email", a.email).post("/password-reset").then().statusCode(200);
        String text = Mails.await(a.email, 1).get(0).getText();
        String code = Mails.resetCode(Mails.await(a.email, 1).get(0));
        assertTrue(text.contains(PUBLIC + "password-reset/" + code), text);
        assertTrue(!text.contains("attacker.example"), text);
    }

    @Test
    void anAdministratorsLinkAndAnInvitationStartAtThePublicAddress() {
        Account admin = data.admin("public-admin");
        Account other = data.account("public-other");
        String reset = Web.html(Web.as(admin).contentType("application/x-www-form-urlencoded")
                .post("/admin/accounts/" + other.username + "/password-reset")).select("#reset-link").attr("value");
        assertTrue(reset.startsWith(PUBLIC + "password-reset/"), reset);

        TestData.Team t = data.team();
        String invitation = Web.html(Web.as(t.owner()).contentType("application/x-www-form-urlencoded")
                .formParam("who", TestData.unique("guest") + "@example.test").formParam("role", "member")
                .post("/projects/" + t.slug() + "/members")).getElementById("invite-link").val();
        assertTrue(invitation.startsWith(PUBLIC + "invitations/"), invitation);
    }

    /** A malformed address stops the start with a message naming the setting, instead of links that lead nowhere. */
    @Test
    void onlyAnHttpAddressWithAHostIsTaken() {
        for (String bad : new String[] {"specboard.example.com", "ftp://specboard.example.com", "https://", "http://exa mple.com"}) {
            PublicAddress p = new PublicAddress();
            p.publicUrl = Optional.of(bad);
            IllegalStateException e = assertThrows(IllegalStateException.class, p::read, bad);
            assertTrue(e.getMessage().contains("SPECBOARD_PUBLIC_URL"), e.getMessage());
        }
        PublicAddress p = new PublicAddress();
        p.publicUrl = Optional.of(" https://example.com/specboard ");
        p.read();
        assertEquals(URI.create("https://example.com/specboard/"), p.configured().orElseThrow());
        assertEquals("https://example.com/specboard/password-reset/x", PublicAddress.link(p.configured().orElseThrow(), "/password-reset/x"));
        p.publicUrl = Optional.of("  ");
        p.read();
        assertEquals(URI.create("http://reached/"), p.base(URI.create("http://reached/")));
    }
}
