package dev.specboard.architecture;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the synced repository says about a component's files. An empty answer means "unknown"
 * (no synced manifest): the completion flags then stay as people set them.
 */
public interface CodePresence {

    /** Whether the file exists in the project's latest manifest, or empty when unknown. */
    Optional<Boolean> fileExists(UUID projectId, String path);

    /** Whether a test file exists for the file by the framework's conventions, or empty when unknown. */
    default Optional<Boolean> testExistsFor(UUID projectId, String path, String framework) {
        List<String> candidates = TestConventions.candidates(path, framework);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        for (String candidate : candidates) {
            Optional<Boolean> exists = fileExists(projectId, candidate);
            if (exists.isEmpty()) {
                return Optional.empty();
            }
            if (exists.get()) {
                return Optional.of(true);
            }
        }
        return Optional.of(false);
    }
}
