package dev.specboard.review;

import dev.specboard.account.Account;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replies to one thread at the same moment are all kept: each reply counted as an edit of the thread (its version),
 * so all but one were refused with 409 "Someone else changed this at the same time".
 */
@QuarkusTest
class ParallelRepliesTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    RepoTestSupport repos;

    @Test
    void repliesAtTheSameMomentAreAllKept() throws Exception {
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
        List<Account> people = List.of(team.member(), team.lead(), team.owner(), team.reviewer(), team.member(), team.lead(),
                team.owner(), team.reviewer());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                Account who = people.get(i);
                String body = "Reply " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return fx.api(who).body(Map.of("body", body)).post(comments).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> bodies = fx.api(team.viewer()).get("/api/v1/projects/" + slug + "/repos/app/threads").then().statusCode(200)
                .extract().path("[0].comments.body");
        assertEquals(people.size() + 1, bodies.size(), bodies.toString());
    }
}
