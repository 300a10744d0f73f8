package dev.specboard.notification;

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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened that one person should know about. The payload carries {@code message}
 * (one sentence) and {@code link} (where to look) for the list page, plus whatever the type needs.
 */
@Entity
@Table(name = "notifications")
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "project_id")
    public UUID projectId;

    public String type;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload = new HashMap<>();

    @Column(name = "read_at")
    public Instant readAt;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public boolean isUnread() {
        return readAt == null;
    }

    public String message() {
        Object m = payload == null ? null : payload.get("message");
        return m == null ? type.replace('_', ' ') : m.toString();
    }

    /** A local link only: payloads are data, never a way to send people elsewhere. */
    public String link() {
        Object l = payload == null ? null : payload.get("link");
        String s = l == null ? "" : l.toString();
        return s.startsWith("/") && !s.startsWith("//") ? s : "";
    }

    public String comment() {
        Object c = payload == null ? null : payload.get("comment");
        return c == null ? "" : c.toString();
    }
}
