package dev.specboard.notification;

import dev.specboard.account.Account;
import dev.specboard.account.AccountDirectory;
import dev.specboard.account.ApiTokenService;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mails;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** People who ask for it on their account page (or over the API) get each new notification by mail too; nobody else does. */
@QuarkusTest
class NotificationMailTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    NotificationService notifications;

    @Inject
    AccountDirectory directory;

    @Inject
    ApiTokenService tokens;

    private static void turnOn(Account a, boolean on) {
        var form = Web.as(a).redirects().follow(false);
        if (on) {
            form = form.formParam("emailNotifications", "true");
        }
        form.post("/account/notifications").then().statusCode(303);
    }

    private static boolean ticked(Account a) {
        Document page = Web.html(Web.as(a).get("/account"));
        return page.getElementById("f-emailNotifications").hasAttr("checked");
    }

    @Test
    void anOptedInMemberIsMailedTheApprovalOfTheirStoryWithItsLink() {
        TestData.Team t = data.team();
        assertEquals("/account#notification-settings-h", Web.html(Web.as(t.member()).get("/notifications"))
                .selectFirst("#notification-settings-link a").attr("href"), "the notifications page leads to the setting");
        assertFalse(ticked(t.member()), "off until turned on");
        turnOn(t.member(), true);
        assertTrue(ticked(t.member()));

        String stories = ApiPaths.project(t.slug(), "/stories");
        int n = fx.api(t.member()).body(Map.of("title", "Pay by card", "description", "Pay for the cart")).post(stories).then().statusCode(201)
                .extract().path("number");
        fx.api(t.member()).post(stories + "/" + n + "/submit").then().statusCode(200);
        fx.api(t.lead()).post(stories + "/" + n + "/approve").then().statusCode(200);

        Mail mail = Mails.await(t.member().email, 1).get(0);
        String message = fx.api(t.member()).get("/api/v1/notifications").then().statusCode(200).extract().jsonPath().getString("[0].payload.message");
        assertEquals(NotificationMail.subject(message), mail.getSubject());
        assertTrue(mail.getText().startsWith(message), mail.getText());
        assertTrue(mail.getText().contains("/projects/" + t.slug() + "/stories/" + n), "the mail links to the story: " + mail.getText());
        assertTrue(mail.getText().contains("/account"), "it says where to turn them off");
    }

    @Test
    void nobodyElseIsMailed() {
        TestData.Team t = data.team();
        turnOn(t.member(), true);
        turnOn(t.lead(), true);
        turnOn(t.lead(), false);
        assertFalse(ticked(t.lead()));
        Account leaver = data.account("leaver");
        data.addMember(t.project(), leaver, dev.specboard.kernel.Role.MEMBER);
        turnOn(leaver, true);
        QuarkusTransaction.requiringNew().run(() -> directory.setDisabled(leaver.username, true, t.owner().id));

        // Those who must get no mail are told first; the last one's mail arriving shows the others had their turn.
        notifications.notify(t.reviewer().id, t.project().id, "mention", Map.of("message", "Never turned on", "link", "/projects/" + t.slug()));
        notifications.notify(t.lead().id, t.project().id, "mention", Map.of("message", "Turned off again", "link", "/projects/" + t.slug()));
        notifications.notify(leaver.id, t.project().id, "mention", Map.of("message", "Disabled", "link", "/projects/" + t.slug()));
        notifications.notify(t.outsider().id, t.project().id, "mention", Map.of("message", "Not a member", "link", "/projects/" + t.slug()));
        notifications.notify(t.member().id, t.project().id, "mention", Map.of("message", "On", "link", "/projects/" + t.slug()));
        notifications.notify(t.member().id, "welcome", Map.of("message", "Outside any project"));

        List<Mail> mails = Mails.await(t.member().email, 2);
        assertEquals(List.of("On", "Outside any project"), mails.stream().map(Mail::getSubject).sorted().toList());
        for (Account none : List.of(t.reviewer(), t.lead(), leaver, t.outsider())) {
            assertEquals(0, Mails.count(none.email), none.username);
        }
    }

    @Test
    void storingANotificationCostsNoStatementMoreForItsMail() {
        TestData.Team t = data.team();
        int off = SqlCounter.statementsHere(() -> notifications.notify(t.reviewer().id, t.project().id, "mention", Map.of("message", "a"))).size();
        turnOn(t.reviewer(), true);
        int on = SqlCounter.statementsHere(() -> notifications.notify(t.reviewer().id, t.project().id, "mention", Map.of("message", "b"))).size();
        assertEquals(off, on);
        assertEquals("b", Mails.await(t.reviewer().email, 1).get(0).getSubject());
    }

    @Test
    void theSettingOverTheApi() {
        TestData.Team t = data.team();
        String settings = "/api/v1/account/notification-settings";
        fx.api(t.member()).get(settings).then().statusCode(200).body("email", equalTo(false));
        fx.api(t.member()).body(Map.of("email", true)).put(settings).then().statusCode(200).body("email", equalTo(true));
        fx.api(t.member()).get(settings).then().statusCode(200).body("email", equalTo(true));
        assertTrue(ticked(t.member()), "the account page shows what the API set");

        fx.api(t.member()).body(Map.of()).put(settings).then().statusCode(422).body("details.email", notNullValue());
        fx.api(t.member()).body(Map.of("email", false, "digest", "daily")).put(settings).then().statusCode(422)
                .body("details.digest", equalTo("unknown field"));
        fx.api(t.member()).body("{\"email\": \"yes please\"}").put(settings).then().statusCode(400);
        fx.api(t.member()).get(settings).then().statusCode(200).body("email", equalTo(true));
        io.restassured.RestAssured.given().get(settings).then().statusCode(401);

        String limited = tokens.create(t.member().id, "agent", t.project().id, dev.specboard.kernel.Role.MEMBER).value();
        io.restassured.RestAssured.given().auth().oauth2(limited).contentType("application/json").body(Map.of("email", false))
                .put(settings).then().statusCode(403).body("error", notNullValue());
        io.restassured.RestAssured.given().auth().oauth2(limited).get(settings).then().statusCode(200).body("email", equalTo(true));
    }
}
