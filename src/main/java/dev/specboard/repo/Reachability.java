package dev.specboard.repo;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which commits a mirror holds and which of them a head contains, found in one revision walk. */
final class Reachability {

    private static final int CLOCK_SKEW_SECONDS = 24 * 3600;

    private Reachability() {
    }

    /**
     * Adds to {@code found} those of the commits that are the head commit (a SHA or ref) or its ancestors, walking
     * down from the head: it stops once every commit is found, or once it has gone a day further back than the oldest
     * one still missing (clocks may be somewhat wrong, not by a day). Commits the mirror does not have are left out.
     * It adds as it goes, so that a walk that fails halfway still answers what it found.
     */
    static void collect(Repository r, String head, Collection<String> commits, Set<String> found) throws IOException {
        try (RevWalk walk = new RevWalk(r)) {
            ObjectId tip = r.resolve(head + "^{commit}");
            if (tip == null) {
                return;
            }
            Map<RevCommit, List<String>> wanted = new HashMap<>();
            for (String sha : commits) {
                commit(r, walk, sha).ifPresent(c -> wanted.computeIfAbsent(c, k -> new ArrayList<>()).add(sha));
            }
            if (wanted.isEmpty()) {
                return;
            }
            walk.markStart(walk.parseCommit(tip));
            Set<RevCommit> missing = new HashSet<>(wanted.keySet());
            long cutoff = oldest(missing) - CLOCK_SKEW_SECONDS;
            for (RevCommit c = walk.next(); c != null && !missing.isEmpty(); c = walk.next()) {
                if (missing.remove(c)) {
                    found.addAll(wanted.get(c));
                    cutoff = oldest(missing) - CLOCK_SKEW_SECONDS;
                } else if (c.getCommitTime() < cutoff) {
                    break;
                }
            }
        }
    }

    /**
     * Whether the mirror holds this commit on a branch or tag: a commit that a force-push left behind is still an object
     * in the mirror until it is pruned, but no branch contains it, so it no longer counts.
     */
    static boolean has(Repository r, String sha) {
        try (RevWalk walk = new RevWalk(r)) {
            Optional<RevCommit> c = commit(r, walk, sha);
            return c.isPresent() && onARef(r, walk, c.get());
        }
    }

    private static boolean onARef(Repository r, RevWalk walk, RevCommit c) {
        try {
            for (Ref ref : r.getRefDatabase().getRefs()) {
                Ref peeled = r.getRefDatabase().peel(ref);
                ObjectId tip = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
                if (tip == null) {
                    continue;
                }
                RevCommit head;
                try {
                    head = walk.parseCommit(tip);
                } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException notACommit) {
                    continue; // a tag of a tree or blob
                }
                if (walk.isMergedInto(c, head)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The commit a (possibly abbreviated) SHA names in the mirror, if it has it. */
    private static Optional<RevCommit> commit(Repository r, RevWalk walk, String sha) {
        if (sha == null || !sha.matches("[0-9a-fA-F]{4,64}")) {
            return Optional.empty();
        }
        try {
            ObjectId id = r.resolve(sha + "^{commit}");
            return id == null ? Optional.empty() : Optional.of(walk.parseCommit(id));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long oldest(Set<RevCommit> commits) {
        return commits.stream().mapToLong(RevCommit::getCommitTime).min().orElse(0);
    }
}
