package dev.specboard.review;

import dev.specboard.project.Access;
import dev.specboard.repo.GitProblem;
import dev.specboard.repo.RefFiles;
import dev.specboard.repo.RefView;
import dev.specboard.repo.Repo;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the branch or commit ({@code ?ref=}) a page with review threads was read at on what its forms answer: the thread
 * swapped in, the form shown again, the file page a plain form goes back to.
 */
@ApplicationScoped
public class ThreadRefs {

    @Inject
    RefFiles refs;

    /** The context of a page read at the ref, as the page resolved it (null or blank: none); malformed 422, unknown 404. */
    ReviewContext page(ReviewContext ctx, Repo repo, String ref) {
        RefView at = refs.at(repo, ref, null, "");
        return at == null ? ctx : ctx.at(at, refs.manifestVersion(repo, at));
    }

    /** Where a thread of the project is shown: its repository's file pages, on the ref its form carried (see {@link #answer}). */
    ReviewContext of(Access access, CommentThread thread, String ref) {
        Repo repo = Repo.findById(thread.repositoryId);
        return answer(ReviewContext.of(access, repo.name), repo, ref, thread.filePath);
    }

    /**
     * The context of an answer about the file at the path, on the ref its form carried when the ref has that file. A ref
     * malformed, unknown since (a branch deleted in a sync), unreadable (its mirror gone) or without the file is dropped, not refused: the change is
     * made by then, and its answer leads to the file's latest version as it would without a ref.
     */
    ReviewContext answer(ReviewContext ctx, Repo repo, String ref, String path) {
        if (ref == null || ref.isBlank() || path == null || path.isBlank()) {
            return ctx;
        }
        try {
            RefView at = refs.at(repo, ref, null, path);
            return refs.holds(repo, at, path) ? ctx.at(at, refs.manifestVersion(repo, at)) : ctx;
        } catch (ApiException | GitProblem e) {
            return ctx;
        }
    }
}
