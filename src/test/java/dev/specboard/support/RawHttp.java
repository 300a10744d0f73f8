package dev.specboard.support;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 requests written byte by byte on a socket, for the malformed requests that HTTP clients
 * refuse to build (a raw NUL or a bad escape in the path, an empty Content-Type header).
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A parsed answer: status, headers with lower-case names, body as UTF-8. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Sends {@code head} (request line and headers, lines separated by CRLF, without the blank line)
     * and {@code body}; adds Host, Content-Length when there is a body, and Connection: close.
     */
    public static Answer send(String head, byte[] body) {
        StringBuilder request = new StringBuilder(head);
        request.append("\r\nHost: localhost:").append(RestAssured.port);
        if (body != null) {
            request.append("\r\nContent-Length: ").append(body.length);
        }
        request.append("\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code head} with {@code Transfer-Encoding: chunked} (no Content-Length) and a body streamed in 64 KiB chunks:
     * {@code start}, then {@code chunk} again and again (the last one cut) up to {@code total} bytes, then {@code end}, as a client streaming an upload of
     * unknown length does. A writer thread sends while the answer is read, so a server that answers before the body is
     * all sent (and closes the connection) is seen answering; the writer stops quietly when the server stops reading.
     * Answers the answer and how many body bytes the writer got out before it ended or was cut off.
     */
    public static Streamed sendChunked(String head, byte[] start, byte[] chunk, byte[] end, long total) {
        String request = head + "\r\nHost: localhost:" + RestAssured.port + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            // A small send buffer: what counts as sent is then what the server's side took in, not megabytes of our own
            // buffer filled after the server had already refused (tests bound it).
            socket.setSendBufferSize(64 * 1024);
            socket.connect(new java.net.InetSocketAddress("localhost", RestAssured.port));
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
            Thread writer = new Thread(() -> {
                try {
                    writeChunk(out, start);
                    sent.addAndGet(start.length);
                    long fill = total - start.length - end.length;
                    while (fill > 0) {
                        int n = (int) Math.min(chunk.length, fill);
                        writeChunk(out, n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n));
                        sent.addAndGet(n);
                        fill -= n;
                    }
                    writeChunk(out, end);
                    sent.addAndGet(end.length);
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException e) {
                    // The server answered and closed the connection before the whole body was out: what a limit does.
                }
            }, "chunked-body-writer");
            writer.setDaemon(true);
            writer.start();
            Answer answer = parse(new java.io.ByteArrayInputStream(readUntilClosed(socket.getInputStream())));
            writer.join(60_000);
            return new Streamed(answer, sent.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code head} with Content-Length and {@code body} from a writer thread while the answer is read, so a server
     * that answers before the body is all sent (and closes the connection) is seen answering, as with {@link #sendChunked}.
     */
    public static Answer sendWhileWriting(String head, byte[] body) {
        String request = head + "\r\nHost: localhost:" + RestAssured.port + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // The server answered and closed the connection before the whole body was out: what a limit does.
                }
            }, "body-writer");
            writer.setDaemon(true);
            writer.start();
            Answer answer = parse(new java.io.ByteArrayInputStream(readUntilClosed(socket.getInputStream())));
            writer.join(60_000);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer to a streamed body, and how many body bytes the client got out. */
    public record Streamed(Answer answer, long sent) {
    }

    /**
     * What the server sent until it closed the connection. A server that closes with body bytes still unread makes the
     * connection reset, which may come after its answer: what arrived before counts.
     */
    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    private static void writeChunk(OutputStream out, byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Answer send(String head, String body) {
        return send(head, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static Answer parse(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = unchunk(rest);
        }
        return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = i;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeText = new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
