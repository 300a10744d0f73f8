package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.story.OriginRef;
import dev.specboard.story.StoryOrigins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The thread from design to code, read in a constant number of statements: from a page to its features, their
 * stories, the stories' specs and tasks; and back from a story to the features and pages it came from.
 */
@ApplicationScoped
public class TraceService implements StoryOrigins {

    @Inject
    EntityManager em;

    @Inject
    PageService pages;

    /** A page's features, their stories, the specs of those stories and the specs' tasks, with every status; four queries. */
    @SuppressWarnings("unchecked")
    public TraceView forPage(Access access, UUID pageId) {
        UUID projectId = access.project().id;
        Page page = pages.get(projectId, pageId);
        List<Object[]> features = em.createNativeQuery("select id, name, status from features where project_id = ?1 and ?2 = any(affected_pages) "
                        + "order by lower(name), id")
                .setParameter(1, projectId).setParameter(2, pageId).getResultList();
        if (features.isEmpty()) {
            return new TraceView(access, page.id, page.name, page.path, List.of());
        }
        List<UUID> featureIds = features.stream().map(r -> (UUID) r[0]).toList();
        List<Object[]> storyRows = em.createQuery("select fs.id.featureId, s.number, s.title, s.status from FeatureStory fs, Story s "
                        + "where s.id = fs.id.storyId and fs.id.featureId in :f order by s.number", Object[].class)
                .setParameter("f", featureIds).getResultList();
        Set<Integer> numbers = new LinkedHashSet<>();
        storyRows.forEach(r -> numbers.add((Integer) r[1]));
        Map<Integer, List<TraceView.SpecRow>> specs = specsWithTasks(projectId, new ArrayList<>(numbers));
        Map<UUID, List<TraceView.StoryRow>> byFeature = new HashMap<>();
        for (Object[] r : storyRows) {
            int n = (Integer) r[1];
            byFeature.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new TraceView.StoryRow(n, (String) r[2], (String) r[3], specs.getOrDefault(n, List.of())));
        }
        List<TraceView.FeatureRow> rows = new ArrayList<>();
        for (Object[] f : features) {
            List<TraceView.StoryRow> stories = byFeature.getOrDefault((UUID) f[0], List.of());
            rows.add(new TraceView.FeatureRow((UUID) f[0], (String) f[1],
                    Feature.statusFrom(stories.stream().map(TraceView.StoryRow::status).toList(), (String) f[2]), stories));
        }
        return new TraceView(access, page.id, page.name, page.path, rows);
    }

    /** The specs of these stories with every task, in one query: {@code story number → specs}. */
    private Map<Integer, List<TraceView.SpecRow>> specsWithTasks(UUID projectId, List<Integer> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        Map<Integer, Map<Integer, TraceView.SpecRow>> out = new LinkedHashMap<>();
        for (Object[] r : em.createQuery("select s.storyNumber, s.specNumber, s.title, s.status, t.taskKey, t.status "
                        + "from TechnicalSpec s left join ImplementationTask t on t.spec = s "
                        + "where s.project.id = :p and s.storyNumber in :n order by s.specNumber, t.taskNumber", Object[].class)
                .setParameter("p", projectId).setParameter("n", numbers).getResultList()) {
            TraceView.SpecRow spec = out.computeIfAbsent((Integer) r[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent((Integer) r[1], k -> new TraceView.SpecRow("SPEC-" + r[1], (String) r[2], (String) r[3], new ArrayList<>()));
            if (r[4] != null) {
                spec.tasks().add(new TraceView.TaskRow((String) r[4], ((dev.specboard.spec.TaskStatus) r[5]).value()));
            }
        }
        Map<Integer, List<TraceView.SpecRow>> lists = new HashMap<>();
        out.forEach((n, m) -> lists.put(n, List.copyOf(m.values())));
        return lists;
    }

    /** The features a story realises, then the pages those features touch; two queries. */
    @Override
    @SuppressWarnings("unchecked")
    public List<OriginRef> forStory(Access access, UUID storyId) {
        UUID projectId = access.project().id;
        String slug = access.slug();
        List<Object[]> features = em.createQuery("select f.id, f.name, f.affectedPages from FeatureStory fs, Feature f "
                        + "where f.id = fs.id.featureId and fs.id.storyId = :s and f.projectId = :p order by lower(f.name)", Object[].class)
                .setParameter("s", storyId).setParameter("p", projectId).getResultList();
        if (features.isEmpty()) {
            return List.of();
        }
        List<OriginRef> out = new ArrayList<>();
        Set<UUID> pageIds = new LinkedHashSet<>();
        for (Object[] f : features) {
            out.add(new OriginRef("feature", (String) f[1], null, "/projects/" + slug + "/features/" + f[0]));
            Object ids = f[2];
            if (ids instanceof UUID[] a) {
                pageIds.addAll(List.of(a));
            } else if (ids instanceof List<?> l) {
                l.forEach(x -> pageIds.add((UUID) x));
            }
        }
        if (!pageIds.isEmpty()) {
            for (Object[] p : em.createQuery("select p.id, p.name, p.path from Page p where p.projectId = :p and p.id in :ids order by p.path",
                            Object[].class)
                    .setParameter("p", projectId).setParameter("ids", pageIds).getResultList()) {
                out.add(new OriginRef("page", (String) p[1], (String) p[2], "/projects/" + slug + "/pages/" + p[0]));
            }
        }
        return out;
    }
}
