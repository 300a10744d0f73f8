package dev.specboard.repo;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
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
            diff.setDetectRenames(true);
            RevCommit a = walk.parseCommit(ObjectId.fromString(oldCommit));
            RevCommit b = walk.parseCommit(ObjectId.fromString(newCommit));
            for (DiffEntry entry : diff.scan(a.getTree(), b.getTree())) {
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
}
