package dev.specboard.repo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the local repositories that more than one project links, for a site administrator to review: a link made
 * before {@link LocalRepoSharing} refused such links was never checked, and may give an outsider's project another
 * project's code.
 */
@ApplicationScoped
public class SharedLocalRepos {

    @Inject
    RepoUrls urls;

    /** One project's link to a shared local repository. */
    public record Link(String projectSlug, String projectName, String repoName, String gitUrl) {
    }

    /** One local repository and the links of every project to it, in project order; {@code projects} counts the projects. */
    public record Shared(List<Link> links, long projects) {
    }

    /**
     * Every local repository linked by two projects or more, in one query: the links are compared as JGit resolves
     * their paths (real paths, {@code .git} files, alternates), as {@link LocalRepoSharing} compares them, not as spelled.
     */
    public List<Shared> list() {
        List<Object[]> rows = Repo.getEntityManager().createQuery("select p.id, p.slug, p.name, r.name, r.gitUrl from Repo r, Project p"
                        + " where p.id = r.projectId and (r.gitUrl like '/%' or lower(r.gitUrl) like 'file:%') order by p.slug, r.name",
                Object[].class).getResultList();
        // links that share a git or object directory are one repository: a union of the links by the stores they reach
        int[] root = new int[rows.size()];
        Map<Path, Integer> firstByStore = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            root[i] = i;
            for (Path store : urls.localStores((String) rows.get(i)[4])) {
                Integer other = firstByStore.putIfAbsent(store, i);
                if (other != null) {
                    root[find(root, i)] = find(root, other);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groups.computeIfAbsent(find(root, i), k -> new ArrayList<>()).add(i);
        }
        List<Shared> out = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            long projects = group.stream().map(i -> (UUID) rows.get(i)[0]).distinct().count();
            if (projects > 1) {
                out.add(new Shared(group.stream().map(i -> rows.get(i))
                        .map(row -> new Link((String) row[1], (String) row[2], (String) row[3], (String) row[4])).toList(), projects));
            }
        }
        return out;
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            root[i] = root[root[i]];
            i = root[i];
        }
        return i;
    }
}
