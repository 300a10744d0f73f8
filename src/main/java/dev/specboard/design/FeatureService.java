package dev.specboard.design;

import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.story.Story;
import dev.specboard.story.StoryForm;
import dev.specboard.story.StoryService;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.PageNumbers;
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

/** Features: describing them, linking the stories that realise them, drafting a story from one, and their status from their stories. */
@ApplicationScoped
public class FeatureService {

    @Inject
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    PageService pages;

    @Inject
    StoryService stories;

    @Inject
    FeatureOperations operations;

    public Feature get(UUID projectId, UUID id) {
        return Feature.inProject(projectId, id).orElseThrow(() -> ApiException.notFound("No such feature in this project"));
    }

    /** The features shown a page at a time on the list. */
    static final int PAGE_SIZE = 50;

    /** Every feature of the project with its stories (and their specs), in a constant number of queries. */
    public List<FeatureRow> rows(UUID projectId) {
        return rows(projectId, Feature.<Feature>find("projectId = ?1 order by lower(name), id", projectId).list(), null);
    }

    /** A page of the project's features (asked for: kept between the first and the last), in a constant number of queries. */
    public FeaturePage page(UUID projectId, Integer page) {
        PageNumbers at = PageNumbers.of(page, Feature.count("projectId", projectId), PAGE_SIZE);
        List<Feature> features = Feature.<Feature>find("projectId = ?1 order by lower(name), id", projectId).range(at.offset(), at.offset() + PAGE_SIZE - 1).list();
        return new FeaturePage(rows(projectId, features, features.stream().map(f -> f.id).toList()), at);
    }

    /**
     * A page of the project's features for the API, by name, as many as on the list page; past the last page none, so a
     * script reading pages until one comes back short stops (the list page shows the last page instead).
     */
    public List<Feature> apiPage(UUID projectId, Integer page) {
        PageNumbers at = PageNumbers.of(page, Feature.count("projectId", projectId), PAGE_SIZE);
        if (page != null && page > at.pages()) {
            return List.of();
        }
        return Feature.<Feature>find("projectId = ?1 order by lower(name), id", projectId).range(at.offset(), at.offset() + PAGE_SIZE - 1).list();
    }

    /** These features of the project as rows with their stories (and their specs), in a constant number of queries. */
    public List<FeatureRow> rows(UUID projectId, List<Feature> features) {
        return rows(projectId, features, features.stream().map(f -> f.id).toList());
    }

    /** A page of features and where it is in the list. */
    public record FeaturePage(List<FeatureRow> rows, PageNumbers at) {
    }

    private List<FeatureRow> rows(UUID projectId, List<Feature> features, List<UUID> ids) {
        Map<UUID, List<FeatureView.StoryLink>> links = ids != null && ids.isEmpty() ? Map.of() : storyLinks(projectId, ids);
        return features.stream().map(f -> {
            List<FeatureView.StoryLink> s = links.getOrDefault(f.id, List.of());
            return new FeatureRow(f.id, f.name, f.category, Feature.statusFrom(s.stream().map(FeatureView.StoryLink::status).toList(), f.status),
                    f.userDescription, f.affectedPages.size(), s, f.detectedFromMockups);
        }).toList();
    }

    /** The features' stories, their specs and task counts: {@code featureId → links}, for these features ({@code null}: all of the project). */
    Map<UUID, List<FeatureView.StoryLink>> storyLinks(UUID projectId, List<UUID> featureIds) {
        var query = em.createQuery("select fs.id.featureId, s.number, s.title, s.status, fs.drafted from FeatureStory fs, Story s, Feature f "
                        + "where s.id = fs.id.storyId and f.id = fs.id.featureId and f.projectId = :p" + (featureIds == null ? "" : " and f.id in :f")
                        + " order by s.number", Object[].class)
                .setParameter("p", projectId);
        if (featureIds != null) {
            query.setParameter("f", featureIds);
        }
        List<Object[]> rows = query.getResultList();
        Map<Integer, List<FeatureView.SpecRef>> specs = FeatureStory.specsByStory(projectId, rows.stream().map(r -> (Integer) r[1]).distinct().toList());
        Map<UUID, List<FeatureView.StoryLink>> out = new LinkedHashMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new FeatureView.StoryLink((Integer) r[1], (String) r[2], (String) r[3],
                    (Boolean) r[4], specs.getOrDefault((Integer) r[1], List.of())));
        }
        return out;
    }

    /** One feature's page: its pages and journeys, its stories with their specs. */
    public FeatureView view(Access access, Feature f, FeatureForm form, FormErrors errors) {
        UUID projectId = access.project().id;
        List<PageRow> all = pages.rows(projectId);
        List<FeatureView.JourneyRef> journeys = journeyRefs(projectId);
        List<FeatureView.StoryLink> links = storyLinks(projectId, List.of(f.id)).getOrDefault(f.id, List.of());
        String status = Feature.statusFrom(links.stream().map(FeatureView.StoryLink::status).toList(), f.status);
        List<PageRow> shown = all.stream().filter(p -> f.affectedPages.contains(p.id())).toList();
        return new FeatureView(access, f, status, shown, FeatureLooks.of(projectId, shown),
                journeys.stream().filter(j -> f.requiredJourneys.contains(j.id())).toList(), links, all, journeys,
                form == null ? FeatureForm.of(f, links.stream().map(FeatureView.StoryLink::number).toList()) : form, errors);
    }

    /** The list page: a page of the features and the new-feature form. */
    public FeatureListView list(Access access, Integer page, FeatureForm form, FormErrors errors) {
        UUID projectId = access.project().id;
        FeaturePage shown = page(projectId, page);
        return new FeatureListView(access, shown.rows(), shown.at(), pages.rows(projectId), journeyRefs(projectId), form, errors);
    }

    /** The project's journeys by name, for naming the ones a feature requires. */
    public List<FeatureView.JourneyRef> journeyRefs(UUID projectId) {
        return em.createQuery("select new dev.specboard.design.FeatureView$JourneyRef(j.id, j.name) from JourneyFlow j where j.projectId = :p "
                + "order by lower(j.name)", FeatureView.JourneyRef.class).setParameter("p", projectId).getResultList();
    }

    /** Describes a new feature and links the stories named (422 naming each unknown page, journey or story). */
    @Transactional
    public Feature create(Access access, FeatureForm form) {
        return created(access, form, false, null, java.util.Set.of(), null);
    }

    /**
     * The feature builder's last step: creates the feature as built, infers its data operations (those the person left
     * out are recorded as rejected thoughts of the run) and drafts its story when asked.
     */
    @Transactional
    public Feature createFromWizard(Access access, FeatureForm form, UUID wizardRunId, java.util.Set<String> declined) {
        return created(access, form, true, wizardRunId, declined, access.accountId());
    }

    private Feature created(Access access, FeatureForm form, boolean wizard, UUID runId, java.util.Set<String> declined, UUID by) {
        access.requireWrite(Role.MEMBER);
        lockNames(access.project().id);
        Feature f = new Feature();
        f.projectId = access.project().id;
        f.wizardGenerated = wizard;
        List<Story> linked = apply(f, form);
        f.persist();
        link(f, linked);
        operations.infer(f, runId, declined, by);
        return f;
    }

    /** Saves an edit based on the feature's current version (409 with both versions otherwise). */
    @Transactional
    public Feature update(Access access, UUID id, FeatureForm form) {
        access.requireWrite(Role.MEMBER);
        // The project before the feature's row, in the order page changes take them (they lock the project, then the features naming a page).
        lockNames(access.project().id);
        Feature f = get(access.project().id, id);
        RowLock.forUpdate(em, f, "No such feature in this project");
        StaleVersionException.requireGiven("version", form.version());
        StaleVersionException.requireSaved("The feature " + f.name, form.version(), f.version);
        if (form.version() != null && form.version() != f.version) {
            throw new StaleVersionException("The feature " + f.name, form.version(), f.version,
                    StaleVersionException.texts("name", f.name, "userDescription", f.userDescription, "businessRules",
                            String.join("\n", f.businessRuleList())),
                    StaleVersionException.texts("name", form.name(), "userDescription", form.userDescription(), "businessRules", form.businessRules()),
                    null);
        }
        Map<UUID, Boolean> links = FeatureStory.links(f.id);
        List<String> statuses = storyStatuses(f.id);
        FeatureContent before = FeatureContent.of(f, statuses, FeatureStory.handLinked(links, links.keySet()));
        List<Story> linked = apply(f, form);
        if (before.equals(FeatureContent.of(f, statuses, FeatureStory.handLinked(links, linked.stream().map(s -> s.id).toList())))) {
            // The form's values, perhaps written differently (JSON), are what is stored: no new version, no new updated_at.
            em.refresh(f);
            return f;
        }
        FeatureStory.delete("id.featureId = ?1 and drafted = false", f.id);
        link(f, linked);
        operations.infer(f, null, java.util.Set.of(), null);
        f.version++;
        return f;
    }

    /**
     * Deletes a feature: the stories that realised it stay (drafted from it or not) and no longer list it, and its
     * data-operation thoughts still open go (a decided one stays in the chain, the feature shown by name).
     */
    @Transactional
    public void delete(Access access, UUID id) {
        access.requireWrite(Role.MEMBER);
        Feature f = get(access.project().id, id);
        // Its own row first, as a save does: a save of the same feature waits for the deletion and then finds it gone.
        remove(f, access.accountId());
    }

    /**
     * Deletes a feature with its undecided operation thoughts and its links to stories (which stay), its row locked first;
     * the inference that detected it from the mockups, if still open, is rejected by {@code by}: detecting again leaves it out.
     */
    void remove(Feature f, UUID by) {
        RowLock.forUpdate(em, f, "No such feature in this project");
        ThoughtService.bySubjectPrefix(f.projectId, "operation:" + f.id + ".").values().stream().filter(t -> !t.decided()).forEach(Thought::delete);
        Thought.<Thought>list("projectId = ?1 and subjectKey like ?2", f.projectId, "feature:%/" + f.id).stream().filter(t -> !t.decided())
                .forEach(t -> t.decide("rejected", "The feature was deleted.", by));
        // Through Hibernate rather than the foreign key's cascade, so that what reads feature_stories is told it changed.
        FeatureStory.delete("id.featureId", f.id);
        f.delete();
    }

    /**
     * Drafts a user story from the feature in one action: its name as the title, its description and pages
     * as the description, one EARS requirement per business rule and data operation; the story realises the feature.
     * Once: drafting again answers with the story drafted before.
     */
    @Transactional
    public Drafted draftStory(Access access, UUID id) {
        access.requireWrite(Role.MEMBER);
        Feature f = get(access.project().id, id);
        RowLock.forUpdate(em, f, "No such feature in this project");
        // A second click or an agent's retry made an identical story, and reviews and specs then split between the two; as a
        // document's "create" in Linear or Figma is not repeated by clicking twice, the one drafted before is opened again
        // (the feature's row lock makes two drafts at once take turns). A story drafted from it is changed on the story.
        Story before = em.createQuery("select s from FeatureStory fs, Story s where s.id = fs.id.storyId and fs.id.featureId = :f and fs.drafted = true "
                + "order by s.number", Story.class).setParameter("f", f.id).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        if (before != null) {
            return new Drafted(before, false);
        }
        List<PageRow> shown = pages.rows(f.projectId).stream().filter(p -> f.affectedPages.contains(p.id())).toList();
        Story s = stories.create(access, new StoryForm(f.name, FeatureStoryDraft.description(f, shown, FeatureLooks.of(f.projectId, shown)),
                String.join("\n", FeatureStoryDraft.criteria(f)), null));
        FeatureStory.of(f.id, s.id, true).persist();
        em.flush();
        f.status = Feature.statusFrom(storyStatuses(f.id), f.status);
        f.version++;
        return new Drafted(s, true);
    }

    /** The story drafted from a feature; {@code created} false when it had been drafted before and is answered again. */
    public record Drafted(Story story, boolean created) {
    }

    /**
     * Serialises the changes of one project's feature names, so that two features saved at once cannot both take a
     * free name. NO KEY UPDATE, as the page changes take it: rows merely referencing the project are not blocked.
     */
    private void lockNames(UUID projectId) {
        em.createNativeQuery("select 1 from projects where id = ?1 for no key update").setParameter(1, projectId).getSingleResult();
    }

    private List<String> storyStatuses(UUID featureId) {
        return em.createQuery("select s.status from FeatureStory fs, Story s where s.id = fs.id.storyId and fs.id.featureId = :f", String.class)
                .setParameter("f", featureId).getResultList();
    }

    private void link(Feature f, List<Story> linked) {
        em.flush();
        for (Story s : linked) {
            if (FeatureStory.findById(new FeatureStory.Key(f.id, s.id)) == null) {
                FeatureStory.of(f.id, s.id, false).persist();
            }
        }
        em.flush();
        f.status = Feature.statusFrom(storyStatuses(f.id), f.status);
    }

    /** Checks and copies the form onto the feature; answers the stories to link. */
    private List<Story> apply(Feature f, FeatureForm form) {
        FormErrors errors = validation.check(form);
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
        for (String ref : form.pageList()) {
            UUID pid = Ids.parseOrNull(ref);
            all.stream().filter(p -> p.id().equals(pid) || p.path().equals(PageService.normalise(ref))).findFirst()
                    .ifPresentOrElse(p -> pageRefs.put(ref, p.id()), () -> errors.add("pages", "There is no page " + ref + " in this project"));
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
                errors.add("pages", "There is no page " + ref + " in this project");
            }
        });
        // A journey is named by its id (the form's checkboxes) or by its name (API and MCP callers who know it by name).
        List<FeatureView.JourneyRef> journeyNames = form.journeyList().stream().anyMatch(r -> Ids.parseOrNull(r) == null) ? journeyRefs(projectId) : List.of();
        Map<String, UUID> journeyRefs = new LinkedHashMap<>();
        for (String ref : form.journeyList()) {
            UUID jid = Ids.parseOrNull(ref);
            List<UUID> byName = jid != null ? List.of(jid)
                    : journeyNames.stream().filter(j -> j.name().equalsIgnoreCase(ref.strip())).map(FeatureView.JourneyRef::id).toList();
            if (byName.size() == 1) {
                journeyRefs.put(ref, byName.get(0));
            } else {
                errors.add("journeys", byName.isEmpty() ? "There is no journey " + ref + " in this project"
                        : "Several journeys are named " + ref + ": name the one you mean by its id");
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
                errors.add("journeys", "There is no journey " + ref + " in this project");
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
            if (names.stream().anyMatch(n -> n.length() > 100)) {
                errors.add(op, "Each entity name has at most 100 characters");
            }
        }
        if (form.uiRequirementList().stream().anyMatch(r -> r.length() > 500)) {
            errors.add("uiRequirements", "Each requirement has at most 500 characters");
        }
        if (form.businessRuleList().stream().anyMatch(r -> r.length() > 1000)) {
            errors.add("businessRules", "Each rule has at most 1000 characters");
        }
        List<Story> linked = new ArrayList<>();
        for (String n : FeatureForm.commas(form.storyNumbers())) {
            String digits = n.replaceFirst("(?i)^us-", "");
            Story s = digits.matches("\\d{1,9}")
                    ? Story.<Story>find("projectId = ?1 and number = ?2", projectId, Integer.parseInt(digits)).firstResult() : null;
            if (s == null) {
                errors.add("storyNumbers", "There is no story " + n + " in this project");
            } else {
                linked.add(s);
            }
        }
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
}
