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
}
