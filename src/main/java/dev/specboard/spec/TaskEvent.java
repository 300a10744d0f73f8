package dev.specboard.spec;

import dev.specboard.account.Account;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;
import java.util.UUID;

/** One status change of a task: from, to, who, through which door (web, token, system), why. */
@Entity
@Table(name = "task_events")
public class TaskEvent extends PanacheEntityBase {

    public static final String VIA_WEB = "web";
    public static final String VIA_TOKEN = "token";
    public static final String VIA_SYSTEM = "system";

    @Id
    @GeneratedValue
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    public ImplementationTask task;

    @Convert(converter = TaskStatus.Converter.class)
    @Column(name = "from_status")
    public TaskStatus fromStatus;

    @Convert(converter = TaskStatus.Converter.class)
    @Column(name = "to_status")
    public TaskStatus toStatus;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "actor_id")
    public Account actor;

    public String via;

    public String note;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
