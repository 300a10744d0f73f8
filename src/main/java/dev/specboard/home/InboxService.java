package dev.specboard.home;

import dev.specboard.story.Story;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.Approval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What waits for one person's decision across their projects, in one query per kind whatever the numbers. */
@ApplicationScoped
public class InboxService {


    // The roles are one parameter each, not a list: Hibernate writes the SQL of a query with a list parameter again at
    // every execution instead of once.

    /** Projects where the account is a member or above (who may answer the assistant's questions), not archived. */
    private static final String DESIGNER_PROJECTS = "select m.project.id from Membership m where m.account.id = :me and m.role in (:member, :lead, :owner) "
            + "and m.project.status <> 'archived'";

    /** The assistant's questions still waiting for an answer. */
    private static final String OPEN_QUESTIONS = "t.thoughtType = 'question' and t.needsAnswer = true and t.status = 'active' "
            + "and t.projectId in (" + DESIGNER_PROJECTS + ")";

    /** Projects where the account is a lead or owner, not archived. */
    private static final String LEAD_PROJECTS = "select m.project.id from Membership m where m.account.id = :me and m.role in (:lead, :owner) "
            + "and m.project.status <> 'archived'";

    /** Stories sent back to the account in projects it still belongs to (a removed author no longer reads them), not archived. */
    private static final String SENT_BACK = "s.review = 'changes_requested' and s.authorId = :me and p.status <> 'archived' "
            + "and exists (select 1 from Membership sm where sm.project.id = s.projectId and sm.account.id = :me)";

    @Inject
    EntityManager em;

    /** Everything waiting, grouped by kind in this order: stories, contexts, design docs, summaries, sent back, the assistant's questions. */
    public List<InboxRow> forAccount(UUID me) {
        List<InboxRow> items = new ArrayList<>();
        for (Object[] r : em.createQuery("select p.slug, p.name, s.number, s.title, s.version, s.updatedAt, "
                        + "(select max(a.version) from Approval a where a.entityType = 'story' and a.entityId = s.id) "
                        + "from Story s join Project p on p.id = s.projectId where s.review = 'pending' and s.projectId in (" + LEAD_PROJECTS + ") "
                        + "and (s.authorId is null or s.authorId <> :me or (select count(l) from Membership l where l.project.id = p.id and l.role in (:lead, :owner)) = 1) "
                        + "order by s.updatedAt", Object[].class)
                .setParameter("me", me).setParameter("lead", Role.LEAD).setParameter("owner", Role.OWNER).getResultList()) {
            int n = (Integer) r[2];
            items.add(new InboxRow("story", (String) r[0], (String) r[1], Story.key(n), (String) r[3],
                    "/projects/" + r[0] + "/stories/" + n, (Integer) r[4], (Integer) r[6], null, (Instant) r[5]));
        }
        for (Object[] r : em.createQuery("select p.slug, p.name, c.id, c.name, c.version, c.updatedAt, c.dirty "
                        + "from BoundedContext c join Project p on p.id = c.projectId where c.approved = false and c.projectId in (" + LEAD_PROJECTS + ") "
                        + "order by c.updatedAt", Object[].class)
                .setParameter("me", me).setParameter("lead", Role.LEAD).setParameter("owner", Role.OWNER).getResultList()) {
            // Keyed by id: two contexts of one project waiting at once had the same element id.
            items.add(new InboxRow("context", (String) r[0], (String) r[1], r[2].toString(),
                    r[3] + (Boolean.TRUE.equals(r[6]) ? " (changed since it was approved)" : ""),
                    "/projects/" + r[0] + "/contexts/" + r[2], (Integer) r[4], null, null, (Instant) r[5]));
        }
        for (Object[] r : em.createQuery("select p.slug, p.name, c.id, c.name, d.version, d.updatedAt, d.approvedVersion "
                        + "from DesignDoc d join Component c on c.id = d.componentId join Project p on p.id = c.projectId "
                        + "where d.approved = false and d.content <> '' and c.projectId in (" + LEAD_PROJECTS + ") order by d.updatedAt", Object[].class)
                .setParameter("me", me).setParameter("lead", Role.LEAD).setParameter("owner", Role.OWNER).getResultList()) {
            items.add(new InboxRow("design-doc", (String) r[0], (String) r[1], r[2].toString(), "Design doc of " + r[3],
                    "/projects/" + r[0] + "/components/" + r[2] + "#design-doc", (Integer) r[4], (Integer) r[6], null, (Instant) r[5]));
        }
        for (Object[] r : em.createQuery("select p.slug, p.name, p.executiveSummaryVersion, p.updatedAt from Project p "
                        + "where p.executiveSummaryApproved = false and p.executiveSummary is not null and p.executiveSummary <> '' "
                        + "and p.id in (" + LEAD_PROJECTS + ") order by p.updatedAt", Object[].class)
                .setParameter("me", me).setParameter("lead", Role.LEAD).setParameter("owner", Role.OWNER).getResultList()) {
            items.add(new InboxRow("summary", (String) r[0], (String) r[1], "summary", "Executive summary",
                    "/projects/" + r[0] + "/executive-summary", (Integer) r[2], null, null, (Instant) r[3]));
        }
        for (Object[] r : em.createQuery("select p.slug, p.name, s.number, s.title, s.version, s.updatedAt, s.reviewComment "
                        + "from Story s join Project p on p.id = s.projectId where " + SENT_BACK + " order by s.updatedAt", Object[].class)
                .setParameter("me", me).getResultList()) {
            int n = (Integer) r[2];
            items.add(new InboxRow("sent-back", (String) r[0], (String) r[1], Story.key(n), (String) r[3],
                    "/projects/" + r[0] + "/stories/" + n, (Integer) r[4], null, (String) r[6], (Instant) r[5]));
        }
        for (Object[] r : em.createQuery("select p.slug, p.name, t.id, t.reasoning, t.createdAt, t.version from Thought t join Project p on p.id = t.projectId "
                        + "where " + OPEN_QUESTIONS + " order by t.createdAt, t.subjectKey", Object[].class)
                .setParameter("me", me).setParameter("member", Role.MEMBER).setParameter("lead", Role.LEAD).setParameter("owner", Role.OWNER).getResultList()) {
            items.add(new InboxRow("question", (String) r[0], (String) r[1], r[2].toString(), (String) r[3],
                    "/projects/" + r[0] + "/thinking?status=review#answer-" + r[2], (Integer) r[5], null, null, (Instant) r[4]));
        }
        return items;
    }

    /** How many decisions wait, for the navigation badge. */
    public long count(UUID me) {
        Long stories = em.createQuery("select count(s) from Story s where s.review = 'pending' and s.projectId in (" + LEAD_PROJECTS + ") "
                        + "and (s.authorId is null or s.authorId <> :me or (select count(l) from Membership l where l.project.id = s.projectId and l.role in (:lead, :owner)) = 1)",
                        Long.class)
                .setParameter("me", me).setParameter("lead", Role.LEAD).setParameter("owner", Role.OWNER).getSingleResult();
        Long contexts = em.createQuery("select count(c) from BoundedContext c where c.approved = false and c.projectId in (" + LEAD_PROJECTS + ")", Long.class)
                .setParameter("me", me).setParameter("lead", Role.LEAD).setParameter("owner", Role.OWNER).getSingleResult();
        Long designDocs = em.createQuery("select count(d) from DesignDoc d join Component c on c.id = d.componentId where d.approved = false "
                        + "and d.content <> '' and c.projectId in (" + LEAD_PROJECTS + ")", Long.class)
                .setParameter("me", me).setParameter("lead", Role.LEAD).setParameter("owner", Role.OWNER).getSingleResult();
        Long summaries = em.createQuery("select count(p) from Project p where p.executiveSummaryApproved = false and p.executiveSummary is not null "
                        + "and p.executiveSummary <> '' and p.id in (" + LEAD_PROJECTS + ")", Long.class)
                .setParameter("me", me).setParameter("lead", Role.LEAD).setParameter("owner", Role.OWNER).getSingleResult();
        Long sentBack = em.createQuery("select count(s) from Story s join Project p on p.id = s.projectId where " + SENT_BACK, Long.class)
                .setParameter("me", me).getSingleResult();
        Long questions = em.createQuery("select count(t) from Thought t where " + OPEN_QUESTIONS, Long.class)
                .setParameter("me", me).setParameter("member", Role.MEMBER).setParameter("lead", Role.LEAD).setParameter("owner", Role.OWNER).getSingleResult();
        return stories + contexts + designDocs + summaries + sentBack + questions;
    }
}
