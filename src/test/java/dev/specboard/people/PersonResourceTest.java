package dev.specboard.people;

import dev.specboard.account.Account;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PersonResourceTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private String api(TestData.Team t) {
        return ApiPaths.project(t.slug());
    }

    /** A spec of {@code phases} tasks; the member claims the first and starts it. */
    private void memberHoldsATask(TestData.Team t, int spec, int phases) {
        String[] names = new String[phases];
        for (int i = 0; i < phases; i++) {
            // A phase's file is named after it: specs of one project share no file, or a claim by key of the next would be refused.
            names[i] = "spec" + spec + "phase" + i;
        }
        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Spec " + spec, List.of(), names))
                .post(api(t) + "/specs").then().statusCode(201);
        fx.api(t.member()).post(api(t) + "/tasks/TASK-" + spec + "-1/claim").then().statusCode(200);
        fx.api(t.member()).post(api(t) + "/tasks/TASK-" + spec + "-1/start").then().statusCode(200);
    }

    private void memberWritesStories(TestData.Team t, int count) {
        for (int i = 0; i < count; i++) {
            fx.api(t.member()).body(Map.of("title", "Story " + i, "description", "As a user I want " + i))
                    .post(api(t) + "/stories").then().statusCode(201);
        }
    }

    @Test
    void aCoMemberSeesTheTasksThePersonHoldsAndTheStoriesTheyWrote() {
        TestData.Team t = data.team();
        memberHoldsATask(t, 1, 2);
        memberWritesStories(t, 1);

        Document page = Web.html(Web.as(t.viewer()).get("/people/" + t.member().username).then().statusCode(200).extract().response());
        assertTrue(page.select("#person-username").text().contains(t.member().username));
        Element project = page.getElementById("project-" + t.slug());
        assertNotNull(project, page.select("main").html());
        assertTrue(project.text().contains("Member"), project.text());
        Element task = project.selectFirst(".held-tasks a[href=/projects/" + t.slug() + "/tasks/TASK-1-1]");
        assertNotNull(task, project.html());
        assertTrue(project.select(".held-tasks").text().contains("In progress"), project.text());
        assertTrue(project.select(".held-tasks a[href$=TASK-1-2]").isEmpty(), "a task nobody claimed is not theirs");
        assertNotNull(project.selectFirst(".authored-stories a[href=/projects/" + t.slug() + "/stories/1]"), project.html());

        Document lead = Web.html(Web.as(t.member()).get("/people/" + t.lead().username).then().statusCode(200).extract().response());
        Element leadProject = lead.getElementById("project-" + t.slug());
        assertTrue(leadProject.select(".empty").text().contains("No task claimed"), leadProject.text());
        assertTrue(leadProject.select(".empty").text().contains("No story written"), leadProject.text());
    }

    /** The accounts page links every account: an administrator, who sees every project, opens every person page. */
    @Test
    void aSiteAdministratorSeesEveryPersonAndTheirProjects() {
        TestData.Team t = data.team();
        memberHoldsATask(t, 1, 1);
        Account admin = data.admin("siteadmin");
        Document page = Web.html(Web.as(admin).get("/people/" + t.member().username).then().statusCode(200).extract().response());
        assertTrue(page.getElementById("project-" + t.slug()) != null, "the person's projects, though the administrator is in none");
        assertTrue(page.text().contains("TASK-1-1"), page.text());
        Account loner = data.account("loner");
        Document lonerPage = Web.html(Web.as(admin).get("/people/" + loner.username).then().statusCode(200).extract().response());
        assertEquals(loner.displayName() + " is a member of no project yet.", lonerPage.getElementById("no-projects").text(),
                "said of the person, not of a project the administrator would share with them");
        Document own = Web.html(Web.as(loner).get("/people/" + loner.username).then().statusCode(200).extract().response());
        assertEquals("You are a member of no project yet.", own.getElementById("no-projects").text());
        Document accounts = Web.html(Web.as(admin).get("/admin/accounts?q=" + loner.username).then().statusCode(200).extract().response());
        assertTrue(accounts.selectFirst("a[href=/people/" + loner.username + "]") != null, "the accounts page links the person page it opens");
        assertEquals(404, Web.as(admin).get("/people/" + TestData.unique("nobody")).statusCode());
    }

    @Test
    void anOutsiderGetsTheSame404AsForAnUnknownName() {
        TestData.Team t = data.team();
        memberHoldsATask(t, 1, 1);
        Response outsider = Web.as(t.outsider()).get("/people/" + t.member().username);
        Response unknown = Web.as(t.outsider()).get("/people/" + TestData.unique("nobody"));
        assertEquals(404, outsider.statusCode());
        assertEquals(404, unknown.statusCode());
        assertEquals(Web.html(unknown).select("main").text(), Web.html(outsider).select("main").text());
        assertFalse(outsider.asString().contains("TASK-1-1"));
        // and projects the viewer is not in stay out of a co-member's page
        Account other = data.account("elsewhere");
        data.addMember(data.project(t.member()), other, dev.specboard.kernel.Role.MEMBER);
        Document page = Web.html(Web.as(other).get("/people/" + t.member().username).then().statusCode(200).extract().response());
        assertTrue(page.getElementById("project-" + t.slug()) == null, "a project the viewer is not in is not shown");
    }

    @Test
    void anonymousVisitorsAreSentToLogIn() {
        TestData.Team t = data.team();
        Response r = RestAssured.given().redirects().follow(false).get("/people/" + t.member().username);
        assertTrue(r.statusCode() == 302 || r.statusCode() == 303, "status " + r.statusCode());
        assertTrue(r.header("Location").contains("/login"), r.header("Location"));
    }

    @Test
    void aMentionInACommentLinksToThePersonPage() {
        TestData.Team t = data.team();
        memberHoldsATask(t, 1, 1);
        fx.api(t.lead()).body(Map.of("body", "Thanks @" + t.member().username + ", see `@nobody` and mail lead@example.com"))
                .post(api(t) + "/tasks/TASK-1-1/notes").then().statusCode(201);
        Document task = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/tasks/TASK-1-1").then().statusCode(200).extract().response());
        List<String> links = task.select("[id^=note-] .markdown a.mention").eachAttr("href");
        assertEquals(List.of("/people/" + t.member().username), links);
        assertEquals("@" + t.member().username, task.selectFirst("a.mention").text());
        Web.as(t.viewer()).get(links.get(0)).then().statusCode(200);
    }

    @Test
    void thePageReadsTheSameNumberOfStatementsWhenRowsGrowTenfold() {
        TestData.Team small = data.team();
        memberHoldsATask(small, 1, 2);
        memberWritesStories(small, 2);
        TestData.Team big = data.team();
        for (int s = 1; s <= 10; s++) {
            memberHoldsATask(big, s, 2);
        }
        memberWritesStories(big, 20);
        for (int i = 0; i < 9; i++) {
            data.addMember(data.project(big.lead()), big.member(), dev.specboard.kernel.Role.MEMBER);
        }
        long a = SqlCounter.count(() -> assertEquals(200, Web.as(small.lead()).get("/people/" + small.member().username).statusCode()));
        long b = SqlCounter.count(() -> assertEquals(200, Web.as(big.lead()).get("/people/" + big.member().username).statusCode()));
        assertEquals(a, b, "statements for 1 vs 10 projects, tasks and stories");
    }
}
