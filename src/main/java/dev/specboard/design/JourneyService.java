package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Journey flows as a whole: creating, describing, replacing all nodes and connections at once (from the API) and deleting them; {@link JourneyNodeService} edits one node or connection, {@link JourneyViews} draws and checks them. */
@ApplicationScoped
public class JourneyService {

    /** A connection from the API, between node keys. */
    public record ConnectionInput(String from, String to, String trigger, String element, String label) {
    }

    @Inject
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    PageService pages;

    public JourneyFlow get(UUID projectId, UUID id) {
        return JourneyFlow.inProject(projectId, id).orElseThrow(() -> ApiException.notFound("No such journey in this project"));
    }

    public List<FlowNode> nodes(UUID flowId) {
        return FlowNode.<FlowNode>find("flowId = ?1 order by createdAt, nodeKey", flowId).list();
    }

    /** Creates an empty journey. */
    @Transactional
    public JourneyFlow create(Access access, JourneyForm form) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = new JourneyFlow();
        f.projectId = access.project().id;
        describe(f, form);
        f.savedBy(access.accountId());
        f.persist();
        return f;
    }

    /** Renames a journey, changes its type or description, or makes it the primary flow; 409 with both if based on an older version. */
    @Transactional
    public JourneyFlow update(Access access, UUID flowId, JourneyForm form) {
        return update(access, flowId, form, null, null, Map.of());
    }

    /** Deletes a journey with its nodes, drops it from the features that required it and withdraws its open branch questions. */
    @Transactional
    public void delete(Access access, UUID flowId) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = get(access.project().id, flowId);
        Feature.dropJourney(f.projectId, f.id, () -> em.refresh(f, LockModeType.PESSIMISTIC_WRITE), access.accountId());
        // A decided question stays in the chain, its source shown by name; an open one would ask about nothing.
        ThoughtService.bySubjectPrefix(f.projectId, "branch:" + f.id + ".").values().stream().filter(t -> !t.decided()).forEach(Thought::delete);
        f.delete();
    }

    private void describe(JourneyFlow f, JourneyForm form) {
        FormErrors errors = validation.check(form);
        String type = JourneyFlow.type(form.flowType(), errors);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        f.name = form.name().strip();
        f.flowType = type;
        f.description = blank(form.description()) ? null : form.description().strip();
        if (form.primary() && !f.primary) {
            // One primary flow per project: the newly chosen one replaces the last.
            em.createQuery("update JourneyFlow j set j.primary = false where j.projectId = :p and j.primary = true").setParameter("p", f.projectId).executeUpdate();
        }
        f.primary = form.primary();
    }

    /** Creates a journey with its nodes and connections in one transaction; 422 names an unknown node key or node type. */
    @Transactional
    public JourneyFlow create(Access access, JourneyForm form, List<NodeForm> nodes, List<ConnectionInput> connections) {
        return create(access, form, nodes, connections, Map.of());
    }

    /** Creates a journey as {@link #create(Access, JourneyForm, List, List)} does, with the nodes keyed in {@code locks} locked or not. */
    @Transactional
    public JourneyFlow create(Access access, JourneyForm form, List<NodeForm> nodes, List<ConnectionInput> connections, Map<String, Boolean> locks) {
        JourneyFlow f = create(access, form);
        graph(access, f, nodes, connections, Map.of(), locks);
        return f;
    }

    /**
     * Changes a journey's details and, when {@code nodes} are given, replaces its nodes and connections as {@link #create}
     * takes them (a node keeping its key keeps its place on the canvas); 409 with both versions if based on an older one.
     * A locked node must come again as it is (409 naming it otherwise) unless {@code locks} unlocks it; {@code locks} also
     * locks nodes, and a node it does not name keeps its lock.
     */
    @Transactional
    public JourneyFlow update(Access access, UUID flowId, JourneyForm form, List<NodeForm> nodes, List<ConnectionInput> connections,
                              Map<String, Boolean> locks) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = lock(access, flowId);
        f.requireVersion(form, access.accountId());
        String named = f.name;
        List<Object> before = java.util.Arrays.asList(f.name, f.flowType, f.description, f.primary);
        describe(f, form);
        // An update that changes nothing (a client sending back what it read) is no new version: a concurrent editor's stays valid.
        boolean changed = !before.equals(java.util.Arrays.asList(f.name, f.flowType, f.description, f.primary));
        boolean redrawn = false;
        if (nodes != null) {
            Map<String, FlowNode> existing = new LinkedHashMap<>();
            nodes(f.id).forEach(n -> existing.put(n.nodeKey, n));
            redrawn = graph(access, f, nodes, connections, existing, locks);
        }
        if (!redrawn && !f.name.equals(named)) {
            // The open branch questions name their journey: renamed, they would still ask about "Signup".
            askAboutBranches(f);
        }
        if (changed || redrawn) {
            f.version++;
            f.savedBy(access.accountId());
        }
        return f;
    }

    /**
     * Checks a whole set of nodes and connections and makes them the journey's: the {@code existing} nodes given again take
     * the new data (no connections left from before), the others go; 422 names each unknown node key or type. Answers
     * whether anything changed: the same nodes and connections again are left as they are.
     */
    private boolean graph(Access access, JourneyFlow f, List<NodeForm> nodes, List<ConnectionInput> connections, Map<String, FlowNode> existing,
                       Map<String, Boolean> locks) {
        Map<String, String> tooMany = JourneyFlow.sizeProblems(nodes.size(), connections == null ? 0 : connections.size());
        if (!tooMany.isEmpty()) {
            FormErrors sizes = FormErrors.none();
            tooMany.forEach(sizes::add);
            throw new ValidationException(sizes);
        }
        Map<String, FlowNode> byKey = new LinkedHashMap<>();
        // Every well-formed key, also of a node refused for its type: a connection to it names no unknown node.
        java.util.Set<String> keys = new java.util.HashSet<>();
        java.util.Set<String> lowered = new java.util.HashSet<>();
        FormErrors errors = FormErrors.none();
        for (int i = 0; i < nodes.size(); i++) {
            NodeForm n = nodes.get(i);
            String problem = FlowNode.keyProblem(n.key());
            if (problem != null) {
                errors.add("nodes[" + i + "].key", problem);
                continue;
            }
            // Keys differing only in case would read as one node to a person and name two; kept keys are checked too.
            if (!lowered.add(n.key().toLowerCase(java.util.Locale.ROOT))) {
                errors.add("nodes[" + i + "].key", "The key " + n.key() + " is used twice (keys are told apart without regard to case)");
                continue;
            }
            keys.add(n.key());
            try {
                // Checked on a new node: a kept one changes only once all are valid (no half-edited row flushed meanwhile).
                FlowNode old = existing.get(n.key());
                byKey.put(n.key(), node(access, f, new FlowNode(), n, old == null ? null : FlowModel.data(old.data).pageId(), null));
            } catch (ValidationException e) {
                int at = i;
                e.errors().asMap().forEach((k, v) -> errors.add("nodes[" + at + "]." + k, v));
            }
        }
        for (int i = 0; i < connections.size(); i++) {
            ConnectionInput c = connections.get(i);
            if (!keys.contains(c.from())) {
                errors.add("connections[" + i + "].from", "There is no node " + c.from());
            }
            if (!keys.contains(c.to())) {
                errors.add("connections[" + i + "].to", "There is no node " + c.to());
            } else if (c.to().equals(c.from())) {
                errors.add("connections[" + i + "].to", JourneyGraph.selfLoop(c.from()));
            }
            // The same limits as the page's connection form: a label, trigger or element of any length was stored before.
            int at = i;
            validation.check(new ConnectionForm(c.from(), c.to(), c.label(), c.trigger(), c.element())).asMap()
                    .forEach((k, v) -> errors.add("connections[" + at + "]." + k, v));
        }
        JourneyGraph.refuseRepeats(connections, errors);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        // A locked node stays as it is unless this very update unlocks it: checked before anything changes.
        List<String> held = existing.values().stream().filter(n -> n.locked && !Boolean.FALSE.equals(locks.get(n.nodeKey))
                && (!byKey.containsKey(n.nodeKey) || !n.sameAs(byKey.get(n.nodeKey)))).map(n -> n.nodeKey).toList();
        if (!held.isEmpty()) {
            throw ApiException.conflict((held.size() == 1 ? "The node " + held.get(0) + " is locked" : "The nodes " + String.join(", ", held) + " are locked")
                    + ": give it again as it is, or unlock it (locked: false) to change or remove it", Map.of("locked", held));
        }
        if (JourneyGraph.unchanged(existing, byKey, locks, connections)) {
            return false;
        }
        Map<String, FlowModel.Position> positions = new LinkedHashMap<>(FlowModel.canvas(f.canvasState).positions());
        existing.forEach((key, old) -> {
            if (!byKey.containsKey(key)) {
                positions.remove(key);
                old.delete();
            }
        });
        byKey.replaceAll((key, fresh) -> {
            FlowNode kept = existing.get(key);
            if (kept == null) {
                fresh.persist();
                return fresh;
            }
            kept.nodeType = fresh.nodeType;
            kept.data = fresh.data;
            kept.connections = "[]";
            return kept;
        });
        byKey.forEach((key, n) -> n.locked = locks.getOrDefault(key, n.locked));
        if (!existing.isEmpty()) {
            f.canvasState = DesignJson.write(new FlowModel.Canvas(positions));
        }
        // Each node's connections are set before its row is written, in one go: one insert (or update) a node, not one a connection.
        Map<String, List<FlowNode.Outgoing>> outgoing = new LinkedHashMap<>();
        for (ConnectionInput c : connections) {
            outgoing.computeIfAbsent(c.from(), k -> new java.util.ArrayList<>()).add(new FlowNode.Outgoing(byKey.get(c.to()), c.label(), c.trigger(),
                    c.element()));
        }
        outgoing.forEach((key, out) -> byKey.get(key).connect(out));
        // Rows written in batches: a journey of 500 nodes was 500 round trips to the database.
        em.unwrap(org.hibernate.Session.class).setJdbcBatchSize(100);
        em.flush();
        askAboutBranches(f);
        return true;
    }

    void askAboutBranches(JourneyFlow f) {
        BranchQuestions.ask(f, nodes(f.id));
    }

    /**
     * Checks a node form (its limits here, its content on the node) and copies it onto the node; a screen given a new
     * page's path instead of a page shows the page there, made a placeholder when there is none; {@code shown}: the page
     * the node shows now, which it may keep naming though it was deleted (see {@link FlowNode#take}).
     */
    FlowNode node(Access access, JourneyFlow f, FlowNode n, NodeForm form, UUID shown, String keyProblem) {
        FormErrors errors = keyProblem == null ? validation.check(form) : validation.check(form).add("key", keyProblem);
        NodeForm taken = form;
        if (form.wantsNewPage() && form.page() != null && !form.page().isBlank()) {
            errors.add("newPage", "Choose a page or give a new one's path, not both");
        } else if (!errors.has("newPage") && form.wantsNewPage()) {
            Page p = pages.forScreen(access, form.newPage(), f.name);
            taken = new NodeForm(form.key(), form.nodeType(), form.label(), p.id.toString(), form.question(), form.branches(), form.operation(),
                    form.entity(), form.text(), form.end(), form.start(), "");
        }
        return n.take(f.id, taken, access.project().id, errors, shown);
    }

    FlowNode node(UUID flowId, String key) {
        return FlowNode.<FlowNode>find("flowId = ?1 and nodeKey = ?2", flowId, key).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("No node " + key + " in this journey"));
    }

    /** The journey, locked against concurrent edits until the transaction ends. */
    JourneyFlow lock(Access access, UUID flowId) {
        JourneyFlow f = get(access.project().id, flowId);
        em.refresh(f, LockModeType.PESSIMISTIC_WRITE);
        return f;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
