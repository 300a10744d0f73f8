package dev.specboard.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.specboard.assist.Assistant;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One message of a plan's chat as stored in {@code chat_sessions.messages}: a person's ({@code user})
 * or the assistant's, which is {@code pending} until its answer is written, then {@code complete}, or
 * {@code failed} with the reason (and retryable).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatMessage(UUID id, String role, String content, String author, UUID authorId, Instant createdAt, String status,
                          String error, List<Source> sources) {

    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
    public static final String PENDING = "pending";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A passage the assistant used, linked. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String kind, String title, String url, String snippet) {
    }

    public boolean fromAssistant() {
        return ASSISTANT.equals(role);
    }

    public boolean pending() {
        return PENDING.equals(status);
    }

    public boolean failed() {
        return FAILED.equals(status);
    }

    public List<Source> sourceList() {
        return sources == null ? List.of() : sources;
    }

    ChatMessage answered(String text, List<Source> used) {
        return new ChatMessage(id, role, text, author, authorId, createdAt, COMPLETE, null, used);
    }

    ChatMessage failedWith(String reason) {
        return new ChatMessage(id, role, content, author, authorId, createdAt, FAILED, reason, null);
    }

    ChatMessage retried() {
        return new ChatMessage(id, role, "", author, authorId, createdAt, PENDING, null, null);
    }

    /**
     * The conversation the model is given before a question: each question with the answer written for it, in order. A
     * question whose answer failed or is still pending is left out with that answer: the model was sent the failed
     * question again and again, as user messages one after another; a retried question is sent once, as the question.
     */
    static List<Assistant.Turn> answeredTurns(List<ChatMessage> before) {
        List<Assistant.Turn> turns = new ArrayList<>();
        for (int i = 0; i + 1 < before.size(); i++) {
            ChatMessage question = before.get(i);
            ChatMessage answer = before.get(i + 1);
            if (USER.equals(question.role()) && answer.fromAssistant() && COMPLETE.equals(answer.status())
                    && !blank(question.content()) && !blank(answer.content())) {
                turns.add(new Assistant.Turn(USER, question.content()));
                turns.add(new Assistant.Turn(ASSISTANT, answer.content()));
                i++;
            }
        }
        return turns;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static List<ChatMessage> read(String json) {
        try {
            return json == null || json.isBlank() ? new ArrayList<>() : new ArrayList<>(JSON.readValue(json, new TypeReference<List<ChatMessage>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored chat messages are not readable", e);
        }
    }

    static String write(List<ChatMessage> messages) {
        try {
            return JSON.writeValueAsString(messages);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
