package dev.specboard.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A counter of a project that moves whenever something a kept rendering shows changes (migration V0006). Only the
 * database's triggers write it; {@link ProjectAccess} reads a project's counters with the caller's access.
 */
@Entity
@Immutable
@Table(name = "project_counters")
@IdClass(ProjectCounter.Key.class)
public class ProjectCounter extends PanacheEntityBase {

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Id
    public String name;

    public long value;

    /** The counter's key: project and name. */
    public static class Key implements Serializable {
        public UUID projectId;
        public String name;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, name);
        }
    }
}
