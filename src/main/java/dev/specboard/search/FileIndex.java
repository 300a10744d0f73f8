package dev.specboard.search;

import dev.specboard.web.DatabaseOutage;
import dev.specboard.repo.FileBrowserService;
import dev.specboard.repo.GitMirror;
import dev.specboard.repo.ManifestCreated;
import dev.specboard.repo.ManifestEntry;
import dev.specboard.repo.ManifestFiles;
import dev.specboard.repo.Repo;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps {@code file_texts} equal to the files of each repository's latest manifest: after a sync
 * writes a manifest it reads only the blobs whose SHA changed (and drops the files that are gone), off
 * the sync's transaction; a scheduled pass catches up repositories whose index is behind (a new
 * installation, a crash). Binary and very large files are indexed by path only.
 */
@ApplicationScoped
public class FileIndex {

    private static final Logger LOG = Logger.getLogger(FileIndex.class);
    /** Text beyond this many characters of a file is not indexed (a tsvector holds at most 1 MB). */
    static final int MAX_CHARS = 200_000;
    static final long MAX_BLOB_BYTES = 2L * 1024 * 1024;
    static final int CHUNK = 200;

    @Inject
    ManifestFiles manifests;

    @Inject
    EntityManager em;

    @Inject
    GitMirror mirror;

    @Inject
    ManagedExecutor executor;

    void onManifest(@Observes(during = TransactionPhase.AFTER_SUCCESS) ManifestCreated event) {
        executor.runAsync(() -> safely(event.repoId()));
    }

    @Scheduled(every = "60s", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void catchUp() {
        @SuppressWarnings("unchecked")
        List<UUID> behind = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT m.repository_id FROM (SELECT repository_id, max(version) AS version FROM project_manifests GROUP BY repository_id) m
                LEFT JOIN file_text_indexes i ON i.repository_id = m.repository_id
                WHERE i.manifest_version IS NULL OR i.manifest_version < m.version LIMIT 20""").getResultList());
        behind.forEach(this::safely);
    }

    void safely(UUID repoId) {
        try {
            index(repoId);
        } catch (RuntimeException e) {
            if (removed(repoId)) {
                // A lead removed the repository while its files were indexed: nothing is left to index or to warn about.
                LOG.debugf("Repository %s was removed while its files were indexed", repoId);
                return;
            }
            DatabaseOutage.warn(LOG, "indexing the files of repository " + repoId + " (the next pass tries again)", e);
        }
    }

    private boolean removed(UUID repoId) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> Repo.findById(repoId) == null);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private record Snapshot(Repo repo, int version, List<ManifestEntry> files, Map<String, String> indexed) {
    }

    /** Brings the repository's indexed files to its latest manifest; answers how many files it read. */
    public int index(UUID repoId) {
        Snapshot s = QuarkusTransaction.requiringNew().call(() -> {
            Repo repo = Repo.findById(repoId);
            if (repo == null) {
                return null;
            }
            em.detach(repo);
            ManifestFiles.Head m = manifests.latest(repoId).orElse(null);
            if (m == null) {
                return null;
            }
            Map<String, String> indexed = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT path, blob_sha FROM file_texts WHERE repository_id = ?1")
                    .setParameter(1, repoId).getResultList();
            rows.forEach(r -> indexed.put((String) r[0], (String) r[1]));
            return new Snapshot(repo, m.version(), manifests.files(m).sorted(), indexed);
        });
        if (s == null) {
            return 0;
        }
        List<ManifestEntry> changed = s.files().stream().filter(f -> !f.blobSha().equals(s.indexed().get(f.path()))).toList();
        Path dir = mirror.mirrorDir(s.repo());
        if (!changed.isEmpty()) {
            try (Repository git = Files.isDirectory(dir) ? new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build() : null;
                 ObjectReader reader = git == null ? null : git.newObjectReader()) {
                for (int from = 0; from < changed.size(); from += CHUNK) {
                    List<ManifestEntry> chunk = changed.subList(from, Math.min(changed.size(), from + CHUNK));
                    List<String> texts = new ArrayList<>(chunk.size());
                    for (ManifestEntry f : chunk) {
                        texts.add(reader == null ? null : text(reader, f));
                    }
                    try {
                        QuarkusTransaction.requiringNew().run(() -> write(s, chunk, texts, true));
                    } catch (RuntimeException e) {
                        // PostgreSQL refused some text (a tsvector over 1 MB, say): keep these files findable by path.
                        LOG.debugf("Indexing text of %s failed (%s); indexing the paths only", s.repo().name, e.getMessage());
                        QuarkusTransaction.requiringNew().run(() -> write(s, chunk, texts, false));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Could not open the mirror of " + s.repo().name, e);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            String[] paths = s.files().stream().map(ManifestEntry::path).toArray(String[]::new);
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM file_texts WHERE repository_id = ? AND NOT (path = ANY (?))")) {
                    del.setObject(1, s.repo().id);
                    del.setArray(2, c.createArrayOf("text", paths));
                    del.executeUpdate();
                }
                try (PreparedStatement done = c.prepareStatement("""
                        INSERT INTO file_text_indexes (repository_id, project_id, manifest_version, files, indexed_at) VALUES (?, ?, ?, ?, now())
                        ON CONFLICT (repository_id) DO UPDATE SET manifest_version = excluded.manifest_version, files = excluded.files,
                        indexed_at = now() WHERE file_text_indexes.manifest_version <= excluded.manifest_version""")) {
                    done.setObject(1, s.repo().id);
                    done.setObject(2, s.repo().projectId);
                    done.setInt(3, s.version());
                    done.setInt(4, paths.length);
                    done.executeUpdate();
                }
            });
        });
        return changed.size();
    }

    /** Upserts a chunk in one batch. */
    private void write(Snapshot s, List<ManifestEntry> chunk, List<String> texts, boolean withText) {
        em.unwrap(Session.class).doWork(c -> upsert(c, s, chunk, texts, withText));
    }

    private static void upsert(Connection c, Snapshot s, List<ManifestEntry> chunk, List<String> texts, boolean withText) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO file_texts (repository_id, project_id, path, blob_sha, content, manifest_version) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (repository_id, path) DO UPDATE SET blob_sha = excluded.blob_sha, content = excluded.content,
                manifest_version = excluded.manifest_version WHERE file_texts.manifest_version <= excluded.manifest_version""")) {
            for (int i = 0; i < chunk.size(); i++) {
                ps.setObject(1, s.repo().id);
                ps.setObject(2, s.repo().projectId);
                ps.setString(3, chunk.get(i).path());
                ps.setString(4, chunk.get(i).blobSha());
                ps.setString(5, withText ? texts.get(i) : null);
                ps.setInt(6, s.version());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The text of a blob to index, or null when it is binary, too large or missing. */
    private static String text(ObjectReader reader, ManifestEntry f) {
        if (f.binary() || f.size() > MAX_BLOB_BYTES) {
            return null;
        }
        try {
            ObjectLoader loader = reader.open(ObjectId.fromString(f.blobSha()), Constants.OBJ_BLOB);
            byte[] bytes = loader.getCachedBytes((int) MAX_BLOB_BYTES);
            if (RawText.isBinary(bytes)) {
                return null;
            }
            String text = FileBrowserService.decode(bytes).replace("\u0000", "");
            return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
