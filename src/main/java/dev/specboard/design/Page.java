package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.web.ApiException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A page (screen, layout, component or modal) of the app being designed: nested, at a URL path, with its current mockup. */
@Entity
@Table(name = "pages")
public class Page extends EditedEntity {

    public static final List<String> TYPES = List.of("page", "layout", "component", "modal");
    public static final List<String> DEVICES = List.of("responsive", "mobile", "tablet", "desktop");
    /** The seed's {@code CHECK (path ~ '^/[a-z0-9-/]*$')}. */
    public static final Pattern PATH = Pattern.compile("^/[a-z0-9-/]*$");

    /** Who may move a page from one status to another. */
    private static final Map<PageStatus, Map<PageStatus, Role>> MOVES = Map.of(
            PageStatus.DRAFT, Map.of(PageStatus.DESIGNED, Role.MEMBER),
            PageStatus.DESIGNED, Map.of(PageStatus.APPROVED, Role.LEAD, PageStatus.DRAFT, Role.MEMBER),
            PageStatus.APPROVED, Map.of(PageStatus.BUILT, Role.MEMBER, PageStatus.DESIGNED, Role.LEAD),
            PageStatus.BUILT, Map.of(PageStatus.APPROVED, Role.LEAD));

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "parent_id")
    public UUID parentId;

    public String name;
    public String slug;
    public String path;
    public String type = "page";
    public String purpose;

    @Column(name = "primary_device")
    public String primaryDevice = "responsive";

    @Column(name = "current_mockup_id")
    public UUID currentMockupId;

    @Convert(converter = PageStatus.Converter.class)
    public PageStatus status = PageStatus.DRAFT;

    /** JSON array of strings (kept as text: a JSON-mapped {@code List<String>} would change how Hibernate maps other lists). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "key_elements")
    public String keyElements = "[]";

    /** JSON array of component kinds (MockupAnalyzer.COMPONENT_KINDS), kept by {@link #show}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "related_patterns")
    public String relatedPatterns = "[]";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "usage_contexts")
    public String usageContexts = "[]";

    @Column(name = "sort_order")
    public int sortOrder;

    /** Named before anyone designed it (the thinking chain's answer "a page ... is still to be designed"); its first mockup ends that. */
    @Column(name = "is_placeholder")
    public boolean placeholder;

    @Column(name = "wizard_generated")
    public boolean wizardGenerated;

    @Column(name = "approved_by")
    public UUID approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    /**
     * The version of the page's details, the fields a page edit writes ({@link #content}): a new mockup, an older one made
     * current or a status move leaves it, so an edit of the details begun before them still saves (it changes none of
     * what they changed); only another edit of the details makes it stale.
     */
    public int version = 1;

    public static Optional<Page> inProject(UUID projectId, UUID id) {
        return id == null ? Optional.empty() : find("projectId = ?1 and id = ?2", projectId, id).firstResultOptional();
    }

    public static Optional<Page> byPath(UUID projectId, String path) {
        return find("projectId = ?1 and path = ?2", projectId, path).firstResultOptional();
    }

    /** The statuses the caller's role may move this page to now. */
    public List<PageStatus> nextStatuses(Role role) {
        return MOVES.getOrDefault(status, Map.of()).entrySet().stream().filter(e -> role.atLeast(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * Moves the page along its way: one step at a time, approval by a lead, and a page is "designed"
     * only with a mockup. A refused move says why (409), a missing role 403.
     */
    public void moveTo(PageStatus target, Role role, UUID by) {
        if (target == status) {
            throw ApiException.conflict("The page " + name + " is already " + status.value() + ".");
        }
        Role needed = MOVES.getOrDefault(status, Map.of()).get(target);
        if (needed == null) {
            throw ApiException.conflict("A " + status.value() + " page cannot become " + target.value() + "; from "
                    + status.value() + " it can go to " + String.join(", ", MOVES.getOrDefault(status, Map.of()).keySet().stream()
                    .sorted().map(PageStatus::value).toList()) + ".");
        }
        if (!role.atLeast(needed)) {
            throw ApiException.forbidden("Moving a page to " + target.value() + " needs the " + needed.value() + " role.");
        }
        if (target != PageStatus.DRAFT && currentMockupId == null) {
            throw ApiException.conflict("The page " + name + " has no mockup yet: save one before marking it " + target.value() + ".");
        }
        status = target;
        if (target == PageStatus.APPROVED) {
            approvedBy = by;
            approvedAt = Instant.now();
        }
    }

    /** A new design: a draft becomes designed, an approved or built page needs approving again, a placeholder is one no more. */
    public void redesigned() {
        placeholder = false;
        if (status != PageStatus.DESIGNED) {
            status = PageStatus.DESIGNED;
            approvedBy = null;
            approvedAt = null;
        }
    }

    public List<String> keyElementList() {
        return List.of(DesignJson.read(keyElements, String[].class, new String[0]));
    }

    public void keyElements(List<String> elements) {
        keyElements = DesignJson.write(elements);
    }

    /** The component patterns (button, card, nav...) the current mockup shows: seed 004's "design patterns used". */
    public List<String> relatedPatternList() {
        return List.of(DesignJson.read(relatedPatterns, String[].class, new String[0]));
    }

    /**
     * Shows a mockup as the current one: the page is redesigned and uses that mockup's patterns now. Its details are not
     * touched, so their {@link #version} and who saved it stay (the mockup names its own author).
     */
    void show(Mockup m) {
        currentMockupId = m.id;
        relatedPatterns = DesignJson.write(m.analysis().componentsDetected());
        redesigned();
    }

    /** What an edit of the page's fields changes, as read back: an edit after which it is the same is no new version. */
    List<Object> content() {
        return java.util.Arrays.asList(name, slug, path, parentId, type, primaryDevice, purpose, keyElementList());
    }

    public static boolean validPath(String path) {
        return path != null && path.length() <= 500 && PATH.matcher(path).matches();
    }

}
