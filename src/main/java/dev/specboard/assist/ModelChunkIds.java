package dev.specboard.assist;

import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;

/**
 * Reads a model's chat chunk that has no {@code id} as the chunk it is. The OpenAI client refuses any chat completion without
 * one (its check for an error body read as a completion), but the last chunk of a stream, the one carrying
 * {@code finish_reason}, comes without it from several OpenAI-compatible servers: every answer then logged a WARN "a chunk
 * the client could not read" and lost its finish reason ({@code length}: the answer was cut). A chunk with choices is a
 * completion whatever its id; one without (an error body) is still refused. Runs inside the client's check (a higher
 * priority number), so the check sees the id given here.
 */
@Provider
@ConstrainedTo(RuntimeType.CLIENT)
@Priority(Priorities.USER + 500)
public class ModelChunkIds implements ReaderInterceptor {

    /** The id given to a chunk that came without one: no reader of ours uses it. */
    static final String NO_ID = "none";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object read = context.proceed();
        if (read instanceof ChatCompletionResponse r && r.id() == null && r.choices() != null && !r.choices().isEmpty()) {
            return ChatCompletionResponse.builder().id(NO_ID).created(r.created()).model(r.model()).choices(r.choices())
                    .usage(r.usage()).systemFingerprint(r.systemFingerprint()).serviceTier(r.serviceTier()).build();
        }
        return read;
    }
}
