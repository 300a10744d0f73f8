package dev.specboard.repo;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which repository URLs the server may clone: remote ones always; local paths only in dev and test
 * or below the configured roots, so a user cannot make the server read its own disk.
 */
@ApplicationScoped
public class RepoUrls {

    @ConfigProperty(name = "specboard.repos.allow-any-local", defaultValue = "false")
    boolean allowAnyLocal;

    @ConfigProperty(name = "specboard.repos.local-roots")
    Optional<String> localRoots;

    /** The problem with the URL, or empty when it may be used. */
    public Optional<String> problem(String url) {
        String u = url == null ? "" : url.trim();
        if (u.isEmpty()) {
            return Optional.of("Enter the git URL or a local path");
        }
        if (u.chars().anyMatch(c -> c < 0x20 || c == ' ')) {
            return Optional.of("A URL has no spaces or control characters");
        }
        if (u.startsWith("https://") || u.startsWith("ssh://")) {
            try {
                URI uri = URI.create(u);
                if (uri.getHost() == null || uri.getHost().isBlank()) {
                    return Optional.of("This URL names no host");
                }
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of("This is not a valid URL");
            }
        }
        if (u.matches("^git@[A-Za-z0-9.-]+:[A-Za-z0-9._/~-]+$")) {
            return Optional.empty();
        }
        Optional<Path> local = localPath(u);
        if (local.isEmpty()) {
            return Optional.of("Use an https://, ssh:// or git@host:path URL");
        }
        if (allowAnyLocal || roots().stream().anyMatch(root -> local.get().startsWith(root))) {
            return Optional.empty();
        }
        return Optional.of("Local paths are only allowed below the configured roots; use an https://, ssh:// or git@ URL");
    }

    private static Optional<Path> localPath(String u) {
        try {
            if (u.startsWith("file://")) {
                return Optional.of(Path.of(URI.create(u)).normalize());
            }
            if (u.startsWith("/")) {
                return Optional.of(Path.of(u).normalize());
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private List<Path> roots() {
        return localRoots.stream().flatMap(s -> Arrays.stream(s.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).map(s -> Path.of(s).toAbsolutePath().normalize()).toList();
    }
}
