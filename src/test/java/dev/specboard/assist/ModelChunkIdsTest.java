package dev.specboard.assist;

import dev.specboard.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The last chunk of a streamed answer, the one carrying {@code finish_reason}, comes without an {@code id} from several
 * OpenAI-compatible servers: it is read as any chunk (no WARN "a chunk the client could not read" for every normal answer),
 * and its finish reason is kept: {@code length} marks the answer as cut, as the cap does.
 */
@QuarkusTest
class ModelChunkIdsTest {

    /** What the model's answer reads as when its stream ends with {@code last}; the WARN lines logged meanwhile go to {@code warnings}. */
    private static String answered(String last, List<String> warnings) throws IOException {
        String body = chunk("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hello \"}}]}")
                + chunk("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"world\"}}]}")
                + chunk(last) + "data: [DONE]\n\n";
        try (MockWebServer server = new MockWebServer(); LogCapture logs = LogCapture.everything()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body).build());
            server.start(0);
            ModelAssistant assistant = new ModelAssistant(null, server.url("/v1").toString(), "sk-chunk-ids", "some-model",
                    Duration.ofSeconds(10), ModelAssistant.DEFAULT_MAX_ANSWER_CHARS);
            String text = assistant.write("Say hello", "", t -> { }).orElseThrow();
            logs.records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .forEach(r -> warnings.add(r.getLoggerName() + " " + r.getMessage()));
            return text;
        }
    }

    private static String chunk(String json) {
        return "data: " + json + "\n\n";
    }

    @Test
    void aLastChunkWithoutIdIsReadAndLogsNothing() throws IOException {
        List<String> warnings = new java.util.ArrayList<>();
        assertEquals("Hello world", answered("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}", warnings));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aLengthFinishWithoutIdMarksTheAnswerAsCut() throws IOException {
        List<String> warnings = new java.util.ArrayList<>();
        assertEquals("Hello world\n\n*(The model's answer was cut here: it reached the model's length limit.)*",
                answered("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}", warnings));
        assertEquals(List.of(), warnings);
        // With an id, the same.
        assertEquals("Hello world\n\n*(The model's answer was cut here: it reached the model's length limit.)*",
                answered("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}", warnings));
    }
}
