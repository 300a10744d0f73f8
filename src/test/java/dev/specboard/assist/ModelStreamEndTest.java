package dev.specboard.assist;

import dev.specboard.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end of a streamed answer is read from the stream itself: {@code data: [DONE]} says the answer is whole even when no
 * chunk carries a finish reason or usage (langchain4j's client dropped that line, so such an answer read as cut off), and a
 * stream that stops without it, nor a finish reason or usage, is still cut off.
 */
@QuarkusTest
class ModelStreamEndTest {

    private static final String KEY = "sk-stream-end-3a7f";

    private static ModelAssistant assistant(String baseUrl, Duration timeout) {
        return new ModelAssistant(null, baseUrl, KEY, "some-model", timeout, ModelAssistant.DEFAULT_MAX_ANSWER_CHARS);
    }

    @Test
    void chunksWithoutAFinishReasonNorUsageThenDoneAreAWholeAnswer() throws IOException {
        try (MockWebServer server = new MockWebServer(); LogCapture logs = LogCapture.everything()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                    .body(ModelDouble.DONE_ONLY_STREAM).build());
            server.start(0);
            List<String> pieces = new java.util.ArrayList<>();
            assertEquals("From the model: these tasks touch the checkout code.",
                    assistant(server.url("/v1").toString(), Duration.ofSeconds(10)).write("Say hello", "", pieces::add).orElseThrow());
            assertEquals(List.of("From the model: ", "these tasks touch the chec", "kout code."), pieces, "streamed piece by piece");
            assertEquals(List.of(), logs.records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .map(r -> r.getLoggerName() + " " + r.getMessage()).toList());
            String request = server.takeRequest().getBody().utf8().replaceAll("\\s", "");
            assertTrue(request.contains("\"stream\":true") && request.contains("\"include_usage\":true"), request);
            assertTrue(request.contains("{\"role\":\"user\",\"content\":\"Sayhello"), request);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSameChunksWithoutDoneAreCutOff() throws IOException {
        String stream = ModelDouble.DONE_ONLY_STREAM.substring(0, ModelDouble.DONE_ONLY_STREAM.lastIndexOf("data: [DONE]"));
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(stream).build());
            server.start(0);
            AssistantUnavailableException e = assertThrows(AssistantUnavailableException.class,
                    () -> assistant(server.url("/v1").toString(), Duration.ofSeconds(10)).write("Say hello", "", t -> { }));
            assertEquals(ModelAssistant.CUT_OFF, e.getMessage());
        }
    }

    /** A data line without its blank line, split across lines, or sent as "data:" without a space is read all the same. */
    @Test
    void eventsAreReadAsServerSentEventsAre() throws IOException {
        String body = ": keep-alive\r\n\r\n"
                + "event: message\r\ndata:{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"}}]}\r\n\r\n"
                + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\r\ndata: \"delta\":{\"content\":\" world\"}}]}\r\n\r\n"
                + "data: [DONE]";
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream; charset=utf-8").body(body).build());
            server.start(0);
            assertEquals("Hello world", assistant(server.url("/v1/").toString(), Duration.ofSeconds(10)).write("Say hello", "", t -> { }).orElseThrow());
            assertEquals("/v1/chat/completions", server.takeRequest().getTarget());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A server that sends [DONE] and then keeps the connection open: the answer is whole at [DONE], without waiting for the
     * connection to end (the model's timeout here is a minute), and the client then closes the connection.
     */
    @Test
    void doneEndsTheAnswerWhileTheServerKeepsTheConnectionOpen() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            server.setSoTimeout(60_000);
            CompletableFuture<Boolean> closed = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(120_000);
                    InputStream in = s.getInputStream();
                    byte[] buffer = new byte[65536];
                    String seen = "";
                    while (!seen.contains("include_usage")) {
                        int n = in.read(buffer);
                        if (n < 0) {
                            return false;
                        }
                        seen += new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                    }
                    OutputStream out = s.getOutputStream();
                    String events = ModelDouble.DONE_ONLY_STREAM;
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(events.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + events + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    while (in.read(buffer) >= 0) {
                        // The stream's last chunk is never sent: the connection stays open until the client ends it.
                    }
                    return true;
                } catch (java.net.SocketTimeoutException e) {
                    return false;
                } catch (IOException e) {
                    return true; // a reset ends the connection too
                }
            });
            ModelAssistant assistant = assistant("http://127.0.0.1:" + server.getLocalPort() + "/v1", Duration.ofSeconds(60));
            assertEquals("From the model: these tasks touch the checkout code.", assistant.write("Say hello", "", t -> { }).orElseThrow());
            assertTrue(closed.get(60, TimeUnit.SECONDS), "the client closed the connection after [DONE]");
        }
    }
}
