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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model whose stream cannot be read (a {@code data:} line that is not JSON, or JSON without choices) is reported as
 * such, not as an empty answer; the detail goes to the log at WARN, never the key. A model that really answers nothing
 * is still told apart, and so is one that stops midway (text, then no finish reason). A QuarkusTest, since Quarkus runs the model client.
 */
@QuarkusTest
class ModelUnreadableAnswerTest {

    private static final String KEY = "sk-unreadable-7d1e";

    /** What the reader is told when the model streams {@code body}; the model's lines are checked against the log. */
    private static String told(String body, List<String> log) throws IOException {
        try (MockWebServer server = new MockWebServer(); LogCapture logs = LogCapture.everything()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body).build());
            server.start(0);
            ModelAssistant assistant = new ModelAssistant(null, server.url("/v1").toString(), KEY, "some-model", Duration.ofSeconds(10), ModelAssistant.DEFAULT_MAX_ANSWER_CHARS);
            AssistantUnavailableException e = assertThrows(AssistantUnavailableException.class,
                    () -> assistant.write("Say hello", "", t -> { }));
            logs.records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .forEach(r -> log.add(r.getLoggerName() + " " + r.getMessage()));
            assertFalse(logs.lines().stream().anyMatch(l -> l.contains(KEY)), "the API key was logged");
            return e.getMessage();
        }
    }

    private static String chunk(String json) {
        return "data: " + json + "\n\n";
    }

    @Test
    void aDataLineThatIsNotJsonIsReportedAsUnreadable() throws IOException {
        List<String> log = new java.util.ArrayList<>();
        String message = told(chunk("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}")
                + chunk("this is {not json") + "data: [DONE]\n\n", log);
        assertEquals("The model's answer was empty or could not be read: its stream ended without any text.", message);
        assertFalse(message.contains("not json") || message.contains("Exception"), message);
        assertTrue(log.stream().anyMatch(l -> l.contains(ModelAssistant.class.getName())), "logged at WARN: " + log);
    }

    @Test
    void jsonWithoutChoicesIsReportedAsUnreadable() throws IOException {
        List<String> log = new java.util.ArrayList<>();
        String message = told(chunk("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"some-model\"}")
                + chunk("{\"unexpected\":true}") + "data: [DONE]\n\n", log);
        assertEquals("The model's answer was empty or could not be read: its stream ended without any text.", message);
        assertTrue(log.stream().anyMatch(l -> l.contains(ModelAssistant.class.getName())), "logged at WARN: " + log);
    }

    /** A stream that stops after some text, without a finish reason nor [DONE], was saved as the whole answer, ending mid-word. */
    @Test
    void textThenAStreamThatStopsIsCutOff() throws IOException {
        List<String> log = new java.util.ArrayList<>();
        String message = told(ModelDouble.CUT_OFF_STREAM, log);
        assertEquals("The model's answer was cut off: its stream stopped before the model had finished.", message);
        assertTrue(log.stream().anyMatch(l -> l.contains(ModelAssistant.class.getName()) && l.contains("cut off")), "logged at WARN: " + log);
    }

    /**
     * A server that sends no finish reason, but the usage the request asks for and then [DONE], was told its answer was
     * cut off: the client drops [DONE] and ends a stream cut short the same way, but the usage comes only after the answer.
     */
    @Test
    void aStreamWithoutAFinishReasonThatEndsWithItsUsageIsWhole() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(ModelDouble.NO_FINISH_REASON_STREAM).build());
            server.start(0);
            ModelAssistant assistant = new ModelAssistant(null, server.url("/v1").toString(), KEY, "some-model", Duration.ofSeconds(10), ModelAssistant.DEFAULT_MAX_ANSWER_CHARS);
            assertEquals("From the model: these tasks touch the checkout code.", assistant.write("Say hello", "", t -> { }).orElseThrow());
        }
    }

    /** A server that counts usage on every chunk sends it with their text: a stream of those that stops is still cut off. */
    @Test
    void usageOnEveryChunkDoesNotMakeAStreamThatStopsWhole() throws IOException {
        String body = ModelDouble.CUT_OFF_STREAM.replace("\"finish_reason\":null}]}", "\"finish_reason\":null}],\"usage\":{\"prompt_tokens\":1,"
                + "\"completion_tokens\":1,\"total_tokens\":2}}");
        assertTrue(body.contains("usage"), body);
        assertEquals("The model's answer was cut off: its stream stopped before the model had finished.", told(body, new java.util.ArrayList<>()));
    }

    /** A line that is not JSON after some text ends the stream there: the text before it was saved as the whole answer. */
    @Test
    void textThenALineThatIsNotJsonIsCutOff() throws IOException {
        String message = told(ModelDouble.CUT_OFF_STREAM + chunk("{not json") + ModelDouble.stream(List.of("code.")), new java.util.ArrayList<>());
        assertEquals("The model's answer was cut off: its stream stopped before the model had finished.", message);
    }

    @Test
    void aModelThatAnswersNothingIsStillAnEmptyAnswer() throws IOException {
        String message = told(ModelDouble.stream(List.of()), new java.util.ArrayList<>());
        assertEquals("The model sent an empty answer.", message);
    }
}
