package dev.specboard.assist;

import dev.specboard.kernel.HeavyWork;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much one refactor may propose and how many proposals this instance builds at once: a proposal is held whole in
 * memory while it is made and stored (one JSON value), and a rename of a common word across a large repository ran the
 * heap out and took the server down with it.
 */
@ApplicationScoped
public class RefactorLimits {

    @ConfigProperty(name = "specboard.refactor.max-files", defaultValue = "500")
    int maxFiles;

    @ConfigProperty(name = "specboard.refactor.max-occurrences", defaultValue = "5000")
    int maxOccurrences;

    @ConfigProperty(name = "specboard.refactor.max-diff-bytes", defaultValue = "2M")
    MemorySize maxDiffBytes;

    private HeavyWork proposals;

    @PostConstruct
    void init() {
        // No wait limit: a queued refactor has no reader to answer busy, it waits its turn as long as it is wanted.
        proposals = HeavyWork.configured("refactor proposals", "specboard.refactor.at-once", 2);
    }

    /** The turns of proposals being built (a test reads them). */
    HeavyWork proposals() {
        return proposals;
    }

    /**
     * Waits for a turn among the proposals being built, telling the job it waits; a cancel stops the wait (the lease
     * stays renewed by the worker's heartbeat). A refactor cancelled or deleted while it waited does not run once its turn
     * comes: the turn is handed back unused.
     */
    HeavyWork.Turn turn(JobContext job) {
        // The check once the turn comes also clears the waiting detail.
        return proposals.turnWhileWanted(() -> job.detail("Waiting for another refactor to finish"), job::stillWanted);
    }

    Tally tally(Renamer.Request req) {
        return new Tally(req);
    }

    /** What a proposal holds so far, counted as files are read; past a limit the job fails before reading further. */
    final class Tally {
        private final Renamer.Request req;
        private int files;
        private int occurrences;
        private long bytes;

        private Tally(Renamer.Request req) {
            this.req = req;
        }

        /** Counts a file about to be proposed with this many occurrences (before its occurrences and diff are made). */
        void file(String path, int spots) {
            files++;
            occurrences += spots;
            if (files > maxFiles) {
                throw tooMuch("touches more than " + String.format("%,d", maxFiles) + " files", path);
            }
            if (occurrences > maxOccurrences) {
                throw tooMuch("has more than " + String.format("%,d", maxOccurrences) + " occurrences", path);
            }
        }

        /** Counts the stored size of a file's diff and occurrences. */
        void bytes(String path, long n) {
            bytes += n;
            if (bytes > maxDiffBytes.asLongValue()) {
                throw tooMuch("makes more than " + size(maxDiffBytes.asLongValue()) + " of diffs", path);
            }
        }

        private JobProblem tooMuch(String what, String path) {
            String narrow = req.path().isEmpty() ? "a folder or file (path)" : "a folder or file narrower than " + req.path();
            return new JobProblem("This rename of " + req.symbol() + " " + what + " (stopped at " + path + "); Specboard proposes at most "
                    + String.format("%,d", maxFiles) + " files, " + String.format("%,d", maxOccurrences) + " occurrences and "
                    + size(maxDiffBytes.asLongValue()) + " of diffs in one refactor. Narrow it with " + narrow
                    + (req.includeStringsAndComments() ? ", or leave strings, comments and prose out," : "")
                    + " or rename in your editor.");
        }
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KB" : String.format("%,d", bytes) + " bytes";
    }
}
