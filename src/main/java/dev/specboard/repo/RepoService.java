package dev.specboard.repo;

import dev.specboard.kernel.SqlValues;
import dev.specboard.kernel.QuerySpaces;
import dev.specboard.project.Access;
import dev.specboard.kernel.Role;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Adds, edits and removes a project's repositories and queues their syncs. */
@ApplicationScoped
public class RepoService {

    @Inject
    Validation validation;

    @Inject
    RepoUrls urls;

    @Inject
    GitMirror mirror;

    @Inject
    LocalRepoSharing sharing;

    @Inject
    EntityManager em;

    @Inject
    Event<SyncRequested> syncRequested;

    /** The repository by its name in the project, or 404. */
    public Repo require(Access access, String name) {
        return Repo.findByName(access.project().id, name).orElseThrow(() -> ApiException.notFound("No repository named " + name));
    }

    public FormErrors check(UUID projectId, RepoForm form, UUID exceptRepo) {
        FormErrors errors = validation.check(form);
        if (!errors.has("name") && form.name() != null || !errors.has("url") && form.url() != null) {
            // Names differing only in case would read as one in every link; one repository added twice would sync twice.
            for (Repo other : Repo.<Repo>list("projectId", projectId)) {
                if (other.id.equals(exceptRepo)) {
                    continue;
                }
                if (!errors.has("name") && form.name() != null && other.name.equalsIgnoreCase(form.name().trim())) {
                    errors.add("name", other.name.equals(form.name().trim()) ? "This project already has a repository with this name"
                            : "This project already has a repository named " + other.name + " (names differ by more than case)");
                }
                if (!errors.has("url") && form.url() != null && sameUrl(other.gitUrl, form.url())) {
                    errors.add("url", "This project has this repository already, as " + other.name);
                }
            }
        }
        // After the duplicates: the repository added already, spelt as a path that does not exist (app.git for app), is
        // named as the one added, not as a missing folder.
        if (!errors.has("url")) {
            urls.problem(form.url()).ifPresent(p -> errors.add("url", p));
        }
        if (!errors.has("syncIntervalMinutes") && form.interval() != null && (form.interval() < 5 || form.interval() > 10080)) {
            errors.add("syncIntervalMinutes", "Between 5 minutes and one week (10080), or empty for no schedule");
        }
        return errors;
    }

    /**
     * The same repository, whatever trailing slashes, {@code .git} or {@code /.git} either address ends with, and a
     * local folder named by its path or as a {@code file://} URL: each spelling was added again and synced twice.
     */
    public static boolean sameUrl(String a, String b) {
        return a != null && b != null && bare(a).equals(bare(b));
    }

    static String bare(String url) {
        String u = url.trim();
        if (u.regionMatches(true, 0, "file://", 0, 7)) {
            u = u.substring(7);
        }
        String before;
        do {
            before = u;
            u = u.replaceAll("[/\\\\]+$", "").replaceAll("\\.git$", "");
        } while (!u.equals(before));
        return u;
    }

    /** Adds a repository (project settings: an owner's decision, as in DESIGN's roles) and queues its first sync. */
    @Transactional
    public Repo create(Access access, RepoForm form) {
        access.requireWrite(Role.OWNER);
        return create(access.project().id, form, access.accountId());
    }

    /** Adds a repository to a project and queues its first sync; for callers that checked access (the wizard). */
    @Transactional
    public Repo create(UUID projectId, RepoForm form, UUID requestedBy) {
        FormErrors errors = check(projectId, form, null);
        if (!errors.has("url")) {
            sharing.problem(projectId, form.url(), requestedBy).ifPresent(p -> errors.add("url", p));
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        Repo repo = new Repo();
        repo.id = UUID.randomUUID();
        repo.projectId = projectId;
        repo.path = Repo.mirrorPath(projectId, repo.id);
        apply(repo, form);
        repo.persist();
        requestSync(repo, requestedBy);
        return repo;
    }

    /**
     * The setup wizard's repository step: connects the project to this URL (a repository named after
     * it) and queues a sync; submitting the step again with the same URL only updates the branch.
     */
    @Transactional
    public Repo connect(UUID projectId, String url, String branch, UUID requestedBy) {
        String trimmed = url.trim();
        // The same repository under another spelling (file:///srv/git/app for /srv/git/app) is the one connected already.
        Optional<Repo> existing = Repo.<Repo>list("projectId", projectId).stream().filter(r -> sameUrl(r.gitUrl, trimmed)).findFirst();
        if (existing.isPresent()) {
            Repo repo = existing.get();
            if (!repo.defaultBranch.equals(branch)) {
                // A corrected branch is what the lead wants to see under Code now, not at the next scheduled sync.
                repo.defaultBranch = branch;
                requestSync(repo, requestedBy);
            }
            return repo;
        }
        String base = trimmed.replaceAll("[/\\\\]+$", "").replaceAll("\\.git$", "");
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf(':')) + 1).replaceAll("[^A-Za-z0-9._-]", "-");
        if (base.isEmpty() || !Character.isLetterOrDigit(base.charAt(0))) {
            base = "repo" + base;
        }
        String name = base;
        for (int i = 2; Repo.findByName(projectId, name).isPresent(); i++) {
            name = base + "-" + i;
        }
        return create(projectId, new RepoForm(name, trimmed, branch, ""), requestedBy);
    }

    /**
     * Removes the repository connected to this URL, if the project still has it: the setup wizard's repository step
     * answered again with another URL corrects the first answer, it does not add a second repository.
     */
    @Transactional
    public void disconnect(Access access, String url) {
        Repo.<Repo>list("projectId", access.project().id).stream().filter(r -> sameUrl(r.gitUrl, url)).findFirst()
                .ifPresent(repo -> delete(access, repo.name));
    }

    /** Changes a repository's settings; a new URL or branch queues a sync at once. */
    @Transactional
    public Repo update(Access access, String name, RepoForm form) {
        access.requireWrite(Role.OWNER);
        Repo repo = require(access, name);
        if (form.url() != null && form.url().trim().equals(repo.displayUrl()) && !repo.displayUrl().equals(repo.gitUrl)) {
            // The form shows the URL without its password: sent back unchanged, it means "keep the URL".
            form = new RepoForm(form.name(), repo.gitUrl, form.defaultBranch(), form.syncIntervalMinutes());
        }
        FormErrors errors = check(access.project().id, form, repo.id);
        if (!errors.has("url") && form.url() != null && !form.url().trim().equals(repo.gitUrl)) {
            sharing.problem(access.project().id, form.url(), access.accountId()).ifPresent(p -> errors.add("url", p));
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        boolean source = !form.url().trim().equals(repo.gitUrl) || !form.branchOrDefault().equals(repo.defaultBranch);
        apply(repo, form);
        if (source) {
            // Code would otherwise keep showing the old branch until the interval's sync, which reads as "not saved".
            requestSync(repo, access.accountId());
        }
        return repo;
    }

    /** Removes a repository with its syncs, manifests and threads, then its mirror on disk. */
    @Transactional
    public void delete(Access access, String name) {
        access.requireWrite(Role.OWNER);
        Repo repo = require(access, name);
        // The repository's syncs first, then the repository: the order a finishing sync takes them (its sync row, then
        // the repository's key through the manifest it inserts). Deleting the repository first deadlocked against a
        // sync finishing at that moment, and the lead who removed a just-added repository was told "someone else changed this".
        QuerySpaces.touching(em.createNativeQuery("SELECT id FROM repo_syncs WHERE repository_id = ?1 FOR UPDATE"), "repo_syncs")
                .setParameter(1, repo.id).getResultList();
        repo.delete();
        em.flush();
        mirror.delete(repo);
    }

    /** Queues a sync of the repository unless one is already waiting or running; answers that sync. */
    @Transactional
    public RepoSync requestSync(Access access, String name) {
        access.requireWrite(Role.MEMBER);
        return requestSync(require(access, name), access.accountId());
    }

    @Transactional
    public RepoSync requestSync(Repo repo, UUID requestedBy) {
        em.flush();
        // The partial unique index keeps one active sync per repository, also across app instances.
        QuerySpaces.touching(em.createNativeQuery("INSERT INTO repo_syncs (project_id, repository_id, requested_by) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (repository_id) WHERE status IN ('PENDING', 'RUNNING') DO NOTHING"), "repo_syncs")
                .setParameter(1, repo.projectId).setParameter(2, repo.id).setParameter(3, requestedBy)
                .executeUpdate();
        RepoSync sync = RepoSync.active(repo.id).orElseGet(() -> RepoSync.latest(repo.id).orElseThrow());
        syncRequested.fire(new SyncRequested(sync.id));
        return sync;
    }

    /**
     * Which of the commits the synced default branch of one of the project's repositories contains
     * (its latest manifest's commit or an ancestor): one revision walk per synced repository.
     */
    public Set<String> onDefaultBranch(UUID projectId, Collection<String> commits) {
        Set<String> found = new HashSet<>();
        if (commits.isEmpty()) {
            return found;
        }
        Map<UUID, Object[]> latest = latestManifests(projectId);
        if (latest.isEmpty()) {
            return found;
        }
        for (Repo repo : Repo.listByProject(projectId)) {
            Object[] manifest = latest.get(repo.id);
            if (manifest != null && found.size() < commits.size()) {
                found.addAll(mirror.reachable(repo, (String) manifest[2], commits));
            }
        }
        return found;
    }

    /**
     * Whether a synced repository of the project holds this commit on any branch; empty when no
     * repository has been synced yet, so that nobody can tell.
     */
    public Optional<Boolean> commitKnown(UUID projectId, String sha) {
        Map<UUID, Object[]> latest = latestManifests(projectId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        for (Repo repo : Repo.listByProject(projectId)) {
            if (latest.containsKey(repo.id) && mirror.hasCommit(repo, sha)) {
                return Optional.of(true);
            }
        }
        return Optional.of(false);
    }

    /**
     * The full ids of the commits in the project's synced repositories that start with this abbreviated SHA, as an
     * agent may report one ({@code abc1234}); empty when no repository has been synced yet, so that nobody can tell.
     */
    public Optional<Set<String>> commitsStartingWith(UUID projectId, String abbreviated) {
        Map<UUID, Object[]> latest = latestManifests(projectId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Set<String> found = new java.util.TreeSet<>();
        for (Repo repo : Repo.listByProject(projectId)) {
            if (latest.containsKey(repo.id)) {
                found.addAll(mirror.commitsStartingWith(repo, abbreviated));
            }
        }
        return Optional.of(found);
    }

    /** The sync by id within the project, or 404. */
    public RepoSync sync(Access access, UUID syncId) {
        // A sync id that is not a UUID (from an MCP tool) arrives as null: findById(null) answered "Identifier may not be null".
        RepoSync s = syncId == null ? null : RepoSync.findById(syncId);
        if (s == null || !s.projectId.equals(access.project().id)) {
            throw ApiException.notFound("No such sync");
        }
        return s;
    }

    /** The project's repositories with their last sync and manifest version, in three queries whatever their number. */
    @SuppressWarnings("unchecked")
    public List<RepoRow> list(UUID projectId) {
        List<Repo> repos = Repo.listByProject(projectId);
        Map<UUID, Object[]> syncs = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "SELECT DISTINCT ON (repository_id) repository_id, status, created_at FROM repo_syncs WHERE project_id = ?1 "
                        + "ORDER BY repository_id, created_at DESC").setParameter(1, projectId).getResultList()) {
            syncs.put((UUID) row[0], row);
        }
        Map<UUID, Object[]> manifests = latestManifests(projectId);
        return repos.stream().map(r -> {
            Object[] s = syncs.get(r.id);
            Object[] m = manifests.get(r.id);
            return new RepoRow(r.name, r.displayUrl(), r.defaultBranch, r.syncIntervalMinutes,
                    s == null ? null : SyncStatus.valueOf((String) s[1]),
                    s == null ? null : SqlValues.instant(s[2]),
                    m == null ? null : ((Number) m[1]).intValue(), m == null ? null : (String) m[2]);
        }).toList();
    }

    /** Each repository's latest manifest as (repository id, version, commit), by repository id. */
    @SuppressWarnings("unchecked")
    private Map<UUID, Object[]> latestManifests(UUID projectId) {
        Map<UUID, Object[]> manifests = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "SELECT DISTINCT ON (repository_id) repository_id, version, commit_sha FROM project_manifests WHERE project_id = ?1 "
                        + "ORDER BY repository_id, version DESC").setParameter(1, projectId).getResultList()) {
            manifests.put((UUID) row[0], row);
        }
        return manifests;
    }


    private static void apply(Repo repo, RepoForm form) {
        repo.name = form.name().trim();
        repo.gitUrl = form.url().trim();
        repo.defaultBranch = form.branchOrDefault();
        repo.syncIntervalMinutes = form.interval();
    }

}
