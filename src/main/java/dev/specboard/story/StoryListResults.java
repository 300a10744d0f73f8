package dev.specboard.story;

import java.util.UUID;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.specboard.project.Access;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The story list's rendered results (count, rows, pages), kept per project, list version and filter: a repeated view
 * reads one counter instead of counting, reading and rendering the stories again. Any change to a story moves the
 * counter in the database itself, so every app instance sees it at once and never shows a stale list.
 */
@ApplicationScoped
public class StoryListResults {

    /** Rendered results kept at most, in characters: a page of 50 rows is about 20,000. */
    static final long KEPT_CHARS = 4L * 1024 * 1024;

    /** The slug is part of the key because the rows' links carry it and a project can be renamed. */
    record Key(UUID projectId, String slug, long version, StoryFilter filter) {
    }

    private final Cache<Key, RawString> rendered = Caffeine.newBuilder()
            .maximumWeight(KEPT_CHARS).weigher((Key k, RawString html) -> html.getValue().length()).build();

    @Inject
    StoryService stories;

    /** The results for the filter: kept ones while no story of the project changed, else read and rendered. */
    public RawString get(Access access, StoryFilter filter, Function<StoryListView, TemplateInstance> template) {
        UUID projectId = access.project().id;
        Key key = new Key(projectId, access.slug(), stories.listVersion(projectId), filter);
        RawString html = rendered.getIfPresent(key);
        if (html == null) {
            // Read and rendered outside the cache's lock: two requests may both render on a miss, which is harmless.
            html = new RawString(template.apply(stories.list(projectId, filter)).render());
            rendered.put(key, html);
        }
        return html;
    }
}
