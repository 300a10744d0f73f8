package dev.specboard.repo;

/** One row of a folder listing: a sub-folder (with its file count and total size) or a file. */
public record TreeRow(String name, String path, boolean dir, long size, String language, Integer lines, String blobSha,
                       int fileCount) {

    public String type() {
        return dir ? "dir" : "file";
    }

    public String sizeLabel() {
        return FileBrowserService.humanSize(size);
    }
}
