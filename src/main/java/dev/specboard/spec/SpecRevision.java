package dev.specboard.spec;

import dev.specboard.kernel.Revision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A saved version of a spec's title and content, kept forever. */
@Entity
@Table(name = "spec_revisions")
public class SpecRevision extends Revision {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "spec_id")
    public TechnicalSpec spec;

    public String title;

    @Column(name = "spec_type")
    public String specType;

    public String content;

    public static java.util.Optional<SpecRevision> find(TechnicalSpec spec, int version) {
        return find("spec = ?1 and version = ?2", spec, version).firstResultOptional();
    }

    /** The text compared between versions: a monolithic spec's markdown, or a hierarchical one's readable document. */
    public String readableContent() {
        return TechnicalSpec.TYPE_HIERARCHICAL.equals(specType) ? SpecContent.parse(content).readable() : (content == null ? "" : content);
    }
}
