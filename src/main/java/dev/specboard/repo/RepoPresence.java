package dev.specboard.repo;

import dev.specboard.project.ProjectRepositories;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Tells the project overview which repositories a project has, from the repositories people added (wizard or Code). */
@ApplicationScoped
public class RepoPresence implements ProjectRepositories {

    @Override
    public List<RepoRef> list(UUID projectId) {
        return Repo.listByProject(projectId).stream().map(r -> new RepoRef(r.name, r.displayUrl(), r.defaultBranch)).toList();
    }
}
