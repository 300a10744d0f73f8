package dev.specboard.kernel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lead's decision (approved or changes requested) on one version of an approvable thing. */
@Entity
@Table(name = "approvals")
public class Approval extends PanacheEntityBase {

    public static final String STORY = "story";
    public static final String CONTEXT = "context";
    public static final String EXECUTIVE_SUMMARY = "executive_summary";
    public static final String APPROVED = "approved";
    public static final String CHANGES_REQUESTED = "changes_requested";

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "entity_type", nullable = false, updatable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false, updatable = false)
    public UUID entityId;

    public int version;
    public String decision;
    public String comment;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Records a decision; other features (design docs, specs) use it for their own approvals. */
    public static Approval record(UUID projectId, String entityType, UUID entityId, int version, String decision, String comment, UUID by) {
        Approval a = new Approval();
        a.projectId = projectId;
        a.entityType = entityType;
        a.entityId = entityId;
        a.version = version;
        a.decision = decision;
        a.comment = comment;
        a.decidedBy = by;
        a.persist();
        return a;
    }

    /** The decisions on an approvable thing, newest first, with the deciders' usernames, in one query. */
    public static List<ApprovalRow> history(String entityType, UUID entityId) {
        return getEntityManager().createQuery("select new dev.specboard.kernel.ApprovalRow(x.version, x.decision, x.comment, x.createdAt, a.username) "
                        + "from Approval x left join Account a on a.id = x.decidedBy where x.entityType = :t and x.entityId = :e "
                        + "order by x.createdAt desc", ApprovalRow.class)
                .setParameter("t", entityType).setParameter("e", entityId).getResultList();
    }
}
