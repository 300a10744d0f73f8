package dev.specboard.repo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads folders and files of a repository's manifests (integrity-checked) and its mirror. */
@ApplicationScoped
public class FileBrowserService {

    /** Folder rows kept at most, all manifests together (a row takes about 200 bytes). */
    private static final int KEPT_FOLDER_ROWS = 50_000;

    /** One folder of one manifest. */
    private static final String MIRROR_LOST = "The mirror no longer has this file; sync the repository again.";

    private record Folder(UUID manifestId, String path) {
    }

    private final Cache<Folder, List<TreeRow>> folders = Caffeine.newBuilder()
            .maximumWeight(KEPT_FOLDER_ROWS).weigher((Folder f, List<TreeRow> rows) -> rows.size() + 1).build();

    @Inject
    GitMirror mirror;

    @Inject
    ManifestFiles manifests;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "specboard.files.max-view-bytes", defaultValue = "2097152")
    long maxViewBytes;

    @ConfigProperty(name = "specboard.files.max-view-lines", defaultValue = "20000")
    int maxViewLines;

    /** The latest manifest, or the given version; 404 when the repository has none (not synced yet). */
    public ManifestFiles.Head manifest(Repo repo, Integer version) {
        return (version == null ? manifests.latest(repo.id) : manifests.version(repo.id, version))
                .orElseThrow(() -> ApiException.notFound(version == null
                        ? "The repository " + repo.name + " has not been synced yet."
                        : "The repository " + repo.name + " has no manifest version " + version + "."));
    }

    /** The folder at the path: sub-folders first (with their file counts and sizes), then files, by name. */
    public TreeView tree(Repo repo, String rawPath, Integer version) {
        String path = RepoPath.of(rawPath).addressed();
        ManifestFiles.Head m = manifest(repo, version);
        // A manifest never changes, so neither does a folder of it: the root of a 20,000-file repository walked every
        // file on each view. An empty result throws (404) and so is not kept.
        List<TreeRow> items = folders.get(new Folder(m.id(), path), f -> items(repo, manifests.files(m), path));
        return new TreeView(m.id(), m.version(), m.commitSha(), isLatest(repo, m, version), path, crumbs(path), items);
    }

    /**
     * The folder at the path among the files of a commit that no manifest holds (read at a branch or commit, see
     * {@link RefFiles}): no manifest id or version, not the latest.
     */
    TreeView treeAt(Repo repo, String rawPath, String commitSha, ManifestFiles.Files all) {
        String path = RepoPath.of(rawPath).addressed();
        return new TreeView(null, 0, commitSha, false, path, crumbs(path), items(repo, all, path));
    }

    /** A file among the files of a commit that no manifest holds, with the same limits as a manifest's ({@link RefFiles}). */
    FileView fileAt(Repo repo, String rawPath, String commitSha, ManifestFiles.Files all) {
        return file(repo, new ManifestFiles.Head(null, 0, commitSha), all, RepoPath.of(rawPath).addressed(), false);
    }

    private List<TreeRow> items(Repo repo, ManifestFiles.Files all, String path) {
        String prefix = path.isEmpty() ? "" : path + "/";
        List<ManifestEntry> files = all.under(prefix);
        List<Submodule> submodules = all.submodulesUnder(prefix);
        if (files.isEmpty() && submodules.isEmpty() && !path.isEmpty()) {
            throw ApiException.notFound("No folder " + path + " in " + repo.name);
        }
        Map<String, long[]> dirs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<TreeRow> fileItems = new ArrayList<>();
        for (ManifestEntry f : files) {
            String rest = f.path().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                fileItems.add(TreeRow.file(rest, f));
            } else {
                long[] agg = dirs.computeIfAbsent(rest.substring(0, slash), k -> new long[2]);
                agg[0] += f.size();
                agg[1]++;
            }
        }
        // A submodule is a row of its own (its commit, no link: its files are in another repository); one deeper down
        // makes its folder a place, which a folder of nothing but a submodule would not otherwise be.
        for (Submodule sub : submodules) {
            String rest = sub.path().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                fileItems.add(TreeRow.submodule(rest, sub.path(), sub.commitSha()));
            } else {
                dirs.computeIfAbsent(rest.substring(0, slash), k -> new long[2]);
            }
        }
        List<TreeRow> items = new ArrayList<>();
        dirs.forEach((name, agg) -> items.add(new TreeRow(name, prefix + name, true, agg[0], null, null, null, (int) agg[1])));
        fileItems.sort(Comparator.comparing(TreeRow::name, String.CASE_INSENSITIVE_ORDER));
        items.addAll(fileItems);
        return List.copyOf(items);
    }

    /** The file at the path with its lines, or a notice when it is binary or too large to show. */
    public FileView file(Repo repo, String rawPath, Integer version) {
        String path = RepoPath.of(rawPath).addressed();
        ManifestFiles.Head m = manifest(repo, version);
        return file(repo, m, manifests.files(m), path, isLatest(repo, m, version));
    }

    /**
     * The latest version of a file of the project's repository named {@code repoName}: the repository and the head of
     * its latest manifest come in one statement (a file page's most common request).
     */
    public FileView latestFile(UUID projectId, String repoName, String rawPath) {
        String path = RepoPath.of(rawPath).addressed();
        Object[] row = em.createQuery("select r, m.id, m.version, m.commitSha from Repo r left join ProjectManifest m"
                        + " on m.repositoryId = r.id and m.version = (select max(x.version) from ProjectManifest x where x.repositoryId = r.id)"
                        + " where r.projectId = :project and r.name = :name", Object[].class)
                .setParameter("project", projectId).setParameter("name", repoName).setMaxResults(1)
                .getResultList().stream().findFirst().orElseThrow(() -> ApiException.notFound("No repository named " + repoName));
        Repo repo = (Repo) row[0];
        if (row[1] == null) {
            throw ApiException.notFound("The repository " + repo.name + " has not been synced yet.");
        }
        ManifestFiles.Head head = new ManifestFiles.Head((UUID) row[1], (Integer) row[2], (String) row[3]);
        return file(repo, head, manifests.files(head), path, true);
    }

    private FileView file(Repo repo, ManifestFiles.Head m, ManifestFiles.Files all, String path, boolean latest) {
        ManifestEntry entry = entry(repo, all, path);
        List<TreeView.CrumbRef> crumbs = crumbs(path);
        if (entry.symlink()) {
            // Its blob is the target's path, not lines: shown as code, it read as a one-line file one could comment on.
            return new FileView(repo, m.version(), m.commitSha(), latest, entry, crumbs, null,
                    "This is a symbolic link to " + GitNames.readable(entry.linkTarget()) + ".", FileView.Link.of(all, path, entry.linkTarget()));
        }
        if (entry.binary()) {
            return new FileView(repo, m.version(), m.commitSha(), latest, entry, crumbs, null,
                    "This is a binary file (" + humanSize(entry.size()) + "); it is not shown.", null);
        }
        if (entry.size() > maxViewBytes || (entry.lines() != null && entry.lines() > maxViewLines)) {
            return new FileView(repo, m.version(), m.commitSha(), latest, entry, crumbs, null,
                    "This file is too large to show here (" + humanSize(entry.size())
                            + (entry.lines() == null ? "" : ", " + entry.lines() + " lines")
                            + "); the limit is " + humanSize(maxViewBytes) + " or " + maxViewLines + " lines.", null);
        }
        FileContent content = new FileContent(() -> mirror.readBlob(repo, entry.blobSha())
                .orElseThrow(() -> ApiException.notFound(MIRROR_LOST)),
                entry.lines());
        return new FileView(repo, m.version(), m.commitSha(), latest, entry, crumbs, content, null, null);
    }

    /** A file of the manifest version (the latest when null) with its bytes exactly as committed, for download. */
    public RawFile raw(Repo repo, String rawPath, Integer version) {
        String path = RepoPath.of(rawPath).addressed();
        ManifestFiles.Head m = manifest(repo, version);
        return raw(repo, m, manifests.files(m), path);
    }

    /** A file's bytes among the files of a commit that no manifest holds ({@link RefFiles}). */
    RawFile rawAt(Repo repo, String rawPath, String commitSha, ManifestFiles.Files all) {
        return raw(repo, new ManifestFiles.Head(null, 0, commitSha), all, RepoPath.of(rawPath).addressed());
    }

    private RawFile raw(Repo repo, ManifestFiles.Head m, ManifestFiles.Files all, String path) {
        ManifestEntry entry = entry(repo, all, path);
        if (!mirror.hasBlob(repo, entry.blobSha())) {
            throw ApiException.notFound(MIRROR_LOST);
        }
        return new RawFile(entry, m.version(), m.commitSha(), out -> mirror.copyBlob(repo, entry.blobSha(), out));
    }

    private ManifestEntry entry(Repo repo, ManifestFiles.Files all, String path) {
        return all.get(path).orElseThrow(() -> ApiException.notFound("No file " + path + " in " + repo.name));
    }

    private boolean isLatest(Repo repo, ManifestFiles.Head m, Integer requested) {
        return requested == null || manifests.latest(repo.id).map(l -> l.version() == m.version()).orElse(true);
    }

    /** A blob's text: UTF-8, or Latin-1 when it is not valid UTF-8. */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Not UTF-8: Latin-1 shows every byte as some character instead of failing.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Lines without their terminators; a final newline does not make an extra empty line. */
    public static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(text.substring(start, end));
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    static List<TreeView.CrumbRef> crumbs(String path) {
        List<TreeView.CrumbRef> crumbs = new ArrayList<>();
        if (path.isEmpty()) {
            return crumbs;
        }
        StringBuilder sofar = new StringBuilder();
        for (String segment : path.split("/")) {
            if (sofar.length() > 0) {
                sofar.append('/');
            }
            sofar.append(segment);
            crumbs.add(new TreeView.CrumbRef(segment, sofar.toString()));
        }
        return crumbs;
    }

    public static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
