package dev.specboard.assist;

import dev.specboard.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a reader is told when the model's server answers an error or nothing, and what the operator's log gets: a 429 was
 * "The model failed: {\"error\":\"rate\"}", a 500 echoed the server's body, a reply without choices quoted langchain4j
 * ("OpenAI REST API return an error object"), and each also logged an ERROR "Uncaught exception received by Vert.x" with
 * its stack trace. Now: words about the model, the body never shown, and one WARN line without a stack trace.
 */
@QuarkusTest
class ModelErrorAnswerTest {

    private static final String KEY = "sk-error-answer-5b2c";

    record Told(String message, List<String> log) {
    }

    private static Told told(MockResponse response) throws IOException {
        try (MockWebServer server = new MockWebServer(); LogCapture logs = LogCapture.everything()) {
            server.enqueue(response);
            server.start(0);
            ModelAssistant assistant = new ModelAssistant(null, server.url("/v1").toString(), KEY, "some-model", Duration.ofSeconds(10), ModelAssistant.DEFAULT_MAX_ANSWER_CHARS);
            AssistantUnavailableException e = assertThrows(AssistantUnavailableException.class, () -> assistant.write("Say hello", "", t -> { }));
            try {
                Thread.sleep(500); // a late log line from another thread
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
            List<String> log = new ArrayList<>();
            for (LogRecord r : logs.records()) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    log.add(r.getLevel() + " " + r.getLoggerName() + " " + r.getMessage() + (r.getThrown() == null ? "" : " THROWN " + r.getThrown()));
                }
            }
            assertFalse(logs.lines().stream().anyMatch(l -> l.contains(KEY)), "the API key was logged");
            // What reaches the console, through its filter: a trace Vert.x logged from the client's SSE parser is left out.
            dev.specboard.web.LogFilter console = new dev.specboard.web.LogFilter();
            List<LogRecord> loud = logs.records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .filter(console::isLoggable).toList();
            // The assistant's one line; a chunk the client could not read adds its own line, also without a trace.
            assertEquals(1, loud.stream().filter(r -> ModelAssistant.class.getName().equals(r.getLoggerName())).count(), "one line: " + log);
            assertTrue(loud.size() <= 2, log.toString());
            for (LogRecord r : loud) {
                assertEquals(Level.WARNING.intValue(), r.getLevel().intValue(), log.toString());
                assertEquals(null, r.getThrown(), "no stack trace: " + log);
            }
            return new Told(e.getMessage(), log);
        }
    }

    @Test
    void aRateLimitedModelIsBusyWithTheWaitItsServerAskedFor() throws IOException {
        Told t = told(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").addHeader("Content-Type", "application/json").body("{\"error\":\"rate\"}").build());
        assertEquals("The model is busy: its server is rate-limiting requests (HTTP 429) and asks to wait 7 s before retrying.", t.message());
    }

    @Test
    void aServerErrorIsNamedByItsStatusWithoutItsBody() throws IOException {
        Told t = told(new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json").body("{\"error\":\"boom\"}").build());
        assertEquals("The model's server answered with an error, status 500.", t.message());
    }

    @Test
    void aRefusedRequestIsNamedByItsStatusWithoutSayingFailedTwice() throws IOException {
        Told t = told(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json").body("{\"error\":\"bad request\"}").build());
        assertEquals("The model's server refused the request, status 400.", t.message());
    }

    /** "The answer failed: The model failed: its server refused the API key" said it failed twice; each is one sentence now. */
    @Test
    void aRefusedKeyOrAnUnknownModelIsOneSentenceSayingWhatToCheck() throws IOException {
        for (int status : new int[] {401, 403}) {
            Told t = told(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body("{\"error\":\"no\"}").build());
            assertEquals("The model's server refused the API key (HTTP " + status + "); check SPECBOARD_ASSISTANT_API_KEY.", t.message());
        }
        Told unknown = told(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json").body("{\"error\":\"no\"}").build());
        assertEquals("The model's server does not know this model or address (HTTP 404); check SPECBOARD_ASSISTANT_MODEL and "
                + "SPECBOARD_ASSISTANT_BASE_URL.", unknown.message());
    }

    @Test
    void aReplyWithoutChoicesIsNoAnswer() throws IOException {
        Told t = told(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{\"choices\":[]}").build());
        assertEquals("The model gave no answer: its reply held no chat completion.", t.message());
    }

    @Test
    void aStreamWithoutContentSaysItWasEmpty() throws IOException {
        Told t = told(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body("data: {\"choices\":[]}\n\ndata: [DONE]\n\n").build());
        assertEquals("The model's answer was empty or could not be read: its stream ended without any text.", t.message());
    }

    @Test
    void invalidUtf8IsUnreadableAndLoggedOnce() throws IOException {
        Buffer b = new Buffer().writeUtf8("data: {\"choices\":[{\"delta\":{\"content\":\"bad ").write(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, '('})
                .writeUtf8(" text\"}}]}\n\ndata: [DONE]\n\n");
        Told t = told(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(b).build());
        assertTrue(t.message().startsWith("The model's answer"), t.message());
    }

    @Test
    void aChunkTheClientCannotReadCutsTheAnswerOffAndSaysSo() throws IOException {
        Buffer b = new Buffer().writeUtf8("data: CHUNK1\n\n".replace("CHUNK1", "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello \"},\"finish_reason\":null}]}"))
                .writeUtf8("data: {\"choices\":[{\"delta\":{\"content\":\"bad ").write(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, '('})
                .writeUtf8(" text\"}}]}\n\n")
                .writeUtf8("data: CHUNK2\n\ndata: [DONE]\n\n".replace("CHUNK2", "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"world\"},\"finish_reason\":\"stop\"}]}"));
        try (MockWebServer server = new MockWebServer(); LogCapture logs = LogCapture.everything()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(b).build());
            server.start(0);
            ModelAssistant assistant = new ModelAssistant(null, server.url("/v1").toString(), KEY, "some-model", Duration.ofSeconds(10), ModelAssistant.DEFAULT_MAX_ANSWER_CHARS);
            // The answer was "Hello ", taken whole: the stream ends at the chunk, before the model's finish reason.
            AssistantUnavailableException e = assertThrows(AssistantUnavailableException.class, () -> assistant.write("Say hello", "", t -> { }));
            assertEquals("The model's answer was cut off: its stream stopped before the model had finished.", e.getMessage());
            try {
                Thread.sleep(500); // the client's line comes from the event loop
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
            dev.specboard.web.LogFilter console = new dev.specboard.web.LogFilter();
            List<LogRecord> loud = logs.records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .filter(console::isLoggable).toList();
            // The client's line says why the stream ended; the assistant's, that the answer was cut off.
            assertEquals(2, loud.size(), loud.toString());
            for (LogRecord r : loud) {
                assertEquals(Level.WARNING.intValue(), r.getLevel().intValue());
                assertEquals(null, r.getThrown(), "no stack trace");
            }
            LogRecord client = loud.stream().filter(r -> !ModelAssistant.class.getName().equals(r.getLoggerName())).findFirst().orElseThrow();
            assertTrue(client.getMessage().startsWith("The model's streamed answer had a chunk the client could not read"), client.getMessage());
            assertTrue(client.getMessage().contains("Illegal UTF8 input"), client.getMessage());
        }
    }
}
