package dev.specboard.design;

import dev.specboard.kernel.StaleVersionException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A user journey: a flow of screens, decisions, actions, database steps and notes (seed 004's journey_flows). */
@Entity
@Table(name = "journey_flows")
public class JourneyFlow extends EditedEntity {

    public static final List<String> TYPES = List.of("user", "admin", "system", "error");

    /**
     * The most nodes a journey holds: the journey page draws every node on one canvas and checks the whole flow on each
     * change, which stays readable and quick up to a few hundred.
     */
    public static final int MAX_NODES = 500;

    /** The most connections a journey holds: four per node on average at the most nodes. */
    public static final int MAX_CONNECTIONS = 2000;

    /** What is too many in a journey of this many nodes and connections, by field ({@code nodes}, {@code connections}); empty when neither is. */
    public static java.util.Map<String, String> sizeProblems(int nodes, int connections) {
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (nodes > MAX_NODES) {
            problems.put("nodes", "A journey has at most " + MAX_NODES + " nodes; this one has " + nodes);
        }
        if (connections > MAX_CONNECTIONS) {
            problems.put("connections", "A journey has at most " + MAX_CONNECTIONS + " connections; this one has " + connections);
        }
        return problems;
    }

    /** Why one more node does not fit in a journey of {@code nodes} nodes (the page's add-node form), or null when it does. */
    public static String noRoomForNode(int nodes) {
        return nodes >= MAX_NODES ? "A journey has at most " + MAX_NODES + " nodes; remove one before adding another" : null;
    }

    /**
     * Why one more connection does not fit in a journey of {@code connections} connections (the page's connect form), or
     * null when it does: the page added connections past the cap the API refuses a whole journey for.
     */
    public static String noRoomForConnection(int connections) {
        return connections >= MAX_CONNECTIONS
                ? "A journey has at most " + MAX_CONNECTIONS + " connections; remove one before adding another" : null;
    }

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    public String name;
    public String description;

    @Column(name = "flow_type")
    public String flowType;

    @Column(name = "is_primary")
    public boolean primary;

    /** Where each node was dragged to: {@code {"positions": {"key": {"x":..,"y":..}}}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "canvas_state", nullable = false)
    public String canvasState = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    public String viewport = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "filters_applied")
    public String filtersApplied = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "display_settings")
    public String displaySettings = "{}";

    public int version = 1;

    /** A journey type as typed, lowercase; an unknown one is named in {@code errors}. */
    static String type(String type, dev.specboard.web.FormErrors errors) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String t = type.strip().toLowerCase(java.util.Locale.ROOT);
        if (!TYPES.contains(t)) {
            errors.add("flowType", "Choose one of " + String.join(", ", TYPES));
        }
        return t;
    }

    /**
     * Refuses an edit of the journey's details based on another version: 422 for one never saved, 409 with both texts
     * for an older one (someone changed the journey meanwhile, its details or its nodes), naming who did as {@code caller}
     * sees them. No version given: no check.
     */
    void requireVersion(JourneyForm form, UUID caller) {
        StaleVersionException.requireGiven("version", form.version());
        requireVersion(form.version(), () -> StaleVersionException.texts("name", name, "flowType", flowType, "description", description),
                () -> StaleVersionException.texts("name", form.name(), "flowType", form.flowType(), "description", form.description()), caller);
    }

    /**
     * The same for an edit of one of its nodes, checked on the node alone: based on an older version of the journey, it is
     * saved when the node still says what its form showed ({@code seen}, {@link FlowNode#seen}; another node added or
     * edited meanwhile is no conflict), else 409 with the node's saved texts and the typed ones. No {@code seen}: any change is.
     */
    void requireVersion(Integer given, FlowNode node, NodeForm typed, String seen, UUID caller) {
        StaleVersionException.requireSaved("The journey " + name, given, version);
        if (given == null || given == version || node.seen().equals(seen)) {
            return;
        }
        FlowModel.Data d = FlowModel.data(node.data);
        // The page shows the node's saved data in its outline entry and what was typed in its form below: no second form to compare.
        throw StaleVersionException.withMessage("The node " + node.nodeKey + " was changed while you edited it (you opened version " + given
                        + " of the journey " + name + ", it is now version " + version + "). What you typed is kept in the form; the node's saved text "
                        + "is shown above it. Save again to replace that text.", given, version,
                StaleVersionException.texts("label", d.label(), "question", d.question(), "text", d.text(), "entity", d.entity()),
                StaleVersionException.texts("label", typed.label(), "question", typed.question(), "text", typed.text(), "entity", typed.entity()),
                savedByAsSeenBy(caller));
    }

    /**
     * The same for a change that types nothing (removing, locking or unlocking a node, removing one of its connections;
     * {@code refused} says what was not done): based on an older version of the journey, it goes ahead when what it acts on
     * is still as the page showed it ({@code seen} equals {@code now}), else 409 naming both versions, with the node's saved
     * texts. No version given: no check; a version without {@code seen} (the API's) is stale after any change.
     */
    void requireAsSeen(Integer given, String seen, String now, FlowNode node, String refused, UUID caller) {
        StaleVersionException.requireSaved("The journey " + name, given, version);
        if (given == null || given == version || now.equals(seen)) {
            return;
        }
        FlowModel.Data d = FlowModel.data(node.data);
        String by = savedByAsSeenBy(caller);
        throw StaleVersionException.withMessage("The node " + node.nodeKey + " was changed by " + (by == null ? "someone else" : by)
                        + " since you opened version " + given + " of the journey " + name + " (it is now version " + version + "), so "
                        + refused + ". The node is shown as it is now: do it again if you still mean to.", given, version,
                StaleVersionException.texts("label", d.label(), "question", d.question(), "text", d.text(), "entity", d.entity()), null, by);
    }

    /** The check both edits share, with the texts the 409 shows side by side, read only when it is raised. */
    private void requireVersion(Integer given, java.util.function.Supplier<java.util.Map<String, String>> theirs,
                                java.util.function.Supplier<java.util.Map<String, String>> yours, UUID caller) {
        StaleVersionException.requireSaved("The journey " + name, given, version);
        if (given != null && given != version) {
            throw new StaleVersionException("The journey " + name, given, version, theirs.get(), yours.get(), savedByAsSeenBy(caller));
        }
    }

    public static Optional<JourneyFlow> inProject(UUID projectId, UUID id) {
        return id == null ? Optional.empty() : find("projectId = ?1 and id = ?2", projectId, id).firstResultOptional();
    }

    /** The project's journeys by name, for naming the ones a feature requires. */
    public static List<FeatureView.JourneyRef> refs(UUID projectId) {
        return getEntityManager().createQuery("select new dev.specboard.design.FeatureView$JourneyRef(j.id, j.name) from JourneyFlow j "
                + "where j.projectId = :p order by lower(j.name)", FeatureView.JourneyRef.class).setParameter("p", projectId).getResultList();
    }
}
