package dev.specboard.repo;

import org.eclipse.jgit.internal.JGitText;
import org.eclipse.jgit.lib.ProgressMonitor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Adapts JGit's progress reports (counting, receiving, resolving) to the sync's object counters, and stops a clone or
 * fetch whose incoming pack passes the size cap or the object cap. JGit's fetch takes no size limit (its
 * {@code setMaxObjectSizeLimit} is for a pack pushed to a server), but it asks its monitor after each object received
 * whether to go on; the pack being received is the file {@code incoming_*.pack} in the mirror's {@code objects} folder,
 * which JGit deletes when it stops. The objects are counted as the "Receiving objects" task reports them, and a pack
 * whose header announces more than the cap stops at its first object.
 */
final class ObjectProgress implements ProgressMonitor {
    private final GitMirror.Progress progress;
    private final Path packs;
    private final long maxBytes;
    private final long maxObjects;
    private Path incoming;
    private boolean over;
    private boolean tooMany;
    private boolean receiving;
    private long received;
    private int total;
    private int done;

    /** Reports without a cap. */
    ObjectProgress(GitMirror.Progress progress) {
        this(progress, null, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * Reports, and stops once the pack received into {@code packs} (a mirror's {@code objects}) passes {@code maxBytes} or
     * holds more than {@code maxObjects} objects.
     */
    ObjectProgress(GitMirror.Progress progress, Path packs, long maxBytes, long maxObjects) {
        this.progress = progress;
        this.packs = packs;
        this.maxBytes = maxBytes;
        this.maxObjects = maxObjects;
    }

    @Override
    public void start(int totalTasks) {
    }

    @Override
    public void beginTask(String title, int totalWork) {
        receiving = JGitText.get().receivingObjects.equals(title);
        if (receiving && totalWork > maxObjects) {
            tooMany = true;
        }
        if (totalWork > 0) {
            total = totalWork;
            done = 0;
            progress.objects(done, total);
        }
    }

    @Override
    public void update(int completed) {
        done += completed;
        if (receiving) {
            received += completed;
            tooMany |= received > maxObjects;
        }
        if (total > 0) {
            progress.objects(Math.min(done, total), total);
        }
    }

    @Override
    public void endTask() {
        if (total > 0) {
            progress.objects(total, total);
        }
    }

    /** Asked after each object received: a look at the size of one file (the folder is listed until it is there). */
    @Override
    public boolean isCancelled() {
        over |= tooMany;
        if (packs == null || over) {
            return over;
        }
        try {
            if (incoming == null) {
                incoming = newest();
            }
            over = incoming != null && Files.size(incoming) > maxBytes;
        } catch (IOException e) {
            // the pack was just moved into place (or no pack folder yet): looked for again at the next object
            incoming = null;
        }
        return over;
    }

    /** The pack being received: the newest, should one left by a stopped server still lie there. */
    private Path newest() throws IOException {
        Path found = null;
        try (DirectoryStream<Path> packs = Files.newDirectoryStream(this.packs, "incoming_*.pack")) {
            for (Path p : packs) {
                if (found == null || Files.getLastModifiedTime(p).compareTo(Files.getLastModifiedTime(found)) > 0) {
                    found = p;
                }
            }
        }
        return found;
    }

    /** Whether the clone or fetch was stopped for passing the cap. */
    boolean overCap() {
        return over;
    }

    /** What a sync says when it stopped: the cap it passed and how to raise it. */
    String refusal(String url) {
        return tooMany ? tooMany(url, maxObjects) : tooLarge(url, maxBytes);
    }

    /** What a sync says when it stopped for the object cap. */
    static String tooMany(String url, long maxObjects) {
        return "The repository " + url + " holds more than " + maxObjects + " objects; Specboard fetches at most " + maxObjects
                + " objects at once. Ask the server's administrator to raise SPECBOARD_REPOS_MAX_FETCH_OBJECTS (and the memory "
                + "with it: receiving an object takes some 100 bytes of it).";
    }

    /** What a sync says when it stopped for the size cap: the cap in MB and how to raise it. */
    static String tooLarge(String url, long maxBytes) {
        long mb = Math.max(1, maxBytes / (1024 * 1024));
        return "The repository " + url + " is larger than " + mb + " MB; Specboard fetches at most " + mb + " MB at once. "
                + "Keep large or generated files out of the repository, or ask the server's administrator to raise "
                + "SPECBOARD_REPOS_MAX_FETCH_SIZE (and the disk with it).";
    }

    @Override
    public void showDuration(boolean enabled) {
    }
}
