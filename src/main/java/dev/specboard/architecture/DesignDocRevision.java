package dev.specboard.architecture;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One saved version of a design doc, kept forever for the history and diffs. */
@Entity
@Table(name = "design_doc_revisions")
public class DesignDocRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "design_doc_id", nullable = false, updatable = false)
    public UUID designDocId;

    public int version;
    public String content = "";

    @Column(name = "author_id")
    public UUID authorId;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

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
