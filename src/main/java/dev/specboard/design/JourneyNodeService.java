package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Editing a journey one node or connection at a time (add, change, remove, connect, move, lock), each a new version of the journey that asks its branch questions again. */
@ApplicationScoped
public class JourneyNodeService {

    @Inject
    JourneyService journeys;

    @Inject
    Validation validation;

    /** Adds a node (a key is made up when none is given). */
    @Transactional
    public FlowNode addNode(Access access, UUID flowId, NodeForm form) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = journeys.lock(access, flowId);
        List<FlowNode> existing = journeys.nodes(f.id);
        String key = form.key() == null || form.key().isBlank() ? FlowNode.freeKey(form.nodeType(), existing) : form.key().strip();
        String full = JourneyFlow.noRoomForNode(existing.size());
        String problem = full != null ? full : FlowNode.keyProblem(key);
        if (problem == null && existing.stream().anyMatch(n -> n.nodeKey.equalsIgnoreCase(key))) {
            problem = "The key " + key + " is taken in this journey";
        }
        // Told with the other fields' problems: a taken key hid an over-long label until the key was fixed.
        FlowNode n = journeys.node(access, f, new FlowNode(), form, null, problem);
        n.nodeKey = key;
        n.persist();
        f.version++;
        f.savedBy(access.accountId());
        journeys.askAboutBranches(f);
        return n;
    }

    /**
     * Changes a node's data (its type and key stay); based on another version of the journey in which this node changed
     * since its form showed it ({@code seen}), 409 with the node's current data and what was typed (no version given: no check).
     */
    @Transactional
    public FlowNode updateNode(Access access, UUID flowId, String key, NodeForm form, Integer version, String seen) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = journeys.lock(access, flowId);
        FlowNode n = journeys.node(f.id, key);
        n.requireUnlocked("edit");
        f.requireVersion(version, n, form, seen, access.accountId());
        journeys.node(access, f, n, new NodeForm(key, n.nodeType, form.label(), form.page(), form.question(), form.branches(), form.operation(), form.entity(),
                form.text(), form.end(), form.start(), form.newPage()), FlowModel.data(n.data).pageId(), null);
        f.version++;
        f.savedBy(access.accountId());
        journeys.askAboutBranches(f);
        return n;
    }

    /**
     * Removes a node and every connection that led to it; based on an older version of the journey in which this node
     * changed since its form showed it ({@code seen}), 409 (see {@link JourneyFlow#requireAsSeen}).
     */
    @Transactional
    public void removeNode(Access access, UUID flowId, String key, Integer version, String seen) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = journeys.lock(access, flowId);
        FlowNode gone = journeys.node(f.id, key);
        f.requireAsSeen(version, seen, gone.seen(), gone, "it was not removed", access.accountId());
        gone.requireUnlocked("remove");
        for (FlowNode n : journeys.nodes(f.id)) {
            List<FlowModel.Connection> cs = FlowModel.connections(n.connections);
            if (cs.removeIf(c -> gone.id.equals(c.targetNodeId()))) {
                n.connections = DesignJson.write(cs);
            }
        }
        f.canvasState = DesignJson.write(FlowModel.canvas(f.canvasState).without(key));
        gone.delete();
        f.version++;
        f.savedBy(access.accountId());
        journeys.askAboutBranches(f);
    }

    /** Connects two nodes; a decision's connection labelled with a branch is that branch. */
    @Transactional
    public void connect(Access access, UUID flowId, ConnectionForm form) {
        access.requireWrite(Role.MEMBER);
        FormErrors errors = validation.check(form);
        if (!errors.any() && form.from().equals(form.to())) {
            errors.add("to", JourneyGraph.selfLoop(form.from()));
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        JourneyFlow f = journeys.lock(access, flowId);
        FlowNode from = FlowNode.<FlowNode>find("flowId = ?1 and nodeKey = ?2", f.id, form.from()).firstResult();
        FlowNode to = FlowNode.<FlowNode>find("flowId = ?1 and nodeKey = ?2", f.id, form.to()).firstResult();
        if (from == null) {
            errors.add("from", "There is no node " + form.from());
        }
        if (to == null) {
            errors.add("to", "There is no node " + form.to());
        }
        if (errors.any() || JourneyGraph.repeats(from, to, form.trigger(), form.element(), form.label())) {
            throw errors.any() ? new ValidationException(errors) : ValidationException.of("to", form.from() + " already leads to " + form.to()
                    + " this way: the same connection twice would be one arrow over another");
        }
        String full = JourneyFlow.noRoomForConnection(journeys.nodes(f.id).stream().mapToInt(n -> FlowModel.connections(n.connections).size()).sum());
        if (full != null) {
            throw ValidationException.of("from", full);
        }
        from.connect(to, form.label(), form.trigger(), form.element());
        f.version++;
        f.savedBy(access.accountId());
        journeys.askAboutBranches(f);
    }

    /**
     * Does what an answer to a branch's question says (see {@link BranchQuestions#answer}): connects the branch to the
     * screen it names, or leads it to the journey's end step, added the first time a branch ends; a new version either way.
     */
    @Transactional
    public void answer(Access access, BranchQuestions.Answer a) {
        if (!a.ends()) {
            connect(access, a.flowId(), a.connection());
            return;
        }
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = journeys.lock(access, a.flowId());
        List<FlowNode> nodes = journeys.nodes(f.id);
        FlowNode from = journeys.node(f.id, a.decision());
        FlowNode end = nodes.stream().filter(FlowNode::isEndStep).findFirst().orElse(null);
        String full = end == null ? JourneyFlow.noRoomForNode(nodes.size()) : null;
        if (full == null) {
            full = JourneyFlow.noRoomForConnection(nodes.stream().mapToInt(n -> FlowModel.connections(n.connections).size()).sum());
        }
        if (full != null) {
            throw ValidationException.of("feedback", full);
        }
        if (end == null) {
            end = FlowNode.endStep(f.id, nodes);
            end.persist();
        }
        from.connect(end, a.branch(), null, null);
        f.version++;
        f.savedBy(access.accountId());
        journeys.askAboutBranches(f);
    }

    /**
     * Removes one outgoing connection of a node (by its place in the node's list); based on an older version of the
     * journey, 409 unless that place still holds the connection its form showed ({@code seen}): another may be there now.
     */
    @Transactional
    public void disconnect(Access access, UUID flowId, String key, int index, Integer version, String seen) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = journeys.lock(access, flowId);
        FlowNode n = journeys.node(f.id, key);
        List<FlowModel.Connection> cs = FlowModel.connections(n.connections);
        boolean there = index >= 0 && index < cs.size();
        f.requireAsSeen(version, seen, there ? FlowNode.seen(cs.get(index)) : "", n, "its connection was not removed", access.accountId());
        if (!there) {
            throw ApiException.notFound("No such connection");
        }
        cs.remove(index);
        n.connections = DesignJson.write(cs);
        f.version++;
        f.savedBy(access.accountId());
        journeys.askAboutBranches(f);
    }

    /** Keeps where a member dragged a node (kept in the node's {@code position} and the flow's {@code canvas_state}). */
    @Transactional
    public void move(Access access, UUID flowId, String key, double x, double y) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = journeys.lock(access, flowId);
        FlowNode n = journeys.node(f.id, key);
        FlowModel.Position p = FlowModel.Position.checked(x, y);
        n.requireUnlocked("move");
        n.position = DesignJson.write(p);
        f.canvasState = DesignJson.write(FlowModel.canvas(f.canvasState).with(key, p));
    }

    /** Forgets where a node was moved to, so that the layout engine places it again with the others. */
    @Transactional
    public void unpin(Access access, UUID flowId, String key) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = journeys.lock(access, flowId);
        FlowNode n = journeys.node(f.id, key);
        n.requireUnlocked("move");
        n.position = "{}";
        f.canvasState = DesignJson.write(FlowModel.canvas(f.canvasState).without(key));
    }

    /**
     * Locks a node (its data and place stay, and it cannot be removed) or unlocks it; a new version of the journey either way.
     * Based on an older version of the journey in which this node changed since the page showed it ({@code seen}), 409.
     */
    @Transactional
    public FlowNode setLocked(Access access, UUID flowId, String key, boolean locked, Integer version, String seen) {
        access.requireWrite(Role.MEMBER);
        JourneyFlow f = journeys.lock(access, flowId);
        FlowNode n = journeys.node(f.id, key);
        f.requireAsSeen(version, seen, n.seen(), n, locked ? "it was not locked" : "it was not unlocked", access.accountId());
        if (n.locked != locked) {
            n.locked = locked;
            f.version++;
            f.savedBy(access.accountId());
        }
        return n;
    }
}
