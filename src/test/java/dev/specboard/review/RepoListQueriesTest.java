package dev.specboard.review;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's list pages and API lists (folder listings, review threads) run the same statements for
 * ten times the rows: each row's related things (a thread's comments, a folder's files) come in the same queries.
 */
@QuarkusTest
class RepoListQueriesTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    ReviewService review;

    @Inject
    SpecApiFixtures fx;

    private record Synced(TestData.Team team, Repo repo, String page, String api) {
    }

    /** A repository with n files at the root, n in src/ and n folders of two files each under src/, and n review threads with two replies. */
    private Synced synced(int n) {
        try (GitFixture git = GitFixture.create()) {
            Map<String, String> files = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                files.put("doc" + i + ".md", "doc " + i + "\n");
                files.put("src/File" + i + ".java", GitFixture.lines(40));
                files.put("src/pkg" + i + "/A.java", "a\n");
                files.put("src/pkg" + i + "/B.java", "b\n");
            }
            git.commit("first", files);
            TestData.Team team = data.team();
            Repo repo = support.add(team.project(), team.owner(), "app", git.url());
            RepoSync s = support.awaitLatest(repo);
            assertEquals(SyncStatus.SUCCESS, s.status, s.errorMessage);
            Access reviewer = new Access(team.project(), Role.REVIEWER, team.reviewer().id);
            Access member = new Access(team.project(), Role.MEMBER, team.member().id);
            for (int i = 0; i < n; i++) {
                String line = String.valueOf(i + 1);
                ThreadView t = review.open(reviewer, repo, new NewThreadForm("src/File" + i + ".java", line, line, "Comment " + i, null),
                        i % 2 == 0 ? Comment.AuthorType.USER : Comment.AuthorType.AI);
                review.reply(member, t.id(), CommentForm.reply("Reply to " + i), Comment.AuthorType.USER);
                review.reply(reviewer, t.id(), CommentForm.reply("Again " + i), Comment.AuthorType.AI);
                if (i % 3 == 0) {
                    review.resolve(reviewer, t.id());
                }
            }
            return new Synced(team, repo, "/projects/" + team.slug() + "/repos/app", "/api/v1/projects/" + team.slug() + "/repos/app");
        }
    }

    @Test
    void folderListingsAndReviewThreadsKeepTheirStatementCountWhenRowsGrowTenfold() {
        Synced few = synced(3);
        Synced many = synced(30);
        assertEquals(30, Web.html(Web.as(many.team().viewer()).get(many.page() + "/threads")).select("#threads article.thread").size(),
                "every thread is listed");
        same(few, many, "/projects/%s/repos/app", "repository page with its root listing");
        same(few, many, "/projects/%s/repos/app/tree/src", "folder listing");
        same(few, many, "/projects/%s/repos/app/threads", "review threads");
        same(few, many, "/projects/%s/repos/app/threads?state=open", "open review threads");
        same(few, many, "/projects/%s/repos", "repository list");
        sameApi(few, many, "/api/v1/projects/%s/repos/app/tree?path=src", "API folder listing");
        sameApi(few, many, "/api/v1/projects/%s/repos/app/threads", "API review threads");
        sameApi(few, many, "/api/v1/projects/%s/repos", "API repository list");
    }

    private void same(Synced few, Synced many, String path, String what) {
        assertEquals(fewest(() -> Web.as(few.team().viewer()).get(path.formatted(few.team().slug())).then().statusCode(200)),
                fewest(() -> Web.as(many.team().viewer()).get(path.formatted(many.team().slug())).then().statusCode(200)), what);
    }

    private void sameApi(Synced few, Synced many, String path, String what) {
        var a = fx.api(few.team().viewer());
        var b = fx.api(many.team().viewer());
        assertEquals(fewest(() -> a.get(path.formatted(few.team().slug())).then().statusCode(200)),
                fewest(() -> b.get(path.formatted(many.team().slug())).then().statusCode(200)), what);
    }

    /** The fewest statements of three counted runs: the sync worker's polling may land inside one of them. */
    private static long fewest(Runnable action) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            min = Math.min(min, SqlCounter.count(action));
        }
        assertTrue(min > 0, "statements were counted");
        return min;
    }
}
