package dev.specboard.repo;

/**
 * One row of a folder listing: a sub-folder (with its file count and total size), a file, a symbolic link (its target in
 * {@code linkTarget}), or a submodule (the commit it pins in {@code blobSha}).
 */
public record TreeRow(String name, String path, boolean dir, long size, String language, Integer lines, String blobSha,
                       int fileCount, boolean submodule, String linkTarget) {

    public TreeRow(String name, String path, boolean dir, long size, String language, Integer lines, String blobSha, int fileCount) {
        this(name, path, dir, size, language, lines, blobSha, fileCount, false, null);
    }

    static TreeRow submodule(String name, String path, String commitSha) {
        return new TreeRow(name, path, false, 0, null, null, commitSha, 0, true, null);
    }

    static TreeRow file(String name, ManifestEntry f) {
        return new TreeRow(name, f.path(), false, f.size(), f.language(), f.lines(), f.blobSha(), 0, false, f.linkTarget());
    }

    public String type() {
        return dir ? "dir" : submodule ? "submodule" : linkTarget != null ? "symlink" : "file";
    }

    public String sizeLabel() {
        return submodule ? "" : FileBrowserService.humanSize(size);
    }

    /** The pinned commit as a listing shows it. */
    public String shortCommit() {
        return blobSha == null ? "" : blobSha.substring(0, Math.min(10, blobSha.length()));
    }
}
