package dev.specboard.story;

import dev.specboard.kernel.Approval;
import dev.specboard.kernel.ApprovalRow;
import dev.specboard.kernel.ConflictView;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.kernel.TextDiff;
import dev.specboard.project.Access;
import dev.specboard.project.KeptByCounter;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Markdown;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.IntStream;

/** Builds the read models of the story pages from the service's queries, so that the resource only picks templates. */
@ApplicationScoped
public class StoryViews {

    private static final Map<String, String> LABELS = labels();

    /** Story pages kept at most (a few kilobytes each). */
    static final int KEPT_PAGES = 2_000;

    @Inject
    StoryOrigins origins;

    @Inject
    StorySpecs specs;

    @Inject
    StoryService stories;

    @Inject
    StoryQueries queries;

    @Inject
    StoryContexts contexts;

    @Inject
    Markdown markdown;

    @Inject
    StoryListResults keptLists;

    private final KeptByCounter<Integer, Content> kept = KeptByCounter.upTo(StoryListResults.COUNTER, KEPT_PAGES);

    /** A story's page with the request-changes form's problems and text. */
    public StoryView show(Access access, int number, FormErrors errors, String comment) {
        Content c = content(access, number);
        Story s = c.story();
        return new StoryView(access, s, c.authorName(), c.descriptionHtml(), c.criteriaHtml(), c.ears(), c.revisions(), c.approvals(),
                c.contexts(), others(access, c.contexts()), stories.approvalRefusal(access, s, c.leads()).orElse(""), errors,
                comment == null ? "" : comment, c.origins(), c.specs());
    }

    /**
     * What a story's page shows that is the same for every reader, kept per project "stories" counter: any change to
     * the story, its versions, decisions, contexts, origins, specs, the project's leads or a shown name moves the counter in
     * the database (migrations V0151, V0152, V0720, V0990), so a kept one is never stale. A change reads afresh.
     */
    private Content content(Access access, int number) {
        return kept.get(access, number, () -> read(access, number));
    }

    private Content read(Access access, int number) {
        Story s = stories.get(access.project().id, number);
        return new Content(s, stories.username(s.authorId), markdown.render(s.description), markdown.renderLines(s.acceptanceCriteria),
                Ears.recognise(s.acceptanceCriteria), queries.revisions(s.id), Approval.history(Approval.STORY, s.id),
                contexts.forStory(s.id), origins.forStory(access, s.id), specs.forStory(s.projectId, s.number),
                stories.leadCount(s.projectId));
    }

    /** A story's page without what depends on the reader; {@code leads} decides whether an author may approve. */
    private record Content(Story story, String authorName, String descriptionHtml, String criteriaHtml, List<Ears.Requirement> ears,
                           List<RevisionRow> revisions, List<ApprovalRow> approvals, List<ContextRef> contexts, List<OriginRef> origins,
                           List<StorySpecs.Linked> specs, long leads) {
    }

    /** The contexts of a story and those it could join. */
    public StoryView contexts(Access access, int number) {
        Story s = stories.get(access.project().id, number);
        List<ContextRef> mine = contexts.forStory(s.id);
        return new StoryView(access, s, null, null, null, List.of(), List.of(), List.of(), mine, others(access, mine), "", FormErrors.none(), "", List.of(),
                List.of());
    }

    /** Versions {@code from} and {@code to} compared (by default the approved or previous version against the current one). */
    public StoryDiffView diff(Access access, int number, Integer from, Integer to) {
        Story s = stories.get(access.project().id, number);
        List<RevisionRow> revisions = queries.revisions(s.id);
        int toVersion = to == null ? s.version : to;
        int fromVersion = from == null ? (s.approvedVersion != null && s.approvedVersion < toVersion ? s.approvedVersion : Math.max(1, toVersion - 1)) : from;
        RevisionRow a = find(revisions, fromVersion, s);
        RevisionRow b = find(revisions, toVersion, s);
        return new StoryDiffView(s, a, b, IntStream.rangeClosed(1, s.version).boxed().toList(), TextDiff.diff(a.title(), b.title()),
                TextDiff.diff(a.description(), b.description()), TextDiff.diff(a.acceptanceCriteria(), b.acceptanceCriteria()));
    }

    /** A stale save: their version beside the text the form sent. */
    public static ConflictView conflict(StaleVersionException e, StoryForm form) {
        return ConflictView.of(e, LABELS, Map.of("title", nz(form.title()), "description", nz(form.description()),
                "acceptanceCriteria", nz(form.acceptanceCriteria())));
    }

    private List<ContextRef> others(Access access, List<ContextRef> mine) {
        List<UUID> ids = mine.stream().map(ContextRef::id).toList();
        return keptLists.contexts(access).stream().filter(c -> !ids.contains(c.id())).toList();
    }

    private static RevisionRow find(List<RevisionRow> revisions, int version, Story s) {
        return revisions.stream().filter(r -> r.version() == version).findFirst()
                .orElseThrow(() -> ApiException.notFound(s.key() + " has no version " + version));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", "Title");
        m.put("description", "Description");
        m.put("acceptanceCriteria", "Acceptance criteria");
        return m;
    }
}
