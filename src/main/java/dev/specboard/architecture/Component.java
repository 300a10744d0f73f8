package dev.specboard.architecture;

import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/** A piece of the system (a module, schema, controller...) inside a bounded context, with its completion flags. */
@Entity
@Table(name = "components")
public class Component extends TimestampedEntity {

    public static final List<String> TYPES = List.of("context", "schema", "controller", "liveview", "genserver", "task", "other");

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "context_id")
    public UUID contextId;

    public String name;
    public String type = "other";

    @Column(name = "file_path")
    public String filePath = "";

    public String description;

    @Column(name = "docs_complete")
    public boolean docsComplete;
    @Column(name = "code_complete")
    public boolean codeComplete;
    @Column(name = "tests_complete")
    public boolean testsComplete;

    /** A story of its context changed after approval: the design needs another look. */
    public boolean dirty;

    /** Bumped on every edit; an edit based on an older version is refused. */
    public int version = 1;
}
