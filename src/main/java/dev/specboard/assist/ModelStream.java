package dev.specboard.assist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One streamed chat completion of an OpenAI-compatible model ({@code POST {baseUrl}/chat/completions}), sent with the JDK's
 * HTTP client and read as raw server-sent events ({@link ModelEvents}), so that {@code [DONE]} is seen: langchain4j's
 * client under Quarkus dropped that line, and a whole answer without a finish reason looked like one cut short. Its
 * request can be ended at any time, which closes the connection (HTTP/1.1 only, so that a cancel never leaves a shared
 * HTTP/2 connection open).
 */
final class ModelStream {

    /** What a stream tells its reader: each piece of text, then its end or its failure. */
    interface Listener {
        void onText(String piece);

        /**
         * The stream ended without a transport failure; {@code reachedEnd} when the server said that the answer was whole:
         * its {@code data: [DONE]} line, or a last chunk that is the usage the request asks for (sent only after the whole
         * answer), after at least one chunk of the answer. A stream cut short ends without either, and then only the finish
         * reason says that the answer is whole.
         */
        void onComplete(ChatResponse response, boolean reachedEnd);

        void onError(Throwable error);
    }

    /** Reads and writes request and chunk JSON as trees: no class of langchain4j's is read by reflection (native image). */
    static final ObjectMapper JSON = new ObjectMapper();

    /** The most of a reply that is not a stream (an error's body, a whole JSON answer) that is read. */
    static final int MAX_REPLY_BYTES = 1 << 20;

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final String modelName;
    private final Duration timeout;

    ModelStream(String baseUrl, String apiKey, String modelName, Duration timeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.modelName = modelName;
        this.timeout = timeout;
    }

    /** Sends the messages; the listener hears the answer. Answers how to end the request (the connection closes). */
    Runnable start(List<ChatMessage> messages, Listener listener) {
        Call call = new Call();
        try {
            HttpRequest request = request(messages);
            CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(request, head -> body(head, request.uri(), listener, call));
            call.sent(sent);
            sent.whenComplete((response, failure) -> {
                if (failure != null && call.end()) {
                    listener.onError(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
                }
            });
            return call::close;
        } catch (RuntimeException e) {
            listener.onError(e);
            return () -> {
            };
        }
    }

    /** The request: the messages, streamed, with the usage asked for at the end; the key as a bearer token when there is one. */
    private HttpRequest request(List<ChatMessage> messages) {
        ObjectNode body = JSON.createObjectNode().put("model", modelName);
        ArrayNode sent = body.putArray("messages");
        for (ChatMessage m : messages) {
            if (m instanceof SystemMessage s) {
                sent.addObject().put("role", "system").put("content", s.text());
            } else if (m instanceof UserMessage u) {
                sent.addObject().put("role", "user").put("content", u.singleText());
            } else if (m instanceof AiMessage a) {
                sent.addObject().put("role", "assistant").put("content", a.text());
            } else {
                throw new IllegalArgumentException("a message of type " + m.type() + " cannot be sent to the model");
            }
        }
        body.put("stream", true).putObject("stream_options").put("include_usage", true);
        URI uri;
        try {
            uri = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the model's base URL (SPECBOARD_ASSISTANT_BASE_URL) is not a URL", null);
        }
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the model's base URL (SPECBOARD_ASSISTANT_BASE_URL) is not an http or https URL", null);
        }
        b.timeout(timeout).header("Content-Type", "application/json").header("Accept", "text/event-stream, application/json");
        if (apiKey != null && !apiKey.isBlank()) {
            try {
                b.header("Authorization", "Bearer " + apiKey);
            } catch (IllegalArgumentException e) {
                // The client's message quotes the header's value: the key.
                throw new IllegalArgumentException("the API key holds characters an HTTP header cannot carry", null);
            }
        }
        return b.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
    }

    /**
     * How the reply's body is read, once its status and headers are known: an error status is read (a bounded part) as the
     * failure it is, with the wait a 429 asks for noted; an event stream chunk by chunk; anything else as one JSON answer.
     */
    private HttpResponse.BodySubscriber<Void> body(HttpResponse.ResponseInfo head, URI uri, Listener listener, Call call) {
        int status = head.statusCode();
        if (status < 200 || status > 299) {
            if (status == 429) {
                head.headers().firstValue("Retry-After").ifPresent(wait -> ModelRetryAfter.note(uri, wait));
            }
            return new ModelEvents.Reply(call, text -> {
                if (call.end()) {
                    listener.onError(new HttpException(status, text));
                }
            }, listener);
        }
        String type = head.headers().firstValue("Content-Type").orElse("");
        if (type.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream")) {
            return new ModelEvents(call, listener);
        }
        return new ModelEvents.Reply(call, text -> ModelEvents.whole(text, call, listener), listener);
    }

    /**
     * One request's state: its end is told to the listener once, whichever comes first (the answer's end, a failure, a
     * cancel); a cancel closes the connection whether the reply has begun or not.
     */
    static final class Call {
        private final AtomicBoolean over = new AtomicBoolean();
        private volatile Flow.Subscription reading;
        private volatile CompletableFuture<?> sent;

        boolean over() {
            return over.get();
        }

        /** Marks the request over: true only the first time, for the one who then tells the listener. */
        boolean end() {
            return over.compareAndSet(false, true);
        }

        /** The body is being read through {@code s}; a call already over stops reading it at once. */
        void reading(Flow.Subscription s) {
            reading = s;
            if (over.get()) {
                s.cancel();
            }
        }

        void sent(CompletableFuture<?> f) {
            sent = f;
            if (over.get()) {
                f.cancel(true);
            }
        }

        /** Asks for the body's next bytes. */
        void request() {
            Flow.Subscription s = reading;
            if (s != null) {
                s.request(1);
            }
        }

        /** Stops reading the body (the rest of the reply is not wanted: its connection is closed). */
        void stopReading() {
            Flow.Subscription s = reading;
            if (s != null) {
                s.cancel();
            }
        }

        /** Ends the request wherever it is, telling the listener nothing more: the reader stopped waiting. */
        void close() {
            over.set(true);
            stopReading();
            CompletableFuture<?> f = sent;
            if (f != null) {
                f.cancel(true);
            }
        }
    }
}
