package dev.specboard.assist;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.internal.ExceptionMapper;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiStreamingResponseBuilder;
import dev.langchain4j.model.openai.internal.OpenAiClient;
import dev.langchain4j.model.openai.internal.OpenAiUtils;
import dev.langchain4j.model.openai.internal.ResponseHandle;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionChoice;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionRequest;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import dev.langchain4j.model.openai.internal.shared.StreamOptions;

import java.time.Duration;
import java.util.List;

/**
 * One streamed chat completion of an OpenAI-compatible model, sent as langchain4j's OpenAiStreamingChatModel sends it but
 * keeping the request's handle, so that a cancel ends the request at any time. That model drops the handle, and the handle
 * each chunk carries stops nothing under Quarkus's client: a cancel left the connection open until the HTTP timeout.
 */
final class ModelStream {

    /** What a stream tells its reader: each piece of text, then its end or its failure. */
    interface Listener {
        void onText(String piece);

        /**
         * The stream ended without a transport failure; {@code reachedEnd} when its last chunk was the usage the request asks
         * for, which the server sends only after the whole answer. The client drops the {@code [DONE]} line and ends a stream
         * cut short in the same way, so this and the finish reason are what say that the answer is whole.
         */
        void onComplete(ChatResponse response, boolean reachedEnd);

        void onError(Throwable error);
    }

    private final OpenAiClient client;
    private final String modelName;

    ModelStream(String baseUrl, String apiKey, String modelName, Duration timeout) {
        // Built through langchain4j's factory, as the streaming model builds it: under Quarkus, Quarkus's REST client.
        this.client = OpenAiClient.builder().baseUrl(baseUrl).apiKey(apiKey).connectTimeout(timeout).readTimeout(timeout)
                .logRequests(false).logResponses(false).build();
        this.modelName = modelName;
    }

    /** Sends the messages; the listener hears the answer. Answers how to end the request (the connection closes). */
    Runnable start(List<ChatMessage> messages, Listener listener) {
        try {
            ChatRequest chat = ChatRequest.builder().messages(messages)
                    .parameters(OpenAiChatRequestParameters.builder().modelName(modelName).build()).build();
            ChatCompletionRequest request = OpenAiUtils.toOpenAiChatRequest(chat, (OpenAiChatRequestParameters) chat.parameters(), false, false)
                    .stream(true).streamOptions(StreamOptions.builder().includeUsage(true).build()).build();
            OpenAiStreamingResponseBuilder answer = new OpenAiStreamingResponseBuilder();
            java.util.concurrent.atomic.AtomicBoolean reachedEnd = new java.util.concurrent.atomic.AtomicBoolean();
            ResponseHandle handle = client.chatCompletion(request)
                    .onRawPartialResponse(chunk -> {
                        answer.append(chunk);
                        reachedEnd.set(usageOnly(chunk.parsedResponse()));
                        String text = text(chunk.parsedResponse());
                        if (text != null && !text.isEmpty()) {
                            listener.onText(text);
                        }
                    })
                    .onComplete(() -> listener.onComplete(answer.build(), reachedEnd.get()))
                    .onError(error -> listener.onError(ExceptionMapper.DEFAULT.mapException(error)))
                    .execute();
            return handle::cancel;
        } catch (RuntimeException e) {
            listener.onError(e);
            return () -> {
            };
        }
    }

    /**
     * Whether the chunk is the usage of the whole request, without choices: sent once, after the answer's last chunk and
     * before {@code [DONE]} (a server that counts usage on every chunk sends it with their choices).
     */
    private static boolean usageOnly(ChatCompletionResponse chunk) {
        return chunk != null && chunk.usage() != null && (chunk.choices() == null || chunk.choices().isEmpty());
    }

    /** A chunk's text; null for a chunk without a choice (usage only, or none the server could give). */
    private static String text(ChatCompletionResponse chunk) {
        List<ChatCompletionChoice> choices = chunk == null ? null : chunk.choices();
        if (choices == null || choices.isEmpty() || choices.get(0) == null || choices.get(0).delta() == null) {
            return null;
        }
        return choices.get(0).delta().content();
    }
}
