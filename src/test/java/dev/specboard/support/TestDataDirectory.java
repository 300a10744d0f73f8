package dev.specboard.support;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Deletes a test application's data directory when it stops. Every start of the test application (each test profile)
 * gets its own directory under the system's temporary directory ({@code specboard-test-<uuid>}, or a profile's own
 * {@code specboard-…} one), and a whole run used to leave some sixty of them behind, repositories and uploads included.
 */
@ApplicationScoped
class TestDataDirectory {

    private static final Logger LOG = Logger.getLogger(TestDataDirectory.class);

    @ConfigProperty(name = "specboard.data-dir")
    String dataDir;

    // Last of the stop observers: the workers and the mirrors have let go of their files by then.
    void stopped(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        if (LaunchMode.current() == LaunchMode.TEST) {
            ownDirectory(Path.of(System.getProperty("java.io.tmpdir")), Path.of(dataDir)).ifPresent(TestDataDirectory::delete);
        }
    }

    /**
     * The directory directly under {@code tmp} that holds {@code data}, when its name says a test made it: a data
     * directory configured anywhere else (or the temporary directory itself) is never deleted.
     */
    static Optional<Path> ownDirectory(Path tmp, Path data) {
        Path root = tmp.toAbsolutePath().normalize();
        Path dir = data.toAbsolutePath().normalize();
        if (!dir.startsWith(root) || dir.equals(root)) {
            return Optional.empty();
        }
        Path top = root.resolve(root.relativize(dir).getName(0));
        return top.getFileName().toString().startsWith("specboard-") ? Optional.of(top) : Optional.empty();
    }

    private static void delete(Path top) {
        if (!Files.isDirectory(top)) {
            return;
        }
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failed) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Leaving a temporary directory behind fails nothing; say so for whoever wonders where the space went.
            LOG.debugf("Could not delete the test data directory %s: %s", top, e);
        }
    }
}
