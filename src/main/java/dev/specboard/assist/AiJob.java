package dev.specboard.assist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Map;

/** An assistant job (seed 003 {@code ai_jobs}): a documentation outline or an explanation, run by the {@link JobWorker}. */
@Entity
@Table(name = "ai_jobs")
public class AiJob extends LeasedJob {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public AiJobType type;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> result;
}
