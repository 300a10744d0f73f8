package dev.specboard.spec;

import dev.specboard.kernel.ConflictView;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.kernel.TextDiff;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.Markdown;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Builds the read models of the spec pages from {@link SpecQueries}, so that the resource only picks templates. */
@ApplicationScoped
public class SpecViews {

    private static final Map<String, String> CONFLICT_LABELS = orderedLabels();

    @Inject
    SpecQueries specQueries;

    @Inject
    Markdown markdown;

    /** A spec's reading page: its parts rendered, each phase with its task. */
    public SpecDocumentView document(Access access, String key) {
        return page(specQueries.detail(access.project(), key));
    }

    /**
     * A stale save, shown by the shared conflict markup: the current title and document beside what the form sent, a
     * hierarchical spec's parts as its readable document rather than their stored JSON.
     */
    public ConflictView conflict(Access access, String key, StaleVersionException c, SpecForm form) {
        TechnicalSpec spec = TechnicalSpec.byKey(access.project(), key);
        SpecInput input = form.toInput();
        String theirs = c.current().getOrDefault("content", "");
        String yours = input.structured() != null ? input.structured().readable() : input.markdown();
        return ConflictView.of(c, CONFLICT_LABELS,
                Map.of("title", c.current().getOrDefault("title", ""), "content", spec.isHierarchical() ? SpecContent.parse(theirs).readable() : theirs),
                Map.of("title", form.title() == null ? "" : form.title(), "content", yours == null ? "" : yours));
    }

    /** Versions {@code from} and {@code to} (default: the last change) as a word diff of the readable document. */
    public SpecDiffView diff(Access access, String key, Integer from, Integer to) {
        TechnicalSpec spec = TechnicalSpec.findByKey(access.project(), key).orElseThrow(() -> ApiException.notFound("No spec " + key));
        int newer = to == null ? spec.version : to;
        int older = from == null ? Math.max(1, newer - 1) : from;
        SpecRevision a = SpecRevision.find(spec, older).orElseThrow(() -> ApiException.notFound("No version " + older));
        SpecRevision b = SpecRevision.find(spec, newer).orElseThrow(() -> ApiException.notFound("No version " + newer));
        return new SpecDiffView(spec.key(), spec.title, older, newer, IntStream.rangeClosed(1, spec.version).boxed().toList(),
                TextDiff.diff(a.title, b.title), TextDiff.diff(a.readableContent(), b.readableContent()));
    }

    /** The specs this one may depend on: every other spec of the project. */
    public List<SpecRef> otherSpecs(Access access, String key) {
        return specQueries.refs(access.project()).stream().filter(r -> !r.key().equals(key)).toList();
    }

    private SpecDocumentView page(SpecQueries.SpecView d) {
        SpecContent c = d.content();
        Map<String, TaskRow> byScope = d.tasks().stream().collect(Collectors.toMap(TaskRow::scope, Function.identity(), (a, b) -> a));
        List<SpecDocumentView.PhaseView> phases = c.phaseList().stream().map(p -> new SpecDocumentView.PhaseView(
                p.number() == null ? 0 : p.number(), p.name(), p.description(), p.hoursOrZero(), markdown.render(p.content()), p.files(),
                byScope.get(p.name()))).toList();
        return new SpecDocumentView(d, markdown.render(c.overview()), markdown.render(c.architecture()), markdown.render(c.technologyStack()),
                d.spec().isHierarchical() ? "" : markdown.render(d.spec().content), phases);
    }

    private static Map<String, String> orderedLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", "Title");
        m.put("content", "Document");
        return m;
    }
}
