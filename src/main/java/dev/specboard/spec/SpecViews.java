package dev.specboard.spec;

import dev.specboard.kernel.StaleVersionException;
import dev.specboard.kernel.TextDiff;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.Markdown;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Builds the read models of the spec pages from {@link SpecQueries}, so that the resource only picks templates. */
@ApplicationScoped
public class SpecViews {

    @Inject
    SpecQueries specQueries;

    @Inject
    Markdown markdown;

    /** A spec's reading page: its parts rendered, each phase with its task. */
    public SpecDocumentView document(Access access, String key) {
        return page(specQueries.detail(access.project(), key));
    }

    /** The current version beside the editor's text after a stale save. */
    public SpecConflictView conflict(Access access, String key, StaleVersionException c) {
        SpecQueries.SpecView d = specQueries.detail(access.project(), key);
        return new SpecConflictView(c.yourVersion(), c.currentVersion(), d.spec().title, render(page(d)));
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

    /** A plain-text summary of the current version, for the conflict box (rendered markdown of its parts). */
    private String render(SpecDocumentView p) {
        StringBuilder b = new StringBuilder();
        if (!p.contentHtml().isEmpty()) {
            b.append(p.contentHtml());
        }
        if (!p.overviewHtml().isEmpty()) {
            b.append("<h3>Overview</h3>").append(p.overviewHtml());
        }
        for (SpecDocumentView.PhaseView ph : p.phases()) {
            b.append("<h3>Phase ").append(ph.number()).append(": ").append(escape(ph.name())).append("</h3>").append(ph.html());
        }
        return b.toString();
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
