package dev.specboard.architecture;

import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/** A bounded context ({@code domain} or {@code coordination}) that stories are mapped to. */
@Entity
@Table(name = "contexts")
public class BoundedContext extends TimestampedEntity {

    public static final List<String> TYPES = List.of("domain", "coordination");

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    public String name;
    public String type = "domain";
    public String purpose;
    public String description;
    public boolean approved;
    public boolean dirty;

    /** Bumped on every edit; a save based on an older version is refused. */
    public int version = 1;

    @Column(name = "created_by")
    public UUID createdBy;

    /** The account that saved the current version (named by a stale save); null when not known (saved before V1006). */
    @Column(name = "updated_by")
    public UUID updatedBy;
}
