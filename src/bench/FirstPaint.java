import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How soon a real browser first paints a page (the benchmark's "first paint" rows; no dependencies: run it with
 * {@code java src/bench/FirstPaint.java BASE COOKIE PATH [RUNS]}). It drives headless Chromium through chromedriver's
 * W3C WebDriver HTTP API: signs in with the session cookie, opens the page RUNS times (5 unless told; the first with
 * a cold cache), and prints the median of the browser's own {@code first-contentful-paint} and load times, in ms:
 * {@code fcp=412 load=530 cold-fcp=640 runs=5}.
 */
public class FirstPaint {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String CHROMIUM = System.getenv().getOrDefault("BENCH_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("BENCH_CHROMEDRIVER", "/usr/bin/chromedriver");

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java src/bench/FirstPaint.java BASE COOKIE PATH [RUNS]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/$", "");
        String[] cookie = args[1].split("=", 2);
        String path = args[2];
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process driver = new ProcessBuilder(CHROMEDRIVER, "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String wd = "http://127.0.0.1:" + port;
        try {
            waitFor(wd + "/status");
            String session = field(call("POST", wd + "/session", """
                    {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {"binary": "%s",
                      "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                               "--window-size=1280,900"]}}}}""".formatted(CHROMIUM)), "sessionId");
            String s = wd + "/session/" + session;
            try {
                call("POST", s + "/url", json("url", base + "/q/health/live"));
                call("POST", s + "/cookie", "{\"cookie\": {\"name\": \"" + cookie[0] + "\", \"value\": \""
                        + cookie[1] + "\", \"path\": \"/\"}}");
                List<Double> fcps = new ArrayList<>();
                List<Double> loads = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    call("POST", s + "/url", json("url", base + path)); // returns once the page has loaded
                    String timing = call("POST", s + "/execute/sync", """
                            {"script": "const p = performance.getEntriesByName('first-contentful-paint')[0];\
                             const n = performance.getEntriesByType('navigation')[0];\
                             return (p ? p.startTime : -1) + ' ' + (n ? n.loadEventEnd : -1) + ' ' + location.pathname;",
                             "args": []}""");
                    String[] v = field(timing, "value").split(" ");
                    if (!v[2].equals(path.replaceAll("\\?.*", ""))) {
                        throw new IllegalStateException("the browser landed on " + v[2] + ", not " + path + " (signed out?)");
                    }
                    fcps.add(Double.parseDouble(v[0]));
                    loads.add(Double.parseDouble(v[1]));
                }
                System.out.printf(Locale.ROOT, "fcp=%.0f load=%.0f cold-fcp=%.0f runs=%d%n",
                        median(fcps), median(loads), fcps.get(0), runs);
            } finally {
                call("DELETE", s, null);
            }
        } finally {
            driver.destroy();
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    static String json(String name, String value) {
        return "{\"" + name + "\": \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    /** The string value of a top-level-ish field in a WebDriver answer (their shapes are small and fixed). */
    static String field(String body, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + body);
        }
        return m.group(1);
    }

    static String call(String method, String url, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static void waitFor(String url) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // chromedriver is still starting
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("chromedriver did not start");
            }
            Thread.sleep(100);
        }
    }
}
