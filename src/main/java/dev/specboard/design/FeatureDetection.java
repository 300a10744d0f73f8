package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Detects features from the current mockups (seed 004's {@code detected_from_mockups}): one for each entity that forms,
 * tables or card lists add, show, edit or delete, naming those pages, what users do with the entity and the UI that shows it.
 */
@ApplicationScoped
public class FeatureDetection {

    /** The longest list of an entity's fields a UI requirement names; the mockup holds the rest. */
    private static final int FIELDS_NAMED = 8;

    @Inject
    MockupService mockups;

    @Inject
    FeatureService features;

    /** What a detection did: the features it added, and the entities it passed over with the reason. */
    public record Outcome(List<Feature> detected, List<String> passedOver) {
    }

    /**
     * Adds a feature for each entity the current mockups work with that was not detected before (a rejected detection is
     * not made again) and whose feature name no feature has; each is recorded as an inference on the thinking chain, and
     * rejecting it takes the feature out again.
     */
    @Transactional
    public Outcome detect(Access access) {
        access.requireWrite(Role.MEMBER);
        UUID projectId = access.project().id;
        List<MockupService.CurrentMockup> current = mockups.current(projectId, null);
        Map<String, ThoughtSource.PageName> byPath = new HashMap<>();
        current.forEach(c -> byPath.put(c.path(), new ThoughtSource.PageName(c.pageId(), c.name())));
        EntityInference.Model model = EntityInference.infer(current.stream().map(c -> new EntityInference.PageInput(c.path(), c.name(), c.html())).toList());
        Map<String, Thought> known = ThoughtService.bySubjectPrefix(projectId, "feature:");
        Map<String, Thought> entityThoughts = ThoughtService.bySubjectPrefix(projectId, "entity:");
        Set<String> taken = new java.util.HashSet<>();
        Feature.<Feature>list("projectId", projectId).forEach(f -> taken.add(f.name.toLowerCase(Locale.ROOT)));
        List<Feature> detected = new ArrayList<>();
        List<String> passedOver = new ArrayList<>();
        for (EntityInference.Result r : model.entities()) {
            EntityModel.CrudLocations crud = r.crud();
            Set<String> paths = new LinkedHashSet<>();
            List.of(crud.create(), crud.read(), crud.update(), crud.delete()).forEach(paths::addAll);
            paths.retainAll(byPath.keySet());
            if (paths.isEmpty()) {
                continue;
            }
            String prefix = "feature:" + r.name() + "/";
            if (known.keySet().stream().anyMatch(k -> k.startsWith(prefix))) {
                passedOver.add(r.name() + ": detected before");
                continue;
            }
            Feature.DataOperations ops = Feature.DataOperations.empty();
            Map<String, List<String>> byOp = Map.of("creates", crud.create(), "reads", crud.read(), "updates", crud.update(), "deletes", crud.delete());
            for (String op : Feature.OPERATIONS) {
                if (!byOp.get(op).isEmpty()) {
                    ops = ops.with(op, r.name());
                }
            }
            String name = name(ops, r.name());
            if (!taken.add(name.toLowerCase(Locale.ROOT))) {
                passedOver.add(r.name() + ": a feature is named " + name + " already");
                continue;
            }
            List<String> ui = model.observations().stream().filter(o -> o.entity().equals(r.name()) && paths.contains(o.page()))
                    .map(o -> o.kind() + " on " + o.page() + (o.fields().isEmpty() ? "" : ": " + String.join(", ",
                            o.fields().subList(0, Math.min(FIELDS_NAMED, o.fields().size()))))).distinct().toList();
            // Created without pages, so that the pages' other entities are not inferred into it; the pages follow at once.
            Feature f = features.create(access, new FeatureForm(name, description(ops, r.name()), "", "planned", List.of(), List.of(),
                    "", "", "", "", String.join("\n", ui), "", "", "", null));
            f.dataOperations = DesignJson.write(ops);
            f.affectedPages = new ArrayList<>(paths.stream().map(p -> byPath.get(p).id()).toList());
            f.detectedFromMockups = true;
            // The assistant wrote it, as it writes inferred entities and operations: a member's stale save of it names
            // "the assistant", not the member who clicked (a feature keeps no requester; the thinking chain tells the detection).
            f.savedBy(null);
            Thought entity = entityThoughts.get(Thought.key("entity:" + r.name()));
            Thought t = ThoughtService.upsert(projectId, known, prefix + f.id, "inference", "The mockups of " + String.join(", ", paths) + " "
                    + String.join(" and ", verbs(ops)) + " " + plural(r.name()) + ": a feature " + name + ".", r.confidence(),
                    ThoughtSource.pages(List.copyOf(paths), byPath), entity == null ? List.of() : List.of(entity.id));
            if (entity != null && !entity.leadsTo.contains(t.id)) {
                // Both ways, as the chain links a feature's operations to their entity: the entity's thought shows what it led to.
                List<UUID> leads = new ArrayList<>(entity.leadsTo);
                leads.add(t.id);
                entity.leadsTo = leads;
            }
            detected.add(f);
        }
        return new Outcome(detected, passedOver);
    }

    /** "Manage contacts" for more than one operation, else its verb: "Add contacts", "Browse contacts". */
    static String name(Feature.DataOperations ops, String entity) {
        List<String> verbs = verbs(ops);
        String verb = verbs.size() > 1 ? "manage" : switch (verbs.get(0)) {
            case "add" -> "add";
            case "view" -> "browse";
            default -> verbs.get(0);
        };
        return Character.toUpperCase(verb.charAt(0)) + verb.substring(1) + " " + plural(entity);
    }

    static String description(Feature.DataOperations ops, String entity) {
        List<String> verbs = verbs(ops);
        String said = verbs.size() == 1 ? verbs.get(0) : String.join(", ", verbs.subList(0, verbs.size() - 1)) + " and " + verbs.get(verbs.size() - 1);
        return "Users can " + said + " " + plural(entity) + ".";
    }

    private static List<String> verbs(Feature.DataOperations ops) {
        List<String> out = new ArrayList<>();
        Map<String, String> verb = Map.of("creates", "add", "reads", "view", "updates", "edit", "deletes", "delete");
        for (String op : Feature.OPERATIONS) {
            if (!ops.of(op).isEmpty()) {
                out.add(verb.get(op));
            }
        }
        return out;
    }

    /** The entity's plural in words: {@code LineItem} → "line items". */
    private static String plural(String entity) {
        return EntityInference.plural(entity).replace('_', ' ');
    }
}
