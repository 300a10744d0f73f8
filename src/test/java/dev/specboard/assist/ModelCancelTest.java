package dev.specboard.assist;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job cancelled before the model's first chunk stopped waiting, but its request to the model stayed open until the HTTP
 * client's timeout: the streaming model dropped the request's handle, so nothing could end it. The model here answers the
 * request's headers (200, an event stream) and holds its first chunk; the cancel ends the connection, which it sees.
 */
@QuarkusTest
class ModelCancelTest {

    private static final Pattern LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");

    @Test
    void aCancelBeforeTheFirstChunkClosesTheConnectionToTheModel() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            server.setSoTimeout(60_000);
            CountDownLatch streaming = new CountDownLatch(1);
            CompletableFuture<Boolean> closed = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    // Bounded well past the guard below, so that a failing test never leaves this thread stuck.
                    s.setSoTimeout(120_000);
                    InputStream in = s.getInputStream();
                    readRequest(in);
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    streaming.countDown();
                    while (in.read() >= 0) {
                        // The first chunk is held: nothing more is sent until the client ends the connection.
                    }
                    return true;
                } catch (java.net.SocketTimeoutException e) {
                    return false;
                } catch (IOException e) {
                    return true; // a reset ends the connection too
                }
            });
            // The model's timeout is 60 s: the connection ended well before it only if the cancel ended it.
            ModelAssistant assistant = new ModelAssistant(null, "http://127.0.0.1:" + server.getLocalPort() + "/v1", "sk-cancel",
                    "some-model", Duration.ofSeconds(60), ModelAssistant.DEFAULT_MAX_ANSWER_CHARS);
            CancelSignal cancel = new CancelSignal();
            CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    assistant.write("Say hello", "", t -> { }, cancel);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            assertTrue(streaming.await(30, TimeUnit.SECONDS), "the request reached the model");
            cancel.fire();
            assertInstanceOf(CancellationException.class, reader.get(30, TimeUnit.SECONDS), "the reader stops waiting");
            // A generous guard, half the model's timeout: the double sees the close as soon as the cancel ends the request.
            assertTrue(closed.get(30, TimeUnit.SECONDS), "the model saw its connection closed");
        }
    }

    /** Reads one request: its headers, then the body its Content-Length announces (or a chunked body to its last chunk). */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client closed before its request was read");
            }
            seen.write(b);
            String text = seen.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                continue;
            }
            Matcher length = LENGTH.matcher(text.substring(0, end));
            if (length.find() ? text.length() - end - 4 >= Integer.parseInt(length.group(1)) : text.endsWith("0\r\n\r\n") && text.length() > end + 4) {
                return;
            }
        }
    }
}
