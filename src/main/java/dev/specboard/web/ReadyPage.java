package dev.specboard.web;

import io.quarkus.qute.TemplateInstance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a page whose large pieces are kept ready ({@link ReadyHtml}): the template renders around them, and the
 * answer joins its own parts (UTF-8) with the pieces' bytes, or, for a browser that takes gzip, compresses only its
 * own parts and joins the pieces' kept deflate blocks, in one gzip stream.
 */
final class ReadyPage {

    /** The page's own parts are small (layout, threads): compressed fast, as the server's compression does. */
    private static final int LEVEL = 1;

    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /** Deflaters are costly to make (zlib allocates ~300 KB); a few are kept for the next pages. */
    private static final BlockingQueue<Deflater> DEFLATERS = new ArrayBlockingQueue<>(8);

    private ReadyPage() {
    }

    /** The page as text and ready pieces in order, or null when the template did not write each piece once. */
    static List<Object> render(TemplateInstance page, List<ReadyHtml> pieces) {
        Map<String, ReadyHtml> byMarker = new IdentityHashMap<>();
        for (ReadyHtml piece : pieces) {
            // A string of its own, recognised by identity: no page text can be taken for it.
            piece.marker = new String(new char[0]);
            byMarker.put(piece.marker, piece);
        }
        List<Object> parts = new ArrayList<>(2 * pieces.size() + 1);
        StringBuilder text = new StringBuilder(16 * 1024);
        try {
            page.consume(chunk -> {
                ReadyHtml piece = byMarker.get(chunk);
                if (piece == null) {
                    text.append(chunk);
                } else {
                    parts.add(text.toString().getBytes(StandardCharsets.UTF_8));
                    text.setLength(0);
                    parts.add(piece);
                }
            }).toCompletableFuture().join();
        } catch (CompletionException e) {
            // As the ordinary rendering would fail: with the template's own exception.
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            pieces.forEach(p -> p.marker = null);
        }
        parts.add(text.toString().getBytes(StandardCharsets.UTF_8));
        long written = parts.stream().filter(p -> p instanceof ReadyHtml).distinct().count();
        return written == pieces.size() && parts.size() == 2 * pieces.size() + 1 ? parts : null;
    }

    /** The parts joined as they are. */
    static byte[] plain(List<Object> parts) {
        int size = 0;
        for (Object p : parts) {
            size += p instanceof ReadyHtml r ? r.length() : ((byte[]) p).length;
        }
        GrowingBytes out = new GrowingBytes(size);
        for (Object p : parts) {
            if (p instanceof ReadyHtml r) {
                out.write(r.bytes(), r.offset(), r.length());
            } else {
                out.write((byte[]) p);
            }
        }
        return out.toArray();
    }

    /**
     * One gzip stream: the page's own parts compressed here, each fully flushed before a piece (so nothing after it
     * refers back past it), the pieces' kept deflate blocks in between, one CRC-32 and length over it all.
     */
    static byte[] gzip(List<Object> parts) {
        Deflater deflater = DEFLATERS.poll();
        if (deflater == null) {
            deflater = new Deflater(LEVEL, true);
        }
        try {
            CRC32 crc = new CRC32();
            long total = 0;
            GrowingBytes out = new GrowingBytes(32 * 1024);
            out.write(GZIP_HEADER);
            for (Object p : parts) {
                if (p instanceof ReadyHtml r) {
                    out.deflate(deflater, Deflater.FULL_FLUSH);
                    out.write(r.deflated().bytes());
                    crc.update(r.bytes(), r.offset(), r.length());
                    total += r.length();
                } else {
                    byte[] b = (byte[]) p;
                    deflater.setInput(b);
                    out.deflate(deflater, Deflater.NO_FLUSH);
                    crc.update(b);
                    total += b.length;
                }
            }
            out.finish(deflater);
            out.writeIntLE((int) crc.getValue());
            out.writeIntLE((int) total);
            return out.toArray();
        } finally {
            deflater.reset();
            if (!DEFLATERS.offer(deflater)) {
                deflater.end();
            }
        }
    }

    /** Whether an Accept-Encoding header takes gzip (a {@code q=0} refuses it). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] params = coding.split(";");
            if (params[0].trim().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < params.length; i++) {
                    String q = params[i].trim().toLowerCase();
                    if (q.startsWith("q=")) {
                        try {
                            return Double.parseDouble(q.substring(2).trim()) > 0;
                        } catch (NumberFormatException e) {
                            return false;
                        }
                    }
                }
                return true;
            }
        }
        return false;
    }
}
