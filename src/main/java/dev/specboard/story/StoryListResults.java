package dev.specboard.story;

import java.util.List;
import java.util.function.Function;

import dev.specboard.project.Access;
import dev.specboard.project.KeptByCounter;
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

    private final KeptByCounter<StoryFilter, KeptHtml> rendered = KeptByCounter.weighing(COUNTER, KEPT_BYTES, KeptHtml::size);

    private final KeptByCounter<Void, List<ContextRef>> contextChoices = KeptByCounter.upTo(COUNTER, 1_000);

    @Inject
    StoryQueries stories;

    @Inject
    StoryContexts contexts;

    /**
     * The results for the filter: kept ones while no story of the project changed, else read and rendered. They are
     * kept as UTF-8 bytes, deflated once, which {@code Htmx.readyPage} joins into the answer as they are.
     */
    public ReadyHtml get(Access access, StoryFilter filter, Function<StoryListView, TemplateInstance> template) {
        return rendered.get(access, filter, () -> new KeptHtml(template.apply(stories.list(access.project().id, filter)).render())).ready();
    }

    /** The project's contexts for the list's filter: kept ones while none changed. */
    public List<ContextRef> contexts(Access access) {
        return contextChoices.get(access, () -> List.copyOf(contexts.refs(access.project().id)));
    }
}
