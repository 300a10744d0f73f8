package dev.specboard.review;

import dev.specboard.kernel.Role;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.GitMirror;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ReviewResourceTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    GitMirror mirror;

    /** Records the review events that notifications will be built from. */
    @ApplicationScoped
    static class Events {
        static final List<ThreadCommented> COMMENTED = new CopyOnWriteArrayList<>();
        static final List<ThreadResolved> RESOLVED = new CopyOnWriteArrayList<>();

        void commented(@Observes ThreadCommented e) {
            COMMENTED.add(e);
        }

        void resolved(@Observes ThreadResolved e) {
            RESOLVED.add(e);
        }
    }

    private record Synced(TestData.Team team, Repo repo, String base) {
    }

    private Synced synced(GitFixture git) {
        TestData.Team team = data.team();
        Repo repo = support.add(team.project(), team.owner(), "app", git.url());
        RepoSync s = support.awaitLatest(repo);
        assertEquals(SyncStatus.SUCCESS, s.status, s.errorMessage);
        return new Synced(team, repo, "/projects/" + team.slug() + "/repos/app");
    }

    private static Response openThread(Synced s, Role role, int start, int end, String body) {
        return Web.htmx(Web.as(s.team().as(role))).contentType("application/x-www-form-urlencoded")
                .formParam("path", "src/App.java").formParam("lineStart", String.valueOf(start)).formParam("lineEnd", String.valueOf(end))
                .formParam("body", body).post(s.base() + "/threads");
    }

    private static UUID threadId(Response r) {
        return UUID.fromString(Web.html(r).selectFirst("article.thread").id().substring("thread-".length()));
    }

    @Test
    void aLargeFileStreamsWholeWithItsThreadsAndASmallOneComesInOnePiece() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("src/Big.java", GitFixture.lines(FilePageResource.STREAM_FROM_LINES + 1000),
                    "src/Small.java", GitFixture.lines(20)));
            Synced s = synced(git);
            Web.as(s.team().member()).contentType("application/x-www-form-urlencoded").formParam("path", "src/Big.java")
                    .formParam("lineStart", "5500").formParam("body", "Deep in the big file").post(s.base() + "/threads")
                    .then().statusCode(anyOf(is(200), is(303)));
            Response big = Web.as(s.team().viewer()).get(s.base() + "/blob/src/Big.java");
            assertEquals(200, big.statusCode());
            assertEquals("chunked", big.header("Transfer-Encoding"));
            Document page = Web.html(big);
            assertEquals(FilePageResource.STREAM_FROM_LINES + 1000, page.select("#code tr[id^=L]").size());
            assertTrue(page.getElementById("L5500").nextElementSibling().text().contains("Deep in the big file"));
            Response small = Web.as(s.team().viewer()).get(s.base() + "/blob/src/Small.java");
            assertEquals(200, small.statusCode());
            assertEquals(null, small.header("Transfer-Encoding"));
            assertEquals(20, Web.html(small).select("#code tr[id^=L]").size());
        }
    }

    @Test
    void reviewerMemberLeadAndOwnerCommentViewerReadsOutsiderSeesNothing() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "src/App.java", GitFixture.lines(20));
            Synced s = synced(git);
            for (Role role : List.of(Role.REVIEWER, Role.MEMBER, Role.LEAD, Role.OWNER)) {
                Response r = openThread(s, role, 3, 4, "From " + role.value());
                assertEquals(200, r.statusCode(), role.value());
                // htmx swaps this row in under the selected lines.
                assertTrue(r.asString().strip().startsWith("<tr class=\"thread-row\""), role.value());
                assertTrue(Web.html(r).selectFirst("article.thread").text().contains("From " + role.value()));
            }
            assertEquals(403, openThread(s, Role.VIEWER, 3, 4, "no").statusCode());
            Response outsider = Web.as(s.team().outsider()).contentType("application/x-www-form-urlencoded")
                    .formParam("path", "src/App.java").formParam("lineStart", "3").formParam("body", "x").post(s.base() + "/threads");
            assertEquals(404, outsider.statusCode());
            Web.as(s.team().outsider()).get(s.base() + "/blob/src/App.java").then().statusCode(404);

            Document page = Web.html(Web.as(s.team().viewer()).get(s.base() + "/blob/src/App.java"));
            Element threadRow = page.getElementById("L4").nextElementSibling();
            assertEquals(4, threadRow.select("article.thread").size());
            assertTrue(page.select("form.reply").isEmpty(), "a viewer gets no reply form");
        }
    }

    @Test
    void threadIsRepliedResolvedReopenedAndCommentsEditedAndDeletedByTheirAuthor() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "src/App.java", GitFixture.lines(20));
            Synced s = synced(git);
            UUID id = threadId(openThread(s, Role.REVIEWER, 10, 12, "Why **this**? @" + s.team().member().username));
            ThreadCommented first = Events.COMMENTED.stream().filter(e -> e.threadId().equals(id)).findFirst().orElseThrow();
            assertEquals(Set.of(s.team().member().username.toLowerCase()), first.mentionedUsernames());
            String threads = "/projects/" + s.team().slug() + "/threads/" + id;

            Response reply = Web.htmx(Web.as(s.team().member())).contentType("application/x-www-form-urlencoded")
                    .formParam("body", "Because.").post(threads + "/comments");
            assertEquals(200, reply.statusCode());
            Document d = Web.html(reply);
            assertEquals(2, d.select("#thread-" + id + " li.comment").size());
            assertEquals("Why this? @" + s.team().member().username, d.select("li.comment .comment-body").first().text());
            ThreadCommented second = Events.COMMENTED.get(Events.COMMENTED.size() - 1);
            assertEquals(Set.of(s.team().reviewer().id), second.participantIds());

            Response resolved = Web.htmx(Web.as(s.team().member())).contentType("application/x-www-form-urlencoded").post(threads + "/resolve");
            assertEquals("Resolved", Web.html(resolved).selectFirst(".thread-state").text());
            assertTrue(Events.RESOLVED.stream().anyMatch(e -> e.threadId().equals(id) && e.participantIds().equals(Set.of(s.team().reviewer().id))));
            Web.as(s.team().viewer()).contentType("application/x-www-form-urlencoded").post(threads + "/reopen").then().statusCode(403);
            Response reopened = Web.as(s.team().lead()).contentType("application/x-www-form-urlencoded").post(threads + "/reopen");
            assertEquals(303, reopened.statusCode());
            assertTrue(reopened.header("Location").endsWith("/blob/src/App.java#thread-" + id));

            String commentId = d.select("li.comment").get(1).id().substring("comment-".length());
            String comment = "/projects/" + s.team().slug() + "/comments/" + commentId;
            Web.as(s.team().reviewer()).contentType("application/x-www-form-urlencoded").formParam("body", "hijack").post(comment)
                    .then().statusCode(403);
            assertEquals("1", d.getElementById("comment-" + commentId).selectFirst("form input[name=version]").val());
            Response edited = Web.htmx(Web.as(s.team().member())).contentType("application/x-www-form-urlencoded")
                    .formParam("body", "Because it is faster.").formParam("version", "1").post(comment);
            Element c = Web.html(edited).getElementById("comment-" + commentId);
            assertTrue(c.text().contains("edited"));
            assertTrue(c.text().contains("Because it is faster."));
            assertEquals("2", c.selectFirst("form input[name=version]").val());
            // A save from another tab that still shows version 1: refused as every document's stale save is, the saved
            // text beside the differences from it, the form keeping its own text, now based on version 2.
            for (boolean htmx : new boolean[] {true, false}) {
                Response stale = (htmx ? Web.htmx(Web.as(s.team().member())) : Web.as(s.team().member()))
                        .contentType("application/x-www-form-urlencoded").formParam("body", "Because I said so.").formParam("version", "1")
                        .post(comment);
                assertEquals(409, stale.statusCode());
                Element kept = Web.html(stale).getElementById("comment-" + commentId);
                assertEquals("Because it is faster.", kept.selectFirst(".comment-body").text());
                Element conflict = kept.getElementById("conflict");
                assertTrue(conflict.text().contains("saved version 2"), conflict.text());
                assertEquals("Because it is faster.", conflict.getElementById("theirs-0").text());
                assertTrue(conflict.select(".diff ins").text().contains("said"), conflict.html());
                assertEquals("Because I said so.", kept.getElementById("edit-" + commentId).text());
                assertEquals("2", kept.selectFirst("form input[name=version]").val());
                assertNotNull(kept.selectFirst("details.comment-edit[open]"), "the edit stays open");
            }
            // Saving again knowingly replaces the text saved meanwhile.
            Element saved = Web.html(Web.htmx(Web.as(s.team().member())).contentType("application/x-www-form-urlencoded")
                    .formParam("body", "Because I said so.").formParam("version", "2").post(comment)).getElementById("comment-" + commentId);
            assertEquals("Because I said so.", saved.selectFirst(".comment-body").text());
            Response deleted = Web.htmx(Web.as(s.team().member())).contentType("application/x-www-form-urlencoded").post(comment + "/delete");
            assertEquals(1, Web.html(deleted).select("li.comment").size());
        }
    }

    @Test
    void noScriptFormOpensAThreadAndRedirectsToItsLines() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", java.util.Map.of("src/App.java", GitFixture.lines(20), "logo.png", "\u0000PNG\u0001"));
            Synced s = synced(git);
            Document form = Web.html(Web.as(s.team().reviewer()).get(s.base() + "/threads/new?path=src/App.java&lineStart=5&lineEnd=6")
                    .then().statusCode(200).extract().response());
            assertEquals("5", form.getElementById("f-lineStart").val());
            // The page shows the lines the thread will be about, as the file page does beside its form.
            assertEquals(java.util.List.of("5 line 5", "6 line 6"), form.select("#thread-lines tr").eachText());
            // Wider than a phone, the lines scroll sideways: a keyboard reaches them only when their wrapper takes focus.
            org.jsoup.nodes.Element wrap = form.selectFirst("#thread-lines").parent();
            assertEquals(java.util.List.of("0", "region", "thread-lines-h"),
                    java.util.List.of(wrap.attr("tabindex"), wrap.attr("role"), wrap.attr("aria-labelledby")), wrap.outerHtml().lines().findFirst().orElse(""));
            Document outside = Web.html(Web.as(s.team().reviewer()).get(s.base() + "/threads/new?path=src/App.java&lineStart=19&lineEnd=40")
                    .then().statusCode(200).extract().response());
            assertTrue(outside.select("#thread-lines").isEmpty(), "a range past the end shows no lines; the form names the problem on submit");
            for (String query : java.util.List.of("lineStart=abc", "lineStart=1.5", "lineStart=2&lineEnd=x")) {
                Response notANumber = Web.as(s.team().reviewer()).get(s.base() + "/threads/new?path=src/App.java&" + query);
                assertEquals(400, notANumber.statusCode(), query + " is no line number, not a value to copy into the form");
                assertTrue(notANumber.asString().contains("must be a whole number"), notANumber.asString());
            }
            Document binary = Web.html(Web.as(s.team().reviewer()).get(s.base() + "/threads/new?path=logo.png&lineStart=1")
                    .then().statusCode(200).extract().response());
            assertTrue(binary.getElementById("file-notice").text().contains("binary"), binary.text());
            assertTrue(binary.select("#new-thread-form").isEmpty(), "no form that could only be refused");
            Response bad = Web.as(s.team().reviewer()).contentType("application/x-www-form-urlencoded")
                    .formParam("path", "src/App.java").formParam("lineStart", "5").formParam("lineEnd", "99").formParam("body", "keep me")
                    .post(s.base() + "/threads");
            assertEquals(422, bad.statusCode());
            Document d = Web.html(bad);
            assertEquals("keep me", d.getElementById("f-body").text());
            assertTrue(d.getElementById("e-lineEnd").text().contains("between 5 and 20"));
            Response ok = Web.as(s.team().reviewer()).contentType("application/x-www-form-urlencoded")
                    .formParam("path", "src/App.java").formParam("lineStart", "5").formParam("lineEnd", "6").formParam("body", "Fine")
                    .post(s.base() + "/threads");
            assertEquals(303, ok.statusCode());
            assertTrue(ok.header("Location").endsWith("/blob/src/App.java#L5-L6"));
        }
    }

    @Test
    void refusedNewThreadAndReplyComeBackInTheirFormsWithTheErrorSummaryAndTheirText() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "src/App.java", GitFixture.lines(20));
            Synced s = synced(git);
            Response row = openThread(s, Role.REVIEWER, 5, 99, "keep me");
            assertEquals(422, row.statusCode());
            assertEquals(null, row.header("HX-Retarget"), "the form comes back in its own place");
            Document d = Web.html(row);
            Element form = d.getElementById("new-thread-form");
            Element summary = form.getElementById("error-summary");
            assertNotNull(summary, "the same error summary as every full-page form");
            assertEquals("lineEnd", summary.selectFirst("a").attr("data-field"));
            assertEquals("keep me", form.getElementById("new-thread-body").text());

            UUID id = threadId(openThread(s, Role.REVIEWER, 5, 6, "Why?"));
            String long_ = "x".repeat(ReviewService.MAX_BODY + 1);
            Response reply = Web.htmx(Web.as(s.team().member())).contentType("application/x-www-form-urlencoded")
                    .formParam("body", long_).post("/projects/" + s.team().slug() + "/threads/" + id + "/comments");
            assertEquals(422, reply.statusCode());
            assertEquals(null, reply.header("HX-Retarget"), "the thread comes back with its reply form, not a message in the flash");
            Element thread = Web.html(reply).getElementById("thread-" + id);
            assertNotNull(thread);
            Element replyForm = thread.selectFirst("form.reply");
            assertEquals("body", replyForm.getElementById("error-summary").selectFirst("a").attr("data-field"));
            Element text = replyForm.getElementById("reply-" + id);
            assertEquals(long_, text.text());
            assertEquals("true", text.attr("aria-invalid"));
            assertTrue(replyForm.getElementById(text.attr("aria-describedby")).text().contains("At most"));

            Response plain = Web.as(s.team().member()).contentType("application/x-www-form-urlencoded")
                    .formParam("body", " ").post("/projects/" + s.team().slug() + "/threads/" + id + "/comments");
            assertEquals(422, plain.statusCode());
            Document page = Web.html(plain);
            assertNotNull(page.selectFirst("#thread-" + id + " form.reply #error-summary"), "without JavaScript: a page with the thread");
            assertNotNull(page.selectFirst("nav.projectnav"));

            Response replied = Web.htmx(Web.as(s.team().member())).contentType("application/x-www-form-urlencoded")
                    .formParam("body", "Because.").post("/projects/" + s.team().slug() + "/threads/" + id + "/comments");
            String commentId = Web.html(replied).select("li.comment").get(1).id().substring("comment-".length());
            Response edit = Web.htmx(Web.as(s.team().member())).contentType("application/x-www-form-urlencoded")
                    .formParam("body", long_).post("/projects/" + s.team().slug() + "/comments/" + commentId);
            assertEquals(422, edit.statusCode());
            assertEquals(null, edit.header("HX-Retarget"), "the thread comes back with the edit open, not a message in the flash");
            Element comment = Web.html(edit).getElementById("comment-" + commentId);
            assertTrue(comment.selectFirst("details.comment-edit").hasAttr("open"));
            assertEquals("body", comment.selectFirst("#error-summary a").attr("data-field"));
            Element edited = comment.getElementById("edit-" + commentId);
            assertEquals(long_, edited.text());
            assertEquals("true", edited.attr("aria-invalid"));
            assertTrue(comment.getElementById(edited.attr("aria-describedby")).text().contains("At most"));
            assertEquals("Because.", comment.selectFirst(".comment-body").text(), "nothing was saved");
        }
    }

    @Test
    void noScriptFormsOnAFileWithASpaceInItsNameRedirectToItsFilePage() {
        try (GitFixture git = GitFixture.create()) {
            String path = "docs/Getting Started [v2].md";
            git.commit("first", path, GitFixture.lines(20));
            Synced s = synced(git);
            Response opened = Web.as(s.team().reviewer()).contentType("application/x-www-form-urlencoded")
                    .formParam("path", path).formParam("lineStart", "5").formParam("lineEnd", "6").formParam("body", "Which version?")
                    .post(s.base() + "/threads");
            assertEquals(303, opened.statusCode());
            URI location = URI.create(opened.header("Location"));
            assertEquals(s.base() + "/blob/docs/Getting%20Started%20%5Bv2%5D.md", location.getRawPath());
            assertEquals("L5-L6", location.getFragment());
            Document page = Web.html(Web.as(s.team().viewer()).urlEncodingEnabled(false).get(location.getRawPath())
                    .then().statusCode(200).extract().response());
            Element row = page.getElementById("L6").nextElementSibling();
            assertTrue(row.text().contains("Which version?"), row.text());

            UUID id = UUID.fromString(row.selectFirst("article.thread").id().substring("thread-".length()));
            Response resolved = Web.as(s.team().member()).contentType("application/x-www-form-urlencoded")
                    .post("/projects/" + s.team().slug() + "/threads/" + id + "/resolve");
            assertEquals(303, resolved.statusCode());
            assertEquals(s.base() + "/blob/docs/Getting%20Started%20%5Bv2%5D.md", URI.create(resolved.header("Location")).getRawPath());
            assertEquals("thread-" + id, URI.create(resolved.header("Location")).getFragment());
        }
    }

    @Test
    void secondCommitMovesThreadsWithTheirLinesAndOutdatesChangedOnes() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("src/App.java", GitFixture.lines(20), "src/Gone.java", GitFixture.lines(5),
                    "src/Old.java", GitFixture.lines(8)));
            Synced s = synced(git);
            UUID moved = threadId(openThread(s, Role.REVIEWER, 10, 12, "moves"));
            UUID edited = threadId(openThread(s, Role.REVIEWER, 5, 5, "edited"));
            UUID resolvedOne = threadId(openThread(s, Role.REVIEWER, 15, 15, "resolved stays"));
            Web.as(s.team().reviewer()).contentType("application/x-www-form-urlencoded")
                    .post("/projects/" + s.team().slug() + "/threads/" + resolvedOne + "/resolve").then().statusCode(303);
            UUID gone = threadId(Web.htmx(Web.as(s.team().reviewer())).contentType("application/x-www-form-urlencoded")
                    .formParam("path", "src/Gone.java").formParam("lineStart", "2").formParam("body", "gone").post(s.base() + "/threads"));
            UUID renamed = threadId(Web.htmx(Web.as(s.team().reviewer())).contentType("application/x-www-form-urlencoded")
                    .formParam("path", "src/Old.java").formParam("lineStart", "3").formParam("lineEnd", "4").formParam("body", "renamed")
                    .post(s.base() + "/threads"));

            String changed = "// header 1\n// header 2\n// header 3\n" + GitFixture.lines(20).replace("line 5\n", "line five\n");
            java.util.HashMap<String, String> files = new java.util.HashMap<>();
            files.put("src/App.java", changed);
            files.put("src/Gone.java", null);
            files.put("src/Old.java", null);
            files.put("src/New.java", GitFixture.lines(8));
            git.commit("second", files);
            RepoSync sync = support.sync(s.repo());
            assertEquals(2, sync.manifestVersion, sync.errorMessage);

            CommentThread m = thread(moved);
            assertEquals(ThreadState.OPEN, m.state);
            assertEquals(13, m.lineStart);
            assertEquals(15, m.lineEnd);
            assertEquals(2, m.manifestVersion);
            assertEquals(10, m.originalLineStart);
            assertEquals(ThreadState.OUTDATED, thread(edited).state);
            assertEquals(15, thread(resolvedOne).lineStart);
            assertEquals(ThreadState.RESOLVED, thread(resolvedOne).state);
            assertEquals(ThreadState.OUTDATED, thread(gone).state);
            CommentThread r = thread(renamed);
            assertEquals(ThreadState.OPEN, r.state);
            assertEquals("src/New.java", r.filePath);
            assertEquals(3, r.lineStart);

            Document page = Web.html(Web.as(s.team().viewer()).get(s.base() + "/blob/src/App.java"));
            assertNotNull(page.getElementById("L15").nextElementSibling().getElementById("thread-" + moved));
            Element outdated = page.getElementById("file-level-threads").getElementById("thread-" + edited);
            assertNotNull(outdated);
            assertEquals("line 5", outdated.selectFirst("pre.snippet").text());
            assertTrue(outdated.selectFirst(".thread-origin a").attr("href").endsWith("/blob/src/App.java?v=1#L5"));

            Document list = Web.html(Web.as(s.team().viewer()).get(s.base() + "/threads?state=outdated"));
            assertEquals(2, list.select("#threads article.thread").size());
            // The file of an outdated thread may be gone from the latest version: its title leads to the version it is in.
            String goneTitle = list.getElementById("thread-" + gone).selectFirst(".thread-title a").attr("href");
            assertEquals(s.base() + "/blob/src/Gone.java?v=1#L2", goneTitle);
            Web.as(s.team().viewer()).get(s.base() + "/blob/src/Gone.java").then().statusCode(404);
            Document goneFile = Web.html(Web.as(s.team().viewer()).get(goneTitle.substring(0, goneTitle.indexOf('#'))));
            assertEquals("src/Gone.java", goneFile.getElementById("code").attr("data-path"));
            assertNotNull(goneFile.getElementById("L2"));
            assertEquals(s.base() + "/blob/src/App.java?v=1#L5",
                    list.getElementById("thread-" + edited).selectFirst(".thread-title a").attr("href"), "lines changed since: where they were");
            Document open = Web.html(Web.as(s.team().viewer()).get(s.base() + "/threads?state=open"));
            assertEquals(s.base() + "/blob/src/App.java#L13-L15",
                    open.getElementById("thread-" + moved).selectFirst(".thread-title a").attr("href"), "an open thread: the latest version");
            Document byPath = Web.html(Web.as(s.team().viewer()).get(s.base() + "/threads?path=src/New.java"));
            assertEquals(1, byPath.select("#threads article.thread").size());
            Document byAuthor = Web.html(Web.as(s.team().viewer()).get(s.base() + "/threads?author=" + s.team().owner().username));
            assertNotNull(byAuthor.getElementById("no-threads"));
            // A state that is none is named, not read as "Any" (which listed every thread as if it were the answer).
            Response bogus = Web.as(s.team().viewer()).get(s.base() + "/threads?state=bogus");
            assertEquals(422, bogus.statusCode());
            Document refused = Web.html(bogus);
            assertTrue(refused.getElementById("filter-errors").text().startsWith("There is no thread state \u201cbogus\u201d: choose open,"),
                    refused.getElementById("filter-errors").text());
            assertEquals("true", refused.getElementById("filter-state").attr("aria-invalid"));
            assertTrue(refused.select("#threads article.thread").isEmpty());
        }
    }

    @Test
    void aThreadWhoseOldCommitIsGoneFromTheMirrorIsOutdatedAndTheSyncSucceeds() {
        try (GitFixture git = GitFixture.create(); GitFixture rewritten = GitFixture.create()) {
            git.commit("first", "src/App.java", GitFixture.lines(20));
            Synced s = synced(git);
            UUID id = threadId(openThread(s, Role.REVIEWER, 3, 4, "on a commit that will be gone"));
            // The history was rewritten and the mirror cloned afresh: manifest v1's commit is in no repository now.
            rewritten.commit("rewritten", "src/App.java", GitFixture.lines(21));
            QuarkusTransaction.requiringNew().run(() -> Repo.<Repo>findById(s.repo().id).gitUrl = rewritten.url());
            mirror.delete(s.repo());

            RepoSync sync = support.sync(s.repo());
            assertEquals(SyncStatus.SUCCESS, sync.status, sync.errorMessage);
            assertEquals(2, sync.manifestVersion);
            assertEquals(ThreadState.OUTDATED, thread(id).state);
            rewritten.commit("later", "src/Other.java", GitFixture.lines(2));
            assertEquals(SyncStatus.SUCCESS, support.sync(s.repo()).status, "later syncs go on");
        }
    }

    private static CommentThread thread(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> CommentThread.<CommentThread>findById(id));
    }
}
