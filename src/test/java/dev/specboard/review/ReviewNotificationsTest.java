package dev.specboard.review;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ReviewNotificationsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    RepoTestSupport repos;

    @Test
    void mentionsRepliesAndResolutionsReachTheRightPeople() throws Exception {
        TestData.Team team = data.team();
        String slug = team.slug();
        try (GitFixture git = GitFixture.create()) {
            git.commit("init", "src/App.java", GitFixture.lines(30));
            Repo repo = repos.add(team.project(), team.lead(), "app", git.url());
            repos.awaitLatest(repo);
        }
        String threads = "/api/v1/projects/" + slug + "/repos/app/threads";
        String id = fx.api(team.reviewer()).body(Map.of("path", "src/App.java", "lineStart", 10, "lineEnd", 12,
                        "body", "Is this right, @" + team.member().username + "? cc @" + team.outsider().username))
                .post(threads).then().statusCode(201).extract().path("id");
        fx.api(team.member()).get("/api/v1/notifications").then().body("type", hasItem("mention"));
        // Not a member: a mention must not leak the thread to them.
        fx.api(team.outsider()).get("/api/v1/notifications").then().body("type", not(hasItem("mention")));

        fx.api(team.member()).body(Map.of("body", "Yes, it is."))
                .post("/api/v1/projects/" + slug + "/threads/" + id + "/comments").then().statusCode(201);
        fx.api(team.reviewer()).get("/api/v1/notifications").then().body("type", hasItem("thread_reply"));

        fx.api(team.member()).post("/api/v1/projects/" + slug + "/threads/" + id + "/resolve").then().statusCode(200);
        List<String> reviewerTypes = fx.api(team.reviewer()).get("/api/v1/notifications").then().extract().path("type");
        assertEquals(1, reviewerTypes.stream().filter("thread_resolved"::equals).count());
        fx.api(team.member()).get("/api/v1/notifications").then().body("type", not(hasItem("thread_resolved")));
    }

    /** A notification about a thread leads to all of its lines, as the file page's line-range anchor names them. */
    @Test
    void threadNotificationsLinkToTheThreadsWholeLineRange() throws Exception {
        TestData.Team team = data.team();
        String slug = team.slug();
        try (GitFixture git = GitFixture.create()) {
            git.commit("init", "src/Hello.java", GitFixture.lines(30));
            Repo repo = repos.add(team.project(), team.lead(), "app1", git.url());
            repos.awaitLatest(repo);
        }
        String threads = "/api/v1/projects/" + slug + "/repos/app1/threads";
        String file = "/projects/" + slug + "/repos/app1/blob/src/Hello.java";
        String id = fx.api(team.reviewer()).body(Map.of("path", "src/Hello.java", "lineStart", 3, "lineEnd", 5,
                "body", "Look, @" + team.lead().username)).post(threads).then().statusCode(201).extract().path("id");
        assertEquals(List.of(file + "#L3-L5"), links(team.lead(), "mention"));
        fx.api(team.lead()).body(Map.of("body", "Seen.")).post("/api/v1/projects/" + slug + "/threads/" + id + "/comments")
                .then().statusCode(201);
        assertEquals(List.of(file + "#L3-L5"), links(team.reviewer(), "thread_reply"));
        fx.api(team.lead()).post("/api/v1/projects/" + slug + "/threads/" + id + "/resolve").then().statusCode(200);
        assertEquals(List.of(file + "#L3-L5"), links(team.reviewer(), "thread_resolved"));

        fx.api(team.reviewer()).body(Map.of("path", "src/Hello.java", "lineStart", 7, "lineEnd", 7,
                "body", "And this, @" + team.member().username)).post(threads).then().statusCode(201);
        assertEquals(List.of(file + "#L7"), links(team.member(), "mention"), "one line is one line's anchor");
    }

    private List<String> links(dev.specboard.account.Account a, String type) {
        return fx.api(a).get("/api/v1/notifications").then().statusCode(200).extract()
                .path("findAll { it.type == '" + type + "' }.payload.link");
    }

    /** Someone removed from the project can no longer read its threads, so they hear nothing more of them. */
    @Test
    void aParticipantRemovedFromTheProjectHearsNoMoreOfTheThread() throws Exception {
        TestData.Team team = data.team();
        String slug = team.slug();
        try (GitFixture git = GitFixture.create()) {
            git.commit("init", "src/App.java", GitFixture.lines(30));
            Repo repo = repos.add(team.project(), team.lead(), "app", git.url());
            repos.awaitLatest(repo);
        }
        String id = fx.api(team.reviewer()).body(Map.of("path", "src/App.java", "lineStart", 3, "lineEnd", 4, "body", "Why this?"))
                .post("/api/v1/projects/" + slug + "/repos/app/threads").then().statusCode(201).extract().path("id");
        String comments = "/api/v1/projects/" + slug + "/threads/" + id + "/comments";
        fx.api(team.member()).body(Map.of("body", "Because.")).post(comments).then().statusCode(201);
        assertEquals(1, count(team.reviewer(), "thread_reply"));

        fx.api(team.owner()).delete("/api/v1/projects/" + slug + "/members/" + team.reviewer().username).then().statusCode(204);
        fx.api(team.member()).body(Map.of("body", "And one more thing, @" + team.reviewer().username)).post(comments).then().statusCode(201);
        fx.api(team.member()).post("/api/v1/projects/" + slug + "/threads/" + id + "/resolve").then().statusCode(200);
        // A former member sees none of the project's notifications; back in the project, they see that nothing new was
        // sent to them while they were out.
        assertEquals(0, count(team.reviewer(), "thread_reply"), "a former member is shown no notification of the project");
        fx.api(team.owner()).body(Map.of("username", team.reviewer().username, "role", "reviewer"))
                .post("/api/v1/projects/" + slug + "/members").then().statusCode(201);
        assertEquals(1, count(team.reviewer(), "thread_reply"), "no reply reaches a former member");
        assertEquals(0, count(team.reviewer(), "thread_resolved"));
        assertEquals(0, count(team.reviewer(), "mention"));
    }

    private int count(dev.specboard.account.Account a, String type) {
        List<String> types = fx.api(a).get("/api/v1/notifications").then().statusCode(200).extract().path("type");
        return (int) types.stream().filter(type::equals).count();
    }
}
