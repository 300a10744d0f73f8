package dev.specboard.assist;

import dev.specboard.repo.RepoPath;
import dev.specboard.repo.GitMirror;
import dev.specboard.repo.ManifestEntry;
import dev.specboard.repo.ManifestFiles;
import dev.specboard.repo.Repo;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The files a job works on: a repository at its latest synced manifest, narrowed to a file or a folder, read from the mirror. */
@ApplicationScoped
public class ScopeFiles {

    /** Larger files are left out of outlines and renames. */
    static final long MAX_BYTES = 1_000_000;

    @Inject
    GitMirror mirror;

    @Inject
    ManifestFiles manifests;

    @Inject
    EntityManager em;

    /** A repository (detached) at its latest manifest, with that manifest's files. */
    public record Snapshot(Repo repo, int manifestVersion, String commitSha, List<ManifestEntry> files) {

        /** The file at the path, or every file below the folder ("" is the whole repository). */
        public List<ManifestEntry> under(String path) {
            String p = path == null ? "" : path;
            if (p.isEmpty()) {
                return files;
            }
            return files.stream().filter(f -> f.path().equals(p) || f.path().startsWith(p + "/")).toList();
        }

        public Optional<ManifestEntry> file(String path) {
            return files.stream().filter(f -> f.path().equals(path)).findFirst();
        }

        public boolean isFile(String path) {
            return file(path).isPresent();
        }
    }

    /** The repository by name (or the project's only one when no name is given), or 404/422. */
    public Repo repo(UUID projectId, String name) {
        if (name == null || name.isBlank()) {
            List<Repo> repos = Repo.listByProject(projectId);
            if (repos.size() == 1) {
                return repos.get(0);
            }
            throw dev.specboard.web.ValidationException.of("repo", repos.isEmpty()
                    ? "This project has no repository yet" : "Name the repository (the project has " + repos.size() + ")");
        }
        return Repo.findByName(projectId, name.trim()).orElseThrow(() -> ApiException.notFound("No repository named " + name));
    }

    /**
     * Inside a transaction: the repository at its latest manifest (integrity-checked); 422 on {@code repo} when it was
     * never synced (a 404 read as "no such repository" though it is there).
     */
    public Snapshot snapshot(Repo repo) {
        ManifestFiles.Head m = manifests.latest(repo.id)
                .orElseThrow(() -> dev.specboard.web.ValidationException.of("repo", "Nothing to read yet: " + repo.name
                        + " has not been synced. Sync it under Code first."));
        // Read as the file browser reads it: parsed once, and a manifest older than links marked has them marked.
        List<ManifestEntry> files = manifests.files(m).sorted();
        em.detach(repo);
        return new Snapshot(repo, m.version(), m.commitSha(), files);
    }

    /**
     * A folder or file path as typed (slashes trimmed), or 422 naming {@code path} when it leaves the tree: here it is a
     * parameter of a request, not the address of a page (where such a path is 404), and an unknown path is 422 too.
     */
    static String clean(String path) {
        try {
            return RepoPath.of(path).addressed();
        } catch (ApiException e) {
            throw dev.specboard.web.ValidationException.of("path", "Not a path inside the repository");
        }
    }

    /** The file's text when it is a UTF-8 text file of reasonable size; empty for binary, large or undecodable files. */
    public Optional<String> text(Repo repo, ManifestEntry entry) {
        if (entry.binary() || entry.size() > MAX_BYTES) {
            return Optional.empty();
        }
        return mirror.readBlob(repo, entry.blobSha()).flatMap(ScopeFiles::utf8);
    }

    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
