package dev.specboard.design;

import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
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

    public boolean locked;

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("^[A-Za-z0-9_-]{1,100}$");

    /** What the journey page calls its own forms (the journey's, the new node's, the new connection's), so no node may. */
    private static final java.util.Set<String> PAGE_FORMS = java.util.Set.of("journey", "new", "connect");

    /** Why a node key cannot be used, or null: its characters, or a word the journey page keeps for its own forms. */
    static String keyProblem(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return "A key is letters, digits, - and _ (at most 100)";
        }
        if (PAGE_FORMS.contains(key.toLowerCase(java.util.Locale.ROOT))) {
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

    /** Adds a connection to {@code to}; a decision's connection labelled with a branch is that branch (a new one if unknown). */
    void connect(FlowNode to, String label, String trigger, String element) {
        List<FlowModel.Connection> cs = FlowModel.connections(connections);
        cs.add(new FlowModel.Connection(to.id, blank(trigger) ? null : trigger.strip(), blank(element) ? null : element.strip(),
                blank(label) ? null : label.strip()));
        connections = DesignJson.write(cs);
        if (nodeType.equals("decision") && !blank(label)) {
            FlowModel.Data d = FlowModel.data(data);
            List<FlowModel.Branch> branches = new ArrayList<>();
            boolean known = false;
            for (FlowModel.Branch b : d.branches()) {
                if (b.label().equals(label.strip())) {
                    branches.add(new FlowModel.Branch(b.label(), to.nodeKey, b.condition()));
                    known = true;
                } else {
                    branches.add(b);
                }
            }
            if (!known) {
                branches.add(new FlowModel.Branch(label.strip(), to.nodeKey, null));
            }
            data = DesignJson.write(new FlowModel.Data(d.label(), d.pageId(), d.mockupId(), d.question(), branches, d.operation(), d.entity(),
                    d.fields(), d.text(), d.end(), d.start()));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
