package dev.specboard.web;

import dev.specboard.account.Account;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An empty list says what to do next and links to the page where one does it. */
@QuarkusTest
class EmptyStatesTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport repos;

    /** The link inside the empty state, after checking that it leads to a page this account can open. */
    private static String nextStep(Account as, String page, String emptyId) {
        Document d = Web.html(Web.as(as).get(page).then().statusCode(200).extract().response());
        Element empty = d.getElementById(emptyId);
        assertNotNull(empty, emptyId + " on " + page);
        Element link = empty.selectFirst("a[href]");
        assertNotNull(link, emptyId + " links to its next step: " + empty.outerHtml());
        String href = link.attr("href");
        Web.as(as).get(href.replaceFirst("#.*", "")).then().statusCode(200);
        return href;
    }

    @Test
    void plansWithoutARepositoryLinkToAddingOne() {
        TestData.Team t = data.team();
        String plans = "/projects/" + t.slug() + "/plans";
        assertEquals("/projects/" + t.slug() + "/repos#add-repo", nextStep(t.owner(), plans, "no-repos"));
        // Repositories are project settings: only an owner sees the add form (DESIGN's roles).
        assertEquals("/projects/" + t.slug() + "/repos", nextStep(t.lead(), plans, "no-repos"), "a lead has no add form to go to");
        assertEquals("/projects/" + t.slug() + "/repos", nextStep(t.viewer(), plans, "no-repos"), "only an owner sees the add form");
    }

    /** Repositories are an owner's to add: the empty list offers the owner the form and tells anyone else who adds them. */
    @Test
    void noRepositoryTellsANonOwnerThatAnOwnerAddsThem() {
        TestData.Team t = data.team();
        String list = "/projects/" + t.slug() + "/repos";
        Document owner = Web.html(Web.as(t.owner()).get(list).then().statusCode(200).extract().response());
        assertNotNull(owner.getElementById("repo-form"), "the owner sees the add form");
        assertFalse(owner.getElementById("no-repos").text().contains("An owner of this project adds"), owner.getElementById("no-repos").text());
        Document member = Web.html(Web.as(t.member()).get(list).then().statusCode(200).extract().response());
        assertNull(member.getElementById("repo-form"), "a member has no add form");
        assertTrue(member.getElementById("no-repos").text().contains("An owner of this project adds repositories."), member.getElementById("no-repos").text());
        for (String page : new String[] {"/plans", "/jobs"}) {
            Document d = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + page).then().statusCode(200).extract().response());
            String empty = d.select("#no-repos, #docs-no-repos").text();
            assertTrue(empty.contains("an owner of this project adds repositories"), page + ": " + empty);
            Document o = Web.html(Web.as(t.owner()).get("/projects/" + t.slug() + page).then().statusCode(200).extract().response());
            assertTrue(o.select("#no-repos, #docs-no-repos").text().contains("add a repository under Code"), page);
        }
    }

    @Test
    void noPlansLinksToTheNewPlanForm() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("init", "README.md", "hello");
            QuarkusTransaction.requiringNew().run(() -> repos.add(t.project(), t.owner(), "app", git.url()));
            assertEquals("/projects/" + t.slug() + "/plans/new", nextStep(t.member(), "/projects/" + t.slug() + "/plans", "no-plans"));
        }
    }

    @Test
    void assistantJobsWithoutARepositoryLinkToAddingOne() {
        TestData.Team t = data.team();
        assertEquals("/projects/" + t.slug() + "/repos#add-repo", nextStep(t.owner(), "/projects/" + t.slug() + "/jobs", "docs-no-repos"));
        assertEquals("/projects/" + t.slug() + "/repos", nextStep(t.lead(), "/projects/" + t.slug() + "/jobs", "docs-no-repos"));
    }

    @Test
    void noNotificationsSaysWhenTheyComeAndLinksToTheInbox() {
        Account a = data.account("quiet");
        assertEquals("/inbox", nextStep(a, "/notifications", "no-notifications"));
    }
}
