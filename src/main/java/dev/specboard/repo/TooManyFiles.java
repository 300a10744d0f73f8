package dev.specboard.repo;

import java.util.Locale;

/** A commit has more files than a listing may hold ({@code specboard.repos.max-files}): the heap would not hold them all. */
public final class TooManyFiles extends GitProblem {

    TooManyFiles(int max) {
        super(String.format(Locale.ROOT, "This repository has more than %,d files; Specboard syncs at most %,d. "
                + "Keep generated or vendored files out of the branch, or ask the server's administrator to raise "
                + "SPECBOARD_REPOS_MAX_FILES (and the memory with it).", max, max));
    }
}
