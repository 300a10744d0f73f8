package dev.specboard.assist;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.specboard.kernel.UrlCredentials;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import com.fasterxml.jackson.core.JacksonException;
import java.net.SocketTimeoutException;
import org.jboss.logging.Logger;

/**
 * The assistant backed by an OpenAI-compatible chat model (its streamed chat completions, through {@link ModelStream}):
 * it is given the passages and facts the built-in assistant finds for the question, and streams its
 * answer token by token. A model that fails or does not finish within the timeout raises
 * {@link AssistantUnavailableException}; the API key is never put in a message or a log.
 */
public class ModelAssistant implements Assistant {

    private static final Logger LOG = Logger.getLogger(ModelAssistant.class);

    private static final int MAX_HISTORY = 20;

    /** How many characters of a model's answer are kept when {@code specboard.assistant.max-answer-chars} is not set. */
    public static final int DEFAULT_MAX_ANSWER_CHARS = 100_000;

    /** What a reader is told of an answer whose stream stopped before the model finished it. */
    static final String CUT_OFF = "The model's answer was cut off: its stream stopped before the model had finished.";

    private final BuiltInAssistant builtIn;
    private final ModelStream model;
    private final String apiKey;
    private final Duration timeout;
    /**
     * The most of an answer that is kept (and streamed): a model that went on for megabytes made every later read of the
     * chat, job or thread carry them all.
     */
    private final int maxAnswerChars;
    /** The model server's base URL, to find the wait it asked for with a 429 ({@link ModelRetryAfter}); null when unknown. */
    private final String baseUrl;

    ModelAssistant(BuiltInAssistant builtIn, String baseUrl, String apiKey, String modelName, Duration timeout,
            int maxAnswerChars) {
        // The timeout bounds the whole wait of a reader: the HTTP client's own is the same (it was 5 s longer, and a model
        // that hung kept its connection open that long after the reader was told), and either one firing tells the
        // reader the same thing (stream()).
        this.builtIn = builtIn;
        this.model = new ModelStream(baseUrl, apiKey, modelName, timeout);
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.maxAnswerChars = Math.max(1, maxAnswerChars);
        this.baseUrl = baseUrl;
    }

    @Override
    public Answer answer(Question question, Consumer<String> tokens) {
        Answer facts = builtIn.facts(question);
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(system(question, facts)));
        List<Turn> history = question.history() == null ? List.of() : question.history();
        for (Turn t : history.subList(Math.max(0, history.size() - MAX_HISTORY), history.size())) {
            messages.add("assistant".equals(t.role()) ? AiMessage.from(t.content()) : UserMessage.from(t.content()));
        }
        messages.add(UserMessage.from(question.text()));
        return new Answer(stream(messages, tokens, CancelSignal.NONE), facts.sources());
    }

    @Override
    public Optional<String> write(String instruction, String facts, Consumer<String> tokens) {
        return write(instruction, facts, tokens, CancelSignal.NONE);
    }

    @Override
    public Optional<String> write(String instruction, String facts, Consumer<String> tokens, CancelSignal cancel) {
        List<ChatMessage> messages = List.of(
                SystemMessage.from("You write for a software team in Specboard. Use only the facts given; say what they do not cover. "
                        + "Answer in markdown."),
                UserMessage.from(instruction + "\n\nFacts:\n" + (facts == null ? "" : facts)));
        return Optional.of(stream(messages, tokens, cancel));
    }

    @Override
    public boolean usesModel() {
        return true;
    }

    private static String system(Question q, Answer facts) {
        StringBuilder b = new StringBuilder("You are the assistant of the Specboard project \"").append(q.projectSlug())
                .append("\". Answer the team's questions from the project's data below, in markdown, and link what you use with its URL "
                        + "(markdown links). When the data does not answer the question, say so plainly; do not invent tasks, files or people.\n\n")
                .append("What Specboard found for this question:\n").append(facts.text()).append("\n\nSources:\n");
        int n = 1;
        for (Source s : facts.sources()) {
            b.append('[').append(n++).append("] ").append(s.kind()).append(" — ").append(s.title()).append(" — ").append(s.url())
                    .append("\n    ").append(s.snippet() == null ? "" : s.snippet().replace('\n', ' ')).append('\n');
        }
        return b.toString();
    }

    private String stream(List<ChatMessage> messages, Consumer<String> tokens, CancelSignal jobCancel) {
        if (jobCancel.fired()) {
            throw new java.util.concurrent.CancellationException("the job was cancelled");
        }
        // The deadline starts before the request: a client that connects or sends inside chat() spends the reader's time too.
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<String> done = new CompletableFuture<>();
        Stop stop = new Stop();
        StringBuilder text = new StringBuilder();
        // A cancelled job stops waiting at once: the wait ends, and the request is ended whether or not its answer has
        // begun (a cancel before the first chunk left the connection open until the HTTP client's timeout).
        try (CancelSignal.Registration waiting = jobCancel.whileWaiting(() -> {
            done.cancel(false);
            stop.now();
        })) {
            stop.set(model.start(messages, new ModelStream.Listener() {
                @Override
                public void onText(String piece) {
                    if (done.isDone()) {
                        // Too late: the reader was told; stop the stream rather than read it to its end.
                        stop.now();
                        return;
                    }
                    int room = maxAnswerChars - text.length();
                    if (piece.length() < room) {
                        text.append(piece);
                        tokens.accept(piece);
                    } else {
                        // The cap is reached: keep what fits, tell the reader it was cut, and stop reading the stream.
                        text.append(piece, 0, room);
                        tokens.accept(piece.substring(0, room) + cutNote());
                        done.complete(text + cutNote());
                        stop.now();
                    }
                }

                @Override
                public void onComplete(ChatResponse response, boolean reachedEnd) {
                    String full = response != null && response.aiMessage() != null && response.aiMessage().text() != null
                            ? response.aiMessage().text() : text.toString();
                    if (full.length() > maxAnswerChars) {
                        full = full.substring(0, maxAnswerChars) + cutNote();
                    } else if (response != null && response.finishReason() == dev.langchain4j.model.output.FinishReason.LENGTH && !full.isBlank()) {
                        // The model stopped at its own length limit: marked as a cut at the cap is, so no reader takes it whole.
                        full = full + "\n\n*(The model's answer was cut here: it reached the model's length limit.)*";
                    }
                    // Some OpenAI-compatible servers send no finish reason; their [DONE], or the usage they send after the answer,
                    // says it is whole.
                    boolean finished = response != null && response.finishReason() != null || reachedEnd;
                    if (full.isBlank() && !finished) {
                        // A model that answers nothing still ends its stream with a finish reason; a stream of chunks
                        // without choices, or one that stopped at a line that could not be read, ends without one.
                        done.completeExceptionally(new UnreadableAnswer("the stream ended without text nor a finish reason (a chunk "
                                + "that could not be read, such as invalid UTF-8 or no chat completion, ends it)"));
                    } else if (!finished) {
                        // The server ends every answer with a finish reason, its usage or [DONE]: text without any of them
                        // is a stream that stopped midway (a closed connection, or a chunk that could not be read ends it
                        // there), and was saved as a whole answer ending mid-word.
                        done.completeExceptionally(new CutOffAnswer("the stream ended after " + full.length()
                                + " characters without a finish reason nor [DONE]"));
                    } else {
                        done.complete(full);
                    }
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            }));
            String answer = done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (answer == null || answer.isBlank()) {
                throw new AssistantUnavailableException("The model sent an empty answer.", null);
            }
            return answer;
        } catch (TimeoutException e) {
            done.cancel(true);
            stop.now();
            throw timedOut();
        } catch (java.util.concurrent.CancellationException e) {
            // The job was cancelled: no failure of the model, nothing to log; the worker ends the job as cancelled.
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssistantUnavailableException("The answer was interrupted.", null);
        } catch (ExecutionException e) {
            if (isTimeout(e.getCause())) {
                throw timedOut();
            }
            throw failed(e.getCause(), !text.isEmpty());
        } catch (RuntimeException e) {
            throw e instanceof AssistantUnavailableException a ? a : new AssistantUnavailableException(told(e), null);
        }
    }

    /**
     * What the reader is told of a failure the client reported, and the one WARN line (no stack trace) the operator gets
     * with the detail: an error status is named, its body only logged, short and redacted (it was echoed to the reader).
     */
    private AssistantUnavailableException failed(Throwable cause, boolean someText) {
        java.util.Optional<Integer> status = ModelFailure.status(cause);
        if (status.isPresent()) {
            LOG.warnf("The model's server answered HTTP %d: %s", status.get(), detail(cause));
            return new AssistantUnavailableException(ModelFailure.forStatus(status.get(),
                    baseUrl == null ? java.util.Optional.empty() : ModelRetryAfter.of(baseUrl)), null);
        }
        if (ModelFailure.noCompletion(cause)) {
            LOG.warnf("The model gave no answer: %s", detail(cause));
            return new AssistantUnavailableException("The model gave no answer: its reply held no chat completion.", null);
        }
        if (cause instanceof UnreadableAnswer) {
            LOG.warnf("The model's answer was empty or could not be read: %s", detail(cause));
            return new AssistantUnavailableException("The model's answer was empty or could not be read: its stream ended without any text.", null);
        }
        if (cause instanceof CutOffAnswer) {
            LOG.warnf("The model's answer was cut off: %s", detail(cause));
            return new AssistantUnavailableException(CUT_OFF, null);
        }
        if (someText && isJson(cause)) {
            // The detail (the parser's words, never the key) is for the operator; the reader learns what happened.
            LOG.warnf("The model's answer could not be read: %s", detail(cause));
            return new AssistantUnavailableException("The model's answer could not be read.", null);
        }
        LOG.warnf("The model failed: %s", detail(cause));
        return new AssistantUnavailableException(told(cause), null);
    }

    /** The visible note after an answer cut at the cap, so that no reader takes the kept part for the whole answer. */
    private String cutNote() {
        return "\n\n*(The model's answer was cut here: it was longer than the " + maxAnswerChars + " characters kept.)*";
    }

    /**
     * How to end the request once the reader no longer waits for it: asked for before the request has started (a cancel
     * racing the send), it ends the request as soon as it has.
     */
    private static final class Stop {
        private Runnable end;
        private boolean wanted;

        synchronized void set(Runnable end) {
            this.end = end;
            if (wanted) {
                run(end);
            }
        }

        synchronized void now() {
            wanted = true;
            if (end != null) {
                run(end);
            }
        }

        private static void run(Runnable end) {
            try {
                end.run();
            } catch (RuntimeException e) {
                // The connection then ends with the HTTP client's own timeout, the same as ours.
            }
        }
    }

    /** The reader's message for a model that did not answer in time, and the one line the operator gets of it. */
    private AssistantUnavailableException timedOut() {
        LOG.warnf("The model did not answer within %d s: its request was ended and the reader told so", timeout.toSeconds());
        return new AssistantUnavailableException("The model did not answer within " + timeout.toSeconds() + " s.", null);
    }

    /** Whether the HTTP client gave up waiting (its timeout is ours): each client names its timeout exception its own way. */
    private static boolean isTimeout(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException || c instanceof SocketTimeoutException
                    || c.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** A stream that ended midway: text, but no finish reason. */
    private static final class CutOffAnswer extends RuntimeException {
        CutOffAnswer(String message) {
            super(message, null, false, false);
        }
    }

    /** A stream that ended without anything to read in it. */
    private static final class UnreadableAnswer extends RuntimeException {
        UnreadableAnswer(String message) {
            super(message, null, false, false);
        }
    }

    private static boolean isJson(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof JacksonException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure's messages down its causes, for the log: redacted like a reader's message, on one line (a server's body
     * may hold anything), up to 500 characters.
     */
    private String detail(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = e; c != null && b.length() < 500; c = c.getCause()) {
            b.append(b.length() == 0 ? "" : "; ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        String m = redact(b.toString(), apiKey).replaceAll("[\\p{Cntrl}\\s]+", " ");
        return m.length() > 500 ? m.substring(0, 500) + "…" : m;
    }

    /**
     * The reader's one sentence for a failure without an error status: without the API key (some clients echo request
     * details) nor Java class names, kept short, and without "failed" (the chat puts "The answer failed:" before it).
     */
    private String told(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.net.ConnectException) {
                // The reader sees this on the chat; "connection refused" with the client's class name told them nothing to do.
                return "The model's server refused the connection; check that it runs at the configured base URL (SPECBOARD_ASSISTANT_BASE_URL).";
            }
            if (c instanceof JacksonException) {
                // The parser's own words ("Unexpected character ('<' ... INCLUDE_SOURCE_IN_LOCATION disabled") say nothing to a reader.
                return "The model's answer was not the JSON of an OpenAI-compatible API (a web page, say); check that the configured base URL "
                        + "(SPECBOARD_ASSISTANT_BASE_URL) is the API's, usually ending in /v1.";
            }
        }
        String m = e == null || e.getMessage() == null ? (e == null ? "unknown error" : e.getClass().getSimpleName()) : e.getMessage();
        m = m.replaceFirst("^(?:[a-zA-Z_$][\\w$]*\\.)+[\\w$]*(?:Exception|Error): ", "");
        m = redact(m, apiKey);
        return "The model's request ended with an error: " + (m.length() > 300 ? m.substring(0, 300) + "…" : m);
    }

    /**
     * The message with the key, any bearer credential and the password of any URL in it (a base URL may carry one)
     * replaced by ***. The key is replaced only where it stands as a
     * whole word (not inside a longer run of letters, digits, - and _): a short key ("x") replaced everywhere garbled
     * every message ("e***ample"), while a key is only of use to a reader when it stands whole.
     */
    static String redact(String message, String key) {
        String m = message;
        if (key != null && !key.isBlank()) {
            m = m.replaceAll("(?<![A-Za-z0-9_-])" + java.util.regex.Pattern.quote(key.strip()) + "(?![A-Za-z0-9_-])", "***");
        }
        return UrlCredentials.redact(m.replaceAll("(?i)(bearer\\s+)\\S+", "$1***"));
    }
}
