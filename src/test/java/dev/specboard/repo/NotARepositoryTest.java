package dev.specboard.repo;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.jgit.api.Git;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A local folder that holds no git repository was taken by the repository settings (page and API) and failed its first
 * sync with JGit's "not found": it is refused when entered (422, named on the URL), a bare or non-bare repository is not.
 */
@QuarkusTest
class NotARepositoryTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aPlainFolderIsRefusedOnTheSettingsPageAndInTheApiAndARepositoryIsTaken() throws Exception {
        TestData.Team team = data.team();
        Path tmp = Files.createTempDirectory("not-a-repo");
        try {
            Path plain = Files.createDirectories(tmp.resolve("plain"));
            Files.writeString(plain.resolve("README.md"), "just files\n");
            String refused = plain + " is not a git repository: it has no .git folder and is not a bare repository";
            String base = "/projects/" + team.slug() + "/repos";

            Response page = Web.as(team.owner()).contentType("application/x-www-form-urlencoded").formParam("name", "docs")
                    .formParam("url", plain.toString()).formParam("defaultBranch", "trunk").formParam("syncIntervalMinutes", "60")
                    .post(base);
            assertEquals(422, page.statusCode());
            Document d = Web.html(page);
            assertEquals(refused, d.getElementById("e-url").text());
            assertEquals(plain.toString(), d.getElementById("f-url").val(), "the value is kept");
            assertEquals("docs", d.getElementById("f-name").val());
            assertEquals("trunk", d.getElementById("f-defaultBranch").val());

            String api = "/api/v1/projects/" + team.slug() + "/repos";
            fx.api(team.owner()).body(Map.of("name", "docs", "url", "file://" + plain)).post(api)
                    .then().statusCode(422).body("details.url", equalTo("file://" + refused));
            fx.api(team.owner()).body(Map.of("name", "docs", "url", tmp.resolve("missing").toString())).post(api)
                    .then().statusCode(422).body("details.url", equalTo(tmp.resolve("missing") + " does not exist on the server"));
            assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Repo.count("projectId", team.project().id)));

            Path bare = tmp.resolve("bare.git");
            Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
            fx.api(team.owner()).body(Map.of("name", "bare", "url", bare.toString())).post(api).then().statusCode(201);
            Path work = tmp.resolve("work");
            Git.init().setDirectory(work.toFile()).call().close();
            Web.as(team.owner()).contentType("application/x-www-form-urlencoded").formParam("name", "work")
                    .formParam("url", work.toString()).formParam("defaultBranch", "main").formParam("syncIntervalMinutes", "")
                    .post(base).then().statusCode(303);

            // Changing a repository's address to a plain folder is refused the same way, on the page and in the API.
            Response edit = Web.as(team.owner()).contentType("application/x-www-form-urlencoded").formParam("name", "work")
                    .formParam("url", plain.toString()).formParam("defaultBranch", "main").formParam("syncIntervalMinutes", "")
                    .post(base + "/work");
            assertEquals(422, edit.statusCode());
            Document e = Web.html(edit);
            assertEquals(refused, e.getElementById("e-url").text());
            assertEquals(plain.toString(), e.getElementById("f-url").val());
            fx.api(team.owner()).body(Map.of("name", "bare", "url", plain.toString())).put(api + "/bare")
                    .then().statusCode(422).body("details.url", equalTo(refused));
            assertEquals(bare.toString(), QuarkusTransaction.requiringNew().call(
                    () -> Repo.findByName(team.project().id, "bare").orElseThrow().gitUrl), "nothing was changed");
        } finally {
            GitMirror.deleteQuietly(tmp);
        }
    }
}
