package dev.specboard.assist;

import dev.specboard.kernel.UrlCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * Picks the {@link Assistant}: the configured OpenAI-compatible model when its base URL and model name
 * are set ({@code SPECBOARD_ASSISTANT_*}; the API key when the server wants one), the built-in one otherwise.
 */
@ApplicationScoped
public class AssistantProducer {

    private static final Logger LOG = Logger.getLogger(AssistantProducer.class);

    @ConfigProperty(name = "specboard.assistant.base-url")
    Optional<String> baseUrl;

    @ConfigProperty(name = "specboard.assistant.api-key")
    Optional<String> apiKey;

    @ConfigProperty(name = "specboard.assistant.model")
    Optional<String> model;

    @ConfigProperty(name = "specboard.assistant.timeout-seconds", defaultValue = "60")
    int timeoutSeconds;

    @ConfigProperty(name = "specboard.assistant.max-answer-chars", defaultValue = "" + ModelAssistant.DEFAULT_MAX_ANSWER_CHARS)
    int maxAnswerChars;

    @Produces
    @ApplicationScoped
    Assistant assistant(BuiltInAssistant builtIn) {
        if (set(baseUrl) && set(model)) {
            // A local server (Ollama, llama.cpp) wants no key: without one the requests carry no Authorization header.
            LOG.infof("The assistant answers with the model %s at %s (timeout %d s%s)", model.get(),
                    UrlCredentials.redact(baseUrl.get()), timeoutSeconds,
                    set(apiKey) ? "" : ", no API key");
            return new ModelAssistant(builtIn, baseUrl.get().strip(), set(apiKey) ? apiKey.get().strip() : null, model.get().strip(),
                    Duration.ofSeconds(Math.max(1, timeoutSeconds)), maxAnswerChars);
        }
        if (set(baseUrl) || set(apiKey) || set(model)) {
            LOG.warn("The assistant model is partly configured (its base URL and model name are both needed); using the built-in assistant");
        }
        return builtIn;
    }

    private static boolean set(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }
}
