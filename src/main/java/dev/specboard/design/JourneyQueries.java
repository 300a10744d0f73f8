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

    /** A page of the project's journeys (asked for: kept between the first and the last) and where it is in the list; two queries. */
    public JourneyListView.Shown page(UUID projectId, Integer page) {
        PageNumbers at = PageNumbers.of(page, JourneyFlow.count("projectId", projectId), PAGE_SIZE);
        return new JourneyListView.Shown(rows(projectId, at.offset()), at);
    }

    /**
     * A page of the project's journeys for the API, as many as on the list page; past the last page none, so that a script
     * reading pages until one comes back short stops (the list page shows the last page instead). One query.
     */
    public List<JourneyRow> apiPage(UUID projectId, Integer page) {
        long offset = ((page == null ? 1L : Math.max(1L, page)) - 1) * PAGE_SIZE;
        return offset > Integer.MAX_VALUE ? List.of() : rows(projectId, (int) offset);
    }

    private List<JourneyRow> rows(UUID projectId, int offset) {
        return em.createQuery("select new dev.specboard.design.JourneyRow(j.id, j.name, j.flowType, j.description, j.primary, "
                        + "(select count(n) from FlowNode n where n.flowId = j.id)) from JourneyFlow j where j.projectId = :p"
                        + " order by j.primary desc, lower(j.name), j.id", JourneyRow.class)
                .setParameter("p", projectId).setFirstResult(offset).setMaxResults(PAGE_SIZE).getResultList();
    }
}
