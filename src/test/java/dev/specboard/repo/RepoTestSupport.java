package dev.specboard.repo;

import dev.specboard.account.Account;
import dev.specboard.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Adds repositories through the real service and waits for the real background worker. */
@ApplicationScoped
public class RepoTestSupport {

    public static final List<ManifestCreated> CREATED = new CopyOnWriteArrayList<>();

    @Inject
    RepoService repos;

    void record(@Observes ManifestCreated event) {
        CREATED.add(event);
    }

    public Repo add(Project project, Account by, String name, String url) {
        return add(project, by, name, url, "main");
    }

    public Repo add(Project project, Account by, String name, String url, String branch) {
        return repos.create(project.id, new RepoForm(name, url, branch, ""), by.id);
    }

    /**
     * A repository whose folder at {@code url} is gone since it was added (adding one refuses a path that holds no git
     * repository), with its first sync queued, as a folder removed on the server leaves it.
     */
    public Repo addVanished(Project project, Account by, String name, String url) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Repo repo = new Repo();
            repo.id = UUID.randomUUID();
            repo.projectId = project.id;
            repo.path = Repo.mirrorPath(project.id, repo.id);
            repo.name = name;
            repo.gitUrl = url;
            repo.persist();
            repos.requestSync(repo, by.id);
            return repo;
        });
    }

    /** Queues a sync and waits until it has finished. */
    public RepoSync sync(Repo repo) {
        UUID id = QuarkusTransaction.requiringNew().call(() -> repos.requestSync(Repo.<Repo>findById(repo.id), null).id);
        return await(id);
    }

    public RepoSync awaitLatest(Repo repo) {
        UUID id = QuarkusTransaction.requiringNew().call(() -> RepoSync.latest(repo.id).orElseThrow().id);
        return await(id);
    }

    public RepoSync await(UUID syncId) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            RepoSync s = QuarkusTransaction.requiringNew().call(() -> RepoSync.<RepoSync>findById(syncId));
            if (!s.status.isActive()) {
                return s;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("sync " + syncId + " did not finish within 60 s");
    }

    public ProjectManifest latestManifest(Repo repo) {
        return QuarkusTransaction.requiringNew().call(() -> ProjectManifest.latest(repo.id).orElseThrow());
    }

    /**
     * Writes the repository's latest manifest again as a new version, in the shape manifests had before they kept
     * symbolic links: each link a one-line text file (its target), no mark that links were looked for. Answers its version.
     */
    public int writeUnmarkedCopy(Repo repo) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ProjectManifest latest = ProjectManifest.latest(repo.id).orElseThrow();
            List<ManifestEntry> files = latest.files().stream().map(f -> f.symlink()
                    ? new ManifestEntry(f.path(), f.blobSha(), f.size(), Languages.of(f.path()), 1, false) : f).toList();
            ProjectManifest old = new ProjectManifest();
            old.projectId = latest.projectId;
            old.repositoryId = latest.repositoryId;
            old.version = latest.version + 1;
            old.commitSha = latest.commitSha;
            old.data = ProjectManifest.dataOf(latest.commitSha, repo.defaultBranch, files, latest.submodules());
            old.data.remove(ManifestLinks.MARKED);
            old.hash = ManifestHash.of(old.data);
            old.persist();
            return old.version;
        });
    }
}
