package dev.specboard.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every place a local repository's git data is read from, as JGit would find it: the folder, its {@code .git}
 * folder or {@code .git} file ({@code gitdir: elsewhere}), a sibling {@code name.git}, a worktree's
 * {@code commondir}, {@code objects/info/alternates} (of alternates too) and the top entries of each, all with
 * symbolic links resolved; a path under the allowed roots could otherwise lead JGit anywhere.
 *
 * @param stores the git directories and object directories, which identify the repository
 * @param all    the stores and their direct entries, each of which must lie where local repositories may
 */
record LocalRepoLocations(Set<Path> stores, Set<Path> all) {

    /** Enough for any real chain of worktrees and alternates; a loop or a very long chain stops here. */
    private static final int MAX_STORES = 64;

    /** The locations of the repository at this (resolved) path. */
    static LocalRepoLocations of(Path real) {
        Set<Path> stores = new LinkedHashSet<>();
        Set<Path> all = new LinkedHashSet<>();
        all.add(real);
        Deque<Path> gitDirs = new ArrayDeque<>();
        Deque<Path> objectDirs = new ArrayDeque<>();
        gitDirs.add(real);
        gitDirFile(real).ifPresent(gitDirs::add);
        Path dotGit = real.resolve(".git");
        if (Files.isDirectory(dotGit)) {
            gitDirs.add(dotGit);
        } else {
            gitDirFile(dotGit).ifPresent(gitDirs::add);
        }
        if (real.getFileName() != null) {
            gitDirs.add(real.resolveSibling(real.getFileName() + ".git"));
        }
        while ((!gitDirs.isEmpty() || !objectDirs.isEmpty()) && stores.size() < MAX_STORES) {
            if (!gitDirs.isEmpty()) {
                Path g = RepoUrls.realPath(gitDirs.poll());
                if (looksLikeGitDir(g) && stores.add(g)) {
                    addEntries(g, all);
                    objectDirs.add(g.resolve("objects"));
                    firstLine(g.resolve("commondir")).ifPresent(c -> gitDirs.add(g.resolve(c)));
                }
            } else {
                Path o = RepoUrls.realPath(objectDirs.poll());
                if (Files.isDirectory(o) && stores.add(o)) {
                    addEntries(o, all);
                    addEntries(o.resolve("pack"), all);
                    addEntries(o.resolve("info"), all);
                    for (String line : lines(o.resolve("info/alternates"))) {
                        objectDirs.add(o.resolve(line));
                    }
                }
            }
        }
        all.addAll(stores);
        if (!gitDirs.isEmpty() || !objectDirs.isEmpty()) {
            // Too long a chain to follow: treat it as leading nowhere allowed.
            all.add(Path.of("/"));
        }
        return new LocalRepoLocations(stores, all);
    }

    /** The target of a {@code gitdir: path} file (relative to the file's folder), if the path is such a file. */
    private static Optional<Path> gitDirFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return firstLine(file).filter(l -> l.startsWith("gitdir:"))
                .map(l -> file.toAbsolutePath().getParent().resolve(l.substring("gitdir:".length()).trim()));
    }

    /** A git directory, not a work tree: a work tree's own files (symbolic links included) are not git data. */
    private static boolean looksLikeGitDir(Path g) {
        return Files.isDirectory(g) && (Files.exists(g.resolve("HEAD")) || Files.exists(g.resolve("commondir"))
                || Files.isDirectory(g.resolve("objects")));
    }

    private static Optional<String> firstLine(Path file) {
        return lines(file).stream().findFirst();
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static void addEntries(Path dir, Set<Path> into) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.limit(1024).forEach(e -> into.add(RepoUrls.realPath(e)));
        } catch (IOException | RuntimeException e) {
            // An unreadable folder is not read by JGit either.
        }
    }
}
