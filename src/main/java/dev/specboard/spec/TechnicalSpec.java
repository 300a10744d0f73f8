package dev.specboard.spec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.specboard.account.Account;
import dev.specboard.project.Project;
import dev.specboard.kernel.TimestampedEntity;
import dev.specboard.web.ApiException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A technical spec ({@code SPEC-n}) of a project: monolithic markdown or hierarchical phases. */
@Entity
@Table(name = "technical_specs")
public class TechnicalSpec extends TimestampedEntity {

    public static final String TYPE_MONOLITHIC = "monolithic";
    public static final String TYPE_HIERARCHICAL = "hierarchical";
    public static final String STATUS_DRAFT = "draft";
    public static final String STATUS_APPROVED = "approved";
    public static final String STATUS_IN_PROGRESS = "in_progress";
    public static final String STATUS_COMPLETE = "complete";
    /** Every status a spec goes through, in that order: the spec list filters by them. */
    public static final List<String> STATUSES = List.of(STATUS_DRAFT, STATUS_APPROVED, STATUS_IN_PROGRESS, STATUS_COMPLETE);
    /** The highest number a key names (nine digits: a key always parses as an int). */
    static final int MAX_NUMBER = 999_999_999;
    /**
     * The most phases a spec has, each a task on the board: the size the board is benchmarked at (src/bench seeds a spec
     * of 2,000 tasks), which keeps a body of thousands more from being worked through.
     */
    public static final int MAX_PHASES = 2000;
    /** The most specs one spec depends on. */
    public static final int MAX_DEPENDS_ON = 100;

    /**
     * A number in a spec, task or story key as people write it: counted from 1 and without leading zeros, so SPEC-0 and
     * SPEC-01 are no keys (refused like SPEC-abc), and each key has one spelling; nine digits at most, so it parses as an int.
     */
    static final String KEY_NUMBER = "([1-9][0-9]{0,8})";
    private static final Pattern KEY = Pattern.compile("^(?i:SPEC-)?" + KEY_NUMBER + "$");

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    public Project project;

    @Column(name = "spec_number")
    public int specNumber;

    public String title;

    @Column(name = "roadmap_item_id")
    public String roadmapItemId;

    @Column(name = "story_number")
    public Integer storyNumber;

    public String status = STATUS_DRAFT;

    /** When a lead approved it; kept when the status moves on with the tasks (null: never approved). */
    @Column(name = "approved_at")
    public Instant approvedAt;

    /** Its story changed after approval: the spec may no longer match it. */
    public boolean dirty;

    @Column(name = "spec_type")
    public String specType = TYPE_MONOLITHIC;

    public String content = "";

    @Column(name = "total_phases")
    public int totalPhases;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "phase_files")
    public String phaseFiles = "[]";

    @Column(name = "estimated_hours")
    public BigDecimal estimatedHours = BigDecimal.ZERO;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Account author;

    @Column(name = "updated_by", nullable = false)
    public UUID updatedById;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** Checked explicitly against the version a form or API call was based on (409 when stale). */
    public int version = 1;

    public String key() {
        return "SPEC-" + specNumber;
    }

    public boolean isHierarchical() {
        return TYPE_HIERARCHICAL.equals(specType);
    }

    public SpecContent parsedContent() {
        return isHierarchical() ? SpecContent.parse(content) : new SpecContent(null, null, null, List.of());
    }

    /** Parsed contents by spec id and version, for readers that only read them (a saved version never changes). */
    private static final Cache<String, SpecContent> SHARED = Caffeine.newBuilder().maximumSize(256).build();

    /**
     * The parsed content, shared with every other reader of this version: claim-next hands out one phase of a spec
     * of hundreds at a time, and parsing all of them for each claim cost more than the claim. Never modify it.
     */
    SpecContent sharedContent() {
        if (!isHierarchical() || id == null) {
            return parsedContent();
        }
        return sharedContent(id, version, () -> content);
    }

    /** The shared parsed content of a hierarchical spec's version, reading its text only when no reader parsed it yet. */
    static SpecContent sharedContent(UUID id, int version, Supplier<String> content) {
        return SHARED.get(id + "/" + version, k -> SpecContent.parse(content.get()));
    }

    /**
     * A spec filter as a URL or a form gives it: null for none. A value that is no spec key ({@code ?spec=SEPC-3},
     * {@code ?spec=auth}) is refused (400 naming it): it would list nothing, as if the spec had no tasks.
     */
    public static String filterKey(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        if (parseKey(spec).isEmpty()) {
            throw new dev.specboard.web.QueryValues.Malformed("spec", "must be a spec key such as SPEC-3");
        }
        return spec.trim();
    }

    /** {@code SPEC-12}, {@code spec-12} or {@code 12} → 12. */
    public static Optional<Integer> parseKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key.trim());
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    public static Optional<TechnicalSpec> findByKey(Project project, String key) {
        return parseKey(key).flatMap(n -> find("project = ?1 and specNumber = ?2", project, n).firstResultOptional());
    }

    /** The project's spec of this key, or 404. */
    public static TechnicalSpec byKey(Project project, String key) {
        return findByKey(project, key).orElseThrow(() -> ApiException.notFound("No spec " + key + " in this project"));
    }

    /**
     * Spec numbers, the dependency graph and the tasks of a project's specs change one at a time per project
     * (across app instances); taken before any spec row. The answer is the proof that this transaction holds it:
     * a helper that must run under the lock takes one instead of locking again.
     */
    static ProjectLock lockProject(Project project) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('specs:' || ?1, 0))")
                .setParameter(1, project.id.toString()).getSingleResult();
        return new ProjectLock(project.id);
    }

    /** The project's spec lock, held by the transaction that took it through {@link #lockProject} until it ends. */
    record ProjectLock(UUID projectId) {
        void requireFor(Project project) {
            if (!projectId.equals(project.id)) {
                throw new IllegalStateException("The spec lock held is for project " + projectId + ", not " + project.id);
            }
        }
    }

    /** Approving is a lead's decision on a draft; later states stay as they are. */
    public void approve() {
        if (!STATUS_DRAFT.equals(status)) {
            throw new IllegalStateException("Only a draft spec can be approved; " + key() + " is " + status.replace('_', ' ') + ".");
        }
        status = STATUS_APPROVED;
        approvedAt = Instant.now();
        dirty = false;
    }

    /**
     * What the spec says changed: an approved spec whose work has not started goes back to draft, so that the approval
     * always covers what the lead read (it stayed approved on a text no lead had seen). Once work started it stays as
     * it is; its revisions show what changed.
     */
    public void textChanged() {
        if (STATUS_APPROVED.equals(status)) {
            status = STATUS_DRAFT;
            approvedAt = null;
        }
    }

    /** A lead has checked the spec against its changed story. */
    public void markReviewed() {
        dirty = false;
    }

    /** The dependency gate: the keys among a spec's dependencies (key to status) that are not complete yet. */
    public static List<String> blockers(Map<String, String> dependencyStatuses) {
        return dependencyStatuses.entrySet().stream()
                .filter(e -> !STATUS_COMPLETE.equals(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
