package dev.specboard.review;

import dev.specboard.project.Access;
import dev.specboard.repo.RefView;
import dev.specboard.web.PathExtensions;

import java.net.URI;
import java.util.UUID;

/**
 * What a thread's markup needs to know about the page it is on and the person looking at it. On a page read at a branch or
 * commit ({@code ?ref=}), {@code ref} is that ref, whose query keeps a link, a form and its answer on it, and
 * {@code refManifestVersion} the manifest the ref reads (the latest one's version when the ref names its commit, else 0: no
 * manifest holds it).
 */
public record ReviewContext(String slug, String repoName, boolean canComment, UUID accountId, RefView ref, int refManifestVersion) {

    public static ReviewContext of(Access access, String repoName) {
        return new ReviewContext(access.slug(), repoName, access.isReviewer(), access.accountId(), null, 0);
    }

    /** The context of a page read at the ref ({@code at}, null for none), whose file is of that manifest version (0: none). */
    public ReviewContext at(RefView at, int manifestVersion) {
        return at == null ? this : new ReviewContext(slug, repoName, canComment, accountId, at, manifestVersion);
    }

    /** The query a form's address or a link carries to stay on the ref: empty on none. */
    public String kept() {
        return ref == null ? "" : ref.query();
    }

    /** The same after another parameter ({@code &ref=main}): empty on none. */
    public String keptAfter() {
        return ref == null ? "" : "&" + ref.param();
    }

    public boolean owns(CommentView c) {
        return canComment && accountId != null && accountId.equals(c.authorId()) && !c.isAi();
    }

    public String repoUrl() {
        return "/projects/" + slug + "/repos/" + repoName;
    }

    /**
     * The file page of a path at an anchor (on the page's ref, if any), for redirects: each segment is percent-encoded as in the pages' links
     * ({@link PathExtensions#pathEncoded}), since a file name may hold a space, brackets, a bar or a percent sign that
     * URI.create refuses or would read as an escape.
     */
    public URI fileLocation(String path, String anchor) {
        String url = repoUrl() + "/blob/" + PathExtensions.pathEncoded(path) + kept();
        return URI.create(anchor == null ? url : url + "#" + anchor);
    }

    /**
     * Where a thread's title leads: an open thread's lines in the latest version; an outdated or resolved one's in the
     * version it was last anchored in ({@code ?v=}), since the latest may have other lines there or no such file at all
     * (deleted in a later sync: the title answered 404). On a page read at a ref, a thread whose lines are in the manifest
     * that ref reads stays on the ref; any other thread's lines are not at the ref (its lines there may be others), so its
     * title leads to the version they are in.
     */
    public String threadFileUrl(ThreadView t) {
        String url = repoUrl() + "/blob/" + PathExtensions.pathEncoded(t.filePath());
        // Only the latest manifest is read at a ref (refManifestVersion > 0), and an open thread's lines are in it.
        boolean onRef = ref != null && refManifestVersion > 0 && (t.isOpen() || t.manifestVersion() == refManifestVersion);
        if (onRef) {
            return url + ref.query() + "#" + t.anchor();
        }
        return (t.isOpen() ? url : url + "?v=" + t.manifestVersion()) + "#" + t.anchor();
    }

    public String threadUrl(ThreadView t) {
        return "/projects/" + slug + "/threads/" + t.id();
    }

    public String commentUrl(CommentView c) {
        return "/projects/" + slug + "/comments/" + c.id();
    }
}
