package dev.specboard.repo;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The files of a manifest, verified and indexed by path once per manifest: a manifest never changes after
 * the sync that wrote it, so a page or a thread action reads a short head row and looks its file up by
 * path instead of loading, re-hashing and parsing the whole manifest JSON on every request.
 */
@ApplicationScoped
public class ManifestFiles {

    /**
     * How many manifest entries stay parsed, all manifests together: an entry takes about 250 bytes (a 20,000-file
     * manifest about 5 MB), so this keeps the cache within about 15 MB of heap; the manifest read last always stays.
     */
    private static final int KEPT_ENTRIES = 60_000;

    /** What identifies a manifest version, without its (possibly large) data. */
    @RegisterForReflection
    public record Head(UUID id, int version, String commitSha) {
    }

    /** A manifest's files in path order, the same files by path, and its submodules in path order. */
    public record Files(List<ManifestEntry> sorted, Map<String, ManifestEntry> byPath, List<Submodule> submodules) {

        public Files(List<ManifestEntry> sorted, Map<String, ManifestEntry> byPath) {
            this(sorted, byPath, List.of());
        }

        /** The submodules whose path starts with {@code prefix} (a repository has few, so they are looked through). */
        public List<Submodule> submodulesUnder(String prefix) {
            return submodules.stream().filter(s -> s.path().startsWith(prefix)).toList();
        }

        public Optional<ManifestEntry> get(String path) {
            return Optional.ofNullable(byPath.get(path));
        }

        /**
         * The files whose path starts with {@code prefix}, in path order: one run of the sorted list, found by binary
         * search, so a folder of a large repository costs its own files rather than all of them.
         */
        public List<ManifestEntry> under(String prefix) {
            int from = start(prefix);
            int to = from;
            while (to < sorted.size() && sorted.get(to).path().startsWith(prefix)) {
                to++;
            }
            return sorted.subList(from, to);
        }

        /** The index of the first file whose path is not before {@code path}. */
        private int start(String path) {
            int low = 0;
            int high = sorted.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sorted.get(mid).path().compareTo(path) < 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    ManifestLinks links;

    /** Held while a manifest is read and parsed, so that it is parsed once however many requests want it. */
    private final Object loading = new Object();

    private final Map<UUID, Files> parsed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {

        private int entries;

        @Override
        public Files put(UUID id, Files files) {
            Files old = super.put(id, files);
            entries += files.sorted().size() - (old == null ? 0 : old.sorted().size());
            var eldest = entrySet().iterator();
            while (entries > KEPT_ENTRIES && size() > 1) {
                Files gone = eldest.next().getValue();
                eldest.remove();
                entries -= gone.sorted().size();
            }
            return old;
        }
    });

    /** The latest manifest's head, or empty when the repository was never synced. */
    public Optional<Head> latest(UUID repositoryId) {
        return em.createQuery("select new dev.specboard.repo.ManifestFiles$Head(m.id, m.version, m.commitSha) from ProjectManifest m"
                        + " where m.repositoryId = :repo order by m.version desc", Head.class)
                .setParameter("repo", repositoryId).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** The head of one manifest version, or empty when there is no such version. */
    public Optional<Head> version(UUID repositoryId, int version) {
        return em.createQuery("select new dev.specboard.repo.ManifestFiles$Head(m.id, m.version, m.commitSha) from ProjectManifest m"
                        + " where m.repositoryId = :repo and m.version = :version", Head.class)
                .setParameter("repo", repositoryId).setParameter("version", version).setMaxResults(1).getResultList().stream().findFirst();
    }

    /**
     * The manifest's files; the first read after a start loads the data and checks its integrity hash. Requests
     * that miss together wait for that one read: each parse of a 20,000-file manifest takes tens of megabytes
     * for a moment, and eight at once (a sync's search indexing and threads opened right after) ran a 256 MB
     * heap out of memory.
     */
    public Files files(Head head) {
        Files known = parsed.get(head.id());
        if (known != null) {
            return known;
        }
        synchronized (loading) {
            known = parsed.get(head.id());
            if (known != null) {
                return known;
            }
            // Its columns, not the entity: no managed copy held until the request ends, and no second, deep-copied
            // snapshot of the JSON that Hibernate would keep for dirty checking.
            Object[] row = em.createQuery("select m.data, m.hash, m.repositoryId from ProjectManifest m where m.id = :id", Object[].class)
                    .setParameter("id", head.id()).getSingleResult();
            ProjectManifest m = new ProjectManifest();
            m.version = head.version();
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) row[0];
            m.data = data;
            m.hash = (String) row[1];
            // files() checks the integrity hash: a manifest is trusted once, when first read after a start.
            // Written in path order (GitMirror); sorted again here, once, because under() relies on it.
            List<ManifestEntry> read = m.files();
            if (!ManifestLinks.marked(data)) {
                // Written before manifests kept links: marked once now, and stored so.
                read = links.mark(head.id(), (UUID) row[2], head.commitSha(), data, m.hash, read);
            }
            List<ManifestEntry> sorted = read.stream().sorted(Comparator.comparing(ManifestEntry::path)).toList();
            Files files = new Files(sorted, sorted.stream().collect(Collectors.toUnmodifiableMap(ManifestEntry::path, Function.identity(), (a, b) -> a)),
                    List.copyOf(m.submodules()));
            parsed.put(head.id(), files);
            return files;
        }
    }
}
