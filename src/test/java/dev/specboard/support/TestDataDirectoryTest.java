package dev.specboard.support;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the test applications' clean-up may delete: only a directory a test made directly under the temporary one. */
class TestDataDirectoryTest {

    private static final Path TMP = Path.of("/tmp");

    @Test
    void theDirectoryATestMadeUnderTheTemporaryOneGoesWithEverythingInIt() {
        assertEquals(Optional.of(Path.of("/tmp/specboard-test-1")), TestDataDirectory.ownDirectory(TMP, Path.of("/tmp/specboard-test-1")));
        assertEquals(Optional.of(Path.of("/tmp/specboard-previews-7")),
                TestDataDirectory.ownDirectory(TMP, Path.of("/tmp/specboard-previews-7/ddd/ddd")));
    }

    @Test
    void nothingElseIsEverDeleted() {
        assertEquals(Optional.empty(), TestDataDirectory.ownDirectory(TMP, TMP));
        assertEquals(Optional.empty(), TestDataDirectory.ownDirectory(TMP, Path.of("/tmp/other/specboard-test-1")));
        assertEquals(Optional.empty(), TestDataDirectory.ownDirectory(TMP, Path.of("/tmp/specboard-test-1/../../home/data")));
        assertEquals(Optional.empty(), TestDataDirectory.ownDirectory(TMP, Path.of("/home/me/specboard-test-1")));
        assertEquals(Optional.empty(), TestDataDirectory.ownDirectory(TMP, Path.of("data")));
    }
}
