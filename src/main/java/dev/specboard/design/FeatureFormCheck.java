package dev.specboard.design;

import dev.specboard.kernel.Ids;
import dev.specboard.story.Story;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Checks a feature form against the project (its pages, journeys, stories and feature names) and copies it onto the feature. */
@ApplicationScoped
public class FeatureFormCheck {

    @Inject
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    PageService pages;

    /**
     * Checks the form (422 naming each field at fault) and copies it onto the feature; answers the stories to link. A new
     * feature ({@code described}) must say what users can do: the API contract, the features page and the feature builder ask for it.
     */
    List<Story> apply(Feature f, FeatureForm form, boolean described) {
        FormErrors errors = validation.check(form);
        if (described && (form.userDescription() == null || form.userDescription().isBlank())) {
            errors.add("userDescription", "Say what users can do with the feature");
        }
        UUID projectId = f.projectId;
        String status = form.status() == null || form.status().isBlank() ? "planned" : form.status().strip();
        if (!Feature.STATUSES.contains(status)) {
            errors.add("status", "Choose one of " + String.join(", ", Feature.STATUSES));
        }
        String category = form.category() == null || form.category().isBlank() ? null : form.category().strip().toLowerCase(Locale.ROOT);
        // The list the form's menu and the wizard offer: a category outside it was kept and then shown as "none" in the
        // edit form, so the next save lost it. One stored before the check came stays while it is left unchanged.
        if (category != null && !Feature.CATEGORIES.contains(category) && !category.equals(f.category)) {
            errors.add("category", "Choose one of " + String.join(", ", Feature.CATEGORIES));
        }
        List<PageRow> all = pages.rows(projectId);
        Map<String, UUID> pageRefs = new LinkedHashMap<>();
        List<String> noPage = new ArrayList<>();
        for (String ref : form.pageList()) {
            UUID pid = Ids.parseOrNull(ref);
            all.stream().filter(p -> p.id().equals(pid) || p.path().equals(PageService.normalise(ref))).findFirst()
                    .ifPresentOrElse(p -> pageRefs.put(ref, p.id()), () -> noPage.add(ref));
        }
        // A share lock on the pages named: one being deleted right now is waited for and then found gone (see Feature.dropPage).
        List<UUID> pagesThere = pageRefs.isEmpty() ? List.of() : em.createQuery("select p from Page p where p.projectId = :p and p.id in :ids", Page.class)
                .setParameter("p", projectId).setParameter("ids", pageRefs.values()).setLockMode(LockModeType.PESSIMISTIC_READ).getResultList()
                .stream().map(p -> p.id).toList();
        List<UUID> pageIds = new ArrayList<>();
        pageRefs.forEach((ref, pid) -> {
            if (pagesThere.contains(pid)) {
                pageIds.add(pid);
            } else {
                noPage.add(ref);
            }
        });
        missing(errors, "pages", "page", noPage);
        // A journey is named by its id (the form's checkboxes) or by its name (API and MCP callers who know it by name).
        List<FeatureView.JourneyRef> journeyNames = form.journeyList().stream().anyMatch(r -> Ids.parseOrNull(r) == null) ? JourneyFlow.refs(projectId) : List.of();
        Map<String, UUID> journeyRefs = new LinkedHashMap<>();
        List<String> noJourney = new ArrayList<>();
        for (String ref : form.journeyList()) {
            UUID jid = Ids.parseOrNull(ref);
            List<UUID> byName = jid != null ? List.of(jid)
                    : journeyNames.stream().filter(j -> j.name().equalsIgnoreCase(ref.strip())).map(FeatureView.JourneyRef::id).toList();
            if (byName.size() == 1) {
                journeyRefs.put(ref, byName.get(0));
            } else {
                if (byName.isEmpty()) {
                    noJourney.add(ref);
                } else {
                    errors.add("journeys", "Several journeys are named " + ref + ": name the one you mean by its id");
                }
            }
        }
        List<UUID> named = journeyRefs.values().stream().distinct().toList();
        // A share lock on the journeys named: one being deleted right now is waited for and then found gone (see Feature.dropJourney).
        List<UUID> existing = named.isEmpty() ? List.of() : em.createQuery("select j from JourneyFlow j where j.projectId = :p and j.id in :ids", JourneyFlow.class)
                .setParameter("p", projectId).setParameter("ids", named).setLockMode(LockModeType.PESSIMISTIC_READ).getResultList()
                .stream().map(j -> j.id).toList();
        List<UUID> journeyIds = new ArrayList<>();
        journeyRefs.forEach((ref, jid) -> {
            if (!existing.contains(jid)) {
                noJourney.add(ref);
            } else if (!journeyIds.contains(jid)) {
                journeyIds.add(jid);
            }
        });
        Feature.DataOperations ops = form.operations();
        for (String op : List.of("creates", "reads", "updates", "deletes")) {
            List<String> names = switch (op) {
                case "creates" -> ops.creates();
                case "reads" -> ops.reads();
                case "updates" -> ops.updates();
                default -> ops.deletes();
            };
            if (names.stream().anyMatch(n -> dev.specboard.web.Chars.Check.over(n, 100))) {
                errors.add(op, "Each entity name has at most 100 characters");
            }
        }
        if (form.uiRequirementList().stream().anyMatch(r -> dev.specboard.web.Chars.Check.over(r, 500))) {
            errors.add("uiRequirements", "Each requirement has at most 500 characters");
        }
        if (form.businessRuleList().stream().anyMatch(r -> dev.specboard.web.Chars.Check.over(r, 1000))) {
            errors.add("businessRules", "Each rule has at most 1000 characters");
        }
        missing(errors, "journeys", "journey", noJourney);
        List<Story> linked = new ArrayList<>();
        List<String> noStory = new ArrayList<>();
        for (String n : FeatureForm.commas(form.storyNumbers())) {
            String digits = n.replaceFirst("(?i)^us-", "");
            Story s = digits.matches("\\d{1,9}")
                    ? Story.<Story>find("projectId = ?1 and number = ?2", projectId, Integer.parseInt(digits)).firstResult() : null;
            if (s == null) {
                noStory.add(n);
            } else {
                linked.add(s);
            }
        }
        missing(errors, "storyNumbers", "story", noStory);
        // A name kept as it was is not checked (two features may share one from before names were unique); a new one must be free.
        String name = dev.specboard.web.SingleLine.clean(form.name());
        boolean kept = f.name != null && name != null && f.name.strip().equalsIgnoreCase(name);
        if (name != null && name.isEmpty() && !form.name().isBlank()) {
            errors.add("name", "Give the feature a name");
        } else if (name != null && !name.isEmpty() && !kept) {
            boolean taken = Feature.count("projectId = ?1 and lower(trim(name)) = ?2 and id <> ?3", projectId, name.toLowerCase(Locale.ROOT),
                    f.id == null ? new UUID(0, 0) : f.id) > 0;
            if (taken) {
                errors.add("name", "There is already a feature named " + name);
            }
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        f.name = name;
        f.userDescription = form.userDescription() == null || form.userDescription().isBlank() ? null : form.userDescription().strip();
        f.category = category;
        f.status = status;
        f.affectedPages = pageIds;
        f.requiredJourneys = journeyIds;
        f.dataOperations = DesignJson.write(ops);
        f.uiRequirements = DesignJson.write(form.uiRequirementList());
        f.businessRules = DesignJson.write(form.businessRuleList());
        f.technicalRequirements = DesignJson.write(new Feature.TechnicalRequirements(form.technicalNeedList()));
        return linked;
    }

    /**
     * One message naming every entry not found ("There is no story 99 or abc in this project"): a field keeps its first
     * message only, so a message per entry named the first bad one and hid the others.
     */
    private static void missing(FormErrors errors, String field, String noun, List<String> refs) {
        if (refs.isEmpty()) {
            return;
        }
        String named = refs.size() == 1 ? refs.get(0)
                : String.join(", ", refs.subList(0, refs.size() - 1)) + " or " + refs.get(refs.size() - 1);
        errors.add(field, "There is no " + noun + " " + named + " in this project");
    }
}
