package dev.specboard.repo;

import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A clone or fetch receives at most {@code specboard.repos.max-fetch-size} bytes: a repository of many gigabytes was
 * fetched whole onto the data disk. Past the cap it stops, says so, and leaves the mirror as it was.
 */
@QuarkusTest
class SyncFetchCapTest {

    private static final long ONE_MB = 1024 * 1024;

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    GitMirror mirror;

    @Test
    void aFetchOrCloneThatPassesTheCapStopsSayingSoAndLeavesTheMirrorAsItWas() throws IOException {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            String first = git.commit("first", Map.of("README.md", "hi\n"));
            Repo repo = support.add(t.project(), t.owner(), "big", git.url());
            assertEquals(SyncStatus.SUCCESS, support.awaitLatest(repo).status);
            // Random bytes written in Base64: some 3 MB that no compression makes smaller than the cap.
            byte[] noise = new byte[3 * 1024 * 1024];
            new Random(7).nextBytes(noise);
            String big = git.commit("big", Map.of("data/noise.txt", Base64.getMimeEncoder().encodeToString(noise)));
            String tooLarge = "The repository " + git.url() + " is larger than 1 MB; Specboard fetches at most 1 MB at once. "
                    + "Keep large or generated files out of the repository, or ask the server's administrator to raise "
                    + "SPECBOARD_REPOS_MAX_FETCH_SIZE (and the disk with it).";

            GitProblem fetch = assertThrows(GitProblem.class, () -> mirror.fetch(repo, GitMirror.Progress.NONE, ONE_MB, Long.MAX_VALUE));
            assertEquals(tooLarge, fetch.getMessage());
            assertEquals(first, mirror.commitOf(repo, "main").orElseThrow(), "the branch stays where the last sync left it");
            assertFalse(mirror.hasCommit(repo, big));
            try (Stream<Path> packs = Files.list(mirror.mirrorDir(repo).resolve("objects"))) {
                assertTrue(packs.noneMatch(p -> p.getFileName().toString().startsWith("incoming_")), "the partial pack is gone");
            }

            mirror.delete(repo);
            GitProblem clone = assertThrows(GitProblem.class, () -> mirror.fetch(repo, GitMirror.Progress.NONE, ONE_MB, Long.MAX_VALUE));
            assertEquals(tooLarge, clone.getMessage());
            assertFalse(Files.exists(mirror.mirrorDir(repo)), "a clone stopped is not left half made");

            assertEquals(big, mirror.fetch(repo, GitMirror.Progress.NONE, 16 * ONE_MB, Long.MAX_VALUE), "under the cap it is fetched");
        }
    }

    /**
     * A clone or fetch receives at most {@code specboard.repos.max-fetch-objects} objects: a pack of millions of tiny
     * objects stays under the size cap, and JGit holds an entry for each object it receives.
     */
    @Test
    void aFetchOrCloneOfMoreObjectsThanTheCapStopsSayingSoAndLeavesTheMirrorAsItWas() throws IOException {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            String first = git.commit("first", Map.of("README.md", "hi\n"));
            Repo repo = support.add(t.project(), t.owner(), "many", git.url());
            assertEquals(SyncStatus.SUCCESS, support.awaitLatest(repo).status);
            Map<String, String> tiny = new java.util.HashMap<>();
            for (int i = 0; i < 40; i++) {
                tiny.put("tiny/" + i + ".txt", "tiny " + i + "\n");
            }
            String many = git.commit("many", tiny);
            String tooMany = "The repository " + git.url() + " holds more than 20 objects; Specboard fetches at most 20 objects at once. "
                    + "Ask the server's administrator to raise SPECBOARD_REPOS_MAX_FETCH_OBJECTS (and the memory with it: receiving "
                    + "an object takes some 100 bytes of it).";

            GitProblem fetch = assertThrows(GitProblem.class, () -> mirror.fetch(repo, GitMirror.Progress.NONE, Long.MAX_VALUE, 20));
            assertEquals(tooMany, fetch.getMessage());
            assertEquals(first, mirror.commitOf(repo, "main").orElseThrow(), "the branch stays where the last sync left it");
            assertFalse(mirror.hasCommit(repo, many));
            try (Stream<Path> packs = Files.list(mirror.mirrorDir(repo).resolve("objects"))) {
                assertTrue(packs.noneMatch(p -> p.getFileName().toString().startsWith("incoming_")), "the partial pack is gone");
            }

            mirror.delete(repo);
            GitProblem clone = assertThrows(GitProblem.class, () -> mirror.fetch(repo, GitMirror.Progress.NONE, Long.MAX_VALUE, 20));
            assertEquals(tooMany, clone.getMessage());
            assertFalse(Files.exists(mirror.mirrorDir(repo)), "a clone stopped is not left half made");

            assertEquals(many, mirror.fetch(repo, GitMirror.Progress.NONE, Long.MAX_VALUE, 100), "under the cap it is fetched");
        }
    }
}
