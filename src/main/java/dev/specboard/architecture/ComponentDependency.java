package dev.specboard.architecture;

import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** An edge of the dependency graph: {@code componentId} depends on {@code dependsOnId}. */
@Entity
@Table(name = "component_dependencies")
public class ComponentDependency extends TimestampedEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "component_id", nullable = false, updatable = false)
    public UUID componentId;

    @Column(name = "depends_on_id", nullable = false, updatable = false)
    public UUID dependsOnId;
}
