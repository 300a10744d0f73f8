package dev.specboard.story;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.specboard.project.Access;
import dev.specboard.web.KeptHtml;
import dev.specboard.web.ReadyHtml;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The story list's rendered results (count, rows, pages) and its context choices, kept per project, "stories" counter
 * and filter: a repeated view needs no statement beyond the access check, which reads the counter, instead of
 * counting, reading and rendering the stories again. Any change to a story, a context or a link between them moves
 * the counter in the database itself (migration V0151), so every app instance sees it at once and never shows a
 * stale list.
 */
@ApplicationScoped
public class StoryListResults {

    /** Rendered results kept at most, in bytes: a page of 50 rows is about 20,000. */
    static final long KEPT_BYTES = 4L * 1024 * 1024;

    /** The project's counter that every change to what the list shows moves. */
    static final String COUNTER = "stories";

    /** The slug is part of the key because the rows' links carry it and a project can be renamed. */
    record Key(UUID projectId, String slug, long version, StoryFilter filter) {
    }

    record ContextsKey(UUID projectId, long version) {
    }

    private final Cache<Key, KeptHtml> rendered = Caffeine.newBuilder()
            .maximumWeight(KEPT_BYTES).weigher((Key k, KeptHtml html) -> html.size()).build();

    private final Cache<ContextsKey, List<ContextRef>> contextChoices = Caffeine.newBuilder().maximumSize(1_000).build();

    @Inject
    StoryService stories;

    @Inject
    StoryContexts contexts;

    /**
     * The results for the filter: kept ones while no story of the project changed, else read and rendered. They are
     * kept as UTF-8 bytes, deflated once, which {@code Htmx.readyPage} joins into the answer as they are.
     */
    public ReadyHtml get(Access access, StoryFilter filter, Function<StoryListView, TemplateInstance> template) {
        UUID projectId = access.project().id;
        OptionalLong version = access.counter(COUNTER);
        if (version.isEmpty()) {
            return new KeptHtml(template.apply(stories.list(projectId, filter)).render()).ready();
        }
        Key key = new Key(projectId, access.slug(), version.getAsLong(), filter);
        KeptHtml html = rendered.getIfPresent(key);
        if (html == null) {
            // Read and rendered outside the cache's lock: two requests may both render on a miss, which is harmless.
            html = new KeptHtml(template.apply(stories.list(projectId, filter)).render());
            rendered.put(key, html);
        }
        return html.ready();
    }

    /** The project's contexts for the list's filter: kept ones while none changed. */
    public List<ContextRef> contexts(Access access) {
        UUID projectId = access.project().id;
        OptionalLong version = access.counter(COUNTER);
        if (version.isEmpty()) {
            return contexts.refs(projectId);
        }
        ContextsKey key = new ContextsKey(projectId, version.getAsLong());
        List<ContextRef> choices = contextChoices.getIfPresent(key);
        if (choices == null) {
            choices = List.copyOf(contexts.refs(projectId));
            contextChoices.put(key, choices);
        }
        return choices;
    }
}
