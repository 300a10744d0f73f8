package dev.specboard.architecture;

import dev.specboard.kernel.DependencyGraph;
import dev.specboard.kernel.Ids;
import dev.specboard.kernel.QuerySpaces;
import dev.specboard.kernel.Role;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.story.StoryChanged;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import dev.specboard.kernel.NameLock;

/**
 * Components and their dependency graph: writing components, setting completion flags, adding
 * edges (refusing any that would close a cycle, serialised per project) and marking components
 * dirty when a story of their context changes.
 */
@ApplicationScoped
public class ComponentService {

    @Inject
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    CodePresence codePresence;

    @Inject
    LiveUpdates live;

    /** The component, or 404 (also for a component of another project). */
    public Component get(UUID projectId, UUID id) {
        Component c = id == null ? null : Component.findById(id);
        if (c == null || !c.projectId.equals(projectId)) {
            throw ApiException.notFound("No such component in this project");
        }
        return c;
    }

    /** Creates a component in the project. */
    @Transactional
    public Component create(Access access, ComponentForm form) {
        access.requireWrite(Role.MEMBER);
        UUID contextId = check(access.project().id, form, null);
        Component c = new Component();
        c.projectId = access.project().id;
        apply(c, form, contextId);
        c.updatedBy = access.accountId();
        c.persist();
        changed(c.projectId);
        return c;
    }

    /** Saves an edit based on the current version (409 with both versions otherwise). */
    @Transactional
    public Component update(Access access, UUID id, ComponentForm form) {
        access.requireWrite(Role.MEMBER);
        Component c = get(access.project().id, id);
        em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
        UUID contextId = check(access.project().id, form, c.id);
        if (form.version() == null) {
            throw ValidationException.of("version", "Say which version you edited");
        }
        StaleVersionException.requireSaved("The component " + c.name, form.version(), c.version);
        if (form.version() != c.version) {
            throw new StaleVersionException("The component " + c.name, form.version(), c.version,
                    texts(c.name, c.type, c.filePath, c.description), texts(form.name(), form.type(), form.filePath(), form.description()),
                    dev.specboard.account.Account.savedByAsSeenBy(c.updatedBy, access.accountId()));
        }
        Component probe = new Component();
        apply(probe, form, contextId);
        boolean changed = !probe.name.equals(c.name) || !probe.type.equals(c.type) || !probe.filePath.equals(c.filePath)
                || !Objects.equals(probe.description, c.description) || !Objects.equals(probe.contextId, c.contextId);
        if (changed) {
            apply(c, form, contextId);
            c.version++;
            c.updatedBy = access.accountId();
        }
        return c;
    }

    private static Map<String, String> texts(String name, String type, String filePath, String description) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name == null ? "" : name);
        m.put("type", type == null ? "" : type);
        m.put("filePath", filePath == null ? "" : filePath);
        m.put("description", description == null ? "" : description);
        return m;
    }

    /** Sets the completion flags people keep by hand (a null flag stays as it is). */
    @Transactional
    public Component setCompletion(Access access, UUID id, Boolean docs, Boolean code, Boolean tests) {
        access.requireWrite(Role.MEMBER);
        Component c = get(access.project().id, id);
        c.docsComplete = docs == null ? c.docsComplete : docs;
        c.codeComplete = code == null ? c.codeComplete : code;
        c.testsComplete = tests == null ? c.testsComplete : tests;
        return c;
    }

    /** Deletes a component with its edges and design doc. */
    @Transactional
    public void delete(Access access, UUID id) {
        access.requireWrite(Role.MEMBER);
        lockProject(access.project().id);
        Component c = get(access.project().id, id);
        c.delete();
        changed(c.projectId);
    }

    /**
     * Adds "{@code id} depends on {@code dependsOn}". Refused with the cycle named when it would close
     * one; the project's row is locked first so two concurrent additions cannot build a cycle together.
     */
    @Transactional
    public ComponentDependency addDependency(Access access, UUID id, String dependsOn) {
        access.requireWrite(Role.MEMBER);
        UUID projectId = access.project().id;
        lockProject(projectId);
        Component c = get(projectId, id);
        UUID targetId = parse(dependsOn);
        Component target = targetId == null ? null : Component.findById(targetId);
        if (target == null || !target.projectId.equals(projectId)) {
            throw ValidationException.of("dependsOn", dependsOn == null || dependsOn.isBlank()
                    ? "Choose the component it depends on" : "No such component in this project");
        }
        if (ComponentDependency.count("componentId = ?1 and dependsOnId = ?2", c.id, target.id) > 0) {
            throw ApiException.conflict(c.name + " already depends on " + target.name + ".");
        }
        Optional<List<UUID>> cycle = graph(projectId).cycleIfAdded(c.id, target.id);
        if (cycle.isPresent()) {
            Map<UUID, String> names = names(projectId);
            throw new CycleException(cycle.get().stream().map(names::get).toList());
        }
        ComponentDependency d = new ComponentDependency();
        d.projectId = projectId;
        d.componentId = c.id;
        d.dependsOnId = target.id;
        d.persist();
        changed(projectId);
        return d;
    }

    /** Removes an edge (nothing happens when it does not exist). */
    @Transactional
    public void removeDependency(Access access, UUID id, UUID dependsOnId) {
        access.requireWrite(Role.MEMBER);
        Component c = get(access.project().id, id);
        if (ComponentDependency.delete("componentId = ?1 and dependsOnId = ?2", c.id, dependsOnId) > 0) {
            changed(c.projectId);
        }
    }

    /** Open graph pages of the project redraw themselves after the commit. */
    private void changed(UUID projectId) {
        live.publish(LiveEvent.forProject("board", projectId));
    }

    private void lockProject(UUID projectId) {
        em.find(Project.class, projectId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Components of the contexts of a changed approved story become dirty (their design needs another look). */
    @Transactional
    void onStoryChanged(@Observes StoryChanged event) {
        // Also the table it reads, so that links made earlier in this transaction are flushed before it runs.
        QuerySpaces.touching(em.createNativeQuery("update components set dirty = true, updated_at = now() where project_id = :p and context_id in "
                        + "(select context_id from context_stories where story_id = :s)"), "components", "context_stories")
                .setParameter("p", event.projectId()).setParameter("s", event.storyId()).executeUpdate();
    }

    /** Clears the dirty mark (the design doc was approved again). */
    @Transactional
    public void markClean(UUID componentId) {
        em.createQuery("update Component c set c.dirty = false where c.id = :id").setParameter("id", componentId).executeUpdate();
    }

    /** The project's dependency graph in one query. */
    public DependencyGraph<UUID> graph(UUID projectId) {
        List<UUID> nodes = em.createQuery("select c.id from Component c where c.projectId = :p order by lower(c.name)", UUID.class)
                .setParameter("p", projectId).getResultList();
        return new DependencyGraph<>(nodes, edges(projectId));
    }

    private List<DependencyGraph.Edge<UUID>> edges(UUID projectId) {
        List<DependencyGraph.Edge<UUID>> edges = new ArrayList<>();
        for (Object[] r : em.createQuery("select d.componentId, d.dependsOnId from ComponentDependency d where d.projectId = :p "
                + "order by d.createdAt, d.id", Object[].class).setParameter("p", projectId).getResultList()) {
            edges.add(new DependencyGraph.Edge<>((UUID) r[0], (UUID) r[1]));
        }
        return edges;
    }

    private Map<UUID, String> names(UUID projectId) {
        Map<UUID, String> m = new HashMap<>();
        for (Object[] r : em.createQuery("select c.id, c.name from Component c where c.projectId = :p", Object[].class)
                .setParameter("p", projectId).getResultList()) {
            m.put((UUID) r[0], (String) r[1]);
        }
        return m;
    }

    /**
     * Every component of the project with its context, design doc state, derived flags and
     * dependencies, grouped by context name then component name: two queries whatever the size.
     */
    public ComponentSet all(Project project) {
        List<DependencyGraph.Edge<UUID>> edges = edges(project.id);
        Map<UUID, List<UUID>> deps = new HashMap<>();
        edges.forEach(e -> deps.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to()));
        List<ComponentRow> rows = new ArrayList<>();
        // Scalars, not entities: a Component already in this request's session could be stale.
        for (Object[] r : em.createQuery("select c.id, c.name, c.type, c.filePath, c.description, c.contextId, x.name, c.docsComplete, "
                        + "c.codeComplete, c.testsComplete, c.dirty, c.version, d.version, d.approved from Component c "
                        + "left join BoundedContext x on x.id = c.contextId left join DesignDoc d on d.componentId = c.id "
                        + "where c.projectId = :p order by case when x.name is null then 1 else 0 end, lower(x.name), lower(c.name)", Object[].class)
                .setParameter("p", project.id).getResultList()) {
            UUID id = (UUID) r[0];
            rows.add(row(project, id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (UUID) r[5], (String) r[6],
                    (Boolean) r[7], (Boolean) r[8], (Boolean) r[9], (Boolean) r[10], (Integer) r[11], (Integer) r[12],
                    Boolean.TRUE.equals(r[13]), deps.getOrDefault(id, List.of())));
        }
        List<UUID> nodes = rows.stream().map(ComponentRow::id).toList();
        return new ComponentSet(rows, new DependencyGraph<>(nodes, edges));
    }

    private ComponentRow row(Project project, UUID id, String name, String type, String filePath, String description, UUID contextId,
                             String contextName, boolean docs, boolean codeDone, boolean testsDone, boolean dirty, int version,
                             Integer docVersion, boolean docApproved, List<UUID> dependsOn) {
        Flag code = Flag.manual(codeDone);
        Flag tests = Flag.manual(testsDone);
        if (filePath != null && !filePath.isBlank()) {
            Optional<Boolean> exists = codePresence.fileExists(project.id, filePath);
            if (exists.isPresent()) {
                code = new Flag(exists.get(), true);
            }
            Optional<Boolean> tested = codePresence.testExistsFor(project.id, filePath, project.framework);
            if (tested.isPresent()) {
                tests = new Flag(tested.get(), true);
            }
        }
        return new ComponentRow(id, name, type, filePath, description, contextId, contextName, Flag.manual(docs), code, tests, dirty,
                version, docVersion, docApproved, dependsOn);
    }

    /** Checks a form and answers the chosen context (null for none); 422 with every problem otherwise. */
    private UUID check(UUID projectId, ComponentForm form, UUID self) {
        FormErrors errors = validation.check(form);
        if (form.type() == null || !Component.TYPES.contains(form.type())) {
            errors.add("type", "Choose one of: " + String.join(", ", Component.TYPES));
        }
        String pathProblem = Component.filePathProblem(form.filePath());
        if (pathProblem != null && !errors.has("filePath")) {
            errors.add("filePath", pathProblem);
        }
        UUID contextId = null;
        if (form.contextId() != null && !form.contextId().isBlank()) {
            contextId = parse(form.contextId());
            BoundedContext ctx = contextId == null ? null : BoundedContext.findById(contextId);
            if (ctx == null || !ctx.projectId.equals(projectId)) {
                errors.add("contextId", "No such context in this project");
            }
        }
        if (!errors.has("name") && form.name() != null) {
            NameLock.take(em, "components", projectId, form.name());
            long same = em.createQuery("select count(c) from Component c where c.projectId = :p and lower(c.name) = lower(:n) "
                            + "and c.id <> :self", Long.class)
                    .setParameter("p", projectId).setParameter("n", form.name().trim())
                    .setParameter("self", self == null ? new UUID(0, 0) : self).getSingleResult();
            if (same > 0) {
                errors.add("name", "Another component is already called " + form.name().trim());
            }
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        return contextId;
    }

    private static void apply(Component c, ComponentForm form, UUID contextId) {
        c.name = form.name().trim();
        c.type = form.type();
        c.filePath = form.filePath() == null ? "" : form.filePath().strip();
        c.description = form.description() == null || form.description().isBlank() ? null : form.description().strip();
        c.contextId = contextId;
    }

    static UUID parse(String id) {
        return Ids.parseOrNull(id);
    }
}
