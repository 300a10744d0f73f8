package dev.specboard.repo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.specboard.web.LoggedText;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FileUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The server-side bare mirrors of repositories, read and written with JGit. */
@ApplicationScoped
public class GitMirror {

    private static final Logger LOG = Logger.getLogger(GitMirror.class);

    @ConfigProperty(name = "specboard.data-dir", defaultValue = "data")
    String dataDir;

    /**
     * Blobs larger than this are read in pieces (JGit's own threshold, 50 MiB, read a 21 MB file whole for each download,
     * and eight downloads at once ran a 160 MB heap out); see {@link RawDownloads}.
     */
    @ConfigProperty(name = "specboard.repos.stream-blobs-above", defaultValue = "256K")
    io.quarkus.runtime.configuration.MemorySize streamAbove;

    /**
     * The most files (and submodules) one commit's listing may hold. A sync holds, per file, its entry, the manifest's map,
     * JSON text and bytes, and Hibernate's copy of the map: about 1.8 KB measured at once (2 KB and more with the builders'
     * spare room), so 100,000 files ran the 160 MB heap of docker/jvm.options out and the server stopped. 25,000 files take
     * some 50 MB, which the heap holds beside the 55 MB that stay live, with room left for requests (20,000 synced fine).
     */
    @ConfigProperty(name = "specboard.repos.max-files", defaultValue = "25000")
    int maxFiles;

    /** The most bytes and objects one clone or fetch may receive. */
    @Inject
    FetchCaps caps;

    @Inject
    RepoUrls urls;

    public Path mirrorDir(Repo repo) {
        return Path.of(dataDir).toAbsolutePath().resolve(repo.path);
    }

    /** Counts what a clone or fetch reports, for the progress bar. */
    public interface Progress {
        /** For a caller that does not show progress. */
        Progress NONE = new Progress() {
            @Override
            public void objects(int done, int total) {
            }

            @Override
            public void files(int done, int total) {
            }
        };

        void objects(int done, int total);

        void files(int done, int total);
    }

    /**
     * Clones the repository on first use, fetches otherwise; answers the default branch's commit, or null when the
     * repository has no branch at all (nothing pushed yet). The URL is checked again first: its host may resolve to an
     * internal address by now.
     */
    public String fetch(Repo repo, Progress progress) {
        return fetch(repo, progress, caps.maxBytes(), caps.maxObjects());
    }

    /** {@link #fetch(Repo, Progress)}, stopped (the sync failing, saying so) once it received {@code maxBytes} or {@code maxObjects}. */
    String fetch(Repo repo, Progress progress, long maxBytes, long maxObjects) {
        urls.requireFetchable(repo.gitUrl);
        Path dir = mirrorDir(repo);
        ObjectProgress monitor = new ObjectProgress(progress, dir.resolve("objects"), maxBytes, maxObjects);
        try {
            if (!Files.isDirectory(dir.resolve("objects"))) {
                forget(dir);
                deleteQuietly(dir);
                Files.createDirectories(dir.getParent());
                try (Git ignored = Git.cloneRepository().setURI(repo.gitUrl).setDirectory(dir.toFile()).setBare(true)
                        .setCloneAllBranches(true).setTimeout(120).setProgressMonitor(monitor).call()) {
                    // cloned
                } catch (GitAPIException | RuntimeException e) {
                    deleteQuietly(dir);
                    throw e;
                }
            } else {
                try (Git git = Git.open(dir.toFile())) {
                    StoredConfig config = git.getRepository().getConfig();
                    if (!repo.gitUrl.equals(config.getString("remote", "origin", "url"))) {
                        config.setString("remote", "origin", "url", repo.gitUrl);
                        config.save();
                    }
                    git.fetch().setRemote("origin").setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"))
                            .setRemoveDeletedRefs(true).setTimeout(120).setProgressMonitor(monitor).call();
                }
            }
            try (Repository r = open(repo)) {
                ObjectId head = r.resolve(Constants.R_HEADS + repo.defaultBranch + "^{commit}");
                if (head == null && r.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).isEmpty()) {
                    return null;
                }
                if (head == null) {
                    throw new GitProblem("The branch '" + repo.defaultBranch + "' does not exist in " + repo.gitUrl + ".");
                }
                return head.name();
            }
        } catch (GitAPIException e) {
            if (monitor.overCap()) {
                throw new GitProblem(monitor.refusal(repo.gitUrl), e);
            }
            throw new GitProblem("Could not fetch " + repo.gitUrl + ": " + GitProblem.rootMessage(e), e);
        } catch (IOException e) {
            throw new GitProblem("Could not read the mirror of " + repo.name + ": " + GitProblem.rootMessage(e), e);
        }
    }

    /** The most files a listing may hold ({@code specboard.repos.max-files}). */
    public int maxFiles() {
        return maxFiles;
    }

    /** {@link #listFiles(Repo, String, Map, int, Progress)} with at most {@code specboard.repos.max-files} files. */
    public Listing listFiles(Repo repo, String commitSha, Map<String, ManifestEntry> known, Progress progress) {
        return listFiles(repo, commitSha, known, maxFiles, progress);
    }

    /**
     * Every file of the commit's tree, with its blob, size, language, line count and binary flag. Blobs
     * already described in {@code known} (by blob SHA, from the previous manifest) are not read again, so a
     * sync after a small commit reads only what changed. A tree of more than {@code maxFiles} files (submodules
     * counted) is refused with {@link TooManyFiles} as soon as the walk meets one more, before any of it is described.
     */
    public Listing listFiles(Repo repo, String commitSha, Map<String, ManifestEntry> known, int maxFiles, Progress progress) {
        try (Repository r = open(repo); RevWalk walk = new RevWalk(r); ObjectReader reader = streaming(r)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitSha));
            List<String> paths = new ArrayList<>();
            List<ObjectId> blobs = new ArrayList<>();
            List<Submodule> submodules = new ArrayList<>();
            java.util.BitSet links = new java.util.BitSet();
            try (TreeWalk tree = new TreeWalk(r)) {
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    if (paths.size() + submodules.size() >= maxFiles) {
                        throw new TooManyFiles(maxFiles);
                    }
                    if ((tree.getRawMode(0) & org.eclipse.jgit.lib.FileMode.TYPE_MASK) == org.eclipse.jgit.lib.FileMode.TYPE_GITLINK) {
                        // A submodule has no blob here, only the commit of its own repository that it pins.
                        submodules.add(new Submodule(GitNames.pathOf(tree.getRawPath()), tree.getObjectId(0).name()));
                        continue;
                    }
                    if ((tree.getRawMode(0) & org.eclipse.jgit.lib.FileMode.TYPE_MASK) == org.eclipse.jgit.lib.FileMode.TYPE_SYMLINK) {
                        links.set(paths.size());
                    }
                    paths.add(GitNames.pathOf(tree.getRawPath()));
                    blobs.add(tree.getObjectId(0));
                }
            }
            List<ManifestEntry> files = new ArrayList<>(paths.size());
            int read = 0;
            for (int i = 0; i < paths.size(); i++) {
                ManifestEntry same = known.get(blobs.get(i).name());
                if (links.get(i)) {
                    // A link's blob may be a file's elsewhere: its target is read anew, never taken from that file.
                    files.add(BlobFacts.link(reader, paths.get(i), blobs.get(i)));
                    read++;
                } else if (same != null && !same.symlink()) {
                    // Same content: only the path (and so the language) can differ.
                    files.add(new ManifestEntry(paths.get(i), same.blobSha(), same.size(),
                            same.binary() ? null : Languages.of(paths.get(i)), same.lines(), same.binary()));
                } else {
                    files.add(BlobFacts.describe(reader, paths.get(i), blobs.get(i)));
                    read++;
                }
                if (i % 50 == 0 || i == paths.size() - 1) {
                    progress.files(i + 1, paths.size());
                }
            }
            files.sort(Comparator.comparing(ManifestEntry::path));
            submodules.sort(Comparator.comparing(Submodule::path));
            return new Listing(files, read, submodules);
        } catch (IOException e) {
            throw new GitProblem("Could not read commit " + commitSha + ": " + GitProblem.rootMessage(e), e);
        }
    }

    /** A commit's files in path order, how many blobs had to be read to describe them, and its submodules in path order. */
    public record Listing(List<ManifestEntry> files, int blobsRead, List<Submodule> submodules) {
    }

    /** The bytes of a blob, or empty when the mirror does not have it. */
    public java.util.Optional<byte[]> readBlob(Repo repo, String blobSha) {
        try (Repository r = open(repo)) {
            return java.util.Optional.of(r.open(ObjectId.fromString(blobSha), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE));
        } catch (MissingObjectException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the mirror holds this blob; false when it cannot be read. */
    public boolean hasBlob(Repo repo, String blobSha) {
        try (Repository r = open(repo)) {
            return r.getObjectDatabase().has(ObjectId.fromString(blobSha));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Writes a blob's bytes as stored: one above {@code specboard.repos.stream-blobs-above} goes in pieces of 8 KB, each
     * written (and waited for by a slow reader) before the next is read, so a download holds at most that much.
     */
    public void copyBlob(Repo repo, String blobSha, java.io.OutputStream out) throws IOException {
        try (Repository r = open(repo); ObjectReader reader = streaming(r)) {
            reader.open(ObjectId.fromString(blobSha), Constants.OBJ_BLOB).copyTo(out);
        }
    }

    /** The most bytes of one blob read whole; larger blobs are read in pieces. */
    long streamAbove() {
        return streamAbove.asLongValue();
    }

    /** A reader that reads blobs above {@link #streamAbove()} in pieces (JGit's threshold for all readers is 50 MiB). */
    private ObjectReader streaming(Repository r) {
        ObjectReader reader = r.newObjectReader();
        reader.setStreamFileThreshold((int) Math.min(Integer.MAX_VALUE, streamAbove.asLongValue()));
        return reader;
    }

    /**
     * Which of the commits are the head commit (a SHA or ref) or its ancestors, in one revision walk (see
     * {@link Reachability}); commits the mirror does not have, and anything when the mirror cannot be read, are left out.
     */
    public Set<String> reachable(Repo repo, String head, Collection<String> commits) {
        Set<String> found = new HashSet<>();
        try (Repository r = open(repo)) {
            Reachability.collect(r, head, commits, found);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Reachability in %s not known: %s", repo.name, e.getMessage());
        }
        return found;
    }

    /** Whether the mirror holds this commit (on any branch); false when the mirror cannot be read. */
    public boolean hasCommit(Repo repo, String sha) {
        try (Repository r = open(repo)) {
            return Reachability.has(r, sha);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Commit %s in %s not known: %s", LoggedText.of(sha), repo.name, e.getMessage());
            return false;
        }
    }

    /** The full ids of the mirror's commits that start with this abbreviated SHA (4 to 40 hex digits); empty when none or unreadable. */
    public Set<String> commitsStartingWith(Repo repo, String abbreviated) {
        Set<String> found = new HashSet<>();
        try (Repository r = open(repo); ObjectReader reader = r.newObjectReader()) {
            for (ObjectId id : reader.resolve(org.eclipse.jgit.lib.AbbreviatedObjectId.fromString(abbreviated))) {
                if (reader.open(id).getType() == Constants.OBJ_COMMIT && Reachability.has(r, id.name())) {
                    found.add(id.name());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Commits starting with %s in %s not known: %s", LoggedText.of(abbreviated), repo.name, e.getMessage());
        }
        return found;
    }

    /**
     * The commit a ref names in the mirror: a branch first (as of the last sync, which fetches every branch), else a
     * commit by its SHA (abbreviated from 4 hex digits); empty when neither. Only names {@link RefName} took come here,
     * so no revision expression ({@code main~1}, {@code @{-1}}) is ever evaluated.
     */
    public java.util.Optional<String> commitOf(Repo repo, String ref) {
        try (Repository r = open(repo); RevWalk walk = new RevWalk(r)) {
            org.eclipse.jgit.lib.Ref branch = r.exactRef(Constants.R_HEADS + ref);
            if (branch != null) {
                return java.util.Optional.of(walk.parseCommit(branch.getObjectId()).name());
            }
        } catch (MissingObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new GitProblem("Could not read the mirror of " + repo.name + ": " + GitProblem.rootMessage(e), e);
        }
        if (!RefName.isSha(ref)) {
            return java.util.Optional.empty();
        }
        Set<String> found = commitsStartingWith(repo, ref.toLowerCase(java.util.Locale.ROOT));
        if (found.size() > 1) {
            throw new dev.specboard.web.ApiException(422, "The ref " + ref + " names " + found.size() + " commits of " + repo.name,
                    Map.of("ref", "starts " + found.size() + " commits' SHAs: give more of its digits"));
        }
        return found.stream().findFirst();
    }

    /**
     * What happened to each of the given paths between two commits: a histogram line diff, with
     * renames detected ({@link CommitDiff}); paths that did not change are left out.
     */
    public Map<String, FileChange> changes(Repo repo, String oldCommit, String newCommit, Set<String> paths) {
        if (paths.isEmpty() || oldCommit.equals(newCommit)) {
            return new HashMap<>();
        }
        try (Repository r = open(repo)) {
            return CommitDiff.changes(r, oldCommit, newCommit, paths);
        } catch (IOException e) {
            throw new GitProblem("Could not diff " + oldCommit + " and " + newCommit + ": " + GitProblem.rootMessage(e), e);
        }
    }

    /** Removes a repository's mirror from disk. */
    public void delete(Repo repo) {
        forget(mirrorDir(repo));
        deleteQuietly(mirrorDir(repo));
    }

    /**
     * The mirror's one shared {@link Repository} (JGit's cache): a new one per request read the pack index of a
     * 20,000-file repository again on every file page. Closing it only releases this use; a fetch's new pack is
     * found by the shared instance when it first misses an object.
     */
    Repository open(Repo repo) throws IOException {
        Path dir = mirrorDir(repo);
        if (!Files.isDirectory(dir)) {
            throw new MirrorGone(repo.name);
        }
        try {
            return RepositoryCache.open(RepositoryCache.FileKey.exact(dir.toFile(), FS.DETECTED), true);
        } catch (org.eclipse.jgit.errors.RepositoryNotFoundException e) {
            // being deleted by a removal of the repository that is committing right now
            throw new MirrorGone(repo.name);
        }
    }

    /** Closes and forgets the shared instance of a mirror about to be deleted or cloned afresh. */
    private static void forget(Path dir) {
        RepositoryCache.FileKey key = RepositoryCache.FileKey.exact(dir.toFile(), FS.DETECTED);
        if (RepositoryCache.getRegisteredKeys().contains(key)) {
            try {
                RepositoryCache.close(RepositoryCache.open(key, false));
            } catch (IOException ignored) {
                // gone already: nothing is left open
            }
        }
    }

    /**
     * Deletes a mirror directory, tolerating files that vanish meanwhile: a failed clone in the sync worker and a
     * disconnect in a request may delete the same mirror at once, and a walk that met a file the other had just
     * removed threw out of the request.
     */
    static void deleteQuietly(Path dir) {
        try {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.IGNORE_ERRORS);
        } catch (IOException ignored) {
            // a leftover directory is re-cloned over on the next sync
        }
    }

}
