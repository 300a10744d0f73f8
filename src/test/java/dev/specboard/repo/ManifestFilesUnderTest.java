package dev.specboard.repo;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A folder's files are one run of the path-sorted manifest, found by binary search. */
class ManifestFilesUnderTest {

    private static ManifestFiles.Files files(String... paths) {
        List<ManifestEntry> sorted = java.util.Arrays.stream(paths).sorted()
                .map(p -> new ManifestEntry(p, "0".repeat(40), 1, null, 1, false)).toList();
        Map<String, ManifestEntry> byPath = sorted.stream().collect(Collectors.toMap(ManifestEntry::path, Function.identity()));
        return new ManifestFiles.Files(sorted, byPath);
    }

    private static List<String> under(ManifestFiles.Files f, String prefix) {
        return f.under(prefix).stream().map(ManifestEntry::path).toList();
    }

    @Test
    void aFolderHoldsItsFilesAndThoseOfItsSubFoldersOnly() {
        ManifestFiles.Files f = files("README.md", "src/a.java", "src/b/c.java", "src-gen/x.java", "src.txt", "srcs/y.java", "test/t.java");
        assertEquals(List.of("src/a.java", "src/b/c.java"), under(f, "src/"));
        assertEquals(List.of("src/b/c.java"), under(f, "src/b/"));
        assertEquals(List.of("test/t.java"), under(f, "test/"));
        assertEquals(7, under(f, "").size(), "the root holds everything");
    }

    @Test
    void aFolderThatIsNotThereHoldsNothing() {
        ManifestFiles.Files f = files("README.md", "src/a.java");
        assertEquals(List.of(), under(f, "docs/"));
        assertEquals(List.of(), under(f, "README.md/"));
        assertEquals(List.of(), under(f, "zzz/"));
        assertEquals(List.of(), under(files(), ""));
    }
}
