package dev.specboard.assist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * Picks the {@link Assistant}: the configured OpenAI-compatible model when its base URL, API key and
 * model name are all set ({@code SPECBOARD_ASSISTANT_*}), the built-in one otherwise.
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

    @Produces
    @ApplicationScoped
    Assistant assistant(BuiltInAssistant builtIn) {
        if (set(baseUrl) && set(apiKey) && set(model)) {
            LOG.infof("The assistant answers with the model %s at %s (timeout %d s)", model.get(), baseUrl.get(), timeoutSeconds);
            return new ModelAssistant(builtIn, baseUrl.get().strip(), apiKey.get().strip(), model.get().strip(),
                    Duration.ofSeconds(Math.max(1, timeoutSeconds)));
        }
        if (set(baseUrl) || set(apiKey) || set(model)) {
            LOG.warn("The assistant model is partly configured (base URL, API key and model are all needed); using the built-in assistant");
        }
        return builtIn;
    }

    private static boolean set(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }
}
