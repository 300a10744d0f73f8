package dev.specboard.design;

import dev.specboard.project.Access;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The thinking chain: the thoughts (filtered by status; none when the filter is refused, {@code filterErrors} saying why),
 * with the thoughts each one depends on and leads to by id, and links to what each came from by thought id.
 */
public record ThinkingView(Access access, List<Thought> thoughts, Map<UUID, Thought> byId, Map<UUID, List<SourceRef>> sourcesById,
                           String filter, long waiting, UUID failed, dev.specboard.web.FormErrors errors, String feedback,
                           dev.specboard.web.FormErrors filterErrors) {

    /** The status filters, as the page links them ({@code review}: the thoughts waiting for someone). */
    static final List<String> FILTERS = List.of("active", "review", "confirmed", "revised", "rejected");

    /** What the thought came from, linked; empty for a thought with no source or only an old free-text one. */
    public List<SourceRef> sources(Thought t) {
        return sourcesById.getOrDefault(t.id, List.of());
    }

    /** The word before the sources' names: "page", "pages", "journey"... */
    public String sourceLabel(Thought t) {
        return ThoughtService.label(sources(t));
    }

    public boolean failed(Thought t) {
        return t.id.equals(failed);
    }

    public List<Thought> dependsOn(Thought t) {
        return t.dependsOn.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    public List<Thought> leadsTo(Thought t) {
        return t.leadsTo.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    public int percent(Thought t) {
        return (int) Math.round(t.confidence * 100);
    }

    public List<String> filters() {
        return FILTERS;
    }

    /** A filter's link text, capitalised like "All" beside it: the filters are statuses, shown as words of a sentence elsewhere. */
    public String filterLabel(String filter) {
        return filter.equals("review") ? "Needs you (" + waiting + ")" : Character.toUpperCase(filter.charAt(0)) + filter.substring(1);
    }
}
