package dev.specboard.repo;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.project.Membership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Refuses to link a local repository that another project links already unless the caller may link repositories
 * there too: through a shared path an outsider's project read that project's code and pushed to its remote.
 */
@ApplicationScoped
public class LocalRepoSharing {

    /** The role that adds and edits a project's repositories: they are project settings, an owner's (DESIGN's roles). */
    static final Role LINKS_REPOS = Role.OWNER;

    @Inject
    RepoUrls urls;

    /** Why the caller may not link this URL to the project, or empty; remote URLs are not local paths and always pass. */
    public Optional<String> problem(UUID projectId, String url, UUID callerId) {
        Set<Path> stores = urls.localStores(url);
        if (stores.isEmpty()) {
            return Optional.empty();
        }
        Account caller = callerId == null ? null : Account.findById(callerId);
        if (caller != null && caller.isAdmin()) {
            return Optional.empty();
        }
        // Compared as JGit resolves them (real paths, .git files, commondir, alternates), not as spelled.
        for (Repo other : Repo.<Repo>list("projectId <> ?1 and (gitUrl like '/%' or lower(gitUrl) like 'file:%')", projectId)) {
            if (Collections.disjoint(stores, urls.localStores(other.gitUrl))) {
                continue;
            }
            Optional<Role> role = caller == null ? Optional.empty()
                    : Membership.<Membership>find("project.id = ?1 and account.id = ?2", other.projectId, caller.id)
                    .firstResultOptional().map(m -> m.role);
            if (role.isEmpty() || !role.get().atLeast(LINKS_REPOS)) {
                return Optional.of("This local repository already belongs to another project in which you are not an "
                        + LINKS_REPOS.value() + "; an administrator or an " + LINKS_REPOS.value() + " of that project can link it");
            }
        }
        return Optional.empty();
    }
}
