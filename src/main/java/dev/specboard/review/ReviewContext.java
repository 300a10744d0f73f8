package dev.specboard.review;

import dev.specboard.project.Access;

import java.util.UUID;

/** What a thread's markup needs to know about the page it is on and the person looking at it. */
public record ReviewContext(String slug, String repoName, boolean canComment, UUID accountId) {

    public static ReviewContext of(Access access, String repoName) {
        return new ReviewContext(access.slug(), repoName, access.isReviewer(), access.accountId());
    }

    public boolean owns(CommentView c) {
        return canComment && accountId != null && accountId.equals(c.authorId()) && !c.isAi();
    }

    public String repoUrl() {
        return "/projects/" + slug + "/repos/" + repoName;
    }

    public String threadUrl(ThreadView t) {
        return "/projects/" + slug + "/threads/" + t.id();
    }

    public String commentUrl(CommentView c) {
        return "/projects/" + slug + "/comments/" + c.id();
    }
}
