package dev.specboard.assist;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a reader of the chat is told when the configured model cannot be reached: what to check, not the HTTP client's class names (Quarkus runs the model client, so this is a QuarkusTest). */
@QuarkusTest
class ModelFailureMessageTest {

    @Test
    void aModelServerThatRefusesTheConnectionIsNamedAsSuchWithoutJavaClassNames() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // A key with common letters in it: the message must stay readable around its redaction.
        ModelAssistant assistant = new ModelAssistant(null, "http://127.0.0.1:" + port + "/v1", "x", "some-model", Duration.ofSeconds(10), ModelAssistant.DEFAULT_MAX_ANSWER_CHARS);
        AssistantUnavailableException e = assertThrows(AssistantUnavailableException.class, () -> assistant.write("Say hello", "", t -> { }));
        assertEquals("The model's server refused the connection; check that it runs at the configured base URL "
                + "(SPECBOARD_ASSISTANT_BASE_URL).", e.getMessage());
    }
}
