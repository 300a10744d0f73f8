package dev.specboard.architecture;

import dev.specboard.story.ContextRef;
import dev.specboard.story.Story;
import dev.specboard.story.StoryRef;
import dev.specboard.story.StoryApproved;
import dev.specboard.story.StoryChanged;
import dev.specboard.story.StoryContexts;
import dev.specboard.story.StoryRow;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.kernel.Approval;
import dev.specboard.notification.NotificationService;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import dev.specboard.kernel.NameLock;

/**
 * Bounded contexts: writing and approving them, assigning stories, and keeping the project's
 * {@code context_mapping_approved} flag true exactly when {@link MappingRule} holds.
 */
@ApplicationScoped
public class ContextService implements StoryContexts {

    @Inject
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    NotificationService notifications;

    /** The context, or 404 (also for a context of another project). */
    public BoundedContext get(UUID projectId, UUID id) {
        BoundedContext c = id == null ? null : BoundedContext.findById(id);
        if (c == null || !c.projectId.equals(projectId)) {
            throw ApiException.notFound("No such context in this project");
        }
        return c;
    }

    /** Creates an unapproved context, which also un-approves the mapping. */
    @Transactional
    public BoundedContext create(Access access, ContextForm form) {
        access.requireWrite(Role.MEMBER);
        check(access.project().id, form, null);
        BoundedContext c = new BoundedContext();
        c.projectId = access.project().id;
        apply(c, form);
        c.createdBy = access.accountId();
        c.updatedBy = access.accountId();
        c.persist();
        recompute(c.projectId);
        return c;
    }

    /** Saves an edit based on the current version (409 otherwise); a change resets the approval. */
    @Transactional
    public BoundedContext update(Access access, UUID id, ContextForm form) {
        access.requireWrite(Role.MEMBER);
        BoundedContext c = get(access.project().id, id);
        em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
        check(access.project().id, form, c.id);
        if (form.version() == null) {
            throw ValidationException.of("version", "Say which version you edited");
        }
        StaleVersionException.requireSaved("The context " + c.name, form.version(), c.version);
        if (form.version() != c.version) {
            throw new StaleVersionException("The context " + c.name, form.version(), c.version,
                    StaleVersionException.texts("name", c.name, "type", c.type, "purpose", c.purpose, "description", c.description),
                    StaleVersionException.texts("name", form.name(), "type", form.type(), "purpose", form.purpose(), "description", form.description()),
                    dev.specboard.account.Account.savedByAsSeenBy(c.updatedBy, access.accountId()));
        }
        BoundedContext probe = new BoundedContext();
        apply(probe, form);
        boolean changed = !probe.name.equals(c.name) || !probe.type.equals(c.type) || !probe.purpose.equals(c.purpose)
                || !java.util.Objects.equals(probe.description, c.description);
        if (changed) {
            apply(c, form);
            c.version++;
            c.updatedBy = access.accountId();
            c.approved = false;
            recompute(c.projectId);
        }
        return c;
    }

    /**
     * Deletes a context made by mistake: its story links go with it (the stories stay), its components stay without a
     * context, and the mapping is decided anew (a junk context no longer holds its approval back).
     */
    @Transactional
    public BoundedContext delete(Access access, UUID id) {
        access.requireWrite(Role.MEMBER);
        BoundedContext c = get(access.project().id, id);
        // The links and components' references go by the foreign keys (ON DELETE CASCADE / SET NULL).
        c.delete();
        recompute(c.projectId);
        return c;
    }

    /**
     * A lead approves the version of the context they read ({@code version}; null means the current one; 409 when it
     * changed since): it is no longer dirty, and its creator is told.
     */
    @Transactional
    public BoundedContext approve(Access access, UUID id, Integer version) {
        access.requireWrite(Role.LEAD);
        BoundedContext c = get(access.project().id, id);
        // A context keeps no earlier versions: the 409 carries its current text only.
        StaleVersionException.requireApprovedAsRead("The context " + c.name, version, c.version,
                () -> StaleVersionException.texts("name", c.name, "type", c.type, "purpose", c.purpose, "description", c.description),
                v -> null, () -> dev.specboard.account.Account.savedByAsSeenBy(c.updatedBy, access.accountId()));
        if (c.approved && !c.dirty) {
            throw ApiException.conflict("The context " + c.name + " is already approved.");
        }
        c.approved = true;
        c.dirty = false;
        Approval.record(c.projectId, Approval.CONTEXT, c.id, c.version, Approval.APPROVED, null, access.accountId());
        if (c.createdBy != null && !c.createdBy.equals(access.accountId())) {
            Map<String, Object> p = new HashMap<>();
            p.put("message", "The context " + c.name + " was approved");
            p.put("link", "/projects/" + access.project().slug + "/contexts/" + c.id);
            p.put("project", access.project().slug);
            p.put("contextId", c.id.toString());
            notifications.notify(c.createdBy, c.projectId, "context_approved", p);
        }
        recompute(c.projectId);
        return c;
    }

    /** Assigns a story to a context (nothing happens if it already is); a missing context or story is a 422 on its field. */
    @Override
    @Transactional
    public void addStory(Access access, UUID contextId, Integer storyNumber) {
        access.requireWrite(Role.MEMBER);
        if (contextId == null) {
            throw ValidationException.of("contextId", "Choose a context");
        }
        if (storyNumber == null) {
            throw ValidationException.of("storyNumber", "Choose a story");
        }
        BoundedContext c = get(access.project().id, contextId);
        Story s = Story.<Story>find("projectId = ?1 and number = ?2", c.projectId, storyNumber).firstResultOptional()
                .orElseThrow(() -> ValidationException.of("storyNumber", "No story " + Story.named(storyNumber) + " in this project"));
        if (ContextStory.count("contextId = ?1 and storyId = ?2", c.id, s.id) == 0) {
            ContextStory cs = new ContextStory();
            cs.contextId = c.id;
            cs.storyId = s.id;
            cs.persist();
            recompute(c.projectId);
        }
    }

    /** Takes a story out of a context. */
    @Override
    @Transactional
    public void removeStory(Access access, UUID contextId, int storyNumber) {
        access.requireWrite(Role.MEMBER);
        BoundedContext c = get(access.project().id, contextId);
        long removed = em.createQuery("delete from ContextStory cs where cs.contextId = :c and cs.storyId in "
                        + "(select s.id from Story s where s.projectId = :p and s.number = :n)")
                .setParameter("c", c.id).setParameter("p", c.projectId).setParameter("n", storyNumber).executeUpdate();
        if (removed > 0) {
            recompute(c.projectId);
        }
    }

    /** The contexts of a changed approved story become dirty (they need a lead's approval again), and the mapping is decided anew. */
    void onStoryChanged(@Observes StoryChanged event) {
        em.createQuery("update BoundedContext c set c.dirty = true, c.approved = false "
                        + "where c.id in (select cs.contextId from ContextStory cs where cs.storyId = :s)")
                .setParameter("s", event.storyId()).executeUpdate();
        recompute(event.projectId());
    }

    /** A newly approved story must belong to a context for the mapping to hold. */
    void onStoryApproved(@Observes StoryApproved event) {
        recompute(event.projectId());
    }

    /** Applies the mapping rule to the project, under a lock on the project row so concurrent changes agree. */
    @Transactional
    public boolean recompute(UUID projectId) {
        em.flush();
        Project p = em.find(Project.class, projectId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(p);
        boolean holds = verdict(projectId).holds();
        if (p.contextMappingApproved != holds) {
            p.contextMappingApproved = holds;
        }
        return holds;
    }

    /** The mapping rule's verdict for a project, in three queries. */
    public MappingRule.Verdict verdict(UUID projectId) {
        List<MappingRule.ContextState> states = em.createQuery(
                        "select c.id, c.name, c.approved from BoundedContext c where c.projectId = :p", Object[].class)
                .setParameter("p", projectId).getResultList().stream()
                .map(r -> new MappingRule.ContextState((UUID) r[0], (String) r[1], (Boolean) r[2])).toList();
        Map<UUID, Set<UUID>> links = em.createQuery("select cs.contextId, cs.storyId from ContextStory cs, BoundedContext c "
                        + "where c.id = cs.contextId and c.projectId = :p", Object[].class)
                .setParameter("p", projectId).getResultList().stream()
                .collect(Collectors.groupingBy(r -> (UUID) r[0], Collectors.mapping(r -> (UUID) r[1], Collectors.toSet())));
        List<UUID> ready = em.createQuery("select s.id from Story s where s.projectId = :p and s.status in ('ready', 'implemented') order by s.number",
                        UUID.class)
                .setParameter("p", projectId).getResultList();
        return MappingRule.evaluate(states, links, ready);
    }

    /** Every context of the project with its stories, in two queries. */
    public List<ContextRow> list(UUID projectId) {
        List<BoundedContext> all = BoundedContext.<BoundedContext>find("projectId = ?1 order by lower(name)", projectId).list();
        Map<UUID, List<StoryRef>> stories = new HashMap<>();
        for (StoryRef r : em.createQuery("select new dev.specboard.story.StoryRef(cs.contextId, s.id, s.number, s.title, s.status, s.review, "
                        + "s.dirty, s.version, s.approvedVersion) from ContextStory cs, Story s where s.id = cs.storyId and s.projectId = :p "
                        + "order by s.number", StoryRef.class)
                .setParameter("p", projectId).getResultList()) {
            stories.computeIfAbsent(r.contextId(), k -> new ArrayList<>()).add(r);
        }
        List<ContextRow> rows = new ArrayList<>();
        for (BoundedContext c : all) {
            rows.add(row(c, stories.getOrDefault(c.id, List.of())));
        }
        return rows;
    }

    /** One context with its stories. */
    public ContextRow row(UUID projectId, UUID id) {
        BoundedContext c = get(projectId, id);
        List<StoryRef> stories = em.createQuery("select new dev.specboard.story.StoryRef(cs.contextId, s.id, s.number, s.title, s.status, s.review, "
                        + "s.dirty, s.version, s.approvedVersion) from ContextStory cs, Story s where s.id = cs.storyId and cs.contextId = :c "
                        + "order by s.number", StoryRef.class)
                .setParameter("c", c.id).getResultList();
        return row(c, stories);
    }

    private static ContextRow row(BoundedContext c, List<StoryRef> stories) {
        return new ContextRow(c.id, c.name, c.type, c.purpose, c.description, c.approved, c.dirty, c.version, stories);
    }

    /** The contexts a story belongs to. */
    @Override
    public List<ContextRef> forStory(UUID storyId) {
        return em.createQuery("select new dev.specboard.story.ContextRef(c.id, c.name, c.approved, c.dirty) from BoundedContext c, ContextStory cs "
                        + "where cs.contextId = c.id and cs.storyId = :s order by lower(c.name)", ContextRef.class)
                .setParameter("s", storyId).getResultList();
    }

    /** Every context of the project as a choice. */
    @Override
    public List<ContextRef> refs(UUID projectId) {
        return em.createQuery("select new dev.specboard.story.ContextRef(c.id, c.name, c.approved, c.dirty) from BoundedContext c "
                        + "where c.projectId = :p order by lower(c.name)", ContextRef.class)
                .setParameter("p", projectId).getResultList();
    }

    /** Ready (or implemented) stories that no context covers, for the map. */
    public List<StoryRow> uncoveredReadyStories(UUID projectId) {
        return em.createQuery("select new dev.specboard.story.StoryRow(s.number, s.title, s.status, s.review, s.approved, s.dirty, s.version, "
                        + "s.approvedVersion) from Story s where s.projectId = :p and s.status in ('ready', 'implemented') "
                        + "and not exists (select 1 from ContextStory cs where cs.storyId = s.id) order by s.number", StoryRow.class)
                .setParameter("p", projectId).getResultList();
    }

    /** Stories of the project not in this context, as choices for adding. */
    public List<StoryRow> storiesOutside(UUID projectId, UUID contextId) {
        return em.createQuery("select new dev.specboard.story.StoryRow(s.number, s.title, s.status, s.review, s.approved, s.dirty, s.version, "
                        + "s.approvedVersion) from Story s where s.projectId = :p "
                        + "and not exists (select 1 from ContextStory cs where cs.storyId = s.id and cs.contextId = :c) order by s.number", StoryRow.class)
                .setParameter("p", projectId).setParameter("c", contextId).getResultList();
    }

    private void check(UUID projectId, ContextForm form, UUID except) {
        FormErrors errors = validation.check(form);
        if (!errors.has("name") && form.name() != null) {
            NameLock.take(em, "contexts", projectId, form.name());
            long same = BoundedContext.count("projectId = ?1 and lower(name) = lower(?2) and id <> ?3", projectId, form.name().trim(),
                    except == null ? new UUID(0, 0) : except);
            if (same > 0) {
                errors.add("name", "Another context already has this name");
            }
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
    }

    private static void apply(BoundedContext c, ContextForm form) {
        c.name = form.name().trim();
        c.type = form.type();
        c.purpose = form.purpose().strip();
        c.description = form.description() == null || form.description().isBlank() ? null : form.description().strip();
    }
}
