package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A DOCS job of a large folder keeps its stored result, its API answer and its page small, and says what it left out. */
@QuarkusTest
class DocsOutlineBudgetTest {

    static final int FILES = 300;
    static final int METHODS = 10;

    @Inject
    TestData data;

    @Inject
    RepoTestSupport repos;

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    /** A public class with a doc comment and public documented methods, each calling the next. */
    static String source(int n) {
        StringBuilder s = new StringBuilder("package big;\n\n/** Generated type number " + n + ", documented so that the outline has something to say. */\n"
                + "public class Type" + String.format("%03d", n) + " {\n");
        for (int m = 0; m < METHODS; m++) {
            s.append("\n    /** Method ").append(m).append(" of type ").append(n).append(": takes a value, checks it and hands it to the next one. */\n")
                    .append("    public int method").append(m).append("(int value, String label) {\n")
                    .append("        return ").append(m + 1 < METHODS ? "method" + (m + 1) + "(value + 1, label)" : "value").append(";\n    }\n");
        }
        return s.append("}\n").toString();
    }

    @Test
    void aLargeFolderIsOutlinedUpToTheBudgetAndSaysWhatItLeftOut() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Map<String, String> files = new LinkedHashMap<>();
            for (int n = 0; n < FILES; n++) {
                files.put("src/big/Type" + String.format("%03d", n) + ".java", source(n));
            }
            git.commit("Many types", files);
            Repo repo = repos.add(t.project(), t.owner(), "big", git.url());
            assertEquals(SyncStatus.SUCCESS, repos.awaitLatest(repo).status);

            String base = "/api/v1/projects/" + t.slug();
            String id = fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repo", "big", "path", "src")))
                    .post(base + "/jobs").then().statusCode(202).extract().path("id");
            AiJob job = jobs.await(UUID.fromString(id));
            assertEquals(JobStatus.SUCCESS, job.status, job.error);

            String answer = fx.api(t.viewer()).get(base + "/jobs/" + id).then().statusCode(200).extract().asString();
            // unbounded, these 300 files made about 2 MB
            assertTrue(answer.length() < 600_000, "the API answer has " + answer.length() + " characters");
            JsonPath r = JsonPath.from(answer);
            List<String> paths = r.getList("result.files.path");
            assertTrue(paths.size() <= OutlineBudget.MAX_FILES && paths.size() > 10, paths.size() + " files");
            assertEquals("src/big/Type000.java", paths.get(0), "the first files are kept, in order");
            assertEquals(FILES, r.getInt("result.omitted.codeFiles"));
            assertEquals(FILES - paths.size(), r.getInt("result.omitted.files"));
            assertTrue(r.getInt("result.omitted.entries") >= (FILES - paths.size()) * (METHODS + 1));
            assertEquals(FILES * (METHODS - 1) - OutlineBudget.MAX_CALLS, r.getInt("result.omitted.calls"));
            assertEquals(OutlineBudget.MAX_CALLS, r.getList("result.calls").size());
            String markdown = r.getString("result.markdown");
            assertTrue(markdown.contains("Left out to keep this outline small: the last " + (FILES - paths.size()) + " of " + FILES
                    + " code files"), markdown.substring(Math.max(0, markdown.length() - 2000)));
            assertTrue(markdown.contains("Outline a narrower path"));

            String html = Web.as(t.viewer()).get("/projects/" + t.slug() + "/jobs/" + id).then().statusCode(200).extract().asString();
            assertTrue(html.length() < 1_000_000, "the page has " + html.length() + " characters");
            Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/jobs/" + id).then().statusCode(200).extract().response());
            assertNotNull(page.selectFirst("#outline-omitted"));
            assertTrue(page.selectFirst("#outline-omitted").text().contains("the last " + (FILES - paths.size()) + " of " + FILES + " code files"),
                    page.selectFirst("#outline-omitted").text());
            assertEquals(paths.size(), page.select(".outline-file").size());
        }
    }
}
