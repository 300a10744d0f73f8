package dev.specboard.preview;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bundle the disk refuses half-way: the data directory's path is so long that a bundle's page fits Linux's 4,096-byte
 * path limit and its manifest, one character longer, does not (ENAMETOOLONG, which holds for root too).
 */
@QuarkusTest
@TestProfile(PreviewRenderFailureTest.LongDataDirectory.class)
class PreviewRenderFailureTest {

    /** {@code <data>/previews/<uuid>/pages/1.html} is 4,095 characters, {@code <data>/previews/<uuid>/manifest.json} 4,096. */
    static final int DATA_DIR_LENGTH = 4096 - "/previews/".length() - 36 - "/manifest.json".length();

    public static class LongDataDirectory implements QuarkusTestProfile {
        // Quarkus asks a profile for its overrides more than once, from more than one class loader: one directory,
        // kept JVM-wide, serves them all (the test application deletes it when it stops), where each call left one behind.
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("specboard.data-dir", (String) System.getProperties().computeIfAbsent(
                    "specboard.test.long-data-dir", k -> longDirectory()));
        }

        private static String longDirectory() {
            try {
                StringBuilder dir = new StringBuilder(Files.createTempDirectory("specboard-previews-").toString());
                int left = DATA_DIR_LENGTH - dir.length();
                while (left > 300) {
                    dir.append('/').append("d".repeat(99));
                    left -= 100;
                }
                int first = (left - 2) / 2;
                dir.append('/').append("d".repeat(first)).append('/').append("d".repeat(left - 2 - first));
                Files.createDirectories(Path.of(dir.toString()));
                return dir.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "specboard.data-dir")
    String dataDir;

    @Test
    void aBundleThatCannotBeWrittenLeavesNoDirectoryAndTheCleanupEndsThePreview() throws Exception {
        assertEquals(DATA_DIR_LENGTH, dataDir.length());
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/", "<main><h1>Home</h1></main>", "");
        fx.api(t.lead()).body(Map.of("hours", 2)).post("/api/v1/projects/" + t.slug() + "/previews").then().statusCode(503)
                .body("error", containsString("could not be written"));

        PreviewSession s = QuarkusTransaction.requiringNew().call(() ->
                PreviewSession.<PreviewSession>find("projectId", t.project().id).singleResult());
        Path bundle = Path.of(dataDir, "previews", s.id.toString());
        assertFalse(Files.exists(bundle), "the partial bundle is removed: " + listing(bundle));

        // The cleanup (every second in tests, 1 s delays) takes the failed preview through its stages.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!PreviewSession.PURGED.equals(status(s))) {
            assertTrue(Instant.now().isBefore(deadline), "not purged in time: " + status(s));
            Thread.sleep(200);
        }
        assertFalse(Files.exists(bundle));
    }

    private static String status(PreviewSession s) {
        return QuarkusTransaction.requiringNew().call(() -> PreviewSession.<PreviewSession>findById(s.id).status);
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p).toString()).toList();
        }
    }
}
