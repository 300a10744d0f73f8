package dev.specboard.assist;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.internal.OpenAiUtils;
import dev.langchain4j.model.output.TokenUsage;
import dev.specboard.web.InputGuard;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Reads a model's streamed answer as the server-sent events it is, line by line as it comes: each {@code data:} chunk's
 * text goes to the listener, and {@code data: [DONE]} ends the answer as whole. A line that cannot be read (not UTF-8, not
 * JSON, no chat completion) ends the stream where it is, as not whole, with one WARN line saying why.
 */
final class ModelEvents implements HttpResponse.BodySubscriber<Void> {

    private static final Logger LOG = Logger.getLogger(ModelEvents.class);

    /** The longest line read: a chunk is a few hundred bytes, and even a huge one is cut by the answer's cap long before. */
    static final int MAX_LINE_BYTES = 4 << 20;

    private final ModelStream.Call call;
    private final ModelStream.Listener listener;
    private final CompletableFuture<Void> read = new CompletableFuture<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    /** The data lines of the event being read, joined by new lines; null before its first. */
    private StringBuilder data;
    private final StringBuilder text = new StringBuilder();
    private String finishReason;
    private TokenUsage usage;
    private boolean sawChoice;
    private boolean usageLast;

    ModelEvents(ModelStream.Call call, ModelStream.Listener listener) {
        this.call = call;
        this.listener = listener;
    }

    @Override
    public CompletionStage<Void> getBody() {
        return read;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        call.reading(s);
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        try {
            for (ByteBuffer b : items) {
                while (b.hasRemaining() && !call.over()) {
                    byte x = b.get();
                    if (x == '\n') {
                        line();
                    } else if (line.size() >= MAX_LINE_BYTES) {
                        unreadable("a line longer than " + MAX_LINE_BYTES + " bytes");
                    } else {
                        line.write(x);
                    }
                }
            }
        } catch (RuntimeException e) {
            // The listener's own failure (storing a piece, say): the request ends with it.
            call.stopReading();
            if (call.end()) {
                listener.onError(e);
            }
        }
        if (call.over()) {
            read.complete(null);
        } else {
            call.request();
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (call.end()) {
            listener.onError(failure);
        }
        read.complete(null);
    }

    @Override
    public void onComplete() {
        try {
            if (line.size() > 0 && !call.over()) {
                line(); // a last line without its line end
            }
            if (data != null && !call.over()) {
                event(); // a last event without the blank line after it
            }
            end(sawChoice && usageLast);
        } catch (RuntimeException e) {
            if (call.end()) {
                listener.onError(e);
            }
        }
        read.complete(null);
    }

    /** One line of the stream: a {@code data:} field is kept for its event, a blank line ends the event; the rest is skipped. */
    private void line() {
        byte[] bytes = line.toByteArray();
        line.reset();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String l;
        try {
            l = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            unreadable("Illegal UTF8 input: a line is not UTF-8");
            return;
        }
        if (l.isEmpty()) {
            if (data != null) {
                event();
            }
        } else if (l.startsWith("data:")) {
            String value = l.startsWith("data: ") ? l.substring(6) : l.substring(5);
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
        // Comments (":" keep-alives) and the event, id and retry fields say nothing of the answer.
    }

    /** An event's data: {@code [DONE]}, the answer's end, or a chunk of it. */
    private void event() {
        String chunk = data.toString();
        data = null;
        if (chunk.strip().equals("[DONE]")) {
            end(sawChoice);
            return;
        }
        JsonNode n;
        try {
            n = ModelStream.JSON.readTree(chunk);
        } catch (JacksonException e) {
            unreadable("not JSON: " + e.getOriginalMessage());
            return;
        }
        JsonNode choices = n == null ? null : n.get("choices");
        boolean choice = choices != null && choices.isArray() && !choices.isEmpty() && choices.get(0).isObject();
        boolean counted = n != null && n.path("usage").isObject();
        if (n == null || !n.isObject() || !choice && !counted && !n.path("id").isTextual()) {
            // An error object, say; a chunk without choices but with an id (a content filter's note) is a chunk.
            unreadable("no chat completion: " + chunk);
            return;
        }
        usageLast = counted && !choice;
        if (counted) {
            JsonNode u = n.get("usage");
            usage = new TokenUsage(count(u, "prompt_tokens"), count(u, "completion_tokens"), count(u, "total_tokens"));
        }
        if (choice) {
            sawChoice = true;
            JsonNode first = choices.get(0);
            if (first.path("finish_reason").isTextual()) {
                finishReason = first.get("finish_reason").asText();
            }
            JsonNode piece = first.path("delta").path("content");
            if (piece.isTextual() && !piece.asText().isEmpty()) {
                text.append(piece.asText());
                listener.onText(piece.asText());
            }
        }
    }

    private static Integer count(JsonNode usage, String field) {
        return usage.path(field).canConvertToInt() ? usage.get(field).asInt() : null;
    }

    /** Ends the stream before the line that cannot be read, with one WARN line saying why (the model's text, never our key). */
    private void unreadable(String why) {
        if (!call.over()) {
            LOG.warn("The model's streamed answer had a chunk the client could not read; the answer ends before it: " + InputGuard.printable(why));
            end(false);
        }
    }

    /** Tells the listener the answer so far, once; the rest of the stream, if any, is not read (its connection is closed). */
    private void end(boolean reachedEnd) {
        call.stopReading();
        if (call.end()) {
            listener.onComplete(response(text.toString(), finishReason, usage), reachedEnd);
        }
    }

    private static ChatResponse response(String text, String finishReason, TokenUsage usage) {
        return ChatResponse.builder().aiMessage(AiMessage.from(text))
                .finishReason(finishReason == null ? null : OpenAiUtils.finishReasonFrom(finishReason)).tokenUsage(usage).build();
    }

    /**
     * A 2xx reply that is not an event stream, read as one chat completion (a server that does not stream): its text and
     * finish reason; one without choices is no answer, and one that is not JSON (a web page) fails as such.
     */
    static void whole(String reply, ModelStream.Call call, ModelStream.Listener listener) {
        JsonNode n;
        try {
            n = ModelStream.JSON.readTree(reply);
        } catch (JacksonException e) {
            if (call.end()) {
                listener.onError(e);
            }
            return;
        }
        JsonNode choices = n == null ? null : n.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty() || !choices.get(0).isObject()) {
            if (call.end()) {
                listener.onError(new NoCompletion());
            }
            return;
        }
        JsonNode first = choices.get(0);
        String text = first.path("message").path("content").isTextual() ? first.get("message").get("content").asText() : "";
        String finish = first.path("finish_reason").isTextual() ? first.get("finish_reason").asText() : null;
        if (!call.over() && !text.isEmpty()) {
            listener.onText(text);
        }
        if (call.end()) {
            listener.onComplete(response(text, finish, null), finish != null);
        }
    }

    /** A reply of the model's server that holds no chat completion (no choices). */
    static final class NoCompletion extends RuntimeException {
        NoCompletion() {
            super("the reply held no chat completion", null, false, false);
        }
    }

    /** A reply read whole (up to {@link ModelStream#MAX_REPLY_BYTES}, the rest left unread) and then handed on as text. */
    static final class Reply implements HttpResponse.BodySubscriber<Void> {
        private final ModelStream.Call call;
        private final Consumer<String> then;
        private final ModelStream.Listener listener;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<Void> read = new CompletableFuture<>();

        Reply(ModelStream.Call call, Consumer<String> then, ModelStream.Listener listener) {
            this.call = call;
            this.then = then;
            this.listener = listener;
        }

        @Override
        public CompletionStage<Void> getBody() {
            return read;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            call.reading(s);
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                int n = Math.min(b.remaining(), ModelStream.MAX_REPLY_BYTES - bytes.size());
                byte[] part = new byte[n];
                b.get(part);
                bytes.write(part, 0, n);
            }
            if (bytes.size() >= ModelStream.MAX_REPLY_BYTES) {
                // Enough to say what it is: the rest is not read.
                call.stopReading();
                onComplete();
            } else {
                call.request();
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (call.end()) {
                listener.onError(failure);
            }
            read.complete(null);
        }

        @Override
        public void onComplete() {
            if (!read.isDone()) {
                try {
                    then.accept(StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
                } catch (RuntimeException e) {
                    if (call.end()) {
                        listener.onError(e);
                    }
                }
                read.complete(null);
            }
        }
    }
}
