package dev.specboard.assist;

import dev.specboard.repo.GitMirror;
import dev.specboard.repo.GitNames;
import dev.specboard.repo.GitProblem;
import dev.specboard.repo.Repo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What jobs do with a repository's server-side mirror beyond reading files: blame, the branch head, a commit on a new branch, a push. */
@ApplicationScoped
public class MirrorGit {

    @Inject
    GitMirror mirror;

    /** Who last changed a line: the commit, its author and time, and its message's first line. */
    public record BlameLine(int line, String commitSha, String author, Instant when, String summary) {
    }

    private Repository open(Repo repo) throws IOException {
        Path dir = mirror.mirrorDir(repo);
        if (!Files.isDirectory(dir)) {
            throw new GitProblem("The repository " + repo.name + " has not been synced yet.");
        }
        return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    }

    /** The commit the default branch points at in the mirror (what the last sync fetched). */
    public String head(Repo repo) {
        try (Repository r = open(repo)) {
            ObjectId head = r.resolve(Constants.R_HEADS + repo.defaultBranch + "^{commit}");
            if (head == null) {
                throw new GitProblem("The mirror of " + repo.name + " has no branch " + repo.defaultBranch + "; sync it again.");
            }
            return head.name();
        } catch (IOException e) {
            throw new GitProblem("Could not read the mirror of " + repo.name + ": " + e.getMessage(), e);
        }
    }

    /** The blob of each path at the commit; a path missing there is left out. */
    public Map<String, String> blobs(Repo repo, String commitSha, List<String> paths) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Repository r = open(repo); RevWalk walk = new RevWalk(r)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitSha));
            for (String path : paths) {
                try (TreeWalk tw = TreeWalk.forPath(r, path, commit.getTree())) {
                    if (tw != null) {
                        out.put(path, tw.getObjectId(0).name());
                    }
                }
            }
            // A name that is no UTF-8 is written with escapes (GitNames), which a lookup by name cannot find: one walk does.
            if (paths.stream().anyMatch(p -> p.indexOf('\\') >= 0 && !out.containsKey(p))) {
                try (TreeWalk tw = new TreeWalk(r)) {
                    tw.addTree(commit.getTree());
                    tw.setRecursive(true);
                    while (tw.next()) {
                        String path = GitNames.pathOf(tw.getRawPath());
                        if (paths.contains(path)) {
                            out.putIfAbsent(path, tw.getObjectId(0).name());
                        }
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new GitProblem("Could not read commit " + commitSha + " of " + repo.name + ": " + e.getMessage(), e);
        }
    }

    /** Who last changed lines start..end (1-based) of the file at the commit: one blame of the file. */
    public List<BlameLine> blame(Repo repo, String commitSha, String path, int start, int end) {
        try (Repository r = open(repo); Git git = new Git(r)) {
            BlameResult result = git.blame().setStartCommit(ObjectId.fromString(commitSha)).setFilePath(path)
                    .setTextComparator(RawTextComparator.DEFAULT).setFollowFileRenames(true).call();
            List<BlameLine> out = new ArrayList<>();
            if (result == null) {
                return out;
            }
            int size = result.getResultContents().size();
            for (int i = Math.max(0, start - 1); i < Math.min(end, size); i++) {
                RevCommit c = result.getSourceCommit(i);
                PersonIdent author = result.getSourceAuthor(i);
                if (c != null) {
                    out.add(new BlameLine(i + 1, c.name(), author == null ? "" : author.getName(),
                            author == null ? null : author.getWhenAsInstant(), c.getShortMessage()));
                }
            }
            return out;
        } catch (IOException | GitAPIException e) {
            throw new GitProblem("Could not blame " + path + " in " + repo.name + ": " + e.getMessage(), e);
        }
    }

    public boolean branchExists(Repo repo, String branch) {
        try (Repository r = open(repo)) {
            return r.exactRef(Constants.R_HEADS + branch) != null;
        } catch (IOException e) {
            throw new GitProblem("Could not read the mirror of " + repo.name + ": " + e.getMessage(), e);
        }
    }

    /** A branch made by {@link #commitBranch}: its name (the one asked for or a numbered one) and its commit. */
    public record NewBranch(String name, String sha) {
    }

    /** How many numbered names ({@code -2}, {@code -3}, ...) a commit tries when the name it asked for is taken. */
    static final int BRANCH_NAME_TRIES = 50;

    /**
     * Commits new contents of some files on top of {@code baseSha} as a new branch of the mirror
     * (without a work tree: the tree is built in memory), each file of {@code moves} under its new path;
     * answers the branch and the commit's SHA. The branch is {@code branch}, or {@code branch-2}, {@code branch-3}, ...
     * when that is taken, also when it is taken by a commit made at the same moment.
     */
    public NewBranch commitBranch(Repo repo, String baseSha, String branch, Map<String, byte[]> contents, Map<String, String> moves,
                               String message, PersonIdent author) {
        try (Repository r = open(repo); RevWalk walk = new RevWalk(r); ObjectInserter inserter = r.newObjectInserter()) {
            RevCommit base = walk.parseCommit(ObjectId.fromString(baseSha));
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            try (TreeWalk tw = new TreeWalk(r)) {
                tw.addTree(base.getTree());
                tw.setRecursive(true);
                while (tw.next()) {
                    // Git names a file by bytes, which need not be UTF-8: an entry is keyed by its name as the manifest
                    // writes it, and keeps its raw name, or a commit that did not touch a Latin-1 name renamed it.
                    byte[] raw = tw.getRawPath();
                    String path = GitNames.pathOf(raw);
                    String movedTo = moves.get(path);
                    DirCacheEntry e = new DirCacheEntry(movedTo == null ? raw : movedPath(raw, path, movedTo));
                    e.setFileMode(tw.getFileMode(0));
                    byte[] changed = contents.get(path);
                    if (changed != null && !regular(tw.getRawMode(0))) {
                        // A link's blob is the path it leads to (a submodule's, a commit): new content would repoint it.
                        throw new GitProblem("Not committed: " + GitNames.readable(path) + " is not a regular file at commit "
                                + baseSha.substring(0, Math.min(10, baseSha.length())) + " (a symbolic link or a submodule); "
                                + "propose the rename again.");
                    }
                    e.setObjectId(changed == null ? tw.getObjectId(0) : inserter.insert(Constants.OBJ_BLOB, changed));
                    builder.add(e);
                }
            }
            // a moved file's entry came in its old place: finish() sorts the entries again
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setParentId(base);
            commit.setAuthor(author);
            commit.setCommitter(new PersonIdent("Specboard", "specboard@localhost"));
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            for (int n = 1; n <= BRANCH_NAME_TRIES; n++) {
                String name = n == 1 ? branch : branch + "-" + n;
                if (r.exactRef(Constants.R_HEADS + name) != null) {
                    continue;
                }
                // Created only where no branch is: a commit made at the same moment under this name makes this one
                // fail (LOCK_FAILURE), and it takes the next number instead.
                RefUpdate update = r.updateRef(Constants.R_HEADS + name);
                update.setExpectedOldObjectId(ObjectId.zeroId());
                update.setNewObjectId(id);
                update.setRefLogMessage("refactor: " + message.lines().findFirst().orElse(""), false);
                RefUpdate.Result result = update.update(walk);
                if (result == RefUpdate.Result.NEW) {
                    return new NewBranch(name, id.name());
                }
                if (result != RefUpdate.Result.LOCK_FAILURE && result != RefUpdate.Result.REJECTED) {
                    throw new GitProblem("Could not create the branch " + name + " (" + result + ").");
                }
            }
            throw new GitProblem("Could not create the branch " + branch + ": it and the next " + (BRANCH_NAME_TRIES - 1)
                    + " numbered names are taken.");
        } catch (IOException e) {
            throw new GitProblem("Could not commit to the mirror of " + repo.name + ": " + e.getMessage(), e);
        }
    }

    /** Whether a tree entry's mode is a file's, executable or not (not a link, a submodule or a folder). */
    static boolean regular(int mode) {
        return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
    }

    /**
     * The raw name of a file moved from {@code path} (raw name {@code raw}) to {@code target}: a move within its folder
     * (a renamed type's file) keeps the folder's raw bytes, which need not be UTF-8; only the new file name is written.
     */
    static byte[] movedPath(byte[] raw, String path, String target) {
        // '/' is one byte in the raw name and one character in the manifest's name: the last of each ends the same folder
        String folder = path.substring(0, path.lastIndexOf('/') + 1);
        if (!target.startsWith(folder) || target.indexOf('/', folder.length()) >= 0) {
            return target.getBytes(StandardCharsets.UTF_8);
        }
        int end = raw.length;
        while (end > 0 && raw[end - 1] != '/') {
            end--;
        }
        byte[] name = target.substring(folder.length()).getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(raw, end + name.length);
        System.arraycopy(name, 0, out, end, name.length);
        return out;
    }

    /**
     * Pushes the branch from the mirror to the repository's origin, never following an HTTP redirect; a refusal by
     * the origin, or a redirect, is a {@link GitProblem}.
     */
    public void push(Repo repo, String branch, CredentialsProvider credentials) {
        try (Repository r = open(repo); Git git = new Git(r)) {
            // JGit would follow a redirect to any host and answer that host's challenge with the credentials, which are
            // meant for the origin's host only. Set on this push's copy of the config, not saved: syncs, which send no
            // credentials, still follow a moved repository.
            StoredConfig config = r.getConfig();
            for (String url : config.getSubsections("http")) {
                config.unset("http", url, "followRedirects");
            }
            config.setString("http", null, "followRedirects", "false");
            String ref = Constants.R_HEADS + branch;
            var push = git.push().setRemote(repo.gitUrl).setRefSpecs(new RefSpec(ref + ":" + ref)).setTimeout(120);
            if (credentials != null) {
                push.setCredentialsProvider(credentials);
            }
            // JGit reads a config file changed on disk afresh, without the setting above; the transport is made by then,
            // so if the setting is still there, the transport saw it.
            push.setTransportConfigCallback(transport -> {
                if (!"false".equals(r.getConfig().getString("http", null, "followRedirects"))) {
                    throw new GitProblem("Could not push " + branch + ": the mirror's settings were changed during the push; the branch stays in Specboard's mirror.");
                }
            });
            for (PushResult result : push.call()) {
                RemoteRefUpdate update = result.getRemoteUpdate(ref);
                if (update != null && update.getStatus() != RemoteRefUpdate.Status.OK) {
                    throw new GitProblem("The origin refused the branch " + branch + ": " + update.getStatus()
                            + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                }
            }
        } catch (IOException | GitAPIException e) {
            if (String.valueOf(e.getMessage()).contains("http.followRedirects")) {
                throw new GitProblem("Could not push " + branch + " to " + repo.gitUrl + ": the origin redirects elsewhere, and Specboard "
                        + "does not follow a redirect when it pushes, so that its credentials go to the configured host only; "
                        + "change the repository's URL to where it moved (" + e.getMessage() + ").", e);
            }
            throw new GitProblem("Could not push " + branch + " to " + repo.gitUrl + ": " + e.getMessage(), e);
        }
    }
}
