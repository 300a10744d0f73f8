package dev.specboard.wizard;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One pass through a wizard (seed 004): the answers given so far keyed by step, where the person is,
 * and the phases they went through, so the wizard resumes after a refresh or a new login. Any wizard
 * (the project setup, and the design wizards: page creator, feature builder, design system) keeps its runs
 * here under its own {@code wizardType} and its own steps ({@link WizardPhase}), with the decisions made,
 * the project as it stood at the start, what the run created, and the time spent on each step.
 */
@Entity
@Table(name = "wizard_runs")
public class WizardRun extends PanacheEntityBase {

    public static final String PROJECT_SETUP = "project-setup";
    public static final String IN_PROGRESS = "in-progress";
    public static final String COMPLETED = "completed";
    public static final String ABANDONED = "abandoned";

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "wizard_type", nullable = false)
    public String wizardType;

    @Column(name = "wizard_version")
    public String wizardVersion = "1";

    public String status = IN_PROGRESS;

    @Column(name = "current_phase")
    public String currentPhase;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "phase_history")
    public List<Map<String, Object>> phaseHistory = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> answers = new LinkedHashMap<>();

    /** What the person decided along the way (a layout chosen, a suggestion left out), each with its step and time. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "decisions_made")
    public List<Map<String, Object>> decisionsMade = new ArrayList<>();

    /** The project as it stood when the run started (counts of pages, features, colours...). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "context_snapshot")
    public Map<String, Object> contextSnapshot = new LinkedHashMap<>();

    /** The ids of the things the run used (pages chosen, context items). */
    @Column(name = "context_references", columnDefinition = "uuid[]")
    public List<UUID> contextReferences = new ArrayList<>();

    /** What the run created: {@code created} names ("page:/path", "feature:Name", "story:US-3"), plus ids by kind. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> outputs = new LinkedHashMap<>();

    @Version
    public int version;

    @Column(name = "started_at", nullable = false, updatable = false)
    public Instant startedAt = Instant.now();

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    /** A new run of a wizard for an account, at its first step (not yet persisted). */
    public static WizardRun start(UUID accountId, String wizardType, WizardPhase first) {
        WizardRun run = new WizardRun();
        run.userId = accountId;
        run.wizardType = wizardType;
        run.enter(first);
        return run;
    }

    /** The account's unfinished run of a wizard, the most recently touched first. */
    public static Optional<WizardRun> findUnfinished(UUID accountId, String wizardType) {
        return find("userId = ?1 and wizardType = ?2 and status = ?3 order by updatedAt desc",
                accountId, wizardType, IN_PROGRESS).firstResultOptional();
    }

    /** The account's unfinished run of a wizard in one project. */
    public static Optional<WizardRun> findUnfinished(UUID accountId, UUID projectId, String wizardType) {
        return find("userId = ?1 and projectId = ?2 and wizardType = ?3 and status = ?4 order by updatedAt desc",
                accountId, projectId, wizardType, IN_PROGRESS).firstResultOptional();
    }

    /** The account's unfinished runs of these wizards in one project, most recently touched first; one query. */
    public static List<WizardRun> unfinishedIn(UUID accountId, UUID projectId, List<String> wizardTypes) {
        return list("userId = ?1 and projectId = ?2 and wizardType in ?3 and status = ?4 order by updatedAt desc",
                accountId, projectId, wizardTypes, IN_PROGRESS);
    }

    /** Notes a decision made on a step. */
    public void decide(WizardPhase step, String decision, Object detail) {
        requireInProgress();
        List<Map<String, Object>> decisions = new ArrayList<>(decisionsMade);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("phase", step.key());
        d.put("decision", decision);
        d.put("detail", detail);
        d.put("at", Instant.now().toString());
        decisions.add(d);
        decisionsMade = decisions;
    }

    /** Whether this decision was noted on the step. */
    public boolean decided(WizardPhase step, String decision) {
        return decisionsMade.stream().anyMatch(d -> step.key().equals(d.get("phase")) && decision.equals(d.get("decision")));
    }

    /** Records what the run created under {@code kind} (a list per kind) and in {@code created}. */
    @SuppressWarnings("unchecked")
    public void output(String kind, String created, Object id) {
        Map<String, Object> copy = new LinkedHashMap<>(outputs);
        List<Object> names = new ArrayList<>(copy.get("created") instanceof List<?> l ? (List<Object>) l : List.of());
        names.add(created);
        copy.put("created", names);
        List<Object> ids = new ArrayList<>(copy.get(kind) instanceof List<?> l ? (List<Object>) l : List.of());
        ids.add(id == null ? null : id.toString());
        copy.put(kind, ids);
        outputs = copy;
    }

    public boolean isInProgress() {
        return IN_PROGRESS.equals(status);
    }

    /** Moves to a step, noting it in the phase history; staying on the same step records nothing. */
    public void enter(WizardPhase step) {
        requireInProgress();
        if (step.key().equals(currentPhase) && !phaseHistory.isEmpty()) {
            return;
        }
        currentPhase = step.key();
        List<Map<String, Object>> history = new ArrayList<>(phaseHistory);
        Instant now = Instant.now();
        history.add(Map.of("phase", step.key(), "at", now.toString(), "secondsOnPrevious", secondsSinceLastStep(now)));
        phaseHistory = history;
    }

    /** The answers given for one step, as submitted (strings and lists of strings). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> answersFor(WizardPhase step) {
        Object a = answers.get(step.key());
        return a instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public String answer(WizardPhase step, String field) {
        Object v = answersFor(step).get(field);
        return v == null ? "" : v.toString();
    }

    /** Whether the step was answered, and its answers were not sent back by the last step ({@link #sendBack}). */
    public boolean answered(WizardPhase step) {
        return answers.containsKey(step.key()) && refused(step).isEmpty();
    }

    /** Where a step's answers keep the problems the last step found with them. */
    private static final String REFUSED = "refused";

    /**
     * Sends the run back to a step whose answers the last step refused (a path someone took meanwhile): the step opens
     * again naming the problems by field, its answers kept as its form's values, and it counts as unanswered (so no step
     * after it is done or reachable) until it is answered again. Reopened, the wizard lands there, not on a Create that
     * would be refused again.
     */
    public void sendBack(WizardPhase step, Map<String, String> problems) {
        requireInProgress();
        Map<String, Object> stepAnswers = new LinkedHashMap<>(answersFor(step));
        stepAnswers.put(REFUSED, new LinkedHashMap<>(problems));
        Map<String, Object> copy = new LinkedHashMap<>(answers);
        copy.put(step.key(), stepAnswers);
        answers = copy;
        enter(step);
    }

    /** The problems the last step found with the step's answers, by field; none unless the run was sent back to it. */
    public Map<String, String> refused(WizardPhase step) {
        Map<String, String> out = new LinkedHashMap<>();
        if (answersFor(step).get(REFUSED) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    /** Records a step's answers; they replace its draft ({@link #keepDraft}). */
    public void record(WizardPhase step, Map<String, Object> values) {
        requireInProgress();
        Map<String, Object> copy = new LinkedHashMap<>(answers);
        copy.put(step.key(), new LinkedHashMap<>(values));
        answers = copy;
        keepDraft(step, null);
    }

    /** Where the answers keep each step's draft, by step: never a step's key, so a draft answers no step. */
    public static final String DRAFTS = "drafts";

    /**
     * Keeps what was typed on a step that was left without its Next (by Back or a step of the list), as typed, unchecked: the
     * step shows it again when it opens, and only its Next checks and records it. {@code null} forgets the draft.
     */
    public void keepDraft(WizardPhase step, Map<String, Object> values) {
        requireInProgress();
        Map<String, Object> drafts = new LinkedHashMap<>(answers.get(DRAFTS) instanceof Map<?, ?> m ? castMap(m) : Map.of());
        if (values == null && drafts.remove(step.key()) == null) {
            return;
        }
        if (values != null) {
            drafts.put(step.key(), new LinkedHashMap<>(values));
        }
        Map<String, Object> copy = new LinkedHashMap<>(answers);
        if (drafts.isEmpty()) {
            copy.remove(DRAFTS);
        } else {
            copy.put(DRAFTS, drafts);
        }
        answers = copy;
    }

    /** The step's draft, if it was left with one (see {@link #keepDraft}). */
    public Optional<Map<String, Object>> draft(WizardPhase step) {
        return answers.get(DRAFTS) instanceof Map<?, ?> m && m.get(step.key()) instanceof Map<?, ?> d
                ? Optional.of(castMap(d)) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    public void complete() {
        requireInProgress();
        status = COMPLETED;
        completedAt = Instant.now();
        durationSeconds = (int) Math.max(0, Duration.between(startedAt, completedAt).toSeconds());
        List<Map<String, Object>> history = new ArrayList<>(phaseHistory);
        history.add(Map.of("phase", COMPLETED, "at", completedAt.toString()));
        phaseHistory = history;
    }

    /** How long the person spent on the step they leave (0 at the start). */
    private long secondsSinceLastStep(Instant now) {
        if (phaseHistory.isEmpty()) {
            return 0;
        }
        Object at = phaseHistory.get(phaseHistory.size() - 1).get("at");
        try {
            return Math.max(0, Duration.between(Instant.parse(String.valueOf(at)), now).toSeconds());
        } catch (java.time.format.DateTimeParseException e) {
            return 0;
        }
    }

    public void abandon() {
        requireInProgress();
        status = ABANDONED;
    }

    private void requireInProgress() {
        if (!isInProgress()) {
            throw dev.specboard.web.ApiException.conflict("This wizard run is already " + status + ".");
        }
    }
}
