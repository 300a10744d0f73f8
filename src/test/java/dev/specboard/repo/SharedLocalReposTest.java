package dev.specboard.repo;

import dev.specboard.account.Account;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A local repository linked by a second project before the sharing check refused such links is listed for the site
 * administrators to review, whatever spelling each link used; a repository linked by one project is not.
 */
@QuarkusTest
class SharedLocalReposTest {

    @Inject
    TestData data;

    @Inject
    SharedLocalRepos shared;

    @Test
    void localRepositoriesLinkedByTwoProjectsAreListedForAdministratorsInOneQuery() {
        TestData.Team first = data.team();
        TestData.Team second = data.team();
        TestData.Team alone = data.team();
        try (GitFixture git = GitFixture.create(); GitFixture own = GitFixture.create()) {
            git.commit("first", "README.md", "shared\n");
            own.commit("first", "README.md", "own\n");
            // stored as links were before the check: no one was asked
            link(first, "app", git.url());
            link(second, "borrowed", "file://" + git.url());
            link(alone, "app", own.url());

            Account admin = data.admin("sharedrepos");
            Document page = Web.html(Web.as(admin).get("/admin/repositories").then().statusCode(200).extract().response());
            assertNotNull(page.getElementById("shared-repos-notice"));
            Element row = page.selectFirst("tr.shared-link[data-project=" + first.slug() + "]");
            assertNotNull(row, "the first project's link is listed");
            Element table = row.closest("table");
            assertEquals(List.of(first.slug() + "/app", second.slug() + "/borrowed").stream().sorted().toList(),
                    table.select("tr.shared-link").stream().map(r -> r.attr("data-project") + "/" + r.attr("data-repo")).sorted().toList(),
                    "the two spellings of the path are one repository");
            assertEquals("Linked by 2 projects", table.selectFirst("caption").text());
            assertNull(page.selectFirst("tr.shared-link[data-project=" + alone.slug() + "]"), "a repository one project links is not listed");

            Web.as(first.owner()).get("/admin/repositories").then().statusCode(403);

            List<String> statements = SqlCounter.statementsHere(() -> QuarkusTransaction.requiringNew().run(shared::list));
            assertEquals(1, statements.size(), "one query, whatever the number of links: " + statements);
        }
    }

    private static void link(TestData.Team team, String name, String url) {
        QuarkusTransaction.requiringNew().run(() -> {
            Repo repo = new Repo();
            repo.id = UUID.randomUUID();
            repo.projectId = team.project().id;
            repo.name = name;
            repo.path = Repo.mirrorPath(repo.projectId, repo.id);
            repo.gitUrl = url;
            repo.persist();
        });
    }
}
