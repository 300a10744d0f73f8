package dev.specboard.kernel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;
import java.util.UUID;

/** What every kept version of an edited document has: its number, who wrote it and when. */
@MappedSuperclass
public abstract class Revision extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    public int version;

    @Column(name = "author_id")
    public UUID authorId;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
