package dev.specboard.repo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.specboard.web.KeptHtml;
import dev.specboard.web.ReadyHtml;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Keeps a folder's rendered listing, so a folder page renders its rows once per manifest version instead of on every
 * view (200 rows were most of the file tree page's time): a manifest never changes, so a kept listing never goes stale.
 */
@ApplicationScoped
public class TreeListings {

    /** Rendered listings kept at most, in bytes (a 200-row folder takes about 50 KB). */
    static final long KEPT_BYTES = 4L * 1024 * 1024;

    @CheckedTemplate(basePath = "repo")
    static class Templates {
        static native TemplateInstance listing(TreeView view, String base, String versionQuery);
    }

    /**
     * A folder's listing as its links are written: the links carry the project's slug, the repository's name, the version
     * or ref asked for. A folder read at a commit that no manifest holds has no manifest id: its commit tells it apart
     * (a branch's next commit is another listing).
     */
    private record Listing(UUID manifestId, String commitSha, String path, String base, String versionQuery) {
    }

    private final Cache<Listing, KeptHtml> rendered = Caffeine.newBuilder()
            .maximumWeight(KEPT_BYTES).weigher((Listing l, KeptHtml html) -> html.size()).build();

    /** The folder's rows with links under {@code base}, each followed by {@code versionQuery} ({@code ?v=} or {@code ?ref=}). */
    public ReadyHtml of(TreeView view, String base, String versionQuery) {
        return rendered.get(new Listing(view.manifestId(), view.commitSha(), view.path(), base, versionQuery),
                l -> new KeptHtml(Templates.listing(view, base, versionQuery).render())).ready();
    }
}
