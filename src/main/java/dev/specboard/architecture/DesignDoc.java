package dev.specboard.architecture;

import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.Optional;
import java.util.UUID;

/** The one markdown design document of a component, versioned and approved by a lead. */
@Entity
@Table(name = "design_docs")
public class DesignDoc extends TimestampedEntity {

    @Column(name = "component_id", nullable = false, updatable = false)
    public UUID componentId;

    public String content = "";
    public boolean approved;

    /** The current version; a save based on another one is refused (explicit check, 409). */
    public int version = 1;

    @Column(name = "approved_version")
    public Integer approvedVersion;

    @Column(name = "updated_by")
    public UUID updatedBy;

    public static Optional<DesignDoc> forComponent(UUID componentId) {
        return find("componentId", componentId).firstResultOptional();
    }
}
