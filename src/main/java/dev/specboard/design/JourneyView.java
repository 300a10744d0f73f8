package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.List;
import java.util.UUID;

/**
 * One journey: the picture, its text outline, the check's problems, and the forms to edit it and to add, connect and edit nodes;
 * after a stale edit of its name, type or description, {@code conflict} shows the version saved meanwhile beside the form.
 */
public record JourneyView(Access access, JourneyFlow flow, List<NodeRow> nodes, String svg, List<FlowCheck.Problem> problems, List<PageRow> pages,
                          JourneyForm journeyForm, NodeForm nodeForm, ConnectionForm connectionForm, String failedKey, FormErrors errors,
                          dev.specboard.kernel.ConflictView conflict) {

    /** The key to the picture's shapes, shown under it. */
    public String legend() {
        return FlowPicture.legend();
    }

    /**
     * A node with its data and its outgoing connections by target key; a locked one is shown without its editor. {@code position}
     * is where a member moved it, null while the layout engine places it.
     */
    public record NodeRow(UUID id, String key, String type, String label, FlowModel.Data data, List<ConnectionRow> connections, String pagePath,
                          boolean hasMockup, boolean locked, FlowModel.Position position) {

        /** What the edit form saw of the node, sent back with it: an edit is a conflict only when the node changed since. */
        public String seen() {
            return FlowNode.seen(type, data);
        }

        /** The node's data as its edit form shows it. */
        public NodeForm form() {
            return new NodeForm(key, type, data.label(), data.pageId() == null ? "" : data.pageId().toString(), data.question(),
                    String.join(", ", data.branches().stream().map(FlowModel.Branch::label).toList()), data.operation(), data.entity(), data.text(),
                    data.ends() ? "true" : null, data.starts() ? "true" : null, "");
        }
    }

    /** An outgoing connection at its place in the node's list; {@code seen} tells its remove form whether another is there now. */
    public record ConnectionRow(int index, String to, String toLabel, String label, String trigger, String element, String seen) {
    }

    public List<String> types() {
        return FlowNode.TYPES;
    }

    public List<String> flowTypes() {
        return JourneyFlow.TYPES;
    }

    public List<String> operations() {
        return NodeForm.OPERATIONS;
    }

    public List<FlowCheck.Problem> problemsOf(String key) {
        return problems.stream().filter(p -> p.nodeKey().equals(key)).toList();
    }

    /** A node's edit form: what was typed when its save was refused, otherwise (also when it was only opened) its saved data. */
    public NodeForm formOf(NodeRow n) {
        return failed(n.key()) && nodeForm != null ? nodeForm : n.form();
    }

    /** The new-node form: what was typed when adding a node was refused, otherwise empty. */
    public NodeForm newNodeForm() {
        return failed("new") && nodeForm != null ? nodeForm : NodeForm.empty();
    }

    public FormErrors errorsFor(String key) {
        return failed(key) ? errors : FormErrors.none();
    }

    public boolean failed(String key) {
        return key.equals(failedKey);
    }

    public String base() {
        return "/projects/" + access.slug() + "/journeys/" + flow.id;
    }
}
