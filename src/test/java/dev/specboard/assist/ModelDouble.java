package dev.specboard.assist;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local HTTP server speaking the OpenAI chat-completions protocol (streaming: SSE {@code data:}
 * chunks, then {@code [DONE]}), configured as the assistant's model. Its answer says which task links
 * it was given in the system prompt, so a test sees that the retrieved passages reached the model. A
 * test can make the next answer a 500 or too slow, or hold it until the test releases it.
 */
public class ModelDouble implements QuarkusTestResourceLifecycleManager {

    public static final String KEY = "sk-test-do-not-leak-4f9c2a";
    public static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    public static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    /** How long the "huge" answer is: far past the characters the assistant keeps. */
    public static final int HUGE_CHARS = 2_000_000;
    /**
     * "ok", "500", "401" (a key refused), "html" (a web page where the API should be), "malformed" (a stream whose chunks carry no choices), "slow"
     * "huge" (an answer of {@link #HUGE_CHARS} characters), "cut" (some text, then the stream ends without a finish reason
     * nor [DONE]), "no-finish" (a whole answer whose chunks carry no finish reason, then its usage and [DONE]), "done-only" (a
     * whole answer whose chunks carry neither a finish reason nor usage, then [DONE]), "done-only-cut" (the same chunks
     * without [DONE]: a stream that stopped just before its end), "garbled" (some text, then a line that is not JSON, then the rest) or "gated": how the next requests are
     * answered.
     */
    public static final AtomicReference<String> MODE = new AtomicReference<>("ok");
    /** In "gated" mode a request counts this down when it arrives ... */
    public static volatile CountDownLatch arrived = new CountDownLatch(1);
    /** ... and is answered ("ok") once the test counts this down. */
    public static volatile CountDownLatch release = new CountDownLatch(1);

    /** Answers the next requests only when the test releases them; answers the latch that says one arrived. */
    public static CountDownLatch gate() {
        arrived = new CountDownLatch(1);
        release = new CountDownLatch(1);
        MODE.set("gated");
        return arrived;
    }

    private MockWebServer server;

    @Override
    public Map<String, String> start() {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                REQUESTS.add(body);
                AUTHORIZATIONS.add(String.valueOf(request.getHeaders().get("Authorization")));
                if ("gated".equals(MODE.get())) {
                    arrived.countDown();
                    try {
                        // Bounded so that a failed test never leaves the server's thread stuck.
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return switch (MODE.get()) {
                    case "500" -> new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json")
                            .body("{\"error\":{\"message\":\"The double is down\",\"type\":\"server_error\"}}").build();
                    case "401" -> new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                            .body("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}").build();
                    case "html" -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                            .body("<!doctype html><html><body>Welcome to nginx!</body></html>").build();
                    case "malformed" -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                            .body("data: {\"id\":\"chatcmpl-double\",\"object\":\"chat.completion.chunk\"}\n\ndata: [DONE]\n\n").build();
                    case "huge" -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                            .body(stream(java.util.Collections.nCopies(HUGE_CHARS / 10_000, "y".repeat(10_000)))).build();
                    case "no-finish" -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                            .body(NO_FINISH_REASON_STREAM).build();
                    case "done-only" -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                            .body(DONE_ONLY_STREAM).build();
                    case "done-only-cut" -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                            .body(DONE_ONLY_STREAM.substring(0, DONE_ONLY_STREAM.lastIndexOf("data: [DONE]"))).build();
                    case "cut" -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                            .body(CUT_OFF_STREAM).build();
                    case "garbled" -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                            .body(CUT_OFF_STREAM + "data: {not json\n\n" + stream(List.of("code."))).build();
                    case "slow" -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                            .headersDelay(45, TimeUnit.SECONDS).body(stream(List.of("Too late."))).build();
                    default -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                            .body(stream(answer(body))).build();
                };
            }
        });
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("specboard.assistant.base-url", server.url("/v1").toString(),
                "specboard.assistant.api-key", KEY,
                "specboard.assistant.model", "double-model",
                "specboard.assistant.timeout-seconds", "20");
    }

    /** The answer, in the pieces it is streamed in: it cites the task links it found in the prompt. */
    static List<String> answer(String requestBody) {
        List<String> cited = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/projects/[a-z0-9-]+/tasks/TASK-\\d+-\\d+").matcher(requestBody);
        while (m.find()) {
            if (!cited.contains(m.group())) {
                cited.add(m.group());
            }
        }
        List<String> pieces = new java.util.ArrayList<>(List.of("From the model: ", "these tasks ", "touch the checkout code"));
        for (String url : cited) {
            String key = url.substring(url.lastIndexOf('/') + 1);
            pieces.add(", [" + key + "](" + url + ")");
        }
        pieces.add(".");
        return pieces;
    }

    /** The start of an answer, ending mid-word without a finish reason nor [DONE]: what a model cut off midway sends. */
    static final String CUT_OFF_STREAM = chunk("{\"role\":\"assistant\",\"content\":\"\"}", null)
            + chunk("{\"content\":\"From the model: \"}", null) + chunk("{\"content\":\"these tasks touch the chec\"}", null);

    /**
     * A whole answer from a server that sends no finish reason: its chunks, then the usage the request asks for (no
     * choices) and [DONE].
     */
    static final String NO_FINISH_REASON_STREAM = CUT_OFF_STREAM + chunk("{\"content\":\"kout code.\"}", null)
            + "data: {\"id\":\"chatcmpl-double\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"double-model\","
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":9,\"total_tokens\":129}}\n\ndata: [DONE]\n\n";

    /**
     * A whole answer from a server that sends neither a finish reason nor its usage: its chunks, then [DONE] alone says the
     * answer is whole (what langchain4j's client dropped, so that it read as cut off).
     */
    static final String DONE_ONLY_STREAM = CUT_OFF_STREAM + chunk("{\"content\":\"kout code.\"}", null) + "data: [DONE]\n\n";

    static String stream(List<String> pieces) {
        StringBuilder b = new StringBuilder();
        b.append(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String p : pieces) {
            b.append(chunk("{\"content\":\"" + p.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}", null));
        }
        b.append(chunk("{}", "\"stop\""));
        b.append("data: [DONE]\n\n");
        return b.toString();
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-double\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"double-model\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + (finish == null ? "null" : finish) + "}]}\n\n";
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
