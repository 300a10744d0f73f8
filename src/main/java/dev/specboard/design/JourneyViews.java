package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the read models of the journey pages (the list; one journey with its outline, picture and check), so that the resource only picks templates. */
@ApplicationScoped
public class JourneyViews {

    @Inject
    JourneyService journeys;

    @Inject
    JourneyQueries queries;

    @Inject
    PageService pages;

    /** The project's journeys with the form for a new one. */
    public JourneyListView list(Access access, Integer page, JourneyForm form, FormErrors errors) {
        JourneyListView.Shown shown = queries.page(access.project().id, page);
        return new JourneyListView(access, shown.rows(), shown.at(), form, errors);
    }

    /** One journey's page: nodes, picture, problems; a constant number of queries. */
    public JourneyView view(Access access, JourneyFlow flow, NodeForm nodeForm, ConnectionForm connectionForm, String failedKey, FormErrors errors) {
        return view(access, flow, JourneyForm.of(flow), nodeForm, connectionForm, failedKey, errors, null, null, true);
    }

    /**
     * The journey's nodes, connections and problems without its picture, for the API's answer: laying out a new journey
     * of 500 nodes and 2,000 connections took most of the seconds its creation took, for a picture the API never shows.
     */
    public JourneyView undrawn(Access access, JourneyFlow flow) {
        return view(access, flow, JourneyForm.of(flow), NodeForm.empty(), ConnectionForm.empty(), null, FormErrors.none(), null, null, false);
    }

    /**
     * One node's forms as its entry on the journey page loads them when opened: the node (with its saved data in its
     * form) and the pages to choose from; nothing drawn or checked, so that opening a node of a large journey is quick.
     */
    public JourneyView editor(Access access, JourneyFlow flow, String key) {
        return view(access, flow, JourneyForm.of(flow), null, ConnectionForm.empty(), key, FormErrors.none(), null, key, false);
    }

    /** The page after a refused edit of the journey's name, type or description: the edit form open with what was typed. */
    public JourneyView refusedEdit(Access access, JourneyFlow flow, JourneyForm form, FormErrors errors) {
        return refusedEdit(access, flow, form, errors, null);
    }

    /** The same after a stale save, with the version saved meanwhile ({@code conflict}) beside what was typed. */
    public JourneyView refusedEdit(Access access, JourneyFlow flow, JourneyForm form, FormErrors errors, dev.specboard.kernel.ConflictView conflict) {
        return view(access, flow, form, NodeForm.empty(), ConnectionForm.empty(), "journey", errors, conflict, null, true);
    }

    private JourneyView view(Access access, JourneyFlow flow, JourneyForm journeyForm, NodeForm nodeForm, ConnectionForm connectionForm,
                             String failedKey, FormErrors errors, dev.specboard.kernel.ConflictView conflict, String only,
                             boolean drawn) {
        List<PageRow> all = pages.rows(access.project().id);
        Map<UUID, PageRow> pageById = new HashMap<>();
        all.forEach(p -> pageById.put(p.id(), p));
        List<FlowNode> nodes = journeys.nodes(flow.id);
        Map<UUID, FlowNode> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id, n));
        List<FlowCheck.Node> checkNodes = new ArrayList<>();
        List<FlowPicture.Node> pictureNodes = new ArrayList<>();
        List<JourneyView.NodeRow> rows = new ArrayList<>();
        String pageBase = "/projects/" + access.slug() + "/pages/";
        FlowModel.Canvas canvas = FlowModel.canvas(flow.canvasState);
        for (FlowNode n : nodes) {
            FlowModel.Data d = FlowModel.data(n.data);
            List<FlowModel.Connection> cs = FlowModel.connections(n.connections);
            PageRow page = d.pageId() == null ? null : pageById.get(d.pageId());
            FlowCheck.Node cn = new FlowCheck.Node(n.id, n.nodeKey, n.nodeType, d, cs, page != null && page.hasMockup(), page == null ? null : page.name());
            checkNodes.add(cn);
            String label = FlowCheck.label(cn);
            String frame = page != null && page.hasMockup() ? pageBase + page.id() + "/mockups/" + page.currentVersion() + "/frame" : null;
            pictureNodes.add(new FlowPicture.Node(n.id, n.nodeKey, n.nodeType, label, "#node-" + n.nodeKey, frame, cs, d.ends(), n.locked));
            List<JourneyView.ConnectionRow> crs = new ArrayList<>();
            for (int i = 0; i < cs.size(); i++) {
                FlowModel.Connection c = cs.get(i);
                FlowNode target = byId.get(c.targetNodeId());
                crs.add(new JourneyView.ConnectionRow(i, target == null ? "?" : target.nodeKey, target == null ? "a removed node"
                        : FlowCheck.label(new FlowCheck.Node(target.id, target.nodeKey, target.nodeType, FlowModel.data(target.data), List.of(), false,
                        null)), c.label(), c.trigger(), c.element(), FlowNode.seen(c)));
            }
            if (only != null && !only.equals(n.nodeKey)) {
                continue;
            }
            rows.add(new JourneyView.NodeRow(n.id, n.nodeKey, n.nodeType, label, d, crs, page == null ? null : page.path(), page != null && page.hasMockup(),
                    n.locked, canvas.positions().get(n.nodeKey)));
        }
        if (only != null) {
            return new JourneyView(access, flow, rows, "", List.of(), all, journeyForm, nodeForm, connectionForm, failedKey, errors, conflict);
        }
        String svg = drawn ? FlowPicture.svg("Journey " + flow.name + ": " + nodes.size() + " nodes", pictureNodes, canvas) : "";
        return new JourneyView(access, flow, rows, svg, FlowCheck.check(checkNodes), all, journeyForm, nodeForm, connectionForm, failedKey, errors, conflict);
    }
}
