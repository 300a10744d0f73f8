package dev.specboard.repo;

import dev.specboard.account.Account;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.kernel.Role;
import dev.specboard.review.Comment;
import dev.specboard.review.NewThreadForm;
import dev.specboard.review.ReviewService;
import dev.specboard.support.LockWaits;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FileBrowserResourceTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    ReviewService review;

    @Inject
    EntityManager em;

    private record Synced(TestData.Team team, Repo repo, String base) {
    }

    private Synced synced(GitFixture git) {
        TestData.Team team = data.team();
        Repo repo = support.add(team.project(), team.owner(), "app", git.url());
        RepoSync s = support.awaitLatest(repo);
        assertEquals(SyncStatus.SUCCESS, s.status, s.errorMessage);
        return new Synced(team, repo, "/projects/" + team.slug() + "/repos/app");
    }

    @Test
    void ownerAddsRepositoryAndIsRedirectedToIt() {
        TestData.Team team = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "a.txt", "a\n");
            Response r = Web.as(team.owner()).contentType("application/x-www-form-urlencoded")
                    .formParam("name", "web").formParam("url", git.url()).formParam("defaultBranch", "main")
                    .formParam("syncIntervalMinutes", "").post("/projects/" + team.slug() + "/repos");
            assertEquals(303, r.statusCode());
            assertTrue(r.header("Location").endsWith("/projects/" + team.slug() + "/repos/web"));
            Document list = Web.html(Web.as(team.viewer()).get("/projects/" + team.slug() + "/repos"));
            assertNotNull(list.getElementById("repo-web"));
        }
    }

    @Test
    void theAddressHintNamesLocalPathsAsTheWizardDoes() {
        TestData.Team team = data.team();
        Document page = Web.html(Web.as(team.owner()).get("/projects/" + team.slug() + "/repos"));
        // The field is labelled "Git URL or local path"; its hint listed only remote forms, so a path looked refused.
        assertEquals("https://, ssh://, git@host:team/app.git, file:// or /srv/git/app", page.getElementById("h-url").text());
    }

    /**
     * Two owners add a repository of the same name at once: the second passed the "name is free" check before the
     * first committed, so the unique constraint refuses its row; that is a 409 with the reason, not a 500.
     */
    @Test
    void aRepositoryAddedUnderTheSameNameAtTheSameTimeIs409() throws Exception {
        TestData.Team team = data.team();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "a.txt", "a\n");
            Future<Response> second;
            QuarkusTransaction.begin();
            try {
                support.add(team.project(), team.owner(), "web", git.url()); // its row is written, not committed yet
                second = pool.submit(() -> Web.as(team.owner()).contentType("application/x-www-form-urlencoded")
                        .formParam("name", "web").formParam("url", git.url()).formParam("defaultBranch", "main")
                        .formParam("syncIntervalMinutes", "").post("/projects/" + team.slug() + "/repos"));
                LockWaits.awaitOne();
            } finally {
                QuarkusTransaction.commit();
            }
            Response r = second.get(60, TimeUnit.SECONDS);
            assertEquals(409, r.statusCode(), r.asString());
            assertTrue(Web.html(r).text().contains("someone created one with the same name at the same time"), r.asString());
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Repo.count("projectId = ?1 and name = ?2", team.project().id, "web")));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidRepositoryIs422WithValuesKept() {
        TestData.Team team = data.team();
        Response r = Web.as(team.owner()).contentType("application/x-www-form-urlencoded")
                .formParam("name", "bad name").formParam("url", "ftp://example.com/x.git").formParam("defaultBranch", "main")
                .formParam("syncIntervalMinutes", "1").post("/projects/" + team.slug() + "/repos");
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertEquals("ftp://example.com/x.git", d.getElementById("f-url").val());
        assertEquals("bad name", d.getElementById("f-name").val());
        assertTrue(d.getElementById("e-url").text().contains("https://"));
        assertTrue(!d.getElementById("e-name").text().isBlank());
        assertTrue(!d.getElementById("e-syncIntervalMinutes").text().isBlank());
    }

    @Test
    void memberCannotAddRepositoryAndOutsiderSeesNothing() {
        TestData.Team team = data.team();
        Web.as(team.member()).contentType("application/x-www-form-urlencoded").formParam("name", "x").formParam("url", "https://example.com/x.git")
                .post("/projects/" + team.slug() + "/repos").then().statusCode(403);
        Web.as(team.outsider()).get("/projects/" + team.slug() + "/repos").then().statusCode(404);
    }

    /**
     * Repositories are project settings, an owner's (DESIGN's roles): a lead added, changed and removed them. The lead gets
     * 403 from the forms, whatever they hold, and the pages show them no add, settings or remove form.
     */
    @Test
    void aLeadCannotAddChangeOrRemoveARepositoryAndSeesNoFormsForIt() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "a.txt", "a\n");
            Synced s = synced(git);
            TestData.Team team = s.team();
            String repos = "/projects/" + team.slug() + "/repos";
            for (String name : List.of("web", "bad name")) {
                Web.as(team.lead()).contentType("application/x-www-form-urlencoded").formParam("name", name).formParam("url", git.url())
                        .formParam("defaultBranch", "main").formParam("syncIntervalMinutes", "").post(repos).then().statusCode(403);
            }
            Web.as(team.lead()).contentType("application/x-www-form-urlencoded").formParam("name", "renamed").formParam("url", git.url())
                    .formParam("defaultBranch", "main").formParam("syncIntervalMinutes", "").post(s.base()).then().statusCode(403);
            Web.as(team.lead()).contentType("application/x-www-form-urlencoded").formParam("x", "1").post(s.base() + "/delete").then().statusCode(403);
            assertEquals(List.of("app"), QuarkusTransaction.requiringNew().call(() ->
                    Repo.<Repo>list("projectId", team.project().id).stream().map(r -> r.name).toList()));

            Document list = Web.html(Web.as(team.lead()).get(repos));
            assertNull(list.getElementById("add-repo"), "no add form for a lead");
            Document show = Web.html(Web.as(team.lead()).get(s.base()));
            assertNull(show.getElementById("repo-settings"), "no settings form for a lead");
            assertNull(show.getElementById("repo-delete"), "no remove button for a lead");
            assertNotNull(show.getElementById("sync-panel"), "the sync stays theirs");
            assertNotNull(Web.html(Web.as(team.owner()).get(repos)).getElementById("add-repo"), "the owner has the add form");
            assertNotNull(Web.html(Web.as(team.owner()).get(s.base())).getElementById("repo-delete"), "and the remove button");
        }
    }

    @Test
    void treeListsFoldersFirstWithBreadcrumb() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("src/a/B.java", "class B {}\n", "src/Z.java", "class Z {}\n", "README.md", "# R\n"));
            Synced s = synced(git);
            Document root = Web.html(Web.as(s.team().viewer()).get(s.base()).then().statusCode(200).extract().response());
            List<String> names = root.select("#file-list tbody td:first-child a").eachText();
            assertEquals(List.of("src/", "README.md"), names);
            // Folder and file marks come from the stylesheet by row class, not as emoji (boxes where no emoji font is).
            assertEquals(List.of("dir", "file"), root.select("#file-list tbody tr").eachAttr("class"));
            assertEquals("src/ (2 files)", root.selectFirst("#file-list tbody td").text());
            assertEquals("README.md", root.select("#file-list tbody td:first-child").get(1).text());
            Response r = Web.as(s.team().viewer()).get(s.base() + "/tree/src");
            assertEquals("HX-Request, Accept-Encoding", r.header("Vary"));
            Document d = Web.html(r);
            assertEquals(List.of("a/", "Z.java"), d.select("#file-list tbody td:first-child a").eachText());
            assertEquals("src", d.selectFirst(".breadcrumb [aria-current=page]").text());
            Web.as(s.team().viewer()).get(s.base() + "/tree/nope").then().statusCode(404);
            Web.as(s.team().outsider()).get(s.base() + "/tree/src").then().statusCode(404);
            // Removing the repository takes its plans with it (their chats too): the confirmation says so.
            String confirm = Web.html(Web.as(s.team().owner()).get(s.base())).selectFirst("#repo-delete").attr("data-confirm");
            assertTrue(confirm.contains("review threads") && confirm.contains("plans"), confirm);
        }
    }

    /**
     * A folder's rows are rendered once per manifest version and kept: the next sync's version lists what it holds,
     * and an older version's listing keeps linking to that version.
     */
    @Test
    void aKeptListingShowsEachManifestVersionAsItIs() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("src/A.java", "class A {}\n"));
            Synced s = synced(git);
            String first = Web.html(Web.as(s.team().viewer()).get(s.base() + "/tree/src")).getElementById("main").html();
            assertEquals(first, Web.html(Web.as(s.team().viewer()).get(s.base() + "/tree/src")).getElementById("main").html(),
                    "the second view is the first");

            git.commit("second", Map.of("src/B.java", "class B {}\n", "src/sub/C.java", "class C {}\n"));
            RepoSync second = support.sync(s.repo());
            assertEquals(SyncStatus.SUCCESS, second.status, second.errorMessage);
            Document latest = Web.html(Web.as(s.team().viewer()).get(s.base() + "/tree/src"));
            assertEquals(List.of("sub/", "A.java", "B.java"), latest.select("#file-list tbody td:first-child a").eachText());
            Document root = Web.html(Web.as(s.team().viewer()).get(s.base()));
            assertEquals("src/ (3 files)", root.selectFirst("#file-list tbody td").text(), "the repository page lists the new version too");

            Document old = Web.html(Web.as(s.team().viewer()).get(s.base() + "/tree/src?v=1"));
            assertEquals(List.of("A.java"), old.select("#file-list tbody td:first-child a").eachText());
            assertEquals(s.base() + "/blob/src/A.java?v=1", old.selectFirst("#file-list tbody td:first-child a").attr("href"));
            assertEquals(s.base() + "/blob/src/A.java", latest.select("#file-list tbody td:first-child a").get(1).attr("href"));
        }
    }

    @Test
    void filePageShowsNumberedLinesWithAnchors() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("src/App.java", GitFixture.lines(30), "logo.png", "\u0000PNG\u0001"));
            Synced s = synced(git);
            Document d = Web.html(Web.as(s.team().viewer()).get(s.base() + "/blob/src/App.java").then().statusCode(200).extract().response());
            assertEquals(30, d.select("#code tr[id^=L]").size());
            Element l10 = d.getElementById("L10");
            assertEquals("#L10", l10.selectFirst("td:first-child > a").attr("href"));
            assertEquals("line 10", l10.selectFirst("td + td").text());
            assertEquals("java", d.getElementById("code").attr("data-language"));
            // A viewer reads, without the comment controls.
            assertTrue(d.getElementById("comment-lines") == null);
            Document asReviewer = Web.html(Web.as(s.team().reviewer()).get(s.base() + "/blob/src/App.java"));
            assertNotNull(asReviewer.getElementById("comment-lines"));

            Document bin = Web.html(Web.as(s.team().viewer()).get(s.base() + "/blob/logo.png").then().statusCode(200).extract().response());
            assertTrue(bin.getElementById("file-notice").text().contains("binary"));
            assertTrue(bin.getElementById("code") == null);
        }
    }

    @Test
    void traversalAttemptsAndUnknownPathsAreRefused() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("src/App.java", "x\n"));
            Synced s = synced(git);
            for (String path : List.of("/blob/src/..%2F..%2F..%2Fetc%2Fpasswd", "/tree/src%2F..%2F..%2F..", "/blob/src%5CApp.java",
                    "/blob/nope.txt", "/blob/src")) {
                int status = Web.as(s.team().viewer()).urlEncodingEnabled(false).get(s.base() + path).statusCode();
                assertEquals(404, status, path);
            }
            // A dot segment, raw or escaped, is refused before routing, as on every route (web.InputGuard).
            for (String path : List.of("/blob/../../../etc/passwd", "/blob/%2e%2e/%2e%2e/etc/passwd", "/blob/src/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                    "/tree/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc")) {
                int status = Web.as(s.team().viewer()).urlEncodingEnabled(false).get(s.base() + path).statusCode();
                assertEquals(400, status, path);
            }
            // A NUL is refused before routing, as on every route (web.InputGuard).
            assertEquals(400, Web.as(s.team().viewer()).urlEncodingEnabled(false).get(s.base() + "/blob/src/App.java%00").statusCode());
        }
    }

    @Test
    void fileViewRunsTheSameNumberOfStatementsFor10And100Threads() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "src/App.java", GitFixture.lines(200));
            Synced s = synced(git);
            Project p = s.team().project();
            Access access = new Access(p, Role.REVIEWER, s.team().reviewer().id);
            addThreads(access, s.repo(), 0, 10);
            String url = s.base() + "/blob/src/App.java";
            Web.as(s.team().viewer()).get(url).then().statusCode(200);
            long ten = statements(s, url);
            addThreads(access, s.repo(), 10, 100);
            Response r = Web.as(s.team().viewer()).get(url);
            assertEquals(100, Web.html(r).select("#code article.thread").size());
            long hundred = statements(s, url);
            assertEquals(ten, hundred, "statements for 10 threads vs 100 threads");
        }
    }

    /** The fewest statements of three page loads: the sync worker's polling may land inside one of them. */
    private static long statements(Synced s, String url) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            min = Math.min(min, SqlCounter.count(() -> Web.as(s.team().viewer()).get(url).then().statusCode(200)));
        }
        return min;
    }

    private void addThreads(Access access, Repo repo, int from, int to) {
        for (int i = from; i < to; i++) {
            int line = i + 1;
            review.open(access, repo, new NewThreadForm("src/App.java", String.valueOf(line), String.valueOf(line), "Comment " + i + " by @someone", null),
                    i % 2 == 0 ? Comment.AuthorType.USER : Comment.AuthorType.AI);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            List<?> ids = em.createQuery("select t.id from CommentThread t where t.repositoryId = ?1").setParameter(1, repo.id).getResultList();
            assertEquals(to, ids.size());
        });
    }

    @Test
    void tenThousandLineFileRendersEveryLineEscaped() {
        // How fast it renders is measured by the benchmark (src/bench), never by a timed test.
        try (GitFixture git = GitFixture.create()) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= 10_000; i++) {
                b.append("    public int method").append(i).append("() { return ").append(i).append(" * 2; } // <b>&amp;\n");
            }
            git.commit("big", "src/Big.java", b.toString());
            Synced s = synced(git);
            String url = s.base() + "/blob/src/Big.java";
            Document d = Web.html(Web.as(s.team().viewer()).get(url).then().statusCode(200).extract().response());
            assertEquals(10_000, d.select("#code tr[id^=L]").size());
            assertEquals("    public int method9999() { return 9999 * 2; } // <b>&amp;", d.getElementById("L9999").selectFirst("td + td").wholeText());
        }
    }

    @Test
    void aManifestTamperedWithIsRefusedWhenFirstReadAfterAStartAndTheVerifiedFilesKeepBeingServed() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "a.txt", "a\n");
            Synced s = synced(git);
            String blob = s.base() + "/blob/a.txt";
            Web.as(s.team().viewer()).get(blob).then().statusCode(200); // read and verified once
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE project_manifests SET data = jsonb_set(data, '{files,0,blobSha}', '\"0000000000000000000000000000000000000000\"')"
                            + " WHERE repository_id = ?1").setParameter(1, s.repo().id).executeUpdate());

            // This instance verified the manifest when it first read it, and keeps serving what it verified.
            Document page = Web.html(Web.as(s.team().viewer()).get(blob).then().statusCode(200).extract().response());
            assertEquals("a", page.getElementById("L1").selectFirst("td + td").wholeText());

            // An instance that reads it for the first time (after a start) checks its hash and refuses it.
            ManifestFiles fresh = new ManifestFiles();
            fresh.em = em;
            dev.specboard.web.ApiException e = org.junit.jupiter.api.Assertions.assertThrows(dev.specboard.web.ApiException.class,
                    () -> QuarkusTransaction.requiringNew().call(() -> fresh.files(fresh.latest(s.repo().id).orElseThrow())));
            assertEquals(409, e.status());
            assertTrue(e.getMessage().contains("integrity check"), e.getMessage());
        }
    }

    /**
     * File and folder names with {@code #}, {@code ?}, {@code %} or a space: every link to them (listings, breadcrumbs,
     * the file page's own links, review threads) is percent-encoded, so following it opens that file or folder.
     */
    @Test
    void linksToFilesNamedWithHashQuestionMarkPercentOrSpaceOpenThoseFiles() {
        Map<String, String> files = Map.of("a#b.txt", "hash\n", "q?x.md", "question\n", "100% done.md", "percent\n",
                "notes/with space.txt", "space\n", "dir #1/100% sure?.txt", "nested\n");
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", files);
            Synced s = synced(git);
            review.open(new Access(s.team().project(), Role.REVIEWER, s.team().reviewer().id), s.repo(),
                    new NewThreadForm("dir #1/100% sure?.txt", "1", "1", "Sure, @" + s.team().member().username + "?", null), Comment.AuthorType.USER);

            Map<String, String> shown = new TreeMap<>();
            Deque<String> folders = new ArrayDeque<>(List.of(s.base()));
            while (!folders.isEmpty()) {
                Document listing = follow(s, folders.pop());
                for (Element a : listing.select("#file-list tbody td:first-child a")) {
                    String href = a.attr("href");
                    if (a.text().endsWith("/")) {
                        Document folder = follow(s, href);
                        assertEquals(a.text().substring(0, a.text().length() - 1), folder.selectFirst(".breadcrumb [aria-current=page]").text(), href);
                        folders.push(href);
                        continue;
                    }
                    Document file = follow(s, href);
                    String path = file.getElementById("code").attr("data-path");
                    assertEquals(a.text(), file.getElementById("file-title").text(), href);
                    shown.put(path, file.getElementById("L1").selectFirst("td + td").wholeText() + "\n");
                    for (Element crumb : file.select(".breadcrumb a")) {
                        follow(s, crumb.attr("href"));
                    }
                    Document threads = follow(s, file.getElementById("file-threads-link").attr("href"));
                    for (Element link : threads.select(".thread-title a")) {
                        assertEquals(path, follow(s, link.attr("href")).getElementById("code").attr("data-path"), "a thread links to its file");
                    }
                    assertTrue(!path.startsWith("dir #1/") || threads.select(".thread-title a").size() == 1, "the thread of " + path + " is listed");
                    follow(s, file.getElementById("file-newer").attr("hx-get"));
                    Document newThread = follow(s.team().reviewer(), s.base() + "/threads/new?path="
                            + URLEncoder.encode(path, StandardCharsets.UTF_8) + "&lineStart=1");
                    assertEquals(path, follow(s, newThread.select("a:contains(Back to the file)").attr("href")).getElementById("code").attr("data-path"));
                }
            }
            assertEquals(new TreeMap<>(files), shown, "every file was reached through the links and showed its own text");
            Document inbox = follow(s.team().member(), "/notifications");
            assertEquals("dir #1/100% sure?.txt", follow(s.team().member(), inbox.select("a[href*=/blob/]").attr("href"))
                    .getElementById("code").attr("data-path"), "the mention's notification links to the file");
        }
    }

    /** Opens a link as the page gives it (already encoded: sent as is, without its fragment) and answers the page. */
    private static Document follow(Synced s, String href) {
        return follow(s.team().viewer(), href);
    }

    private static Document follow(Account who, String href) {
        URI uri;
        try {
            uri = URI.create(href);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("not a URL as it stands: " + href, e);
        }
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Response r = Web.as(who).urlEncodingEnabled(false).get(target);
        assertEquals(200, r.statusCode(), href);
        return Web.html(r);
    }

    @Test
    void syncPanelShowsFailureMessage() {
        Account owner = data.account("o");
        Project p = data.project(owner);
        Repo repo = support.addVanished(p, owner, "broken", "/no/such/repository/here");
        support.awaitLatest(repo);
        Document d = Web.html(Web.htmx(Web.as(owner)).get("/projects/" + p.slug + "/repos/broken/sync-status"));
        assertTrue(d.getElementById("sync-error").text().contains("Could not fetch"));
        assertEquals("FAILED", d.selectFirst("#sync-status .badge").text());
    }
}
