package dev.specboard.plan;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan page shows a file whose name is no UTF-8 as the file browser does ({@code café} with U+FFFD for the stray byte),
 * not as git quotes it in the manifest ({@code caf\351.txt}); its link keeps the manifest's name.
 */
@QuarkusTest
class PlanRawNamesTest {

    @Inject
    TestData data;

    @Inject
    PlanFixtures fixtures;

    @Inject
    RepoTestSupport repos;

    @Test
    void aFileNamedInLatin1IsShownDecodedInStepsAndCodeChanges() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Map<byte[], String> files = new LinkedHashMap<>();
            files.put("notes/caf\u00e9.txt".getBytes(StandardCharsets.ISO_8859_1), "one\ntwo\n");
            git.commitRawNames("first", files);
            Repo repo = repos.add(t.project(), t.owner(), "shop", git.url());
            repos.awaitLatest(repo);
            Access lead = PlanFixtures.access(t.project(), t.lead(), Role.LEAD);
            Plan plan = fixtures.plan(lead, "shop", "Notes");
            String escaped = "notes/caf\\\\351.txt";
            fixtures.artifact(lead, plan.id, ArtifactType.IMPLEMENTATION_STEPS, """
                    {"steps": [{"name": "notes", "title": "Edit the notes", "files": ["%s"]}]}""".formatted(escaped));
            fixtures.artifact(lead, plan.id, ArtifactType.CODE_CHANGES, """
                    {"summary": "Notes.", "changes": [{"path": "%s", "action": "modify", "baseBlobSha": "%s", "content": "one\\nthree\\n"}]}"""
                    .formatted(escaped, fixtures.blobOf(repo, "notes/caf\\351.txt")));

            Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/plans/" + plan.id));
            String readable = "notes/caf\uFFFD.txt";
            assertEquals("Files: " + readable, d.selectFirst("#step-notes .step-files").text());
            Element change = d.getElementById("change-1");
            assertEquals(readable, change.selectFirst("h3 code").text());
            Element link = change.selectFirst("a[href*=/blob/]");
            assertEquals(readable + " in shop", link.text());
            assertTrue(link.attr("href").endsWith("/repos/shop/blob/notes/caf%5C351.txt"), link.attr("href"));
            assertEquals(readable, change.selectFirst(".table-wrap").attr("aria-label"));
        }
    }
}
