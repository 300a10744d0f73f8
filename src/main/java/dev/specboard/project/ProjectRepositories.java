package dev.specboard.project;

import java.util.List;
import java.util.UUID;

/**
 * A project's repositories. Repositories are a feature above project, which implements this; the project's own
 * repository fields only record what the setup wizard was told, while people add, change and remove repositories under
 * Code.
 */
public interface ProjectRepositories {

    /** A repository as the overview names it: its name (the last part of its page's address), URL and branch. */
    record RepoRef(String name, String displayUrl, String defaultBranch) {
    }

    /** The project's repositories by name; empty when it has none. */
    List<RepoRef> list(UUID projectId);
}
