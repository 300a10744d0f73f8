package dev.specboard.web;

import java.util.Arrays;
import java.util.zip.Deflater;

/** A byte buffer that grows as it is written, unsynchronised (one request writes it), with the deflate loop. */
final class GrowingBytes {

    private byte[] buf;
    private int size;

    GrowingBytes(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    /** Little-endian, as gzip's trailer wants it. */
    void writeIntLE(int v) {
        ensure(4);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 24);
    }

    /** Compresses the deflater's pending input straight into this buffer with the given flush mode. */
    void deflate(Deflater deflater, int flush) {
        while (true) {
            ensure(8192);
            int n = deflater.deflate(buf, size, buf.length - size, flush);
            size += n;
            if (size < buf.length) {
                // zlib stops early only when all input is taken and, for a flush, the flush is written out.
                return;
            }
        }
    }

    /** Ends the deflater's stream (its final block) into this buffer. */
    void finish(Deflater deflater) {
        deflater.finish();
        while (!deflater.finished()) {
            ensure(8192);
            size += deflater.deflate(buf, size, buf.length - size);
        }
    }

    byte[] toArray() {
        return size == buf.length ? buf : Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (buf.length - size < more) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
