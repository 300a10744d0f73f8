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
            assertNull(file.getElementById("file-name-note"), "a name that is UTF-8 needs no word on its bytes");

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

    /**
     * A name whose bytes are no UTF-8 was listed in git's quoted form ({@code bad\377name.txt}): it reads with U+FFFD for
     * the stray byte, in the tree, the breadcrumb and the file page (which says why), and its link still opens the file.
     */
    @Test
    void aNameThatIsNoUtf8ReadsDecodedAndItsLinkStillOpensTheFile() {
        Map<byte[], String> files = new java.util.LinkedHashMap<>();
        files.put(new byte[] {'b', 'a', 'd', (byte) 0xff, 'n', 'a', 'm', 'e', '.', 't', 'x', 't'}, "bytes\n");
        files.put(new byte[] {'d', (byte) 0xfe, '/', 'i', 'n', '.', 't', 'x', 't'}, "inside\n");
        try (GitFixture git = GitFixture.create()) {
            git.commitRawNames("first", files);
            Synced s = synced(git);
            Document root = follow(s, s.base());
            Element file = root.selectFirst("#file-list tbody tr.file a");
            assertEquals("bad\uFFFDname.txt", file.text());
            assertEquals("bad\\377name.txt", file.attr("title"), "two such names stay told apart");
            assertTrue(file.attr("href").endsWith("/blob/bad%5C377name.txt"), file.attr("href"));
            Element dir = root.selectFirst("#file-list tbody tr.dir a");
            assertEquals("d\uFFFD/", dir.text());

            Document page = follow(s, file.attr("href"));
            assertEquals("bad\uFFFDname.txt", page.getElementById("file-title").text());
            assertTrue(page.title().startsWith("bad\uFFFDname.txt"), page.title());
            assertTrue(page.getElementById("file-name-note").text().contains("not valid UTF-8"), page.getElementById("file-name-note").text());
            assertEquals("bad\\377name.txt", page.getElementById("code").attr("data-path"), "threads key the file by its path");
            assertEquals("bytes", page.getElementById("L1").selectFirst("td + td").wholeText());

            Document folder = follow(s, dir.attr("href"));
            assertEquals("d\uFFFD", folder.getElementById("tree-title").text());
            Document inner = follow(s, folder.selectFirst("#file-list tbody tr.file a").attr("href"));
            assertEquals(List.of(s.base().substring(s.base().lastIndexOf('/') + 1), "d\uFFFD", "in.txt"),
                    inner.select("nav.breadcrumb li").eachText());
            assertTrue(inner.getElementById("file-name-note").text().endsWith("Git writes it d\\376/in.txt."),
                    inner.getElementById("file-name-note").text());
        }
    }

    /**
     * A symbolic link was listed and shown as a plain file whose one line was its target, open to line comments: it is
     * marked a link in the tree ("→ target"), its page says where it leads (a link when that is in the repository), no
     * line can be commented, and the API types it.
     */
    @Test
    void aSymbolicLinkIsShownAsALinkToItsTarget() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("docs/guide.md", "# Guide\n", "README.md", "hi\n"));
            git.commitSymlink("links", "guide.md", "docs/guide.md");
            git.commitSymlink("links", "docs/up", "..");
            git.commitSymlink("links", "outside", "/etc/passwd");
            Synced s = synced(git);
            Document root = follow(s, s.base());
            Element link = root.select("#file-list tbody tr").stream().filter(tr -> tr.text().startsWith("guide.md")).findFirst().orElseThrow();
            assertEquals("symlink", link.className());
            assertEquals("\u2192 docs/guide.md", link.selectFirst(".link-target").text());

            Document page = follow(s, link.selectFirst("a").attr("href"));
            assertEquals("This is a symbolic link to docs/guide.md.", page.getElementById("file-link").text());
            assertTrue(page.getElementById("file-link-target").attr("href").endsWith("/repos/app/blob/docs/guide.md"));
            assertNull(page.getElementById("code"), "its target is not shown as a line of code");
            assertNull(page.getElementById("line-range-form"));
            Document up = follow(s, s.base() + "/blob/docs/up");
            assertTrue(up.getElementById("file-link-target").attr("href").endsWith("/repos/app"), "a folder: the root");
            Document out = follow(s, s.base() + "/blob/outside");
            assertEquals("This is a symbolic link to /etc/passwd, which is outside this repository or missing.",
                    out.getElementById("file-link").text());
            assertEquals("code", out.getElementById("file-link-target").tagName(), "nothing to open here");

            String api = "/api/v1/projects/" + s.team().slug() + "/repos/app";
            fx.api(s.team().viewer()).get(api + "/tree").then().statusCode(200)
                    .body("find { it.path == 'guide.md' }.type", equalTo("symlink"))
                    .body("find { it.path == 'README.md' }.type", equalTo("file"));
            fx.api(s.team().viewer()).get(api + "/files/guide.md").then().statusCode(200)
                    .body("type", equalTo("symlink")).body("target", equalTo("docs/guide.md")).body("content", equalTo(null));
            fx.api(s.team().viewer()).get(api + "/files/README.md").then().statusCode(200)
                    .body("type", equalTo("file")).body("target", equalTo(null)).body("content", equalTo("hi\n"));
            Web.as(s.team().owner()).contentType("application/x-www-form-urlencoded").formParam("path", "guide.md")
                    .formParam("lineStart", "1").formParam("body", "on a link").post(s.base() + "/threads").then().statusCode(422);
        }
    }

    /**
     * A manifest written before links were kept listed a link as a one-line file (open to line comments) until a new
     * commit was synced: its links are read from the commit's tree modes when it is first read, and it is stored so
     * (same version, its hash still checked), for the tree, the file page and the API alike.
     */
    @Test
    void aLinkInAManifestWrittenBeforeLinksWereKeptIsShownAsALink() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("docs/guide.md", "# Guide\n", "README.md", "hi\n"));
            git.commitSymlink("links", "guide.md", "docs/guide.md");
            Synced s = synced(git);
            Repo repo = repoOf(s);
            int version = support.writeUnmarkedCopy(repo);

            Document root = follow(s, s.base());
            Element link = root.select("#file-list tbody tr").stream().filter(tr -> tr.text().startsWith("guide.md")).findFirst().orElseThrow();
            assertEquals("symlink", link.className());
            assertEquals("\u2192 docs/guide.md", link.selectFirst(".link-target").text());
            Document page = follow(s, link.selectFirst("a").attr("href"));
            assertEquals("This is a symbolic link to docs/guide.md.", page.getElementById("file-link").text());
            assertNull(page.getElementById("code"));
            String api = "/api/v1/projects/" + s.team().slug() + "/repos/app";
            fx.api(s.team().viewer()).get(api + "/tree").then().statusCode(200)
                    .body("find { it.path == 'guide.md' }.type", equalTo("symlink"))
                    .body("find { it.path == 'guide.md' }.lines", equalTo(null))
                    .body("find { it.path == 'README.md' }.type", equalTo("file"));
            fx.api(s.team().viewer()).get(api + "/files/guide.md").then().statusCode(200)
                    .body("type", equalTo("symlink")).body("target", equalTo("docs/guide.md")).body("manifestVersion", equalTo(version));

            ProjectManifest stored = support.latestManifest(repo);
            assertEquals(version, stored.version, "marked in place, not written as a new version");
            assertEquals(Boolean.TRUE, stored.data.get(ManifestLinks.MARKED));
            assertEquals("docs/guide.md", stored.files().stream().filter(f -> f.path().equals("guide.md")).findFirst().orElseThrow()
                    .linkTarget(), "stored marked, and its hash still matches its data");
        }
    }

    private static Repo repoOf(Synced s) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Repo.findByName(s.team().project().id, "app").orElseThrow());
    }

    /** Opens a link as the page gives it (already encoded: sent as is) and answers the page. */
    private static Document follow(Synced s, String href) {
        URI uri = URI.create(href);
        Response r = Web.as(s.team().viewer()).urlEncodingEnabled(false).get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        assertEquals(200, r.statusCode(), href);
        return Web.html(r);
    }
}
