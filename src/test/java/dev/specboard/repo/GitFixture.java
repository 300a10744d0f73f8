package dev.specboard.repo;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A real git repository in a temp directory that a test writes files to and commits with JGit. */
public final class GitFixture implements AutoCloseable {

    public final Path dir;
    private final Git git;

    private GitFixture(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static GitFixture create() {
        try {
            Path dir = Files.createTempDirectory("specboard-fixture");
            Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
            return new GitFixture(dir, git);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return dir.toAbsolutePath().toString();
    }

    /** Writes the files (path → content; null deletes) and commits them; answers the commit SHA. */
    public String commit(String message, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                if (f.getValue() == null) {
                    Files.deleteIfExists(p);
                    git.rm().addFilepattern(f.getKey()).call();
                } else {
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
                    git.add().addFilepattern(f.getKey()).call();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return commitStaged(message);
    }

    public String commit(String message, String path, String content) {
        return commit(message, Map.of(path, content));
    }

    public String branch(String name) {
        try {
            git.branchCreate().setName(name).call();
            git.checkout().setName(name).call();
            return name;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public void checkout(String name) {
        try {
            git.checkout().setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves the current branch back to this commit, as a force-push of a rewritten history does to the remote. */
    public void resetHard(String commit) {
        try {
            git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(commit).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Commits a submodule at the path: a gitlink entry pinning {@code commitSha} of another repository, as {@code git
     * submodule add} records it (without the {@code .gitmodules} file, which the tree does not need). Answers the commit.
     */
    public String commitSubmodule(String message, String path, String commitSha) {
        return commitIndex(message, (index, inserter) -> {
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.GITLINK);
                    entry.setObjectId(ObjectId.fromString(commitSha));
                }
            });
            editor.finish();
        });
    }

    /** Commits a symbolic link at the path leading to {@code target}, as git stores one (mode 120000, the target as blob). */
    public String commitSymlink(String message, String path, String target) {
        return commitIndex(message, (index, inserter) -> {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, target.getBytes(StandardCharsets.UTF_8));
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.SYMLINK);
                    entry.setObjectId(blob);
                }
            });
            editor.finish();
        });
    }

    /**
     * Commits files named by their raw bytes (a name in Latin-1, say, which no file system call here would write as is):
     * the commit's tree holds exactly these files. Answers the commit.
     */
    public String commitRawNames(String message, Map<byte[], String> files) {
        return commitIndex(message, (index, inserter) -> {
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<byte[], String> f : files.entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(f.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, f.getValue().getBytes(StandardCharsets.UTF_8)));
                builder.add(entry);
            }
            builder.finish();
        });
    }

    /** A change made to the locked index, blobs written with the inserter; it finishes its builder or editor. */
    @FunctionalInterface
    private interface IndexChange {
        void apply(DirCache index, ObjectInserter inserter) throws IOException;
    }

    /**
     * Changes the index directly (for entries no file on disk can stand for), writes it, and commits it; answers the
     * commit. The work tree is left as it was.
     */
    private String commitIndex(String message, IndexChange change) {
        try (ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            DirCache index = git.getRepository().lockDirCache();
            try {
                change.apply(index, inserter);
                inserter.flush();
                index.write();
                index.commit();
            } finally {
                index.unlock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return commitStaged(message);
    }

    /** Commits what the index holds, by the fixture's one author; answers the commit. */
    private String commitStaged(String message) {
        try {
            PersonIdent who = new PersonIdent("Test", "test@example.test");
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setAllowEmpty(true).call().name();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines "line 1" ... "line n", each ending with a newline. */
    public static String lines(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
    }

    @Override
    public void close() {
        git.close();
        GitMirror.deleteQuietly(dir);
    }
}
