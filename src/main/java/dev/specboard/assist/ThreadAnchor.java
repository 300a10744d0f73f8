package dev.specboard.assist;

import dev.specboard.repo.Repo;
import dev.specboard.review.CommentThread;
import dev.specboard.web.FormErrors;
import dev.specboard.web.ValidationException;

/**
 * An explanation asked on a review thread explains the thread's lines: a repository, path or lines given beside the thread
 * must be the thread's, or the thread got an answer about other lines (README.md line 1 on a thread on src/Main.java 4–6).
 */
final class ThreadAnchor {

    private ThreadAnchor() {
    }

    /** 422 naming each parameter that disagrees with the thread, and {@code threadId}; those left out are the thread's. */
    static void refuseOthers(CommentThread thread, Repo repo, String repoName, String rawPath, Integer lineStart, Integer lineEnd) {
        String anchor = thread.filePath + " lines " + thread.lineStart + "–" + thread.lineEnd + " in " + repo.name;
        FormErrors errors = FormErrors.none();
        if (repoName != null && !repoName.isBlank() && !repoName.trim().equals(repo.name)) {
            errors.add("repo", "The thread is in the repository " + repo.name + "; leave repo out or give " + repo.name);
        }
        if (rawPath != null && !rawPath.isBlank() && !ScopeFiles.clean(rawPath).equals(thread.filePath)) {
            errors.add("path", "The thread is on " + thread.filePath + "; leave path out or give " + thread.filePath);
        }
        if (lineStart != null && lineStart != thread.lineStart) {
            errors.add("lineStart", "The thread starts at line " + thread.lineStart + "; leave lineStart out or give " + thread.lineStart);
        }
        if (lineEnd != null && lineEnd != thread.lineEnd) {
            errors.add("lineEnd", "The thread ends at line " + thread.lineEnd + "; leave lineEnd out or give " + thread.lineEnd);
        }
        if (errors.any()) {
            errors.add("threadId", "The thread is on " + anchor + ": an explanation on it explains those lines");
            throw new ValidationException(errors);
        }
    }
}
