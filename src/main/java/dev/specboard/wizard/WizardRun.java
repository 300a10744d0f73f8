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
 * (the project setup today) keeps its runs here under its own {@code wizardType} and its own steps
 * ({@link WizardPhase}).
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
        history.add(Map.of("phase", step.key(), "at", Instant.now().toString()));
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

    public boolean answered(WizardPhase step) {
        return answers.containsKey(step.key());
    }

    public void record(WizardPhase step, Map<String, Object> values) {
        requireInProgress();
        Map<String, Object> copy = new LinkedHashMap<>(answers);
        copy.put(step.key(), new LinkedHashMap<>(values));
        answers = copy;
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

    public void abandon() {
        requireInProgress();
        status = ABANDONED;
    }

    private void requireInProgress() {
        if (!isInProgress()) {
            throw dev.specboard.web.ApiException.conflict("This setup run is already " + status + ".");
        }
    }
}
