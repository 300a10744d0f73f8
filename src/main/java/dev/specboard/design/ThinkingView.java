package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.PageNumbers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The thinking chain: a page ({@code at}) of the thoughts (filtered by status; none when the filter is refused,
 * {@code filterErrors} saying why), with the page's thoughts and those they depend on and lead to by id, the page of the
 * unfiltered chain that shows each of the latter, and links to what each came from by thought id;
 * {@code confirmedEntities}: the inferred names of the entities a member confirmed, which a rejection leaves standing;
 * {@code conflict}: why the decision on the {@code failed} thought was refused, else null: someone decided on it meanwhile
 * (409), its form's version was never saved (422; a hand-made or tampered form), or it left the chain meanwhile (409, said
 * atop the page by {@link #gone} since it has no card); a refusal for its feedback alone is in {@code errors} instead.
 */
public record ThinkingView(Access access, List<Thought> thoughts, Map<UUID, Thought> byId, Map<UUID, Integer> pageById,
                           Map<UUID, List<SourceRef>> sourcesById,
                           String filter, long waiting, PageNumbers at, UUID failed, dev.specboard.web.FormErrors errors, String feedback,
                           String conflict, dev.specboard.web.FormErrors filterErrors, java.util.Set<String> confirmedEntities) {

    /** Whether rejecting the thought leaves its entity standing: a member confirmed, renamed or edited it. */
    public boolean keepsEntity(Thought t) {
        return "entity".equals(t.subjectKind()) && confirmedEntities.contains(t.subjectName());
    }

    /**
     * Where a related thought is: its card on this page, or else on the page of the unfiltered chain that shows it (a
     * filter or another page may leave it out of this one).
     */
    public String link(Thought t) {
        if (thoughts.contains(t)) {
            return "#thought-" + t.id;
        }
        return "/projects/" + access.slug() + "/thinking?page=" + pageById.getOrDefault(t.id, 1) + "#thought-" + t.id;
    }

    /** The page links' URL up to the page number, keeping the filter. */
    public String pagesHref() {
        return "/projects/" + access.slug() + "/thinking?" + (filter.isEmpty() ? "" : "status=" + filter + "&") + "page=";
    }

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

    /** The refused thought's id, whose feedback field ({@code feedback-<id>}) the error summary atop the page links to; null when none was. */
    public String errorRow() {
        return failed != null && errors.any() && thoughts.stream().anyMatch(this::failed) ? failed.toString() : null;
    }

    /**
     * Why a decision on this thought was refused (someone decided on it meanwhile, or its form's version was never saved),
     * said on its card; null for any other thought.
     */
    public String conflict(Thought t) {
        return failed(t) ? conflict : null;
    }

    /** Why the decision was refused when its thought has left the chain meanwhile (no card to say it on); else null. */
    public String gone() {
        return failed != null && !byId.containsKey(failed) ? conflict : null;
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
