package dev.specboard.project;

import dev.specboard.kernel.Role;
import dev.specboard.account.Account;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MemberResourceTest {

    @Inject
    TestData data;

    private static RequestSpecification form(Account a) {
        return Web.as(a).contentType("application/x-www-form-urlencoded");
    }

    private static String rowId(Document d, Account a) {
        return d.selectFirst("tr.member-row[data-username=" + a.username + "]").id().substring("member-".length());
    }

    @Test
    void everyMemberSeesTheListButOnlyOwnersManage() {
        TestData.Team t = data.team();
        Document viewer = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/members").then().statusCode(200)
                .header("Vary", "HX-Request").extract().response());
        assertEquals(5, viewer.select("#member-rows tr.member-row").size());
        assertNull(viewer.getElementById("invite-form"));
        assertTrue(viewer.select("#member-rows select").isEmpty());
        Document owner = Web.html(Web.as(t.owner()).get("/projects/" + t.slug() + "/members"));
        assertNotNull(owner.getElementById("invite-form"));
        assertEquals(4, owner.select("#member-rows select").size(), "every row but the last owner's, whose role cannot change");
    }

    @Test
    void membersAreListedOwnersFirstThenDownTheRoles() {
        TestData.Team t = data.team();
        Account anotherLead = data.account("another-lead");
        data.addMember(t.project(), anotherLead, Role.LEAD);
        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/members"));
        assertEquals(List.of(t.owner().username, anotherLead.username, t.lead().username, t.member().username, t.reviewer().username,
                t.viewer().username), d.select("#member-rows tr.member-row").eachAttr("data-username"));
    }

    @Test
    void ownerAddsAnAccountByUsername() {
        TestData.Team t = data.team();
        form(t.owner()).formParam("who", t.outsider().username).formParam("role", "reviewer")
                .post("/projects/" + t.slug() + "/members").then().statusCode(303);
        Document d = Web.html(Web.as(t.owner()).get("/projects/" + t.slug() + "/members"));
        assertNotNull(d.selectFirst("tr.member-row[data-username=" + t.outsider().username + "]"));
        Web.as(t.outsider()).get("/projects/" + t.slug()).then().statusCode(200);
    }

    /**
     * Inviting the email of an account makes an invitation link like any other (the answer does not tell whether it
     * has an account) and adds nobody until that account takes the link; no other account may take it.
     */
    @Test
    void invitingTheEmailOfAnAccountMakesAnInvitationAndAddsNobody() {
        TestData.Team t = data.team();
        Account claimer = data.account("claimer");
        String email = TestData.unique("boss") + "@example.test";
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(claimer.id).email = email);

        Response known = form(t.owner()).formParam("who", email).formParam("role", "lead").post("/projects/" + t.slug() + "/members");
        assertEquals(200, known.statusCode());
        Web.as(claimer).get("/projects/" + t.slug()).then().statusCode(404);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Membership.find(Project.findById(t.project().id), claimer.id).isEmpty()));

        String nobody = TestData.unique("nobody") + "@example.test";
        Response unknown = form(t.owner()).formParam("who", nobody).formParam("role", "lead").post("/projects/" + t.slug() + "/members");
        assertEquals(200, unknown.statusCode());
        Element a = Web.html(known).getElementById("invited");
        Element b = Web.html(unknown).getElementById("invited");
        assertEquals(a.text().replace(email, "EMAIL").replace(a.getElementById("invite-link").val(), "LINK"),
                b.text().replace(nobody, "EMAIL").replace(b.getElementById("invite-link").val(), "LINK"),
                "the answer is the same whether or not an account has the address");
        assertFalse(a.text().toLowerCase().contains("no specboard account"), a.text());

        // Only the account with the invited address joins with the link; another account holding it is refused.
        String link = a.getElementById("invite-link").val();
        link = link.substring(link.indexOf("/invitations/"));
        Account holder = data.account("holder");
        assertNull(Web.html(Web.as(holder).get(link)).getElementById("accept-invitation"));
        Web.as(holder).post(link + "/accept").then().statusCode(403);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Membership.find(Project.findById(t.project().id), holder.id).isEmpty()));
        assertNotNull(Web.html(Web.as(claimer).get(link)).getElementById("accept-invitation"));
        Web.as(claimer).post(link + "/accept").then().statusCode(303);
        assertEquals(Role.LEAD, QuarkusTransaction.requiringNew().call(() ->
                Membership.find(Project.findById(t.project().id), claimer.id).orElseThrow().role));
    }

    @Test
    void invitingAnUnknownAccountAnswers422NamingItAndKeepingValues() {
        TestData.Team t = data.team();
        Response r = form(t.owner()).formParam("who", "nobody-here").formParam("role", "lead").post("/projects/" + t.slug() + "/members");
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertEquals("nobody-here", d.getElementById("f-who").val());
        assertEquals("lead", d.select("#f-role option[selected]").val());
        assertTrue(d.getElementById("e-who").text().contains("nobody-here"));
    }

    @Test
    void htmxRoleChangeSwapsTheRow() {
        TestData.Team t = data.team();
        String id = rowId(Web.html(Web.as(t.owner()).get("/projects/" + t.slug() + "/members")), t.viewer());
        Response r = Web.htmx(form(t.owner())).formParam("role", "lead").post("/projects/" + t.slug() + "/members/" + id + "/role");
        assertEquals(200, r.statusCode());
        Document row = Web.html(r);
        assertNull(row.selectFirst("header.topbar"), "a fragment, not a page");
        assertEquals("lead", row.select("#role-" + id + " option[selected]").val());
        Web.as(t.viewer()).get("/projects/" + t.slug() + "/settings").then().statusCode(403);
    }

    @Test
    void theLastOwnerCannotBeDemotedOrRemoved() {
        TestData.Team t = data.team();
        String base = "/projects/" + t.slug() + "/members/";
        String id = rowId(Web.html(Web.as(t.owner()).get("/projects/" + t.slug() + "/members")), t.owner());
        Response demote = form(t.owner()).formParam("role", "member").post(base + id + "/role");
        assertEquals(409, demote.statusCode());
        assertTrue(Web.html(demote).getElementById("error-message").text().contains("last owner"));
        Response htmx = Web.htmx(form(t.owner())).post(base + id + "/remove");
        assertEquals(409, htmx.statusCode());
        assertEquals("#flash", htmx.getHeader("HX-Retarget"));
        assertTrue(htmx.asString().contains("last owner"));
    }

    @Test
    void theLastOwnerIsOfferedNeitherDemotionNorRemoval() {
        TestData.Team t = data.team();
        String members = "/projects/" + t.slug() + "/members";
        Document page = Web.html(Web.as(t.owner()).get(members));
        String owner = rowId(page, t.owner());
        Element row = page.getElementById("member-" + owner);
        assertNull(row.selectFirst("form"), "no Change role, no Remove: both would answer 409: " + row.html());
        assertNull(page.getElementById("remove-" + owner));
        assertNull(page.getElementById("change-" + owner));
        assertEquals("Owner", page.getElementById("role-" + owner).text());
        assertEquals("You are the last owner: make someone else owner first to change your role or remove yourself.",
                page.getElementById("last-owner-" + owner).text());
        assertNotNull(page.getElementById("remove-" + rowId(page, t.lead())), "the others keep their forms");

        // With a second owner (promoted through htmx: the whole list reloads, since another row changes), both may go.
        String lead = rowId(page, t.lead());
        Response promoted = Web.htmx(form(t.owner())).formParam("role", "owner").post(members + "/" + lead + "/role");
        assertEquals(200, promoted.statusCode());
        assertEquals(members, promoted.getHeader("HX-Redirect"));
        page = Web.html(Web.as(t.owner()).get(members));
        assertNull(page.getElementById("last-owner-" + owner));
        assertNotNull(page.getElementById("remove-" + owner));
        assertNotNull(page.getElementById("change-" + lead));

        // The lead demotes the first owner: now the lead is the last owner, seen from their side.
        form(t.lead()).formParam("role", "member").post(members + "/" + owner + "/role").then().statusCode(303);
        page = Web.html(Web.as(t.lead()).get(members));
        assertEquals("You are the last owner: make someone else owner first to change your role or remove yourself.",
                page.getElementById("last-owner-" + lead).text());
        assertNotNull(page.getElementById("change-" + owner));
        Document seenByNobody = Web.html(Web.as(t.viewer()).get(members));
        assertNull(seenByNobody.getElementById("last-owner-" + lead), "only owners manage");
    }

    @Test
    void ownerRemovesAMember() {
        TestData.Team t = data.team();
        String id = rowId(Web.html(Web.as(t.owner()).get("/projects/" + t.slug() + "/members")), t.member());
        form(t.owner()).post("/projects/" + t.slug() + "/members/" + id + "/remove").then().statusCode(303);
        Web.as(t.member()).get("/projects/" + t.slug()).then().statusCode(404);
        form(t.lead()).post("/projects/" + t.slug() + "/members/" + rowId(Web.html(Web.as(t.owner()).get("/projects/" + t.slug() + "/members")), t.viewer()) + "/remove")
                .then().statusCode(403);
    }

    @Test
    void memberListQueryCountDoesNotGrowWithMembers() {
        TestData.Team small = data.team();
        TestData.Team large = data.team();
        for (int i = 0; i < 40; i++) {
            data.addMember(large.project(), data.account("many"), Role.VIEWER);
        }
        long few = SqlCounter.count(() -> Web.as(small.owner()).get("/projects/" + small.slug() + "/members").then().statusCode(200));
        long many = SqlCounter.count(() -> Web.as(large.owner()).get("/projects/" + large.slug() + "/members").then().statusCode(200));
        assertEquals(few, many);
        assertFalse(few == 0);
    }
}
