package dev.specboard.repo;

import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

import java.io.IOException;
import java.io.InputStream;

/** What a sync's manifest says of a blob (size, binary or not, lines), read whole only when it is small. */
final class BlobFacts {

    /** Files larger than this are listed but their lines are not counted. */
    static final long COUNT_LINES_LIMIT = 20L * 1024 * 1024;

    private BlobFacts() {
    }

    static ManifestEntry describe(ObjectReader reader, String path, ObjectId blob) throws IOException {
        ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
        long size = loader.getSize();
        boolean binary;
        Integer lines = null;
        if (!loader.isLarge()) {
            byte[] bytes = loader.getCachedBytes();
            binary = RawText.isBinary(bytes);
            if (!binary) {
                lines = countLines(bytes);
            }
        } else {
            // Read in pieces, twice: a sync never holds a large file whole.
            try (InputStream in = loader.openStream()) {
                binary = RawText.isBinary(in);
            }
            if (!binary && size <= COUNT_LINES_LIMIT) {
                try (InputStream in = loader.openStream()) {
                    lines = countLines(in);
                }
            }
        }
        return new ManifestEntry(path, blob.name(), size, binary ? null : Languages.of(path), lines, binary);
    }

    /** A symbolic link: its blob holds the target path, which git reads as bytes like any name; no lines, no language. */
    static ManifestEntry link(ObjectReader reader, String path, ObjectId blob) throws IOException {
        ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
        byte[] target;
        try (InputStream in = loader.openStream()) {
            // A target is a path (at most 4096 bytes on Linux); anything longer is not read whole.
            target = in.readNBytes(4096);
        }
        return new ManifestEntry(path, blob.name(), loader.getSize(), null, null, false, GitNames.pathOf(target));
    }

    /** As {@link #countLines(byte[])}, read in pieces. */
    static int countLines(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        int n = 0;
        byte last = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    n++;
                }
            }
            if (read > 0) {
                last = buffer[read - 1];
                total += read;
            }
        }
        return total == 0 || last == '\n' ? n : n + 1;
    }

    static int countLines(byte[] bytes) {
        if (bytes.length == 0) {
            return 0;
        }
        int n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return bytes[bytes.length - 1] == '\n' ? n : n + 1;
    }
}
