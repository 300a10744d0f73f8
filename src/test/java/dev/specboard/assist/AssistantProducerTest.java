package dev.specboard.assist;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which assistant answers for which settings: a model needs its base URL and name; a local server needs no key. In a
 * running application, as langchain4j's HTTP client needs it.
 */
@QuarkusTest
class AssistantProducerTest {

    private static Assistant pick(String baseUrl, String apiKey, String model) {
        AssistantProducer p = new AssistantProducer();
        p.baseUrl = Optional.ofNullable(baseUrl);
        p.apiKey = Optional.ofNullable(apiKey);
        p.model = Optional.ofNullable(model);
        p.timeoutSeconds = 5;
        return p.assistant(null);
    }

    @Test
    void aBaseUrlAndAModelAreEnoughAndTheKeyIsOptional() {
        assertTrue(pick("http://localhost:11434/v1", null, "llama3") instanceof ModelAssistant, "a local server without a key");
        assertTrue(pick("http://localhost:11434/v1", " ", "llama3") instanceof ModelAssistant, "a blank key is no key");
        assertTrue(pick("https://api.example.com/v1", "sk-test", "gpt") instanceof ModelAssistant);
    }

    @Test
    void withoutABaseUrlOrAModelTheBuiltInAssistantAnswers() {
        assertFalse(pick(null, "sk-test", "gpt") instanceof ModelAssistant);
        assertFalse(pick("https://api.example.com/v1", "sk-test", " ") instanceof ModelAssistant);
        assertFalse(pick(null, null, null) instanceof ModelAssistant);
    }
}
