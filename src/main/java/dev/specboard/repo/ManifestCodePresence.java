package dev.specboard.repo;

import dev.specboard.architecture.CodePresence;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers "is this file in the code?" for components from the latest manifests of the project's
 * repositories. The file list is cached per project so a component list asks the database once;
 * a new manifest on this instance clears it, and after a short time it is re-read anyway so that
 * syncs run by other instances show up too.
 */
@ApplicationScoped
public class ManifestCodePresence implements CodePresence {

    private static final Duration MAX_AGE = Duration.ofSeconds(30);

    private record Files(Set<String> paths, boolean synced, Instant loadedAt) {
    }

    private final Map<UUID, Files> cache = new ConcurrentHashMap<>();

    @Inject
    ManifestFiles manifests;

    @Override
    public Optional<Boolean> fileExists(UUID projectId, String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        Files files = cache.compute(projectId, (id, cached) ->
                cached != null && cached.loadedAt().plus(MAX_AGE).isAfter(Instant.now()) ? cached : load(id));
        if (!files.synced()) {
            return Optional.empty();
        }
        return Optional.of(files.paths().contains(path.strip().replaceFirst("^/+", "")));
    }

    void onManifest(@Observes(during = TransactionPhase.AFTER_SUCCESS) ManifestCreated event) {
        cache.remove(event.projectId());
    }

    private Files load(UUID projectId) {
        Set<String> paths = new HashSet<>();
        boolean synced = false;
        for (Repo repo : Repo.listByProject(projectId)) {
            Optional<ManifestFiles.Head> latest = manifests.latest(repo.id);
            if (latest.isPresent()) {
                try {
                    paths.addAll(manifests.files(latest.get()).byPath().keySet());
                    synced = true;
                } catch (ApiException e) {
                    // A manifest that fails its integrity check tells nothing; the flags stay as people set them.
                }
            }
        }
        return new Files(Set.copyOf(paths), synced, Instant.now());
    }
}
