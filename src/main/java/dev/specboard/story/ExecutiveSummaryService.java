package dev.specboard.story;

import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.kernel.Approval;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The project's executive summary: versioned edits that reset its approval, and a lead's approval. */
@ApplicationScoped
public class ExecutiveSummaryService {

    @Inject
    EntityManager em;

    /** Saves a new version when based on the current one (409 otherwise); clears the approval. */
    @Transactional
    public Project edit(Access access, String content, Integer baseVersion) {
        access.requireWrite(Role.MEMBER);
        if (content != null && dev.specboard.web.Chars.Check.over(content, 50000)) {
            throw ValidationException.of("content", "At most 50000 characters");
        }
        // A blank text would only become an empty version hiding the last real one.
        if (content == null || content.isBlank()) {
            throw ValidationException.of("content", "Write the executive summary");
        }
        if (baseVersion == null) {
            throw ValidationException.of("version", "Say which version you edited");
        }
        Project p = em.find(Project.class, access.project().id, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(p);
        ensureRevision(p);
        StaleVersionException.requireSaved("The executive summary", baseVersion, p.executiveSummaryVersion);
        if (baseVersion != p.executiveSummaryVersion) {
            throw new StaleVersionException("The executive summary", baseVersion, p.executiveSummaryVersion,
                    StaleVersionException.texts("content", p.executiveSummary), StaleVersionException.texts("content", content),
                    savedBy(p, access.accountId()));
        }
        String text = content.strip();
        if (Objects.equals(text, p.executiveSummary)) {
            return p;
        }
        p.executiveSummary = text;
        p.executiveSummaryVersion++;
        p.executiveSummaryApproved = false;
        ExecutiveSummaryRevision r = new ExecutiveSummaryRevision();
        r.projectId = p.id;
        r.version = p.executiveSummaryVersion;
        r.content = text;
        r.authorId = access.accountId();
        r.persist();
        return p;
    }

    /** A lead approves the version they read ({@code version}; null means the current one) when it is still the current one (409 otherwise). */
    @Transactional
    public Project approve(Access access, Integer version) {
        access.requireWrite(Role.LEAD);
        Project p = em.find(Project.class, access.project().id, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(p);
        if (p.executiveSummary == null || p.executiveSummary.isBlank()) {
            throw ApiException.conflict("There is no executive summary to approve yet.");
        }
        if (p.executiveSummaryApproved) {
            throw ApiException.conflict("The executive summary is already approved.");
        }
        ensureRevision(p);
        if (version != null && version != p.executiveSummaryVersion) {
            // Approving the newer text unread would put an approval on words the lead has not seen.
            String seen = ExecutiveSummaryRevision.<ExecutiveSummaryRevision>find("projectId = ?1 and version = ?2", p.id, version)
                    .firstResultOptional().map(r -> r.content).orElse(null);
            String by = savedBy(p, access.accountId());
            throw StaleVersionException.withMessage("The executive summary was changed by " + (by == null ? "someone else" : by)
                            + " after you opened it: you read version " + version
                            + ", it is now version " + p.executiveSummaryVersion + ". Nothing was approved: read version "
                            + p.executiveSummaryVersion + " and approve that one.", version, p.executiveSummaryVersion,
                    StaleVersionException.texts("content", p.executiveSummary), seen == null ? null : StaleVersionException.texts("content", seen), by);
        }
        p.executiveSummaryApproved = true;
        Approval.record(p.id, Approval.EXECUTIVE_SUMMARY, p.id, p.executiveSummaryVersion, Approval.APPROVED, null, access.accountId());
        return p;
    }

    /**
     * Who saved the current version, as a stale save by {@code caller} names them (as a story's does): "you in another tab
     * or window", the member's name, or null when not known (a summary the setup wizard wrote before versioning).
     */
    private static String savedBy(Project p, UUID caller) {
        UUID author = ExecutiveSummaryRevision.<ExecutiveSummaryRevision>find("projectId = ?1 and version = ?2", p.id, p.executiveSummaryVersion)
                .firstResultOptional().map(r -> r.authorId).orElse(null);
        return dev.specboard.account.Account.savedByAsSeenBy(author, caller);
    }

    /** A summary written before versioning (by the setup wizard) becomes a first revision. */
    private void ensureRevision(Project p) {
        if (p.executiveSummary == null && p.executiveSummaryVersion == 0) {
            return;
        }
        if (p.executiveSummaryVersion == 0) {
            p.executiveSummaryVersion = 1;
        }
        if (ExecutiveSummaryRevision.count("projectId = ?1 and version = ?2", p.id, p.executiveSummaryVersion) == 0) {
            ExecutiveSummaryRevision r = new ExecutiveSummaryRevision();
            r.projectId = p.id;
            r.version = p.executiveSummaryVersion;
            r.content = p.executiveSummary == null ? "" : p.executiveSummary;
            r.persist();
        }
    }

    /** Every version, newest first. */
    public List<ExecutiveSummaryRevision> revisions(UUID projectId) {
        return ExecutiveSummaryRevision.<ExecutiveSummaryRevision>find("projectId = ?1 order by version desc", projectId).list();
    }

    /** The version a lead last approved, if any. */
    public Integer approvedVersion(UUID projectId) {
        return em.createQuery("select max(a.version) from Approval a where a.entityType = :t and a.entityId = :p and a.decision = :d", Integer.class)
                .setParameter("t", Approval.EXECUTIVE_SUMMARY).setParameter("p", projectId).setParameter("d", Approval.APPROVED)
                .getSingleResult();
    }
}
