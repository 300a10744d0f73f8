package dev.specboard.project;

import java.util.UUID;

/**
 * Whether a project has a repository. Repositories are a feature above project, which implements this; the project's
 * own repository fields only record what the setup wizard was told, while people add and remove repositories under Code.
 */
public interface ProjectRepositories {

    /** Whether the project has at least one repository. */
    boolean any(UUID projectId);
}
