package dev.specboard.plan;

import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Optional;
import java.util.UUID;

/** The chat of a plan version (seed 002 {@code chat_sessions}): its messages as a JSON array, see {@link ChatMessage}. */
@Entity
@Table(name = "chat_sessions")
public class ChatSession extends TimestampedEntity {

    public static final String ACTIVE = "active";
    public static final String COMPLETED = "completed";

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @JdbcTypeCode(SqlTypes.JSON)
    public String messages = "[]";

    public String status = ACTIVE;

    public static Optional<ChatSession> forPlan(UUID planId) {
        return find("planId", planId).firstResultOptional();
    }
}
