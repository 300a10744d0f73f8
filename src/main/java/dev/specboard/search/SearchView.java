package dev.specboard.search;

import java.util.List;

/** The search page: the query, the kind filter, the groups of results and the pages of a filtered kind. */
public record SearchView(String q, String kind, int page, List<Group> groups, List<KindRef> kinds, String notice,
                         dev.specboard.web.FormErrors filterErrors) {

    /**
     * The results of one kind; {@code more} when there are more than shown, {@code partial} when so many matched that the
     * kind ranked only the first it found ({@link SearchableKind#ranksSome()}): the best of those, not of all.
     */
    public record Group(String kind, String label, List<SearchHit> hits, boolean more, boolean partial) {

        /** How many matches a kind ranks at most, as a page writes it ("2,000"). */
        public String rankedAtMost() {
            return String.format(java.util.Locale.ROOT, "%,d", Kinds.RANKED);
        }
    }

    /** A kind the results can be narrowed to. */
    public record KindRef(String kind, String label) {
    }

    /** The query as a URL parameter value. */
    public String qParam() {
        return java.net.URLEncoder.encode(q == null ? "" : q, java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean searched() {
        return q != null && !q.isBlank();
    }

    public boolean nothing() {
        return searched() && !filterErrors.any() && groups.stream().allMatch(g -> g.hits().isEmpty());
    }

    public boolean filtered() {
        return kind != null;
    }

    /** The kind filtered by, "" for everything: the filter's selected value. */
    public String kindOrEmpty() {
        return kind == null ? "" : kind;
    }

    /** What {@code ?kind=} may name, in display order. */
    public List<String> kindNames() {
        return kinds.stream().map(KindRef::kind).toList();
    }

    /** The words each kind's option shows ("Stories" for {@code story}). */
    public java.util.Map<String, String> kindLabels() {
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        kinds.forEach(k -> labels.put(k.kind(), k.label()));
        return labels;
    }

    /**
     * What the search finds, from the kinds it searches ("Stories, specs and tasks, plans, ... and review threads."), so
     * that the hint under the box names every kind the filter offers and a new kind joins both.
     */
    public String kindsHint() {
        List<String> words = kinds.stream().map(k -> k.label().toLowerCase(java.util.Locale.ROOT)).toList();
        if (words.isEmpty()) {
            return "";
        }
        String all = words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
        return Character.toUpperCase(all.charAt(0)) + all.substring(1) + ".";
    }

    public boolean hasNext() {
        return filtered() && groups.stream().anyMatch(Group::more);
    }

    public boolean hasPrevious() {
        return filtered() && page > 1;
    }
}
