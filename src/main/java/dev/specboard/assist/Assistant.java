package dev.specboard.assist;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The assistant behind chat answers and job drafts, with two real implementations: the built-in one
 * (no model: answers from the project's own data through full-text search and recognised intents)
 * and an OpenAI-compatible chat model, used when {@code specboard.assistant.base-url},
 * {@code specboard.assistant.api-key} and {@code specboard.assistant.model} are configured. Callers
 * inject this interface and never know which one answers.
 */
public interface Assistant {

    /**
     * Answers a question asked in a project, with the passages it used as sources; when the provider
     * streams, each piece of text is handed to {@code tokens} as it arrives (the final answer is the
     * concatenation). Throws {@link AssistantUnavailableException} when the model fails or times out.
     */
    Answer answer(Question question, Consumer<String> tokens);

    /**
     * Writes prose (a documentation draft, an explanation) from an instruction and the facts a job
     * gathered by parsing; empty when no model is configured, since the built-in assistant only
     * states facts. Throws {@link AssistantUnavailableException} when the model fails or times out.
     */
    Optional<String> write(String instruction, String facts, Consumer<String> tokens);

    /**
     * {@link #write(String, String, Consumer)} for a job: when {@code cancel} fires, the wait for the model ends at once with
     * a {@link java.util.concurrent.CancellationException} (and its stream is stopped where the client can).
     */
    default Optional<String> write(String instruction, String facts, Consumer<String> tokens, CancelSignal cancel) {
        return write(instruction, facts, tokens);
    }

    /** True when answers come from a configured model rather than the built-in assistant. */
    boolean usesModel();

    /** A question in a project, with the conversation so far (oldest first). */
    record Question(UUID projectId, String projectSlug, UUID accountId, String text, List<Turn> history) {
    }

    /** One earlier message of the conversation: role is "user" or "assistant". */
    record Turn(String role, String content) {
    }

    /** An answer in markdown and the sources it quotes or used. */
    record Answer(String text, List<Source> sources) {
    }

    /** Something of the project an answer rests on: kind (story, spec, plan, file, thread...), title, link, passage. */
    record Source(String kind, String title, String url, String snippet) {
    }
}
