package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.story.Story;
import dev.specboard.story.StoryForm;
import dev.specboard.story.StoryService;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.PageNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Features: describing them, linking the stories that realise them, drafting a story from one, and their status from their stories. */
@ApplicationScoped
public class FeatureService {

    @Inject
    EntityManager em;

    @Inject
    PageService pages;

    @Inject
    StoryService stories;

    @Inject
    FeatureOperations operations;

    @Inject
    FeatureFormCheck check;

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
     * A page of the project's features for the API, by name, as many as on the list page, with how many there are; past
     * the last page none, so a script reading pages until one comes back short stops (the list page shows the last page instead).
     */
    public ApiPage apiPage(UUID projectId, Integer page) {
        PageNumbers at = PageNumbers.of(page, Feature.count("projectId", projectId), PAGE_SIZE);
        if (page != null && page > at.pages()) {
            return new ApiPage(List.of(), at.total(), PAGE_SIZE);
        }
        return new ApiPage(Feature.<Feature>find("projectId = ?1 order by lower(name), id", projectId).range(at.offset(), at.offset() + PAGE_SIZE - 1).list(),
                at.total(), PAGE_SIZE);
    }

    /** A page of features for the API, the number of the project's features and how many a page holds. */
    public record ApiPage(List<Feature> rows, long total, int size) {
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
        return view(access, f, form, errors, null);
    }

    /** The same after a stale save: {@code conflict} shows the version saved meanwhile beside the form keeping what was typed. */
    public FeatureView view(Access access, Feature f, FeatureForm form, FormErrors errors, dev.specboard.kernel.ConflictView conflict) {
        UUID projectId = access.project().id;
        List<PageRow> all = pages.rows(projectId);
        List<FeatureView.JourneyRef> journeys = journeyRefs(projectId);
        List<FeatureView.StoryLink> links = storyLinks(projectId, List.of(f.id)).getOrDefault(f.id, List.of());
        String status = Feature.statusFrom(links.stream().map(FeatureView.StoryLink::status).toList(), f.status);
        List<PageRow> shown = all.stream().filter(p -> f.affectedPages.contains(p.id())).toList();
        return new FeatureView(access, f, status, shown, FeatureLooks.of(projectId, shown),
                journeys.stream().filter(j -> f.requiredJourneys.contains(j.id())).toList(), links, all, journeys,
                form == null ? FeatureForm.of(f, links.stream().map(FeatureView.StoryLink::number).toList()) : form, errors, conflict);
    }

    /** The list page: a page of the features and the new-feature form. */
    public FeatureListView list(Access access, Integer page, FeatureForm form, FormErrors errors) {
        UUID projectId = access.project().id;
        FeaturePage shown = page(projectId, page);
        return new FeatureListView(access, shown.rows(), shown.at(), pages.rows(projectId), journeyRefs(projectId), form, errors);
    }

    /** The project's journeys by name, for naming the ones a feature requires. */
    public List<FeatureView.JourneyRef> journeyRefs(UUID projectId) {
        return JourneyFlow.refs(projectId);
    }

    /** Describes a new feature and links the stories named (422 naming each unknown page, journey or story, or no description). */
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
        // Every way in asks what users can do, the feature builder included (a run described before it asked is sent back).
        List<Story> linked = check.apply(f, form, true);
        f.savedBy(access.accountId());
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
        // Versions start at 1, as a thought's: 0 was never saved either, and a 409 would name a change that never happened.
        StaleVersionException.requireSaved("The feature " + f.name, form.version(), 1, f.version);
        if (form.version() != null && form.version() != f.version) {
            // Only the assistant changed it since (operations inferred again after a mockup was saved): the edit keeps them.
            Feature.DataOperations merged = f.mergeAssistantChanges(form.version(), form.operations()).orElse(null);
            if (merged != null) {
                return update(access, f, withOperations(form, merged, f.version));
            }
            throw new StaleVersionException("The feature " + f.name, form.version(), f.version,
                    StaleVersionException.texts("name", f.name, "userDescription", f.userDescription, "businessRules",
                            String.join("\n", f.businessRuleList())),
                    StaleVersionException.texts("name", form.name(), "userDescription", form.userDescription(), "businessRules", form.businessRules()),
                    f.savedByAsSeenBy(access.accountId()));
        }
        return update(access, f, form);
    }

    /** The form with these operations, based on {@code version}. */
    private static FeatureForm withOperations(FeatureForm f, Feature.DataOperations ops, int version) {
        return new FeatureForm(f.name(), f.userDescription(), f.category(), f.status(), f.pages(), f.journeys(), String.join(", ", ops.creates()),
                String.join(", ", ops.reads()), String.join(", ", ops.updates()), String.join(", ", ops.deletes()), f.uiRequirements(),
                f.businessRules(), f.technicalNeeds(), f.storyNumbers(), version);
    }

    /** Saves a form based on the feature's current version, its row locked. */
    private Feature update(Access access, Feature f, FeatureForm form) {
        Map<UUID, Boolean> links = FeatureStory.links(f.id);
        List<String> statuses = storyStatuses(f.id);
        FeatureContent before = FeatureContent.of(f, statuses, FeatureStory.handLinked(links, links.keySet()));
        List<Story> linked = check.apply(f, form, false);
        if (before.equals(FeatureContent.of(f, statuses, FeatureStory.handLinked(links, linked.stream().map(s -> s.id).toList())))) {
            // The form's values, perhaps written differently (JSON), are what is stored: no new version, no new updated_at.
            em.refresh(f);
            return f;
        }
        FeatureStory.delete("id.featureId = ?1 and drafted = false", f.id);
        link(f, linked);
        operations.infer(f, null, java.util.Set.of(), null);
        f.version++;
        f.savedBy(access.accountId());
        // A person saved it: an edit begun before this version is stale whatever the assistant did before.
        f.assistantChanges = "[]";
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
        f.savedBy(access.accountId());
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
}
