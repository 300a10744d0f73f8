package dev.specboard.architecture;

import dev.specboard.kernel.Revision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.Optional;
import java.util.UUID;

/** One saved version of a design doc, kept forever for the history and diffs. */
@Entity
@Table(name = "design_doc_revisions")
public class DesignDocRevision extends Revision {

    @Column(name = "design_doc_id", nullable = false, updatable = false)
    public UUID designDocId;

    public String content = "";

    static DesignDocRevision of(DesignDoc doc, UUID author) {
        DesignDocRevision r = new DesignDocRevision();
        r.designDocId = doc.id;
        r.version = doc.version;
        r.content = doc.content;
        r.authorId = author;
        return r;
    }

    public static Optional<DesignDocRevision> find(UUID docId, int version) {
        return find("designDocId = ?1 and version = ?2", docId, version).firstResultOptional();
    }
}
