package dev.specboard.architecture;

import dev.specboard.kernel.Role;
import dev.specboard.account.Account;
import dev.specboard.project.Access;
import dev.specboard.kernel.Approval;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.web.ApiException;
import dev.specboard.kernel.TextDiff;
import dev.specboard.web.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Design docs: saving new versions (refusing stale ones with both texts), the revision history and
 * its diffs, and a lead's approval (recorded in the approvals history, clearing the component's dirty mark).
 */
@ApplicationScoped
public class DesignDocService {

    @Inject
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    ComponentService components;

    public Optional<DesignDoc> find(UUID componentId) {
        return DesignDoc.forComponent(componentId);
    }

    /**
     * Saves the text as the next version when it is based on the current one ({@code version} null
     * skips the check). A change resets the approval. Answers the saved doc.
     */
    @Transactional
    public DesignDoc save(Access access, UUID componentId, DesignDocForm form) {
        access.requireWrite(Role.MEMBER);
        validation.require(form);
        Component c = components.get(access.project().id, componentId);
        // The component row serialises saves, including the very first one that creates the doc.
        em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
        String content = form.content() == null ? "" : form.content().strip();
        DesignDoc doc = DesignDoc.forComponent(c.id).orElse(null);
        int current = doc == null ? 0 : doc.version;
        StaleVersionException.requireSaved("The design doc of " + c.name, form.version(), current);
        if (form.version() != null && form.version() != current) {
            String by = doc == null ? null : DesignDocRevision.find(doc.id, doc.version).map(r -> username(r.authorId)).orElse(null);
            throw new StaleVersionException("The design doc of " + c.name, form.version(), current,
                    Map.of("content", doc == null ? "" : doc.content), Map.of("content", content), by);
        }
        if (doc == null) {
            doc = new DesignDoc();
            doc.componentId = c.id;
            doc.content = content;
            doc.version = 1;
            doc.updatedBy = access.accountId();
            doc.persist();
            DesignDocRevision.of(doc, access.accountId()).persist();
            return doc;
        }
        if (!TextDiff.changed(doc.content, content)) {
            return doc;
        }
        doc.content = content;
        doc.version++;
        doc.approved = false;
        doc.updatedBy = access.accountId();
        em.flush();
        DesignDocRevision.of(doc, access.accountId()).persist();
        return doc;
    }

    /**
     * A lead approves the version they read ({@code version}; null means the current one; 409 when it changed since): recorded in the approvals history; the component is no longer dirty, and
     * its docs count as complete (its code and tests flags stay as they were).
     */
    @Transactional
    public DesignDoc approve(Access access, UUID componentId, Integer version) {
        access.requireWrite(Role.LEAD);
        Component c = components.get(access.project().id, componentId);
        em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
        DesignDoc doc = DesignDoc.forComponent(c.id)
                .orElseThrow(() -> ApiException.conflict("The component " + c.name + " has no design doc to approve yet."));
        StaleVersionException.requireApprovedAsRead("The design doc of " + c.name, version, doc.version,
                () -> StaleVersionException.texts("content", doc.content),
                v -> DesignDocRevision.find(doc.id, v).map(r -> StaleVersionException.texts("content", r.content)).orElse(null),
                () -> DesignDocRevision.find(doc.id, doc.version).map(r -> username(r.authorId)).orElse(null));
        if (doc.approved && !c.dirty) {
            throw ApiException.conflict("Version " + doc.version + " of the design doc of " + c.name + " is already approved.");
        }
        doc.approved = true;
        doc.approvedVersion = doc.version;
        c.dirty = false;
        c.docsComplete = true;
        Approval.record(access.project().id, "design_doc", doc.id, doc.version, Approval.APPROVED, null, access.accountId());
        return doc;
    }

    /** Every version, newest first, with authors, in one query. */
    public List<DesignDocRevisionRow> revisions(UUID docId) {
        return em.createQuery("select new dev.specboard.architecture.DesignDocRevisionRow(r.version, r.content, r.createdAt, a.username) "
                        + "from DesignDocRevision r left join Account a on a.id = r.authorId where r.designDocId = :d order by r.version desc",
                        DesignDocRevisionRow.class)
                .setParameter("d", docId).getResultList();
    }

    /** Who approved which version, newest first. */
    public List<Approval> approvals(UUID docId) {
        return Approval.<Approval>find("entityType = ?1 and entityId = ?2 order by createdAt desc", "design_doc", docId).list();
    }

    /** The word diff between two versions; 404 for a version that does not exist. */
    public List<TextDiff.Segment> diff(UUID docId, int from, int to) {
        return TextDiff.diff(version(docId, from).content, version(docId, to).content);
    }

    private DesignDocRevision version(UUID docId, int v) {
        return DesignDocRevision.find(docId, v).orElseThrow(() -> ApiException.notFound("No version " + v + " of this design doc"));
    }

    String username(UUID accountId) {
        if (accountId == null) {
            return null;
        }
        Account a = Account.findById(accountId);
        return a == null ? null : a.username;
    }
}
