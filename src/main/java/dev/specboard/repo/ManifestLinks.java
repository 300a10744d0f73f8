package dev.specboard.repo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Marks the symbolic links of a manifest written before manifests kept them: such a manifest listed a link as a file whose
 * one line was its target. The commit's tree modes say which entries are links; they are read once, when the manifest is
 * first parsed, and the manifest is stored again marked, so no later read (nor a restart) walks the tree again.
 */
@ApplicationScoped
public class ManifestLinks {

    /** The key of a manifest's data that says its entries mark links (absent from those written before). */
    static final String MARKED = "linksMarked";

    private static final Logger LOG = Logger.getLogger(ManifestLinks.class);

    @Inject
    GitMirror mirror;

    @Inject
    EntityManager em;

    /** Whether the manifest's entries already say which files are links (written by a sync that kept them). */
    static boolean marked(Map<String, Object> data) {
        return Boolean.TRUE.equals(data.get(MARKED));
    }

    /**
     * The manifest's files with its links marked, stored so; the files as they are when the mirror cannot tell (gone, or
     * the commit lost), to be tried again the next time the manifest is parsed.
     */
    List<ManifestEntry> mark(UUID manifestId, UUID repositoryId, String commitSha, Map<String, Object> data, String hash,
                             List<ManifestEntry> files) {
        Map<String, ManifestEntry> links;
        try {
            Repo repo = em.find(Repo.class, repositoryId);
            if (repo == null) {
                return files;
            }
            links = links(repo, commitSha);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("The links of manifest %s are not known: %s", manifestId, e.getMessage());
            return files;
        }
        List<ManifestEntry> out = new ArrayList<>(files.size());
        for (ManifestEntry f : files) {
            ManifestEntry link = links.get(f.path());
            // Same path and blob: the entry is that link (a path the manifest wrote otherwise is left as it was).
            out.add(link != null && link.blobSha().equals(f.blobSha()) ? link : f);
        }
        Map<String, Object> marked = new LinkedHashMap<>(data);
        marked.put("files", out.stream().map(ManifestEntry::toJson).toList());
        marked.put(MARKED, true);
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                            "update ProjectManifest m set m.data = :data, m.hash = :hash where m.id = :id and m.hash = :old")
                    .setParameter("data", marked).setParameter("hash", ManifestHash.of(marked)).setParameter("id", manifestId)
                    .setParameter("old", hash).executeUpdate());
        } catch (RuntimeException e) {
            // Shown marked all the same; stored the next time the manifest is parsed.
            LOG.debugf("Manifest %s not stored with its links marked: %s", manifestId, e.getMessage());
        }
        return out;
    }

    /** The commit's symbolic links by path, described as a sync describes them; only these blobs are read. */
    private Map<String, ManifestEntry> links(Repo repo, String commitSha) throws IOException {
        Map<String, ManifestEntry> links = new HashMap<>();
        try (Repository r = mirror.open(repo); RevWalk walk = new RevWalk(r); ObjectReader reader = r.newObjectReader();
             TreeWalk tree = new TreeWalk(r, reader)) {
            tree.addTree(walk.parseCommit(ObjectId.fromString(commitSha)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if ((tree.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_SYMLINK) {
                    String path = GitNames.pathOf(tree.getRawPath());
                    links.put(path, BlobFacts.link(reader, path, tree.getObjectId(0)));
                }
            }
        }
        return links;
    }
}
