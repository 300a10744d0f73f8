package dev.specboard.repo;

import java.util.List;
import java.util.function.Supplier;

/**
 * A shown file's lines, read from the mirror only when something asks for them. The file page's rows are usually
 * rendered already (cached by blob), so reading, decoding and splitting the blob on every view would be wasted; the
 * line count comes from the manifest.
 */
public final class FileContent {

    private final Supplier<byte[]> bytes;
    private final Integer knownLines;
    private List<String> lines;

    FileContent(Supplier<byte[]> bytes, Integer knownLines) {
        this.bytes = bytes;
        this.knownLines = knownLines;
    }

    /** The lines without their terminators, read on first use. */
    public synchronized List<String> lines() {
        if (lines == null) {
            lines = FileBrowserService.splitLines(FileBrowserService.decode(bytes.get()));
        }
        return lines;
    }

    /** How many lines: the manifest's count (the same rule as {@link FileBrowserService#splitLines}) when it has one. */
    public int lineCount() {
        return knownLines != null ? knownLines : lines().size();
    }
}
