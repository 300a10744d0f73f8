package dev.specboard.design;

import dev.specboard.web.PageNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/** Reads the project's journeys a page at a time, with their node counts, for the list page and the API. */
@ApplicationScoped
public class JourneyQueries {

    /** The journeys shown a page at a time, on the list and over the API. */
    static final int PAGE_SIZE = 50;

    @Inject
    EntityManager em;

    /** A journey screen that shows a page: the journey and the node's key. */
    public record Use(UUID journeyId, String journey, String nodeKey) {
    }

    /** The journey screens that show this page (seed 004's usage contexts, read from the journeys rather than kept twice), by journey name; one query. */
    @SuppressWarnings("unchecked")
    public List<Use> showing(UUID projectId, UUID pageId) {
        List<Object[]> rows = em.createNativeQuery("select f.id, f.name, n.node_key from flow_nodes n join journey_flows f on f.id = n.flow_id "
                        + "where f.project_id = ?1 and n.node_type = 'screen' and n.data ->> 'page_id' = ?2 order by lower(f.name), f.id, n.node_key")
                .setParameter(1, projectId).setParameter(2, pageId.toString()).getResultList();
        return rows.stream().map(r -> new Use((UUID) r[0], (String) r[1], (String) r[2])).toList();
    }

    /** A page of the project's journeys (asked for: kept between the first and the last) and where it is in the list; two queries. */
    public JourneyListView.Shown page(UUID projectId, Integer page) {
        PageNumbers at = PageNumbers.of(page, JourneyFlow.count("projectId", projectId), PAGE_SIZE);
        return new JourneyListView.Shown(rows(projectId, at.offset()), at);
    }

    /**
     * A page of the project's journeys for the API, as many as on the list page, with how many there are (one count);
     * past the last page none, so that a script reading pages until one comes back short stops (the list page shows the
     * last page instead). Two queries.
     */
    public ApiPage apiPage(UUID projectId, Integer page) {
        long offset = ((page == null ? 1L : Math.max(1L, page)) - 1) * PAGE_SIZE;
        long total = JourneyFlow.count("projectId", projectId);
        return new ApiPage(offset >= total ? List.of() : rows(projectId, (int) offset, PAGE_SIZE), total, PAGE_SIZE);
    }

    /** A page of journeys for the API, the number of the project's journeys and how many a page holds. */
    public record ApiPage(List<JourneyRow> rows, long total, int size) {
    }

    private List<JourneyRow> rows(UUID projectId, int offset) {
        return rows(projectId, offset, PAGE_SIZE);
    }

    private List<JourneyRow> rows(UUID projectId, int offset, int limit) {
        return em.createQuery("select new dev.specboard.design.JourneyRow(j.id, j.name, j.flowType, j.description, j.primary, "
                        + "(select count(n) from FlowNode n where n.flowId = j.id)) from JourneyFlow j where j.projectId = :p"
                        + " order by j.primary desc, lower(j.name), j.id", JourneyRow.class)
                .setParameter("p", projectId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }
}
