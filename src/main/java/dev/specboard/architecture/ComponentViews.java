package dev.specboard.architecture;

import dev.specboard.kernel.DependencyGraph;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.FilterChoices;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Markdown;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Builds the read models of the component pages from the services' queries, so that the resources only pick templates. */
@ApplicationScoped
public class ComponentViews {

    @Inject
    ComponentService components;

    @Inject
    ContextService contexts;

    @Inject
    DesignDocService designDocs;

    @Inject
    WorkSessionService sessions;

    @Inject
    Markdown markdown;

    /**
     * The component list filtered by type, completion and context, with the new-component form; a filter that names no
     * known value lists nothing, its view's {@code filterErrors} saying why (422).
     */
    public ComponentListView list(Access access, String type, String completion, String context, ComponentForm form, FormErrors errors) {
        FilterChoices choices = new FilterChoices();
        String t = choices.oneOf("type", "component type", type, Component.TYPES);
        String done = choices.oneOf("completion", "completion", completion, List.of("complete", "incomplete"));
        String ctx = context == null ? "" : context.trim();
        if ("none".equalsIgnoreCase(ctx)) {
            ctx = "none";
        }
        UUID ctxId = ComponentService.parse(ctx);
        if (!ctx.isEmpty() && !"none".equals(ctx) && ctxId == null) {
            // Contexts are named by id: a value that is none is refused; an id of no context of the project lists nothing.
            choices.refuse("context", "context", ctx, "one of the list, or no context");
        }
        ComponentSet set = components.all(access.project());
        Map<String, ComponentListView.GroupView> groups = new LinkedHashMap<>();
        int shown = 0;
        for (ComponentRow r : set.rows()) {
            boolean keep = (t.isEmpty() || t.equals(r.type()))
                    && (done.isEmpty() || ("complete".equals(done) == r.complete()))
                    && (ctx.isEmpty() || ("none".equals(ctx) ? r.contextId() == null : r.contextId() != null && r.contextId().equals(ctxId)));
            if (keep && !choices.refused()) {
                shown++;
                groups.computeIfAbsent(r.contextLabel(), k -> new ComponentListView.GroupView(r.contextId(), k, new ArrayList<>())).rows().add(r);
            }
        }
        String ctxShown = "none".equals(ctx) || ctxId != null ? ctx : "";
        return new ComponentListView(access, new ArrayList<>(groups.values()), t, done, ctxShown, set.rows().size(), shown,
                contexts.refs(access.project().id), form, errors, choices.errors());
    }

    /** A component's page with an empty dependency form. */
    public ComponentView page(Access access, UUID id) {
        return page(access, id, DependencyForm.empty(), FormErrors.none(), null, List.of());
    }

    /** A component's page with the dependency form's state. */
    public ComponentView page(Access access, UUID id, DependencyForm depForm, FormErrors depErrors, String depError, List<String> cycle) {
        components.get(access.project().id, id);
        ComponentSet set = components.all(access.project());
        ComponentRow c = set.byId().get(id);
        DependencyGraph<UUID> g = set.graph();
        Set<UUID> direct = g.directDependencies(id);
        List<ComponentRef> candidates = set.rows().stream()
                .filter(r -> !r.id().equals(id) && !direct.contains(r.id())).map(ComponentRow::ref).toList();
        List<ComponentRow> near = GraphSvg.neighbourhood(set, id, 1);
        String svg = GraphSvg.render(access.slug(), near, GraphSvg.palette(set.rows()), id,
                "Direct dependencies and dependents of " + c.name(), "neighbourhood", null);
        java.util.Optional<DesignDoc> found = designDocs.find(id);
        ComponentView.DocView doc = found
                .map(d -> new ComponentView.DocView(d.version, d.approved, d.approvedVersion, markdown.render(d.content), c.dirty()))
                .orElse(null);
        List<DesignDocRevisionRow> revisions = found.map(d -> designDocs.revisions(d.id)).orElse(List.of());
        return new ComponentView(access, c, set.refs(List.copyOf(direct)), set.refs(g.dependencies(id)), set.refs(List.copyOf(g.directDependents(id))),
                set.refs(g.dependents(id)), candidates, depForm, depErrors, depError, cycle, svg, doc, revisions,
                sessions.list(access.project().id, WorkSessionFilter.forTarget(id)));
    }

    /** The component as lists show it; 404 when it is not in the project. */
    public ComponentRow row(Access access, UUID id) {
        ComponentRow r = components.all(access.project()).byId().get(id);
        if (r == null) {
            throw ApiException.notFound("No such component in this project");
        }
        return r;
    }

    /** A component's page address. */
    static String link(Access access, UUID id) {
        return "/projects/" + access.slug() + "/components/" + id;
    }

    /** The id in a path; 404 when it is none. */
    static UUID uuid(String id) {
        UUID u = ComponentService.parse(id);
        if (u == null) {
            throw ApiException.notFound("No such component in this project");
        }
        return u;
    }
}
