package dev.specboard.design;

import dev.specboard.kernel.Ids;
import dev.specboard.kernel.TimestampedEntity;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.ValidationException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** One node of a journey flow with its type's data and its outgoing connections (seed 004's flow_nodes). */
@Entity
@Table(name = "flow_nodes")
public class FlowNode extends TimestampedEntity {

    public static final List<String> TYPES = List.of("screen", "decision", "action", "database", "annotation");

    @Column(name = "flow_id", nullable = false, updatable = false)
    public UUID flowId;

    @Column(name = "node_key")
    public String nodeKey;

    @Column(name = "node_type")
    public String nodeType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String position = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    public String size = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String data = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    public String connections = "[]";

    /** A locked node keeps its data and its place and cannot be removed until a member unlocks it; connections to and from it may still change. */
    public boolean locked;

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("^[A-Za-z0-9_-]{1,100}$");

    /** What the journey page calls its own forms (the journey's, the new node's, the new connection's), so no node may. */
    private static final java.util.Set<String> PAGE_FORMS = java.util.Set.of("journey", "new", "connect");

    /** Why a node key cannot be used, or null: its characters, or a word the journey page keeps for its own forms. */
    static String keyProblem(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return "A key is letters, digits, - and _ (at most 100)";
        }
        if (PAGE_FORMS.contains(key.toLowerCase(Locale.ROOT))) {
            return "The key " + key + " names one of the journey page's own forms (journey, new, connect): choose another";
        }
        return null;
    }

    /** A key for a new node of this type that none of the journey's nodes has yet (screen-3). */
    static String freeKey(String type, List<FlowNode> existing) {
        String base = type == null || !TYPES.contains(type) ? "node" : type;
        for (int i = existing.size() + 1; ; i++) {
            String k = base + "-" + i;
            if (existing.stream().noneMatch(n -> n.nodeKey.equals(k))) {
                return k;
            }
        }
    }

    /** What the step a branch answered "The journey ends there." leads to is called: an action marked as an end. */
    static final String END_STEP = "End";

    /** Whether this is a journey's end step: the action "End" marked as an end, that ended branches lead to. */
    boolean isEndStep() {
        FlowModel.Data d = FlowModel.data(data);
        return nodeType.equals("action") && d.ends() && END_STEP.equals(d.label());
    }

    /** A new end step for the journey {@code flow}, keyed end (end-2, ... when one of {@code existing} has that key). */
    static FlowNode endStep(UUID flow, List<FlowNode> existing) {
        FlowNode n = new FlowNode();
        n.flowId = flow;
        n.nodeType = "action";
        n.nodeKey = "end";
        for (int i = 2; existing.stream().anyMatch(o -> o.nodeKey.equalsIgnoreCase(n.nodeKey)); i++) {
            n.nodeKey = "end-" + i;
        }
        n.data = DesignJson.write(new FlowModel.Data(END_STEP, null, null, null, null, null, null, null, null, Boolean.TRUE, null));
        return n;
    }

    /** Refuses (409) to {@code change} this node while it is locked: the lock is what keeps a finished part of a journey as it is. */
    void requireUnlocked(String change) {
        if (locked) {
            throw ApiException.conflict("The node " + nodeKey + " is locked: unlock it to " + change + " it",
                    Map.of("locked", List.of(nodeKey)));
        }
    }

    /**
     * Whether {@code fresh} (this node as given again in a whole-journey update) says what this node says: its type and
     * every typed value; where its branches lead and which mockup its page shows now are its connections and its page's.
     */
    boolean sameAs(FlowNode fresh) {
        return typed(nodeType, FlowModel.data(data)).equals(typed(fresh.nodeType, FlowModel.data(fresh.data)));
    }

    /** A short fingerprint of what the node's edit form shows (its type and typed values), carried by the form to tell whether the node changed since. */
    String seen() {
        return seen(nodeType, FlowModel.data(data));
    }

    static String seen(String type, FlowModel.Data d) {
        return fingerprint(typed(type, d));
    }

    /** The same for one outgoing connection (where it leads, its trigger, element and label), carried by its remove form. */
    static String seen(FlowModel.Connection c) {
        return fingerprint(java.util.Arrays.asList(c.targetNodeId(), c.trigger(), c.element(), c.label()));
    }

    private static String fingerprint(List<Object> values) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(values.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> typed(String type, FlowModel.Data d) {
        return java.util.Arrays.asList(type, d.label(), d.pageId(), d.question(), d.branches().stream().map(FlowModel.Branch::label).toList(),
                d.operation(), d.entity(), d.text(), d.ends(), d.starts());
    }

    /** A connection to add: the node it leads to, its label (a decision's branch), trigger and element. */
    record Outgoing(FlowNode to, String label, String trigger, String element) {
    }

    /** Adds a connection to {@code to}; a decision's connection labelled with a branch is that branch (a new one if unknown). */
    void connect(FlowNode to, String label, String trigger, String element) {
        connect(List.of(new Outgoing(to, label, trigger, element)));
    }

    /**
     * Adds connections in order, each as {@link #connect(FlowNode, String, String, String)} does, reading and writing the
     * node's JSON once: a whole journey's connections added one by one rewrote a node's JSON (and its row) for each.
     */
    void connect(List<Outgoing> outgoing) {
        if (outgoing.isEmpty()) {
            return;
        }
        List<FlowModel.Connection> cs = FlowModel.connections(connections);
        FlowModel.Data d = null;
        List<FlowModel.Branch> branches = null;
        for (Outgoing o : outgoing) {
            cs.add(new FlowModel.Connection(o.to().id, blank(o.trigger()) ? null : o.trigger().strip(), blank(o.element()) ? null : o.element().strip(),
                    blank(o.label()) ? null : o.label().strip()));
            if (!nodeType.equals("decision") || blank(o.label())) {
                continue;
            }
            if (d == null) {
                d = FlowModel.data(data);
                branches = new ArrayList<>(d.branches());
            }
            String label = o.label().strip();
            int at = 0;
            while (at < branches.size() && !branches.get(at).label().equals(label)) {
                at++;
            }
            if (at < branches.size()) {
                branches.set(at, new FlowModel.Branch(label, o.to().nodeKey, branches.get(at).condition()));
            } else {
                branches.add(new FlowModel.Branch(label, o.to().nodeKey, null));
            }
        }
        connections = DesignJson.write(cs);
        if (d != null) {
            data = DesignJson.write(new FlowModel.Data(d.label(), d.pageId(), d.mockupId(), d.question(), branches, d.operation(), d.entity(),
                    d.fields(), d.text(), d.end(), d.start()));
        }
    }

    /**
     * Takes what a node form says once it makes sense for its type (a screen's page exists in the project, a decision asks
     * a question, ...), adding each problem to {@code errors} (the form's own limits, already checked) and refusing with all.
     * A screen may keep naming the page it {@code shown} though that page was deleted: deleting a page leaves the journeys
     * showing it as they were (a locked node's data too) and their check flags those screens, as Figma leaves a prototype's
     * connection to a deleted frame in place, marked broken; so a journey sent back as read is taken, not refused with 422
     * for a page nobody named anew, and a locked node stays savable without unlocking it.
     */
    FlowNode take(UUID flow, NodeForm form, UUID projectId, FormErrors errors, UUID shown) {
        String type = form.nodeType() == null ? "" : form.nodeType().strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            errors.add("nodeType", "Choose one of " + String.join(", ", TYPES));
        }
        UUID pageId = null;
        UUID mockupId = null;
        if (type.equals("screen")) {
            if (blank(form.page())) {
                errors.add("page", "Choose the page this screen shows");
            } else {
                UUID pid = Ids.parseOrNull(form.page());
                java.util.Optional<Page> p = pid != null ? Page.inProject(projectId, pid) : Page.byPath(projectId, PageService.normalise(form.page()));
                if (p.isEmpty() && pid != null && pid.equals(shown)) {
                    pageId = pid;
                } else if (p.isEmpty()) {
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
        FlowModel.Data old = data == null ? null : FlowModel.data(data);
        List<FlowModel.Branch> branches = new ArrayList<>();
        for (String b : type.equals("decision") ? form.branchList() : List.<String>of()) {
            String target = old == null ? null : old.branches().stream().filter(x -> x.label().equals(b)).findFirst().map(FlowModel.Branch::targetNode).orElse(null);
            branches.add(new FlowModel.Branch(b, target, null));
        }
        flowId = flow;
        nodeType = type;
        if (nodeKey == null) {
            nodeKey = form.key() == null ? null : form.key().strip();
        }
        data = DesignJson.write(new FlowModel.Data(blank(form.label()) ? null : form.label().strip(), pageId, mockupId,
                type.equals("decision") ? form.question().strip() : null, branches, operation, type.equals("database") ? form.entity().strip() : null,
                List.of(), blank(form.text()) ? null : form.text().strip(), form.ends() ? Boolean.TRUE : null, form.starts() ? Boolean.TRUE : null));
        return this;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
