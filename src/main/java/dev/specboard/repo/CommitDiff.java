package dev.specboard.repo;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What happened to given files between two commits of a mirror: JGit's histogram line diff, with renames detected. */
final class CommitDiff {

    private CommitDiff() {
    }

    /** The change of each of these paths (by their old path) from one commit to the other; paths that did not change are left out. */
    static Map<String, FileChange> changes(Repository r, String oldCommit, String newCommit, Set<String> paths) throws IOException {
        Map<String, FileChange> out = new HashMap<>();
        try (RevWalk walk = new RevWalk(r); DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(r);
            diff.setDiffAlgorithm(DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM));
            diff.setDiffComparator(RawTextComparator.DEFAULT);
            RevCommit a = walk.parseCommit(ObjectId.fromString(oldCommit));
            RevCommit b = walk.parseCommit(ObjectId.fromString(newCommit));
            for (DiffEntry entry : scan(r, a, b)) {
                String oldPath = entry.getOldPath();
                if (entry.getChangeType() == DiffEntry.ChangeType.ADD || entry.getChangeType() == DiffEntry.ChangeType.COPY
                        || !paths.contains(oldPath)) {
                    continue;
                }
                if (entry.getChangeType() == DiffEntry.ChangeType.DELETE) {
                    out.put(oldPath, FileChange.deleted(oldPath));
                    continue;
                }
                FileHeader header = diff.toFileHeader(entry);
                boolean text = header.getPatchType() == FileHeader.PatchType.UNIFIED;
                List<LineEdit> edits = new ArrayList<>();
                for (Edit e : header.toEditList()) {
                    edits.add(new LineEdit(e.getBeginA(), e.getEndA(), e.getBeginB(), e.getEndB()));
                }
                out.put(oldPath, new FileChange(oldPath, entry.getNewPath(), text, edits));
            }
            return out;
        }
    }

    /**
     * The files that differ between the trees, renames paired, each named as the manifest and so a thread names it
     * ({@link GitNames}): JGit's own scan decodes a name that is no UTF-8 as Latin-1, a name no thread has, and a thread
     * on such a file never followed its changes.
     */
    private static List<DiffEntry> scan(Repository r, RevCommit a, RevCommit b) throws IOException {
        try (ObjectReader reader = r.newObjectReader(); TreeWalk walk = new ManifestNamedWalk(r, reader)) {
            walk.addTree(a.getTree());
            walk.addTree(b.getTree());
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            RenameDetector renames = new RenameDetector(reader, r.getConfig().get(DiffConfig.KEY));
            renames.addAll(DiffEntry.scan(walk));
            return renames.compute();
        }
    }

    /** A tree walk whose path names are the manifest's ({@link GitNames}), which {@link DiffEntry#scan} takes. */
    private static final class ManifestNamedWalk extends TreeWalk {

        ManifestNamedWalk(Repository r, ObjectReader reader) {
            super(r, reader);
        }

        @Override
        public String getPathString() {
            return GitNames.pathOf(getRawPath());
        }
    }
}
