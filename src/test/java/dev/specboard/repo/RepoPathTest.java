package dev.specboard.repo;

import dev.specboard.web.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two readings of a repository path: a list's (one file, one entry) and an address's (never out of the tree). */
class RepoPathTest {

    @Test
    void aListedPathDropsStepsThatNameNothingAndKeepsClimbsForTheListToRefuse() {
        for (String same : List.of("src/Main.java", "./src/Main.java", "/src/Main.java", "src/Main.java/", " src//./Main.java ")) {
            assertEquals("src/Main.java", RepoPath.of(same).normalised(), same);
            assertFalse(RepoPath.of(same).climbs(), same);
        }
        assertEquals("", RepoPath.of(null).normalised());
        assertEquals("", RepoPath.of(" /./ ").normalised());
        assertEquals("../etc/passwd", RepoPath.of("./../etc/passwd").normalised());
        assertTrue(RepoPath.of("src/../../etc").climbs());
    }

    @Test
    void anAddressedPathTrimsItsSlashesOrIsNoPlace() {
        assertEquals("", RepoPath.of(null).addressed());
        assertEquals("", RepoPath.of("//").addressed());
        assertEquals("src/Main.java", RepoPath.of("/src/Main.java/").addressed());
        assertEquals(" a b ", RepoPath.of(" a b ").addressed(), "blanks are part of a name here");
        for (String none : List.of("src/../x", "..", "./x", "src//x", "a\u0000b", "x".repeat(4097))) {
            assertThrows(ApiException.class, () -> RepoPath.of(none).addressed(), none);
        }
        assertEquals(4096, RepoPath.of("x".repeat(4096)).addressed().length());
        // Git allows control characters in names (all but NUL): a file named so is a place in the tree.
        assertEquals("docs/line\nbreak.md", RepoPath.of("docs/line\nbreak.md").addressed());
        assertEquals("tab\there\u007f", RepoPath.of("tab\there\u007f").addressed());
        assertEquals("caf\\351.txt", RepoPath.of("caf\\351.txt").addressed(), "a byte that is no UTF-8, as git quotes it");
    }
}
