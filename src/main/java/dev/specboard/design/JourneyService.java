package dev.specboard.design;

import dev.specboard.kernel.Ids;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Journey flows: creating them (with nodes and connections at once from the API), editing nodes and connections, positions; {@link JourneyViews} draws and checks them. */
@ApplicationScoped
public class JourneyService {

    /** A connection from the API, between node keys. */
    public record ConnectionInput(String from, String to, String trigger, String element, String label) {
    }

    @Inject
    EntityManager em;

    @Inject
    Validation validation;

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
        f.persist();
        return f;
    }

    /** Renames a journey, changes its type or description, or makes it the primary flow; 409 with both if based on an older version. */
    @Transactional
    public JourneyFlow update(Access access, UUID flowId, JourneyForm form) {
        return update(access, flowId, form, null, null);
    }

    /** Deletes a journey with its nodes, drops it from the features that required it and withdraws its open branch questions. */
    @Transactional
    public void delete(Access access, UUID flowId) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = get(access.project().id, flowId);
        Feature.dropJourney(f.projectId, f.id, () -> em.refresh(f, LockModeType.PESSIMISTIC_WRITE));
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
        JourneyFlow f = create(access, form);
        graph(access, f, nodes, connections, Map.of());
        return f;
    }

    /**
     * Changes a journey's details and, when {@code nodes} are given, replaces its nodes and connections as {@link #create}
     * takes them (a node keeping its key keeps its place on the canvas); 409 with both versions if based on an older one.
     */
    @Transactional
    public JourneyFlow update(Access access, UUID flowId, JourneyForm form, List<NodeForm> nodes, List<ConnectionInput> connections) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = lock(access, flowId);
        f.requireVersion(form);
        describe(f, form);
        if (nodes != null) {
            Map<String, FlowNode> existing = new LinkedHashMap<>();
            nodes(f.id).forEach(n -> existing.put(n.nodeKey, n));
            graph(access, f, nodes, connections, existing);
        }
        f.version++;
        return f;
    }

    /**
     * Checks a whole set of nodes and connections and makes them the journey's: the {@code existing} nodes given again take
     * the new data (no connections left from before), the others go; 422 names each unknown node key or type.
     */
    private void graph(Access access, JourneyFlow f, List<NodeForm> nodes, List<ConnectionInput> connections, Map<String, FlowNode> existing) {
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
                byKey.put(n.key(), node(f, new FlowNode(), n, access.project().id));
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
            }
            // The same limits as the page's connection form: a label, trigger or element of any length was stored before.
            int at = i;
            validation.check(new ConnectionForm(c.from(), c.to(), c.label(), c.trigger(), c.element())).asMap()
                    .forEach((k, v) -> errors.add("connections[" + at + "]." + k, v));
        }
        if (errors.any()) {
            throw new ValidationException(errors);
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
        if (!existing.isEmpty()) {
            f.canvasState = DesignJson.write(new FlowModel.Canvas(positions));
        }
        em.flush();
        for (ConnectionInput c : connections) {
            byKey.get(c.from()).connect(byKey.get(c.to()), c.label(), c.trigger(), c.element());
        }
        askAboutBranches(f);
    }

    /** Adds a node (a key is made up when none is given). */
    @Transactional
    public FlowNode addNode(Access access, UUID flowId, NodeForm form) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = lock(access, flowId);
        List<FlowNode> existing = nodes(f.id);
        String key = form.key() == null || form.key().isBlank() ? FlowNode.freeKey(form.nodeType(), existing) : form.key().strip();
        String problem = FlowNode.keyProblem(key);
        if (problem != null) {
            throw ValidationException.of("key", problem);
        }
        if (existing.stream().anyMatch(n -> n.nodeKey.equalsIgnoreCase(key))) {
            throw ValidationException.of("key", "The key " + key + " is taken in this journey");
        }
        FlowNode n = node(f, new FlowNode(), form, access.project().id);
        n.nodeKey = key;
        n.persist();
        f.version++;
        askAboutBranches(f);
        return n;
    }

    /**
     * Changes a node's data (its type and key stay); based on another version of the journey, 409 with the node's current
     * data and what was typed, as the journey's details are refused (no version given: no check).
     */
    @Transactional
    public FlowNode updateNode(Access access, UUID flowId, String key, NodeForm form, Integer version) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = lock(access, flowId);
        FlowNode n = node(f.id, key);
        f.requireVersion(version, n, form);
        node(f, n, new NodeForm(key, n.nodeType, form.label(), form.page(), form.question(), form.branches(), form.operation(), form.entity(),
                form.text(), form.end(), form.start()), access.project().id);
        f.version++;
        askAboutBranches(f);
        return n;
    }

    /** Removes a node and every connection that led to it. */
    @Transactional
    public void removeNode(Access access, UUID flowId, String key) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = lock(access, flowId);
        FlowNode gone = node(f.id, key);
        for (FlowNode n : nodes(f.id)) {
            List<FlowModel.Connection> cs = FlowModel.connections(n.connections);
            if (cs.removeIf(c -> gone.id.equals(c.targetNodeId()))) {
                n.connections = DesignJson.write(cs);
            }
        }
        FlowModel.Canvas canvas = FlowModel.canvas(f.canvasState);
        if (canvas.positions().containsKey(key)) {
            Map<String, FlowModel.Position> p = new LinkedHashMap<>(canvas.positions());
            p.remove(key);
            f.canvasState = DesignJson.write(new FlowModel.Canvas(p));
        }
        gone.delete();
        f.version++;
        askAboutBranches(f);
    }

    /** Connects two nodes; a decision's connection labelled with a branch is that branch. */
    @Transactional
    public void connect(Access access, UUID flowId, ConnectionForm form) {
        access.requireWrite(Role.MEMBER);
        FormErrors errors = validation.check(form);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        JourneyFlow f = lock(access, flowId);
        FlowNode from = FlowNode.<FlowNode>find("flowId = ?1 and nodeKey = ?2", f.id, form.from()).firstResult();
        FlowNode to = FlowNode.<FlowNode>find("flowId = ?1 and nodeKey = ?2", f.id, form.to()).firstResult();
        if (from == null) {
            errors.add("from", "There is no node " + form.from());
        }
        if (to == null) {
            errors.add("to", "There is no node " + form.to());
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        from.connect(to, form.label(), form.trigger(), form.element());
        f.version++;
        askAboutBranches(f);
    }

    /** Removes one outgoing connection of a node (by its place in the node's list). */
    @Transactional
    public void disconnect(Access access, UUID flowId, String key, int index) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = lock(access, flowId);
        FlowNode n = node(f.id, key);
        List<FlowModel.Connection> cs = FlowModel.connections(n.connections);
        if (index < 0 || index >= cs.size()) {
            throw ApiException.notFound("No such connection");
        }
        cs.remove(index);
        n.connections = DesignJson.write(cs);
        f.version++;
        askAboutBranches(f);
    }

    /** Keeps where a member dragged a node (kept in the node's {@code position} and the flow's {@code canvas_state}). */
    @Transactional
    public void move(Access access, UUID flowId, String key, double x, double y) {
        access.requireWrite(Role.MEMBER);
        if (!Double.isFinite(x) || !Double.isFinite(y) || x < 0 || y < 0 || x > 100000 || y > 100000) {
            throw ValidationException.of(Double.isFinite(x) && x >= 0 && x <= 100000 ? "y" : "x", "A position is two numbers between 0 and 100000");
        }
        JourneyFlow f = lock(access, flowId);
        FlowNode n = node(f.id, key);
        FlowModel.Position p = new FlowModel.Position(Math.round(x), Math.round(y));
        n.position = DesignJson.write(p);
        Map<String, FlowModel.Position> positions = new LinkedHashMap<>(FlowModel.canvas(f.canvasState).positions());
        positions.put(key, p);
        f.canvasState = DesignJson.write(new FlowModel.Canvas(positions));
    }

    private void askAboutBranches(JourneyFlow f) {
        BranchQuestions.ask(f, nodes(f.id));
    }
    /** Checks a node form and copies it onto the node. */
    private FlowNode node(JourneyFlow f, FlowNode n, NodeForm form, UUID projectId) {
        FormErrors errors = validation.check(form);
        String type = form.nodeType() == null ? "" : form.nodeType().strip().toLowerCase(Locale.ROOT);
        if (!FlowNode.TYPES.contains(type)) {
            errors.add("nodeType", "Choose one of " + String.join(", ", FlowNode.TYPES));
        }
        UUID pageId = null;
        UUID mockupId = null;
        if (type.equals("screen")) {
            if (blank(form.page())) {
                errors.add("page", "Choose the page this screen shows");
            } else {
                UUID pid = Ids.parseOrNull(form.page());
                java.util.Optional<Page> p = pid != null ? Page.inProject(projectId, pid) : Page.byPath(projectId, PageService.normalise(form.page()));
                if (p.isEmpty()) {
                    errors.add("page", "There is no page " + form.page() + " in this project");
                } else {
                    pageId = p.get().id;
                    mockupId = p.get().currentMockupId;
                }
            }
        }
        if (type.equals("decision") && blank(form.question())) {
            errors.add("question", "Ask the decision's question");
        }
        String operation = null;
        if (type.equals("database")) {
            operation = blank(form.operation()) ? "" : form.operation().strip().toUpperCase(Locale.ROOT);
            if (!NodeForm.OPERATIONS.contains(operation)) {
                errors.add("operation", "Choose one of CREATE, READ, UPDATE, DELETE");
            }
            if (blank(form.entity())) {
                errors.add("entity", "Name the entity");
            }
        }
        if ((type.equals("action") || type.equals("annotation")) && blank(form.label()) && blank(form.text())) {
            errors.add(type.equals("action") ? "label" : "text", "Say what it is");
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        FlowModel.Data old = n.data == null ? null : FlowModel.data(n.data);
        List<FlowModel.Branch> branches = new ArrayList<>();
        for (String b : type.equals("decision") ? form.branchList() : List.<String>of()) {
            String target = old == null ? null : old.branches().stream().filter(x -> x.label().equals(b)).findFirst().map(FlowModel.Branch::targetNode).orElse(null);
            branches.add(new FlowModel.Branch(b, target, null));
        }
        n.flowId = f.id;
        n.nodeType = type;
        if (n.nodeKey == null) {
            n.nodeKey = form.key() == null ? null : form.key().strip();
        }
        n.data = DesignJson.write(new FlowModel.Data(blank(form.label()) ? null : form.label().strip(), pageId, mockupId,
                type.equals("decision") ? form.question().strip() : null, branches, operation, type.equals("database") ? form.entity().strip() : null,
                List.of(), blank(form.text()) ? null : form.text().strip(), form.ends() ? Boolean.TRUE : null, form.starts() ? Boolean.TRUE : null));
        return n;
    }

    private FlowNode node(UUID flowId, String key) {
        return FlowNode.<FlowNode>find("flowId = ?1 and nodeKey = ?2", flowId, key).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("No node " + key + " in this journey"));
    }

    private JourneyFlow lock(Access access, UUID flowId) {
        JourneyFlow f = get(access.project().id, flowId);
        em.refresh(f, LockModeType.PESSIMISTIC_WRITE);
        return f;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
