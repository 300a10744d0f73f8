package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.story.Story;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Map;


/** Creates, edits and approves technical specs, creating their implementation tasks in the same transaction. */
@ApplicationScoped
public class SpecService {

    static final String MONOLITHIC_SCOPE = "implementation";

    @Inject
    EntityManager em;

    @Inject
    jakarta.enterprise.event.Event<SpecCompleted> specCompleted;

    @Inject
    jakarta.enterprise.event.Event<StorySpecsChanged> storySpecs;

    @Inject
    SpecDependencies dependencies;

    /**
     * Creates a spec ({@code SPEC-n}, the story's number when free) and one pending task per phase
     * (one task for a monolithic spec), its first revision and its dependencies, all or nothing.
     */
    @Transactional
    public TechnicalSpec create(Access access, SpecInput input) {
        return create(access, input, FormErrors.none());
    }

    /** As {@link #create(Access, SpecInput)}, refusing also the problems the page form found reading its fields. */
    @Transactional
    public TechnicalSpec create(Access access, SpecInput input, FormErrors formProblems) {
        access.requireWrite(Role.MEMBER);
        Project project = access.project();
        SpecContent content = check(project, input, null, formProblems);
        TechnicalSpec.lockProject(project);
        Account actor = em.getReference(Account.class, access.accountId());

        TechnicalSpec spec = new TechnicalSpec();
        spec.project = project;
        spec.specNumber = nextNumber(project, input.storyNumber());
        spec.author = actor;
        spec.updatedById = access.accountId();
        apply(spec, input, content);
        spec.version = 1;
        spec.persist();

        PhaseTasks.create(spec, phasesOf(spec, input, content), actor);
        revision(spec, access.accountId());
        flushOrExplain(spec);
        for (String dep : input.dependsOnOrEmpty()) {
            TechnicalSpec target = TechnicalSpec.findByKey(project, dep).orElseThrow();
            dependencies.insert(spec, target);
        }
        storySpecsChanged(project.id, null, spec.storyNumber);
        return spec;
    }

    /**
     * Saves a new version of a spec when {@code baseVersion} is current (409 with both versions
     * otherwise) and the save changes what the spec says (else it stays as it is): keeps a revision, adds tasks for new phases, updates pending ones, removes pending
     * tasks of dropped phases and refuses to drop a phase whose task has started.
     */
    @Transactional
    public TechnicalSpec update(Access access, String key, SpecInput input, int baseVersion) {
        return update(access, key, input, baseVersion, FormErrors.none());
    }

    /** As {@link #update(Access, String, SpecInput, int)}, refusing also the problems the page form found reading its fields. */
    @Transactional
    public TechnicalSpec update(Access access, String key, SpecInput input, int baseVersion, FormErrors formProblems) {
        access.requireWrite(Role.MEMBER);
        // First, as everywhere: new tasks take their spec's waiter count while dependencies cannot change (V0320).
        TechnicalSpec.ProjectLock specsLock = TechnicalSpec.lockProject(access.project());
        TechnicalSpec spec = lockedSpec(access.project(), key);
        StaleVersionException.requireSaved(spec.key(), baseVersion, spec.version);
        if (spec.version != baseVersion) {
            String yours = input.structured() != null ? input.structured().toJson() : input.markdown();
            throw new StaleVersionException(spec.key(), baseVersion, spec.version, currentTexts(spec),
                    StaleVersionException.texts("title", input.title(), "content", yours), savedBy(spec, access.accountId()));
        }
        if (!spec.specType.equals(input.specType())) {
            throw ValidationException.of("specType", "The type of a spec cannot change after it is created");
        }
        SpecContent content = check(access.project(), input, spec, formProblems);
        if (SpecAsRead.stored(spec, dependencies.numbersOf(spec)).equals(SpecAsRead.saved(input, content))) {
            // The save says what is stored, perhaps written differently: no new version, revision or task rewrite, so a
            // concurrent editor's save based on this version stays valid.
            return spec;
        }
        Account actor = em.getReference(Account.class, access.accountId());
        PhaseTasks.follow(spec, phasesOf(spec, input, content), actor);
        Integer storyBefore = spec.storyNumber;
        apply(spec, input, content);
        spec.textChanged();
        spec.updatedById = access.accountId();
        spec.version = spec.version + 1;
        spec.updatedAt = Instant.now();
        revision(spec, access.accountId());
        flushOrExplain(spec);
        dependencies.replace(specsLock, spec, input.dependsOnOrEmpty());
        rollUp(spec.id).ifPresent(specCompleted::fire);
        storySpecsChanged(access.project().id, storyBefore, spec.storyNumber);
        return spec;
    }

    /** A spec was linked to {@code after} instead of {@code before} (either may be none): both stories follow their specs. */
    private void storySpecsChanged(UUID projectId, Integer before, Integer after) {
        if (after != null) {
            storySpecs.fire(new StorySpecsChanged(projectId, after));
        }
        if (before != null && !before.equals(after)) {
            storySpecs.fire(new StorySpecsChanged(projectId, before));
        }
    }

    /**
     * A lead approves a draft spec, the version they read ({@code version}; null means the current one; 409 with both
     * versions' texts when it changed since).
     */
    @Transactional
    public TechnicalSpec approve(Access access, String key, Integer version) {
        access.requireWrite(Role.LEAD);
        TechnicalSpec spec = lockedSpec(access.project(), key);
        StaleVersionException.requireApprovedAsRead(spec.key(), version, spec.version, () -> currentTexts(spec),
                read -> SpecRevision.find(spec, read).map(r -> StaleVersionException.texts("title", r.title, "content", r.content)).orElse(null),
                () -> savedBy(spec, access.accountId()));
        try {
            spec.approve();
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        return spec;
    }

    /** A lead confirms the spec still fits its story after the story changed; clears the dirty flag. */
    @Transactional
    public TechnicalSpec markReviewed(Access access, String key) {
        access.requireWrite(Role.LEAD);
        TechnicalSpec spec = lockedSpec(access.project(), key);
        spec.markReviewed();
        return spec;
    }

    /**
     * Recomputes a spec's status from its tasks under a lock on the spec row: complete when every
     * task is completed or merged, in progress when any task has moved, else back to approved or draft as a lead
     * left it; fires {@link SpecCompleted}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SpecCompleted> rollUp(UUID specId) {
        return rollUp(List.of(specId)).stream().findFirst();
    }

    /**
     * {@link #rollUp(UUID)} for several specs in two statements whatever their number (the lease sweep moves tasks
     * of many specs at once); answers the specs it completed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SpecCompleted> rollUp(Collection<UUID> specIds) {
        if (specIds.isEmpty()) {
            return List.of();
        }
        // Locked in id order, so that two roll-ups never wait on each other in a circle; the counts are read by the
        // next statement, which sees every task move committed before the locks were granted.
        em.createNativeQuery("SELECT id FROM technical_specs WHERE id IN (?1) ORDER BY id FOR UPDATE")
                .setParameter(1, specIds).getResultList();
        // Status is derived from the tasks: it does not bump the version that guards the spec's text. Work on a draft
        // may start before its approval (claims do not wait for it): back to draft then.
        @SuppressWarnings("unchecked")
        List<Object[]> changed = em.createNativeQuery("""
                UPDATE technical_specs s SET status = n.next,
                       started_at = CASE WHEN n.next IN ('in_progress', 'complete') THEN coalesce(s.started_at, now()) ELSE s.started_at END,
                       completed_at = CASE WHEN n.next = 'complete' THEN now() ELSE NULL END
                FROM (SELECT x.id, x.status AS before, CASE WHEN c.total > 0 AND c.done = c.total THEN 'complete'
                                        WHEN c.moved > 0 THEN 'in_progress'
                                        WHEN x.status IN ('in_progress', 'complete')
                                            THEN CASE WHEN x.approved_at IS NOT NULL THEN 'approved' ELSE 'draft' END
                                        ELSE x.status END AS next
                      FROM technical_specs x CROSS JOIN LATERAL (
                           SELECT count(*) AS total,
                                  count(*) FILTER (WHERE t.status IN ('completed', 'merged')) AS done,
                                  count(*) FILTER (WHERE t.status <> 'pending') AS moved
                           FROM implementation_tasks t WHERE t.spec_id = x.id) c
                      WHERE x.id IN (?1)) n
                WHERE s.id = n.id AND s.status <> n.next
                RETURNING s.status, s.spec_number, s.story_number, s.project_id, n.before""").setParameter(1, specIds).getResultList();
        List<SpecCompleted> completed = new ArrayList<>();
        for (Object[] row : changed) {
            if (TechnicalSpec.STATUS_COMPLETE.equals(row[0])) {
                completed.add(new SpecCompleted((UUID) row[3], "SPEC-" + ((Number) row[1]).intValue(),
                        row[2] == null ? null : ((Number) row[2]).intValue()));
            } else if (TechnicalSpec.STATUS_COMPLETE.equals(row[4]) && row[2] != null) {
                // A task of a complete spec reopened: its story is not implemented any more.
                storySpecs.fire(new StorySpecsChanged((UUID) row[3], ((Number) row[2]).intValue()));
            }
        }
        return completed;
    }

    // --- rules

    // Every problem is named at once: the form's unreadable numbers together with the rules below, so one
    // correction round is enough.
    private SpecContent check(Project project, SpecInput input, TechnicalSpec existing, FormErrors formProblems) {
        input.requireListSizes();
        FormErrors errors = FormErrors.none();
        formProblems.asMap().forEach(errors::add);
        String title = input.title() == null ? "" : input.title().trim();
        if (!dev.specboard.web.Filled.Check.shows(title)) {
            errors.add("title", "Give the spec a title");
        } else if (dev.specboard.web.Chars.Check.over(title, 255)) {
            errors.add("title", "At most 255 characters");
        } else if (dev.specboard.web.Upright.Check.problem(title) != null) {
            errors.add("title", dev.specboard.web.Upright.Check.problem(title));
        }
        if (!TechnicalSpec.TYPE_MONOLITHIC.equals(input.specType()) && !TechnicalSpec.TYPE_HIERARCHICAL.equals(input.specType())) {
            errors.add("specType", "Choose monolithic or hierarchical");
        }
        if (input.storyNumber() != null && (input.storyNumber() < 1 || input.storyNumber() > TechnicalSpec.MAX_NUMBER)) {
            errors.add("storyNumber", "A story number is a positive number, like 12 for US-12");
        } else if (input.storyNumber() != null && (existing == null || !input.storyNumber().equals(existing.storyNumber))
                && Story.count("projectId = ?1 and number = ?2", project.id, input.storyNumber()) == 0) {
            // Only a new or changed link is checked, so a spec whose link came in some other way stays editable.
            errors.add("storyNumber", "There is no story " + Story.named(input.storyNumber()) + " in this project");
        }
        SpecContent content = null;
        if (input.hierarchical()) {
            content = (input.structured() == null ? new SpecContent(null, null, null, List.of()) : input.structured()).normalized();
            FormErrors phaseErrors = content.validate();
            phaseErrors.asMap().forEach(errors::add);
            for (SpecContent.Phase p : content.phaseList()) {
                if (p.content() != null && dev.specboard.web.Chars.Check.over(p.content(), 200_000)) {
                    errors.add("phases[" + (p.number() - 1) + "].content", "At most 200000 characters");
                }
            }
        } else if (TechnicalSpec.TYPE_MONOLITHIC.equals(input.specType())
                && (input.markdown() == null || input.markdown().isBlank())) {
            errors.add("content", "Write the spec's content");
        } else if (input.markdown() != null && dev.specboard.web.Chars.Check.over(input.markdown(), 200_000)) {
            errors.add("content", "At most 200000 characters");
        }
        for (String dep : input.dependsOnOrEmpty()) {
            Optional<TechnicalSpec> target = TechnicalSpec.findByKey(project, dep);
            if (target.isEmpty()) {
                errors.add("dependsOn", "There is no " + dep + " in this project");
            } else if (existing != null && target.get().id.equals(existing.id)) {
                errors.add("dependsOn", "A spec cannot depend on itself");
            }
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        return content == null ? null : content.withDistinctFiles();
    }

    private void apply(TechnicalSpec spec, SpecInput input, SpecContent content) {
        spec.title = input.title().trim();
        spec.specType = input.specType();
        spec.storyNumber = input.storyNumber();
        spec.roadmapItemId = input.storyNumber() == null ? null : "US-" + input.storyNumber();
        if (content != null) {
            spec.content = content.toJson();
            spec.totalPhases = content.phaseList().size();
            spec.phaseFiles = SpecContent.listJson(content.phaseList().stream().map(SpecContent.Phase::file).toList());
            spec.estimatedHours = content.totalHours();
        } else {
            spec.content = input.markdown().strip();
            spec.totalPhases = 0;
            spec.phaseFiles = "[]";
            spec.estimatedHours = BigDecimal.ZERO;
        }
    }

    private static List<SpecContent.Phase> phasesOf(TechnicalSpec spec, SpecInput input, SpecContent content) {
        if (content != null) {
            return content.phaseList();
        }
        // A monolithic spec is one piece of work: one task covering the whole document.
        return List.of(new SpecContent.Phase(1, MONOLITHIC_SCOPE, spec.title, BigDecimal.ZERO, null, List.of()));
    }

    private static Map<String, String> currentTexts(TechnicalSpec spec) {
        return StaleVersionException.texts("title", spec.title, "content", spec.content);
    }

    /** Who saved the spec's current version as {@code caller} is told: themselves in another tab, or by name; null when not kept. */
    private static String savedBy(TechnicalSpec spec, UUID caller) {
        return SpecRevision.find(spec, spec.version).map(r -> Account.savedByAsSeenBy(r.authorId, caller)).orElse(null);
    }

    private void revision(TechnicalSpec spec, UUID authorId) {
        SpecRevision r = new SpecRevision();
        r.spec = spec;
        r.version = spec.version;
        r.title = spec.title;
        r.specType = spec.specType;
        r.content = spec.content;
        r.authorId = authorId;
        r.persist();
    }

    private int nextNumber(Project project, Integer storyNumber) {
        if (storyNumber != null && TechnicalSpec.count("project = ?1 and specNumber = ?2", project, storyNumber) == 0) {
            return storyNumber;
        }
        Number max = (Number) em.createNativeQuery("SELECT coalesce(max(spec_number), 0) FROM technical_specs WHERE project_id = ?1")
                .setParameter(1, project.id).getSingleResult();
        if (max.intValue() < TechnicalSpec.MAX_NUMBER) {
            return max.intValue() + 1;
        }
        // A spec took the highest number a key can name (its story's number): the next one takes the first free number,
        // or it could be created but never reached again (SPEC-1000000000 is not a key).
        Number gap = (Number) em.createNativeQuery("""
                        SELECT coalesce(min(s.spec_number) + 1, 1) FROM technical_specs s WHERE s.project_id = ?1
                          AND NOT EXISTS (SELECT 1 FROM technical_specs n WHERE n.project_id = s.project_id AND n.spec_number = s.spec_number + 1)
                          AND s.spec_number < ?2""")
                .setParameter(1, project.id).setParameter(2, TechnicalSpec.MAX_NUMBER).getSingleResult();
        return gap.intValue();
    }

    private TechnicalSpec lockedSpec(Project project, String key) {
        TechnicalSpec spec = TechnicalSpec.byKey(project, key);
        em.lock(spec, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(spec);
        return spec;
    }

    /** Writes now so that a database constraint refuses the whole spec here, with a reason, not at commit. */
    private void flushOrExplain(TechnicalSpec spec) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            String reason = message.contains("implementation_tasks_project_branch_key")
                    ? "A task branch name of " + spec.key() + " is already used by another task; nothing was saved."
                    : message.contains("implementation_tasks_project_task_key") || message.contains("technical_specs_project_number_key")
                    ? spec.key() + " or one of its task keys already exists; nothing was saved."
                    : "The spec could not be saved (" + firstLine(message) + "); nothing was saved.";
            throw ApiException.conflict(reason);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
