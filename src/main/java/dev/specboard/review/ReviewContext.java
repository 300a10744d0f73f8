package dev.specboard.review;

import dev.specboard.project.Access;
import dev.specboard.web.PathExtensions;

import java.net.URI;
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

    /**
     * The file page of a path at an anchor, for redirects: each segment is percent-encoded as in the pages' links
     * ({@link PathExtensions#pathEncoded}), since a file name may hold a space, brackets, a bar or a percent sign that
     * URI.create refuses or would read as an escape.
     */
    public URI fileLocation(String path, String anchor) {
        String url = repoUrl() + "/blob/" + PathExtensions.pathEncoded(path);
        return URI.create(anchor == null ? url : url + "#" + anchor);
    }

    /**
     * Where a thread's title leads: an open thread's lines in the latest version; an outdated or resolved one's in the
     * version it was last anchored in ({@code ?v=}), since the latest may have other lines there or no such file at all
     * (deleted in a later sync: the title answered 404).
     */
    public String threadFileUrl(ThreadView t) {
        String url = repoUrl() + "/blob/" + PathExtensions.pathEncoded(t.filePath());
        return (t.isOpen() ? url : url + "?v=" + t.manifestVersion()) + "#" + t.anchor();
    }

    public String threadUrl(ThreadView t) {
        return "/projects/" + slug + "/threads/" + t.id();
    }

    public String commentUrl(CommentView c) {
        return "/projects/" + slug + "/comments/" + c.id();
    }
}
