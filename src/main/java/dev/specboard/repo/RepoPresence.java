package dev.specboard.repo;

import dev.specboard.project.ProjectRepositories;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Tells the project overview whether a project has a repository, from the repositories people added (wizard or Code). */
@ApplicationScoped
public class RepoPresence implements ProjectRepositories {

    @Override
    public boolean any(UUID projectId) {
        return Repo.count("projectId", projectId) > 0;
    }
}
