package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FilterChoices;
import dev.specboard.web.FormErrors;
import dev.specboard.web.PageNumbers;
import dev.specboard.web.ValidationException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the thinking chain a page at a time: the rows, counts and positions come from SQL, so a page of a chain of
 * thousands of thoughts holds only its own thoughts (and those they link to) in memory, in a fixed number of statements.
 */
@ApplicationScoped
public class ThoughtChain {

    /** The thinking chain page shows this many thoughts at a time. */
    static final int PAGE_SIZE = 50;

    /** The chain's order: the order the thoughts were thought in, the subject then the id breaking ties so pages hold still. */
    private static final String ORDER = " order by createdAt, subjectKey, id";

    @Inject
    EntityManager em;

    @Inject
    ThoughtService thoughts;

    /** How many thoughts one statement of a whole read ({@link #batches}) reads. */
    public static final int READ_SIZE = 250;

    /**
     * The whole chain the filter keeps, in its order, read {@code size} thoughts a statement as the caller goes on (a
     * statement per batch, whatever the chain's length): each batch leaves the session once read, so a reader of a chain
     * of thousands holds one batch at a time, not the chain. Each batch starts after the last thought of the one before in
     * the chain's order (not at a count of rows), so a thought deleted or added meanwhile moves no other one out of the read.
     */
    public Iterator<List<Thought>> batches(UUID projectId, String status, int size) {
        where(status); // a refused filter is refused now, before any answer starts
        return new Iterator<>() {
            private Thought last;
            private boolean done;
            private List<Thought> next;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = after(projectId, status, last, size);
                    next.forEach(em::detach);
                    done = next.size() < size;
                    last = next.isEmpty() ? last : next.get(next.size() - 1);
                    next = next.isEmpty() ? null : next;
                }
                return next != null;
            }

            @Override
            public List<Thought> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Thought> batch = next;
                next = null;
                return batch;
            }
        };
    }

    /**
     * {@code size} thoughts of the chain (filtered as {@link #count}) that come after {@code last} in its order (from the
     * first when null); one query. The subject sorts after every subject when absent (PostgreSQL's ascending order).
     */
    private List<Thought> after(UUID projectId, String status, Thought last, int size) {
        Parameters params = params(projectId, status);
        String from = "";
        if (last != null) {
            params.and("afterAt", last.createdAt).and("afterId", last.id);
            String sameAt = last.subjectKey == null ? "subjectKey is null and id > :afterId"
                    : "subjectKey > :afterKey or subjectKey is null or subjectKey = :afterKey and id > :afterId";
            if (last.subjectKey != null) {
                params.and("afterKey", last.subjectKey);
            }
            from = " and (createdAt > :afterAt or createdAt = :afterAt and (" + sameAt + "))";
        }
        return Thought.<Thought>find(where(status) + from + ORDER, params)
                .withHint(HibernateHints.HINT_READ_ONLY, true).range(0, size - 1).list();
    }

    /** {@code size} thoughts of the chain (filtered as {@link #list}) from the {@code offset}-th; one query. */
    public List<Thought> rows(UUID projectId, String status, long offset, int size) {
        if (offset >= Integer.MAX_VALUE - size) {
            return List.of();
        }
        return Thought.<Thought>find(where(status) + ORDER, params(projectId, status))
                .withHint(HibernateHints.HINT_READ_ONLY, true).range((int) offset, (int) offset + size - 1).list();
    }

    /** How many thoughts the filter keeps; one query. */
    public long count(UUID projectId, String status) {
        return Thought.count(where(status), params(projectId, status));
    }

    /**
     * The thinking chain page: a page of the thoughts the filter keeps (none when it was refused; the page holding
     * {@code failed} when a decision on it was refused, so its form shows with the feedback kept and the {@code conflict}
     * saying why: decided meanwhile, a version never saved, or gone from the chain), with the thoughts they depend on and lead to by id and the page of the
     * unfiltered chain showing each of those, and their sources. A fixed number of queries whatever the thoughts' number.
     */
    public ThinkingView chain(Access access, String filter, FilterChoices choices, Integer page, UUID failed,
                              FormErrors errors, String feedback, String conflict) {
        UUID projectId = access.project().id;
        String status = filter.isEmpty() ? null : filter;
        long total = choices.refused() ? 0 : count(projectId, status);
        Long failedAt = failed == null || choices.refused() ? null : positions(projectId, status, Set.of(failed)).get(failed);
        // Boxed on both sides: an absent page (null) must not be unboxed.
        PageNumbers at = PageNumbers.of(failedAt == null ? page : Integer.valueOf((int) ((failedAt - 1) / PAGE_SIZE + 1)), total, PAGE_SIZE);
        List<Thought> shown = choices.refused() ? List.of() : rows(projectId, status, at.offset(), PAGE_SIZE);
        Map<UUID, Thought> byId = new LinkedHashMap<>();
        shown.forEach(t -> byId.put(t.id, t));
        Set<UUID> related = new LinkedHashSet<>();
        shown.forEach(t -> {
            related.addAll(t.dependsOn);
            related.addAll(t.leadsTo);
        });
        related.removeAll(byId.keySet());
        Map<UUID, Integer> pageById = new HashMap<>();
        if (!related.isEmpty()) {
            Thought.<Thought>find("projectId = ?1 and id in ?2", projectId, related).withHint(HibernateHints.HINT_READ_ONLY, true)
                    .list().forEach(t -> byId.put(t.id, t));
            positions(projectId, null, related).forEach((id, n) -> pageById.put(id, (int) ((n - 1) / PAGE_SIZE + 1)));
        }
        long waiting = count(projectId, "review");
        return new ThinkingView(access, shown, byId, pageById, thoughts.sources(access, shown), filter, waiting, at, failed, errors, feedback,
                conflict, choices.errors(), InferredEntity.confirmedNames(projectId));
    }

    /** The page of the unfiltered chain that shows the thought (the first if it has none), for a redirect to it. */
    public int pageOf(UUID projectId, UUID id) {
        Long n = positions(projectId, null, Set.of(id)).get(id);
        return n == null ? 1 : (int) ((n - 1) / PAGE_SIZE + 1);
    }

    /**
     * Where each of the thoughts stands in the chain the filter keeps, from 1 (absent: not kept); one query, counted by the
     * database, under the same filter as {@link #rows} (one definition of each filter).
     */
    private Map<UUID, Long> positions(UUID projectId, String status, Set<UUID> ids) {
        var query = em.createQuery("select r.id, r.n from (select id id, row_number() over (" + ORDER.substring(1)
                + ") n from Thought where " + where(status) + ") r where r.id in :ids", Object[].class).setParameter("ids", ids);
        params(projectId, status).map().forEach(query::setParameter);
        Map<UUID, Long> out = new HashMap<>();
        for (Object[] r : query.getResultList()) {
            out.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }

    private static String where(String status) {
        if (status == null || status.isBlank()) {
            return "projectId = :p";
        }
        if (status.equals("review")) {
            return "projectId = :p and (needsReview = true or (needsAnswer = true and status = 'active'))";
        }
        if (!Thought.STATUSES.contains(status)) {
            throw ValidationException.of("status", "One of active, confirmed, revised, rejected, review");
        }
        return "projectId = :p and status = :s";
    }

    private static Parameters params(UUID projectId, String status) {
        Parameters p = Parameters.with("p", projectId);
        return status == null || status.isBlank() || status.equals("review") ? p : p.and("s", status);
    }
}
