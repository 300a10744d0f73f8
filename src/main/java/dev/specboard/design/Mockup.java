package dev.specboard.design;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One saved version of a page's mockup (HTML, CSS, JS) with the patterns parsed out of it; never changed once saved. */
@Entity
@Table(name = "mockups")
public class Mockup extends PanacheEntityBase {

    public static final List<String> CHANGED_BY = List.of("user", "ai", "wizard");

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "page_id", nullable = false, updatable = false)
    public UUID pageId;

    public int version;

    @Column(name = "html_content")
    public String htmlContent;

    @Column(name = "css_content")
    public String cssContent;

    @Column(name = "javascript_content")
    public String javascriptContent;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "responsive_rules")
    public String responsiveRules = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "extracted_patterns")
    public String extractedPatterns = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    public String interactions = "[]";

    @Column(name = "change_description")
    public String changeDescription;

    @Column(name = "changed_by")
    public String changedBy = "user";

    @Column(name = "author_id")
    public UUID authorId;

    @Column(name = "parent_mockup_id")
    public UUID parentMockupId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "user_feedback")
    public String userFeedback = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ai_notes")
    public String aiNotes = "{}";

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public static Optional<Mockup> version(UUID pageId, int version) {
        return find("pageId = ?1 and version = ?2", pageId, version).firstResultOptional();
    }

    /** The seed's {@code ai_notes}: what the assistant noted when it saved the version (assumptions, open questions), as {@code {"notes": [...]}}. */
    public record AiNotes(List<String> notes) {
        public static final int MAX_NOTES = 20;
        public static final int MAX_CHARS = 1000;

        public AiNotes {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    public List<String> aiNoteList() {
        return DesignJson.read(aiNotes, AiNotes.class, new AiNotes(List.of())).notes();
    }

    public MockupAnalysis analysis() {
        return DesignJson.read(extractedPatterns, MockupAnalysis.class, MockupAnalysis.empty());
    }
}
