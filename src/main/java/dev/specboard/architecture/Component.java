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

    /**
     * What is wrong with a file path given for a component, or null when it is empty or a path inside the repository
     * relative to its root: the code and test flags look the path up in the synced manifest, where an absolute path,
     * a Windows path or one leaving the root never matches, so the flags would silently stay manual.
     */
    public static String filePathProblem(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String p = path.strip();
        boolean outside = p.startsWith("/") || p.startsWith("~") || p.contains("\\") || p.matches("^[A-Za-z]:.*") || p.contains("://")
                || List.of(p.split("/")).contains("..");
        return outside ? "Write the path inside the repository, from its root, e.g. lib/app/accounts/user.ex" : null;
    }

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

    /** The account that saved the current version (named by a stale save); null when not known (saved before V1006). */
    @Column(name = "updated_by")
    public UUID updatedBy;
}
