package dev.specboard.assist;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import dev.specboard.project.Access;
import dev.specboard.repo.GitMirror;
import dev.specboard.repo.GitProblem;
import dev.specboard.repo.Repo;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Refactor jobs: queues a rename, re-runs it, and applies its proposal as a commit on a new branch
 * of the synced default branch (pushed to the origin when Specboard may write there), refusing a
 * proposal whose files changed on the default branch since.
 */
@ApplicationScoped
public class RefactorService {

    @Inject
    ScopeFiles scopes;

    @Inject
    MirrorGit git;

    @Inject
    GitMirror mirror;

    @Inject
    Renamer renamer;

    @Inject
    JobService jobs;

    @Inject
    LiveUpdates live;

    @ConfigProperty(name = "specboard.refactor.push-username")
    Optional<String> pushUsername;

    @ConfigProperty(name = "specboard.refactor.push-password")
    Optional<String> pushPassword;

    @ConfigProperty(name = "specboard.refactor.push-hosts")
    Optional<List<String>> pushHosts;

    /** What applying made: the branch, its commit, the files, and whether the origin has it. */
    public record Applied(String branch, String commitSha, List<String> files, boolean pushed) {
    }

    /** Whether the proposal still fits the default branch: the files it touches that changed there since its base. */
    public record Staleness(String head, List<String> changed) {
        public boolean stale() {
            return !changed.isEmpty();
        }
    }

    /** Queues a rename across a scope of the repository once its parameters check out. */
    @Transactional
    public RefactorJob create(Access access, String repoName, RenameForm form) {
        access.requireWrite(Role.MEMBER);
        Repo repo = requireRepo(access, repoName);
        if (dev.specboard.repo.ProjectManifest.count("repositoryId", repo.id) == 0) {
            // The repository is there, its files are not yet: a 404 here read as "no such repository" on the form's page.
            throw ValidationException.of("symbol", "Nothing to rename yet: " + repo.name
                    + " has not been synced. Sync it under Code, then rename the symbol.");
        }
        ScopeFiles.Snapshot snapshot = scopes.snapshot(repo);
        Renamer.Request req = Renamer.check(form.symbol(), form.newName(), form.path(), form.include(), snapshot);
        // The same refusal for the form, the API and MCP (all come here): a name the Java files use but do not declare.
        renamer.javaScan(req, snapshot, false);
        RefactorJob job = new RefactorJob();
        job.projectId = access.project().id;
        job.repositoryId = repo.id;
        job.userId = access.accountId();
        job.actingFor(access.accountId(), access.role(), jobs.callerToken());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("symbol", req.symbol());
        params.put("newName", req.newName());
        params.put("path", req.path());
        params.put("includeStringsAndComments", req.includeStringsAndComments());
        job.params = params;
        job.persist();
        jobs.queued(JobKind.REFACTOR, job.id, job.projectId);
        return job;
    }

    private Repo requireRepo(Access access, String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.notFound("No repository named " + name);
        }
        return scopes.repo(access.project().id, name);
    }

    /** The refactor by id within the project's repository, or 404. */
    public RefactorJob require(Access access, String repoName, UUID id) {
        Repo repo = requireRepo(access, repoName);
        RefactorJob job = id == null ? null : RefactorJob.findById(id);
        if (job == null || !job.projectId.equals(access.project().id) || !job.repositoryId.equals(repo.id)) {
            throw ApiException.notFound("No such refactor");
        }
        return job;
    }

    /**
     * The refactor within the repository, its row locked and read under the lock, or 404. Nothing may load it before in
     * the transaction: Hibernate would lock the row but keep the copy read before, so two applies at once both saw it
     * unapplied and pushed two branches, and a rerun beside an apply wiped out the apply's record.
     */
    private RefactorJob locked(Access access, Repo repo, UUID id) {
        LeasedJob job = jobs.lockedOrNull(access, JobKind.REFACTOR, id);
        if (!(job instanceof RefactorJob r) || !r.repositoryId.equals(repo.id)) {
            throw ApiException.notFound("No such refactor");
        }
        return r;
    }

    /** Runs the rename again from the current default branch (a stale or failed proposal). */
    @Transactional
    public RefactorJob rerun(Access access, String repoName, UUID id) {
        access.requireWrite(Role.MEMBER);
        RefactorJob job = locked(access, requireRepo(access, repoName), id);
        job.requireStarterOrLead(access, jobs.username(job.userId), "run again");
        job.rerun();
        job.actingFor(access.accountId(), access.role(), jobs.callerToken());
        jobs.queued(JobKind.REFACTOR, job.id, job.projectId);
        return job;
    }

    /**
     * Cancels a queued rename at once, or a running one at its next step: the rename is read under its row's lock first (404
     * outside the repository), as {@link JobService#lockedOrNull} asks, never loaded before it.
     */
    @Transactional
    public RefactorJob cancel(Access access, String repoName, UUID id) {
        locked(access, requireRepo(access, repoName), id);
        return (RefactorJob) jobs.cancel(access, JobKind.REFACTOR, id);
    }

    /** Compares the proposal's base blobs with the mirror's default branch now. */
    public Staleness staleness(Repo repo, Renamer.Proposal p) {
        String head = git.head(repo);
        if (head.equals(p.baseCommit())) {
            return new Staleness(head, List.of());
        }
        List<String> paths = new ArrayList<>(p.files().stream().map(Renamer.ProposedFile::path).toList());
        p.files().stream().map(Renamer.ProposedFile::movedTo).filter(Objects::nonNull).forEach(paths::add);
        Map<String, String> now = git.blobs(repo, head, paths);
        List<String> changed = new ArrayList<>(p.files().stream().filter(f -> !Objects.equals(now.get(f.path()), f.blobSha()))
                .map(Renamer.ProposedFile::path).toList());
        // a file that appeared where a renamed type's file would move to
        p.files().stream().map(Renamer.ProposedFile::movedTo).filter(m -> m != null && now.containsKey(m)).forEach(changed::add);
        return new Staleness(head, changed);
    }

    /**
     * Commits the proposal with JGit on a new branch {@code refactor/<symbol>-to-<newName>} on top of
     * the synced default branch, pushes it to the origin when that is a local path or an https remote on
     * a host given push credentials, and records {@code applied_changes}. Only its starter or a lead may (403); a stale
     * proposal is refused (409).
     */
    @Transactional
    public Applied apply(Access access, String repoName, UUID id) {
        access.requireWrite(Role.MEMBER);
        Repo repo = requireRepo(access, repoName);
        RefactorJob job = locked(access, repo, id);
        // It commits and pushes a branch in the job's name: as for cancelling or running it again, its starter or a lead
        // decides (any member applied another's rename).
        job.requireStarterOrLead(access, jobs.username(job.userId), "apply");
        if (job.applied()) {
            throw ApiException.conflict("This refactor was already applied on branch " + job.appliedChanges.get("branch") + ".");
        }
        if (job.status != JobStatus.SUCCESS || job.proposal == null) {
            throw ApiException.conflict("This refactor has no proposal to apply (it is " + job.status.label().toLowerCase() + ").");
        }
        Renamer.Proposal p = renamer.read(job.proposal);
        Staleness staleness = staleness(repo, p);
        if (staleness.stale()) {
            throw new ApiException(409, "This proposal is stale: the default branch moved on since it was made and changed "
                    + String.join(", ", staleness.changed()) + ". Re-run the refactor to propose it again.",
                    Map.of("stale", true, "files", staleness.changed(), "baseCommit", p.baseCommit(), "head", staleness.head()));
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        Map<String, String> moves = new LinkedHashMap<>();
        for (Renamer.ProposedFile f : p.files()) {
            String before = mirror.readBlob(repo, f.blobSha()).flatMap(ScopeFiles::utf8)
                    .orElseThrow(() -> ApiException.conflict("The mirror no longer has " + f.path() + " as proposed; re-run the refactor."));
            contents.put(f.path(), Renamer.rewrite(before, f.occurrences(), p.symbol(), p.newName()).getBytes(StandardCharsets.UTF_8));
            if (f.movedTo() != null) {
                moves.put(f.path(), f.movedTo());
            }
        }
        Account by = Account.findById(access.accountId());
        String message = "Rename " + p.symbol() + " to " + p.newName() + (p.path().isEmpty() ? "" : " in " + p.path()) + "\n\n"
                + p.count() + " occurrences in " + p.files().size() + " files, proposed by Specboard refactor " + job.id
                + " and applied by " + by.username + ".\n";
        MirrorGit.NewBranch made;
        try {
            made = git.commitBranch(repo, staleness.head(), Renamer.branchName(p.symbol(), p.newName()), contents, moves, message,
                    new PersonIdent(by.displayName(), by.email));
        } catch (GitProblem e) {
            throw new ApiException(502, "Could not make the refactor's branch in Specboard's mirror: " + e.getMessage()
                    + " Nothing was applied; try again.");
        }
        String branch = made.name();
        String sha = made.sha();
        Map<String, Object> applied = new LinkedHashMap<>();
        applied.put("branch", branch);
        applied.put("commitSha", sha);
        applied.put("baseCommit", staleness.head());
        List<String> files = p.files().stream().map(Renamer.ProposedFile::pathAfter).toList();
        applied.put("files", files);
        applied.put("appliedBy", by.username);
        applied.put("appliedAt", Instant.now().toString());
        boolean pushed = false;
        Optional<UsernamePasswordCredentialsProvider> credentials = credentials(repo);
        if (isLocal(repo.gitUrl) || credentials.isPresent()) {
            try {
                git.push(repo, branch, credentials.orElse(null));
                pushed = true;
                applied.put("pushedTo", repo.displayUrl());
            } catch (GitProblem e) {
                applied.put("pushError", e.getMessage());
            }
        } else {
            applied.put("pushError", "Specboard has no credentials to push to " + repo.displayUrl()
                    + "; the branch is in Specboard's mirror until the next sync.");
        }
        // Viewers read these on the refactor's page and in the API, hence the URL without its token (a GitProblem's
        // message is redacted already).
        applied.put("pushed", pushed);
        job.appliedChanges = applied;
        live.publish(LiveEvent.forProject(JobWorker.LIVE_KIND, job.projectId));
        return new Applied(branch, sha, files, pushed);
    }

    static boolean isLocal(String url) {
        return url != null && (url.startsWith("/") || url.startsWith("file://"));
    }

    private Optional<UsernamePasswordCredentialsProvider> credentials(Repo repo) {
        return credentials(repo.gitUrl, pushUsername, pushPassword, pushHosts.orElse(List.of()));
    }

    /**
     * The push credentials for an https URL whose host is on the allow-list, otherwise none: any owner may add a
     * repository on a host they run, and its Basic challenge would otherwise receive the operator's password.
     */
    static Optional<UsernamePasswordCredentialsProvider> credentials(String url, Optional<String> username, Optional<String> password,
                                                                     List<String> hosts) {
        if (url == null || !url.startsWith("https://") || username.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> host = httpsHost(url);
        boolean listed = host.isPresent() && hosts.stream().map(String::strip)
                .anyMatch(h -> !h.isEmpty() && h.equalsIgnoreCase(host.get()));
        return listed ? Optional.of(new UsernamePasswordCredentialsProvider(username.get(), password.get())) : Optional.empty();
    }

    /**
     * The host of an https URL as JGit will connect to it, when java.net.URI reads the same host; a URL the two
     * parsers read differently has none, so an odd user-info or escape cannot point the credentials elsewhere.
     */
    private static Optional<String> httpsHost(String url) {
        try {
            String jgit = new URIish(url).getHost();
            String java = new URI(url).getHost();
            return jgit != null && jgit.equalsIgnoreCase(java) ? Optional.of(jgit) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
