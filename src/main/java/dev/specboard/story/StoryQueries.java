package dev.specboard.story;

import dev.specboard.web.PageNumbers;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads stories for showing them: the list page's filtered page of rows, the API's listing, and a story's versions. */
@ApplicationScoped
public class StoryQueries {

    private static final Pattern KEY = Pattern.compile("(?i)^(?:us-?)?(\\d{1,9})$");

    @Inject
    EntityManager em;

    /** One page of the project's stories that match the filter, newest first, in two queries. */
    public StoryListView list(UUID projectId, StoryFilter filter) {
        StringBuilder where = new StringBuilder(" from stories s where s.project_id = :p");
        Map<String, Object> params = new HashMap<>();
        params.put("p", projectId);
        switch (filter.status()) {
            case "draft" -> where.append(" and s.status = 'draft' and s.review = 'none'");
            case "review" -> where.append(" and s.review = 'pending'");
            case "changes" -> where.append(" and s.review = 'changes_requested'");
            case "ready" -> where.append(" and s.status = 'ready'");
            case "implemented" -> where.append(" and s.status = 'implemented'");
            default -> { }
        }
        if ("approved".equals(filter.approval())) {
            where.append(" and s.approved");
        } else if ("unapproved".equals(filter.approval())) {
            where.append(" and not s.approved");
        }
        if ("true".equals(filter.dirty())) {
            where.append(" and s.dirty");
        } else if ("false".equals(filter.dirty())) {
            where.append(" and not s.dirty");
        }
        if ("none".equals(filter.context())) {
            where.append(" and not exists (select 1 from context_stories cs where cs.story_id = s.id)");
        } else if (filter.contextId() != null) {
            where.append(" and exists (select 1 from context_stories cs where cs.story_id = s.id and cs.context_id = :ctx)");
            params.put("ctx", filter.contextId());
        }
        if (!filter.q().isEmpty()) {
            Matcher m = KEY.matcher(filter.q());
            if (m.matches()) {
                where.append(" and s.number = :n");
                params.put("n", Integer.parseInt(m.group(1)));
            } else {
                where.append(" and (s.search @@ websearch_to_tsquery('specboard_text', :q) or s.title ilike :like)");
                params.put("q", filter.q());
                params.put("like", "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        Query count = em.createNativeQuery("select count(*)" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        PageNumbers at = PageNumbers.of(filter.page(), total, StoryFilter.PAGE_SIZE);
        Query q = em.createNativeQuery("select s.number, s.title, s.status, s.review, s.approved, s.dirty, s.version, s.approved_version"
                + where + " order by s.number desc");
        params.forEach(q::setParameter);
        q.setFirstResult(at.offset()).setMaxResults(StoryFilter.PAGE_SIZE);
        List<StoryRow> rows = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new StoryRow(((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4], (Boolean) r[5],
                    ((Number) r[6]).intValue(), r[7] == null ? null : ((Number) r[7]).intValue()));
        }
        return new StoryListView(rows, at, filter);
    }

    /**
     * The project's stories by number for the API (optionally of one status): all, or the page's {@link StoryFilter#PAGE_SIZE}
     * and the first story of the next page when there is one (so the API can say that another page follows without counting).
     */
    public List<Story> all(UUID projectId, String status, Integer page) {
        PanacheQuery<Story> q = status == null || status.isBlank()
                ? Story.find("projectId = ?1 order by number", projectId)
                : Story.find("projectId = ?1 and status = ?2 order by number", projectId, status);
        long from = (long) (page == null ? 0 : Math.max(0, page - 1)) * StoryFilter.PAGE_SIZE;
        return page == null ? q.list() : from > Integer.MAX_VALUE - StoryFilter.PAGE_SIZE ? List.of()
                : q.range((int) from, (int) from + StoryFilter.PAGE_SIZE).list();
    }

    /** How many stories the project has (of one status, when given): the total of the API's pages. */
    public long count(UUID projectId, String status) {
        return status == null || status.isBlank() ? Story.count("projectId", projectId)
                : Story.count("projectId = ?1 and status = ?2", projectId, status);
    }

    /** Every version of a story, newest first, with authors, in one query. */
    public List<RevisionRow> revisions(UUID storyId) {
        return em.createQuery("select new dev.specboard.story.RevisionRow(r.version, r.title, r.description, r.acceptanceCriteria, r.createdAt, a.username) "
                        + "from StoryRevision r left join Account a on a.id = r.authorId where r.storyId = :s order by r.version desc", RevisionRow.class)
                .setParameter("s", storyId).getResultList();
    }
}
