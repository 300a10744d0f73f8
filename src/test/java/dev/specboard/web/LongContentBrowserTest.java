package dev.specboard.web;

import dev.specboard.account.Account;
import dev.specboard.account.AccountService;
import dev.specboard.account.SignupForm;
import dev.specboard.kernel.Role;
import dev.specboard.project.Project;
import dev.specboard.project.ProjectForm;
import dev.specboard.project.ProjectService;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every screen of the census fits a 360 px phone also when a project's names are as long as its fields allow and
 * hold no space to break at: a 60-character project name, 70-character one-word story titles, 60+ character names
 * of contexts, components, specs, tasks, plans, pages, features and journeys, a 150-character file path with a
 * review thread, an 80-character branch, and the longest username with a long email.
 */
@QuarkusTest
class LongContentBrowserTest {

    /** 60 characters without a space. */
    static final String WORD = "Supercalifragilisticexpialidocious".repeat(2).substring(0, 60);

    /** 150 characters: deep directories and a long file name. */
    static final String PATH = "src/main/java/dev/specboard/administration/internationalisation/passwordresetnotifications/emails/"
            + "PasswordResetNotificationTemplateRepositoryImpl.java";

    /** A 70-character story title of one word. */
    static final String TITLE = "Unbreakable" + WORD.substring(0, 59);

    static final String BRANCH = "feature/" + "passwordresetnotificationtemplaterepositoryimplementation".repeat(2).substring(0, 72);

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    AccountService accounts;

    @Inject
    ProjectService projects;

    @Inject
    SpecApiFixtures fx;

    @Inject
    RepoTestSupport repos;

    @Test
    void theNamesAreAsLongAsPromised() {
        assertTrue(WORD.length() == 60 && TITLE.length() == 70 && PATH.length() == 150 && BRANCH.length() == 80,
                WORD.length() + " " + TITLE.length() + " " + PATH.length() + " " + BRANCH.length());
    }

    @Test
    void everyScreenFitsAPhoneWithLongUnbreakableNames() {
        TestData.Team team = longTeam();
        ScreenCensusBrowserTest.Names names = new ScreenCensusBrowserTest.Names(
                TITLE, WORD, PATH, BRANCH);
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString(), 360)) {
            Map<String, String> keys = ScreenCensusBrowserTest.fillProject(fx, repos, team, git, names);
            List<String> visited = new ArrayList<>();
            List<String> failures = ScreenCensusBrowserTest.visitEveryScreen(team, keys, b, visited, path -> b.assertFitsWidth());
            // Pages the census opens only with short parameters: the deepest directory, and searches that find the long names.
            b.login(team.owner().username, TestData.PASSWORD);
            String project = "/projects/" + team.slug();
            ScreenCensusBrowserTest.visit(b, project + "/repos/app/tree/" + PATH.substring(0, PATH.lastIndexOf('/')), "deepest directory",
                    visited, failures, p -> b.assertFitsWidth());
            for (String q : List.of("PasswordResetNotificationTemplateRepositoryImpl", TITLE)) {
                ScreenCensusBrowserTest.visit(b, project + "/search?q=" + q, "search " + q, visited, failures, p -> b.assertFitsWidth());
                assertTrue(((Number) b.js("return document.querySelectorAll('.search-hits li').length;")).intValue() > 0, "no hits for " + q);
            }

            assertTrue(visited.size() >= 30, "too few screens: " + visited);
            assertTrue(failures.isEmpty(), "Screens wider than 360 px with long names (" + visited.size() + " visited):\n" + String.join("\n", failures));
        }
    }

    /** A team whose project and people have the longest names their forms accept. */
    private TestData.Team longTeam() {
        Account owner = longAccount("o");
        String slug = (TestData.unique("p") + "-" + WORD.toLowerCase()).substring(0, 63);
        Project p = projects.create(owner.id, new ProjectForm(WORD, slug, "web-app", WORD.substring(0, 40), "A project with long names"));
        Account lead = longAccount("l");
        Account member = longAccount("m");
        Account reviewer = longAccount("r");
        Account viewer = longAccount("v");
        data.addMember(p, lead, Role.LEAD);
        data.addMember(p, member, Role.MEMBER);
        data.addMember(p, reviewer, Role.REVIEWER);
        data.addMember(p, viewer, Role.VIEWER);
        return new TestData.Team(p, owner, lead, member, reviewer, viewer, data.account("outsider"));
    }

    /** 39 characters of username (the most the pattern allows), a 60-character name and a long email. */
    private Account longAccount(String prefix) {
        String username = (TestData.unique(prefix) + "_" + WORD).substring(0, 39);
        String email = (username + WORD).substring(0, 64) + "@" + WORD.toLowerCase().substring(0, 50) + ".example.test";
        return accounts.signup(new SignupForm(email, username, WORD, TestData.PASSWORD));
    }
}
