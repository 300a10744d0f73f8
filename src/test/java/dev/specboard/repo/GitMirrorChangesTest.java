package dev.specboard.repo;

import dev.specboard.account.Account;
import dev.specboard.project.Project;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the incremental sync's change detection reports for an edit, a rename, a delete and an add in one commit. */
@QuarkusTest
class GitMirrorChangesTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    GitMirror mirror;

    @Test
    void anEditARenameADeleteAndAnAddAreEachReportedAndTheNextSyncListsTheNewTree() {
        Account owner = data.account("changes");
        Project p = data.project(owner);
        try (GitFixture git = GitFixture.create()) {
            String first = git.commit("first", Map.of("a.txt", GitFixture.lines(10), "b.txt", GitFixture.lines(20),
                    "c.txt", GitFixture.lines(5), "e.txt", GitFixture.lines(3)));
            Repo repo = support.add(p, owner, "changes", git.url());
            RepoSync firstSync = support.awaitLatest(repo);
            assertEquals(SyncStatus.SUCCESS, firstSync.status, firstSync.errorMessage);

            Map<String, String> change = new HashMap<>();
            // a.txt: line 3 rewritten and two lines added at the end
            change.put("a.txt", GitFixture.lines(10).replace("line 3\n", "line three\n") + "line 11\nline 12\n");
            // b.txt moves to docs/ with its last line edited: still a rename (19 of 20 lines the same)
            change.put("b.txt", null);
            change.put("docs/b.txt", GitFixture.lines(20).replace("line 20\n", "line twenty\n"));
            change.put("c.txt", null);
            // d.txt shares no line with c.txt: else git would pair them as a rename
            change.put("d.txt", GitFixture.lines(7).replace("line", "entry"));
            String second = git.commit("edit, rename, delete, add", change);
            RepoSync secondSync = support.sync(repo);
            assertEquals(SyncStatus.SUCCESS, secondSync.status, secondSync.errorMessage);
            assertEquals(second, secondSync.commitSha);

            Map<String, FileChange> changes = mirror.changes(repo, first, second, Set.of("a.txt", "b.txt", "c.txt", "d.txt", "e.txt"));
            assertEquals(Set.of("a.txt", "b.txt", "c.txt"), changes.keySet(),
                    "the unchanged file and the file that did not exist before are left out");

            FileChange edited = changes.get("a.txt");
            assertEquals("a.txt", edited.newPath());
            assertFalse(edited.isRenamed());
            assertTrue(edited.textDiff());
            assertEquals(List.of(new LineEdit(2, 3, 2, 3), new LineEdit(10, 10, 10, 12)), edited.edits());

            FileChange renamed = changes.get("b.txt");
            assertTrue(renamed.isRenamed());
            assertEquals("docs/b.txt", renamed.newPath());
            assertEquals(List.of(new LineEdit(19, 20, 19, 20)), renamed.edits());

            FileChange deleted = changes.get("c.txt");
            assertTrue(deleted.isDeleted());
            assertEquals(List.of(), deleted.edits());

            assertEquals(Map.of(), mirror.changes(repo, second, second, Set.of("a.txt")), "a commit compared with itself has no changes");

            ProjectManifest m = support.latestManifest(repo);
            assertEquals(2, m.version);
            assertEquals(second, m.commitSha);
            Map<String, Integer> lines = new LinkedHashMap<>();
            m.files().forEach(f -> lines.put(f.path(), f.lines()));
            assertEquals(List.of("a.txt", "d.txt", "docs/b.txt", "e.txt"), List.copyOf(lines.keySet()));
            assertEquals(Map.of("a.txt", 12, "d.txt", 7, "docs/b.txt", 20, "e.txt", 3), lines);
        }
    }
}
