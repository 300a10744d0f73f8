package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.kernel.QuerySpaces;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Mockup versions: every save is a new version (parsed for its patterns, made current, the design
 * system asked to recompute); any version can be made current again; a save based on an older current
 * version is refused with both versions.
 */
@ApplicationScoped
public class MockupService {

    @Inject
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    DesignSystemService designSystems;

    @Inject
    DesignWork work;

    /** The current mockup of every page (or of one), with its page, for previews and part-2 features; one query. */
    public record CurrentMockup(UUID pageId, String name, String path, int version, String html, String css, String js, UUID mockupId) {
    }

    /**
     * Saves a new version of a page's mockup, based on {@code form.basedOn()} when given (409 with both if stale, 422 on
     * {@code basedOn} for a version never saved).
     */
    @Transactional
    public Mockup save(Access access, UUID pageId, MockupForm form) {
        return save(access, pageId, form, List.of());
    }

    /** Saves a new version with the assistant's notes on it (at most 20, each at most 1000 characters; 422 otherwise). */
    @Transactional
    public Mockup save(Access access, UUID pageId, MockupForm form, List<String> aiNotes) {
        access.requireWrite(Role.MEMBER);
        // Read before the first statement: a save waiting for its turn holds no connection and no lock on the page.
        MockupAnalysis analysis = form.html() != null && !form.html().isBlank() && fits(form.html()) && fits(form.css()) && fits(form.js())
                ? analyze(form) : null;
        Page page = Page.inProject(access.project().id, pageId).orElseThrow(() -> ApiException.notFound("No such page in this project"));
        RowLock.forUpdate(em, page, "No such page in this project");
        return addVersion(access, page, form, aiNotes, analysis);
    }

    /** The patterns of a mockup's HTML, CSS and JavaScript, read in its turn; 503 busy when no turn came in time. */
    private MockupAnalysis analyze(MockupForm form) {
        return work.analyses().run(() -> MockupAnalyzer.analyze(form.html(), form.css(), form.js()));
    }

    private static boolean fits(String text) {
        return text == null || text.length() <= MockupForm.MAX;
    }

    /** The next version of a locked page's mockup, inside the caller's transaction. */
    Mockup addVersion(Access access, Page page, MockupForm form) {
        return addVersion(access, page, form, List.of(), null);
    }

    private Mockup addVersion(Access access, Page page, MockupForm form, List<String> aiNotes, MockupAnalysis analysed) {
        FormErrors errors = validation.check(form);
        List<String> notes = aiNotes == null ? List.of() : aiNotes.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
        if (notes.size() > Mockup.AiNotes.MAX_NOTES) {
            errors.add("aiNotes", "At most " + Mockup.AiNotes.MAX_NOTES + " notes");
        } else if (notes.stream().anyMatch(n -> dev.specboard.web.Chars.Check.over(n, Mockup.AiNotes.MAX_CHARS))) {
            errors.add("aiNotes", "Each note has at most " + Mockup.AiNotes.MAX_CHARS + " characters");
        }
        String changedBy = form.changedBy() == null || form.changedBy().isBlank() ? "user" : form.changedBy().strip().toLowerCase();
        if (!Mockup.CHANGED_BY.contains(changedBy)) {
            errors.add("changedBy", "Changed by is one of user, ai, wizard");
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        Mockup current = page.currentMockupId == null ? null : Mockup.findById(page.currentMockupId);
        int currentVersion = current == null ? 0 : current.version;
        // No basedOn (the API contract's body has none) saves on top of the current version unchecked; the form always sends it.
        StaleVersionException.requireSaved("basedOn", "The mockup of " + page.name, form.basedOn(), currentVersion);
        if (form.basedOn() != null && form.basedOn() != currentVersion) {
            throw new StaleVersionException("The mockup of " + page.name, form.basedOn(), currentVersion,
                    current == null ? StaleVersionException.texts("html", "", "css", "", "js", "")
                            : StaleVersionException.texts("html", current.htmlContent, "css", current.cssContent, "js", current.javascriptContent),
                    StaleVersionException.texts("html", form.html(), "css", form.css(), "js", form.js()),
                    current == null ? null : dev.specboard.account.Account.savedByAsSeenBy(current.authorId, access.accountId()));
        }
        if (current != null && form.html().equals(current.htmlContent) && Objects.equals(blankToNull(form.css()), current.cssContent)
                && Objects.equals(blankToNull(form.js()), current.javascriptContent)) {
            // The form starts with the current mockup: saving it untouched would add a version identical to this one.
            throw ValidationException.of("html", "Nothing changed: this is version " + current.version
                    + " already. Change the HTML, CSS or JavaScript to save a new version.");
        }
        Number max = (Number) em.createQuery("select coalesce(max(m.version), 0) from Mockup m where m.pageId = :p")
                .setParameter("p", page.id).getSingleResult();
        MockupAnalysis analysis = analysed != null ? analysed : analyze(form);
        Mockup m = new Mockup();
        m.pageId = page.id;
        m.version = max.intValue() + 1;
        m.htmlContent = form.html();
        m.cssContent = blankToNull(form.css());
        m.javascriptContent = blankToNull(form.js());
        m.changeDescription = blankToNull(form.changeDescription());
        m.changedBy = changedBy;
        m.authorId = access.accountId();
        m.parentMockupId = current == null ? null : current.id;
        m.extractedPatterns = DesignJson.write(analysis);
        m.interactions = DesignJson.write(analysis.interactions());
        m.responsiveRules = DesignJson.write(analysis.responsiveRules());
        m.aiNotes = notes.isEmpty() ? "{}" : DesignJson.write(new Mockup.AiNotes(notes));
        m.persist();
        em.flush();
        page.show(m);
        designSystems.requestRecompute(page.projectId);
        return m;
    }

    /** The version of a page's current mockup, 0 when it has none. */
    public int currentVersion(UUID projectId, UUID pageId) {
        return em.createQuery("select m.version from Page p join Mockup m on m.id = p.currentMockupId where p.projectId = :p and p.id = :page", Integer.class)
                .setParameter("p", projectId).setParameter("page", pageId).setMaxResults(1).getResultList().stream().findFirst().orElse(0);
    }

    /** Makes an older (or newer) version the page's current mockup again. */
    @Transactional
    public Mockup makeCurrent(Access access, UUID pageId, int version) {
        access.requireWrite(Role.MEMBER);
        Page page = Page.inProject(access.project().id, pageId).orElseThrow(() -> ApiException.notFound("No such page in this project"));
        RowLock.forUpdate(em, page, "No such page in this project");
        Mockup m = get(page.id, version);
        if (m.id.equals(page.currentMockupId)) {
            throw ApiException.conflict("Version " + version + " is already the current mockup of " + page.name + ".");
        }
        page.show(m);
        designSystems.requestRecompute(page.projectId);
        return m;
    }

    /** Appends a note to a version's feedback (reviewers and up); 422 for an empty or too long note. */
    @Transactional
    public Mockup addFeedback(Access access, UUID pageId, int version, String text) {
        access.requireWrite(Role.REVIEWER);
        Page page = Page.inProject(access.project().id, pageId).orElseThrow(() -> ApiException.notFound("No such page in this project"));
        Mockup m = get(page.id, version);
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) {
            throw ValidationException.of("text", "Write your feedback");
        }
        if (dev.specboard.web.Chars.Check.over(note, MockupFeedback.MAX_CHARS)) {
            throw ValidationException.of("text", "At most " + MockupFeedback.MAX_CHARS + " characters");
        }
        // One statement appends to what is stored at that moment: two notes written at once are both kept.
        QuerySpaces.touching(em.createNativeQuery("UPDATE mockups SET user_feedback = jsonb_set(CASE WHEN jsonb_typeof(user_feedback) = 'object' "
                        + "THEN user_feedback ELSE '{}'::jsonb END, '{notes}', coalesce(user_feedback -> 'notes', '[]'::jsonb) || jsonb_build_array(cast(?1 as jsonb))) "
                        + "WHERE id = ?2"), "mockups")
                .setParameter(1, DesignJson.write(new MockupFeedback.Note(access.accountId(), note, java.time.Instant.now())))
                .setParameter(2, m.id).executeUpdate();
        em.refresh(m);
        return m;
    }

    /** A version's feedback notes in the order written, their authors named in one query. */
    public List<MockupFeedback.Shown> feedback(Mockup m) {
        List<MockupFeedback.Note> notes = MockupFeedback.of(m).notes();
        if (notes.isEmpty()) {
            return List.of();
        }
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        List<UUID> authors = notes.stream().map(MockupFeedback.Note::authorId).filter(Objects::nonNull).distinct().toList();
        if (!authors.isEmpty()) {
            em.createQuery("select a.id, a.username from Account a where a.id in :ids", Object[].class).setParameter("ids", authors)
                    .getResultList().forEach(r -> names.put((UUID) r[0], (String) r[1]));
        }
        return notes.stream().map(n -> new MockupFeedback.Shown(names.get(n.authorId()), n.text(), n.at())).toList();
    }

    public Mockup get(UUID pageId, int version) {
        return Mockup.version(pageId, version).orElseThrow(() -> ApiException.notFound("No version " + version + " of this mockup"));
    }

    /** Every version of a page's mockup, newest first, with authors, in one query. */
    public List<MockupRow> versions(UUID pageId, UUID currentId) {
        return versions(pageId, currentId, 0, Integer.MAX_VALUE);
    }

    /** The versions shown a page at a time on the page screen and in the API. */
    public static final int VERSIONS_PAGE_SIZE = 50;

    /** A page of a page's mockup versions and where it is in the list. */
    public record Versions(List<MockupRow> rows, dev.specboard.web.PageNumbers at) {
    }

    /**
     * A page of a page's mockup versions, newest first (asked for: kept between the first and the last), with authors,
     * in two queries, so a page saved hundreds of times does not list every version at once.
     */
    public Versions versions(UUID pageId, UUID currentId, Integer page) {
        dev.specboard.web.PageNumbers at = dev.specboard.web.PageNumbers.of(page, Mockup.count("pageId", pageId), VERSIONS_PAGE_SIZE);
        return new Versions(versions(pageId, currentId, at.offset(), VERSIONS_PAGE_SIZE), at);
    }

    private List<MockupRow> versions(UUID pageId, UUID currentId, int offset, int limit) {
        return em.createQuery("select new dev.specboard.design.MockupRow(m.id, m.version, m.changeDescription, m.changedBy, a.username, m.createdAt, "
                        + "m.parentMockupId, false) from Mockup m left join Account a on a.id = m.authorId where m.pageId = :p order by m.version desc",
                        MockupRow.class)
                .setParameter("p", pageId).setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(r -> new MockupRow(r.id(), r.version(), r.changeDescription(), r.changedBy(), r.author(), r.createdAt(), r.parentMockupId(),
                        r.id().equals(currentId)))
                .toList();
    }

    /** The current mockups of a project's pages (or of one page when {@code pageId} is given), in tree order. */
    public List<CurrentMockup> current(UUID projectId, UUID pageId) {
        var q = em.createQuery("select new dev.specboard.design.MockupService$CurrentMockup(p.id, p.name, p.path, m.version, m.htmlContent, "
                        + "m.cssContent, m.javascriptContent, m.id) from Page p join Mockup m on m.id = p.currentMockupId "
                        + "where p.projectId = :p" + (pageId == null ? "" : " and p.id = :page") + " order by p.sortOrder, p.path", CurrentMockup.class)
                .setParameter("p", projectId);
        if (pageId != null) {
            q.setParameter("page", pageId);
        }
        return q.getResultList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
