package dev.specboard.repo;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tree entries git allows that a file browser easily misses: submodules, and names holding a newline or a tab. */
@QuarkusTest
class TreeOddEntriesTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    SpecApiFixtures fx;

    private record Synced(TestData.Team team, String base) {
    }

    private Synced synced(GitFixture git) {
        TestData.Team team = data.team();
        Repo repo = support.add(team.project(), team.owner(), "app", git.url());
        RepoSync s = support.awaitLatest(repo);
        assertEquals(SyncStatus.SUCCESS, s.status, s.errorMessage);
        return new Synced(team, "/projects/" + team.slug() + "/repos/app");
    }

    /** A submodule was left out of the tree: its folder listed nothing, and a folder holding only one was a 404. */
    @Test
    void aSubmoduleIsARowWithItsCommitAndNoLink() {
        String pinned = "0123456789abcdef0123456789abcdef01234567";
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("README.md", "hi\n"));
            git.commitSubmodule("vendor", "vendor/lib", pinned);
            git.commitSubmodule("themes", "theme", pinned);
            Synced s = synced(git);

            Document root = Web.html(Web.as(s.team().viewer()).get(s.base()).then().statusCode(200).extract().response());
            assertEquals(List.of("dir", "file", "submodule"), root.select("#file-list tbody tr").eachAttr("class"));
            Element theme = root.selectFirst("#file-list tbody tr.submodule");
            assertEquals("theme", theme.selectFirst(".submodule-name").text());
            assertTrue(theme.text().contains("submodule @ 0123456789"), theme.text());
            assertNull(theme.selectFirst("a"), "a submodule's files are in another repository: nothing to open here");

            Document vendor = Web.html(Web.as(s.team().viewer()).get(root.selectFirst("#file-list tbody tr.dir a").attr("href"))
                    .then().statusCode(200).extract().response());
            assertEquals("lib", vendor.selectFirst("#file-list tbody tr.submodule .submodule-name").text());

            fx.api(s.team().viewer()).get("/api/v1/projects/" + s.team().slug() + "/repos/app/tree?path=vendor")
                    .then().statusCode(200).body("[0].path", equalTo("vendor/lib")).body("[0].type", equalTo("submodule"))
                    .body("[0].blobSha", equalTo(pinned));
        }
    }

    /** A file whose name holds a newline or a tab was listed, but its link answered 404. */
    @Test
    void aFileNamedWithANewlineOrATabOpensFromItsLink() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("docs/line\nbreak.md", "newline\n", "tab\there.txt", "tab\n"));
            Synced s = synced(git);
            Document root = follow(s, s.base());
            Document docs = follow(s, root.selectFirst("#file-list tbody tr.dir a").attr("href"));
            Element link = docs.selectFirst("#file-list tbody tr.file a");
            assertTrue(link.attr("href").endsWith("/blob/docs/line%0Abreak.md"), link.attr("href"));
            Document file = follow(s, link.attr("href"));
            assertEquals("docs/line\nbreak.md", file.getElementById("code").attr("data-path"));
            assertEquals("newline", file.getElementById("L1").selectFirst("td + td").wholeText());

            Document tab = follow(s, root.selectFirst("#file-list tbody tr.file a").attr("href"));
            assertEquals("tab\there.txt", tab.getElementById("code").attr("data-path"));
            assertNotNull(tab.getElementById("L1"));
        }
    }

    /**
     * Names that decode to the same text collided: JGit reads a name that is no UTF-8 as Latin-1, so {@code caf\351.txt}
     * written in Latin-1 was listed as "café.txt", the UTF-8 name of another file, and both rows opened one of them. A
     * name composed and one decomposed (NFC, NFD) are different names and stay two files.
     */
    @Test
    void namesThatDecodeAlikeStayDifferentFiles() {
        Map<byte[], String> files = new java.util.LinkedHashMap<>();
        files.put("caf\u00e9.txt".getBytes(StandardCharsets.ISO_8859_1), "latin\n");
        files.put("caf\u00e9.txt".getBytes(StandardCharsets.UTF_8), "composed\n");
        files.put("cafe\u0301.txt".getBytes(StandardCharsets.UTF_8), "decomposed\n");
        try (GitFixture git = GitFixture.create()) {
            git.commitRawNames("first", files);
            Synced s = synced(git);
            Map<String, String> shown = new TreeMap<>();
            for (Element a : follow(s, s.base()).select("#file-list tbody tr.file a")) {
                Document file = follow(s, a.attr("href"));
                shown.put(file.getElementById("code").attr("data-path"), file.getElementById("L1").selectFirst("td + td").wholeText());
            }
            assertEquals(Map.of("caf\\351.txt", "latin", "caf\u00e9.txt", "composed", "cafe\u0301.txt", "decomposed"), shown);
        }
    }

    /** Opens a link as the page gives it (already encoded: sent as is) and answers the page. */
    private static Document follow(Synced s, String href) {
        URI uri = URI.create(href);
        Response r = Web.as(s.team().viewer()).urlEncodingEnabled(false).get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        assertEquals(200, r.statusCode(), href);
        return Web.html(r);
    }
}
