package dev.specboard.repo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads folders and files at a branch or commit of a repository's mirror, as of its last sync: an agent that pushed to
 * its task branch reads back what it pushed, where manifests hold only the default branch. Files are described as a
 * sync describes them (size, lines, binary) and shown with the same limits; a ref naming the latest manifest's commit
 * reads that manifest. The API, the MCP tools and the file browser's pages and downloads all read a ref here.
 */
@ApplicationScoped
public class RefFiles {

    /** Files kept described, all commits together (as many as the manifests' cache keeps). */
    private static final int KEPT_ENTRIES = 60_000;

    private record Commit(UUID repoId, String sha) {
    }

    /** A commit never changes, so neither do its files: kept by commit, not by the branch that names it now. */
    private final Cache<Commit, ManifestFiles.Files> commits = Caffeine.newBuilder()
            .maximumWeight(KEPT_ENTRIES).weigher((Commit c, ManifestFiles.Files f) -> f.sorted().size() + 1).build();

    @Inject
    GitMirror mirror;

    @Inject
    ManifestFiles manifests;

    @Inject
    FileBrowserService files;

    /** The folder at the path at the ref (a branch or commit SHA); the latest manifest's when no ref is given. */
    public TreeView tree(Repo repo, String path, String ref) {
        String r = RefName.check(ref);
        return r == null ? files.tree(repo, path, null) : treeOf(repo, path, commit(repo, r));
    }

    /** The file at the path at the ref (a branch or commit SHA); the latest manifest's when no ref is given. */
    public FileView file(Repo repo, String path, String ref) {
        String r = RefName.check(ref);
        return r == null ? files.file(repo, path, null) : fileOf(repo, path, commit(repo, r));
    }

    /**
     * A file's bytes at the ref, or of the manifest version (the latest when both are null); a ref with a version is
     * 422, as the two name different things.
     */
    public RawFile raw(Repo repo, String path, Integer version, String ref) {
        String r = RefName.check(ref);
        if (r == null) {
            return files.raw(repo, path, version);
        }
        refuseWith(version);
        String commit = commit(repo, r);
        return latestIs(repo, commit) ? files.raw(repo, path, null) : files.rawAt(repo, path, commit, filesOf(repo, commit));
    }

    /**
     * What a file browser page at the ref shows it is (see {@link #treeAt}); null when no ref is
     * given. Malformed, or given with a manifest version: 422 naming {@code ref}; unknown: 404 saying to push and sync.
     */
    public RefView at(Repo repo, String ref, Integer version, String path) {
        String r = RefName.check(ref);
        if (r == null) {
            return null;
        }
        refuseWith(version);
        String commit = commit(repo, r);
        // The mirror looks for a branch first: a ref that starts its own commit's SHA names that commit.
        boolean branch = !(RefName.isSha(r) && commit.startsWith(r.toLowerCase(Locale.ROOT)));
        return new RefView(r, commit, branch, onDefault(repo, RepoPath.of(path).addressed()));
    }

    /** The folder at the ref a page resolved ({@link #at}). */
    public TreeView treeAt(Repo repo, String path, RefView at) {
        return treeOf(repo, path, at.commitSha());
    }

    /** The file at the ref a page resolved ({@link #at}). */
    public FileView fileAt(Repo repo, String path, RefView at) {
        return fileOf(repo, path, at.commitSha());
    }

    /** The version of the manifest the ref a page resolved reads: the latest one's when it names that commit, else 0 (none holds it). */
    public int manifestVersion(Repo repo, RefView at) {
        return manifests.latest(repo.id).filter(m -> m.commitSha().equals(at.commitSha())).map(ManifestFiles.Head::version).orElse(0);
    }

    /** Whether the ref a page resolved has a file at the path (a link to it there is not a 404). */
    public boolean holds(Repo repo, RefView at, String path) {
        String p = RepoPath.of(path).addressed();
        Optional<ManifestFiles.Head> latest = manifests.latest(repo.id).filter(m -> m.commitSha().equals(at.commitSha()));
        return (latest.isPresent() ? manifests.files(latest.get()) : filesOf(repo, at.commitSha())).get(p).isPresent();
    }

    private TreeView treeOf(Repo repo, String path, String commit) {
        return latestIs(repo, commit) ? files.tree(repo, path, null) : files.treeAt(repo, path, commit, filesOf(repo, commit));
    }

    private FileView fileOf(Repo repo, String path, String commit) {
        return latestIs(repo, commit) ? files.file(repo, path, null) : files.fileAt(repo, path, commit, filesOf(repo, commit));
    }

    private static void refuseWith(Integer version) {
        if (version != null) {
            throw ValidationException.of("ref", "Give a branch or commit (ref) or a manifest version (v), not both");
        }
    }

    private String commit(Repo repo, String ref) {
        return mirror.commitOf(repo, ref).orElseThrow(() -> ApiException.notFound("No branch or commit " + ref + " in " + repo.name
                + " as of its last sync: push it, then sync the repository (a sync fetches every branch)"));
    }

    private boolean latestIs(Repo repo, String commit) {
        return manifests.latest(repo.id).map(m -> m.commitSha().equals(commit)).orElse(false);
    }

    /** Whether the file or folder is in the latest manifest too (the root always is). */
    private boolean onDefault(Repo repo, String path) {
        if (path.isEmpty()) {
            return true;
        }
        return manifests.latest(repo.id).map(manifests::files).map(f -> f.get(path).isPresent() || !f.under(path + "/").isEmpty()
                || !f.submodulesUnder(path + "/").isEmpty()).orElse(false);
    }

    /** The commit's files; blobs the latest manifest describes are not read again, so a task branch costs what it changed. */
    private ManifestFiles.Files filesOf(Repo repo, String commit) {
        return commits.get(new Commit(repo.id, commit), c -> {
            Map<String, ManifestEntry> known = new HashMap<>();
            manifests.latest(repo.id).ifPresent(m -> manifests.files(m).sorted().forEach(e -> known.putIfAbsent(e.blobSha(), e)));
            GitMirror.Listing listing;
            try {
                listing = mirror.listFiles(repo, commit, known, GitMirror.Progress.NONE);
            } catch (TooManyFiles e) {
                // The heap would not hold this commit's files either: refused as its sync would be, not a 500.
                throw ApiException.conflict(e.getMessage());
            }
            List<ManifestEntry> sorted = listing.files();
            return new ManifestFiles.Files(sorted, sorted.stream().collect(Collectors.toUnmodifiableMap(ManifestEntry::path,
                    Function.identity(), (a, b) -> a)), List.copyOf(listing.submodules()));
        });
    }
}
