package dev.specboard.assist;

import dev.specboard.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configured model timeout bounds the whole wait of a reader (connection, first token and the rest of the stream):
 * a model that hangs ends with the timeout message, not with the HTTP client's own later failure. A QuarkusTest,
 * since Quarkus runs the model client.
 */
@QuarkusTest
class ModelTimeoutTest {

    /** Asks a model answering with {@code response} under a 1 s timeout; answers what the reader is told and how long it took. */
    private static Failure ask(MockResponse response) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(response);
            server.start(0);
            ModelAssistant assistant = new ModelAssistant(null, server.url("/v1").toString(), "sk-timeout", "some-model", Duration.ofSeconds(1), ModelAssistant.DEFAULT_MAX_ANSWER_CHARS);
            long start = System.nanoTime();
            AssistantUnavailableException e = assertThrows(AssistantUnavailableException.class,
                    () -> assistant.write("Say hello", "", t -> { }));
            return new Failure(e.getMessage(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    private record Failure(String message, long millis) {
    }

    @Test
    void aModelThatNeverAnswersEndsWithTheTimeoutMessage() throws IOException {
        Failure f = ask(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .headersDelay(60, TimeUnit.SECONDS).body(ModelDouble.stream(List.of("Too late."))).build());
        assertEquals("The model did not answer within 1 s.", f.message());
        // The HTTP client's own timeout was the configured one plus 5 s, and it decided: 6 s or more.
        assertTrue(f.millis() < 4000, f.millis() + " ms");
    }

    @Test
    void aModelThatStallsAfterItsFirstTokenEndsWithTheTimeoutMessage() throws IOException {
        String stream = ModelDouble.stream(List.of("Hello", " there."));
        int firstChunks = stream.indexOf("data:", stream.indexOf("Hello"));
        Failure f = ask(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .throttleBody(firstChunks, 60, TimeUnit.SECONDS).body(stream).build());
        assertEquals("The model did not answer within 1 s.", f.message());
        assertTrue(f.millis() < 4000, f.millis() + " ms");
    }

    /**
     * A model server that takes the request and never answers: the reader is told at the timeout, and the request ends then
     * too. The HTTP client's own timeout was 5 s longer, and the hung connection stayed open that long after the reader was told.
     */
    @Test
    void aModelThatNeverAnswersHasItsConnectionClosedWhenTheReaderIsTold() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            server.setSoTimeout(30_000);
            CompletableFuture<Long> closed = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(30_000);
                    InputStream in = s.getInputStream();
                    byte[] buffer = new byte[8192];
                    while (in.read(buffer) >= 0) {
                        // Reads the request and then waits, answering nothing, until the client ends the connection.
                    }
                } catch (IOException e) {
                    // A reset ends the connection too; a 30 s read timeout only keeps a failing test from hanging.
                }
                return System.nanoTime();
            });
            ModelAssistant assistant = new ModelAssistant(null, "http://127.0.0.1:" + server.getLocalPort() + "/v1", "sk-timeout",
                    "some-model", Duration.ofSeconds(1), ModelAssistant.DEFAULT_MAX_ANSWER_CHARS);
            try (LogCapture logs = LogCapture.everything()) {
                AssistantUnavailableException e = assertThrows(AssistantUnavailableException.class,
                        () -> assistant.write("Say hello", "", t -> { }));
                long told = System.nanoTime();
                assertEquals("The model did not answer within 1 s.", e.getMessage());
                long after = TimeUnit.NANOSECONDS.toMillis(closed.get(40, TimeUnit.SECONDS) - told);
                assertTrue(after < 3000, "the connection stayed open " + after + " ms after the reader was told");
                // The client's failure of the ended request comes with the close, to a stream nobody listens to: Mutiny
                // logged it as an ERROR with its trace. The timeout is one WARN line of the assistant's.
                Thread.sleep(1000);
                assertEquals(List.of(), logs.lines().stream().filter(l -> l.contains("Mutiny had to drop")).toList());
                assertEquals(1, logs.lines().stream().filter(l -> l.startsWith("The model did not answer within")).count(),
                        String.join("\n", logs.lines()));
            }
        }
    }
}
