import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark's data set, made through the JSON API v1 of a running Specboard (no dependencies:
 * run it with {@code java src/bench/Seed.java}). Commands:
 * <pre>
 *   seed   BASE ENV_OUT REPO_DIR [stories=1000,10000] [specTasks=2000] [files=20000] [threads=300] [claimTasks=20000]
 *          [prefix=bench] (of the projects' slugs)
 *   login  BASE USER PASSWORD           prints the session cookie ("sb_session=...") for wrk
 *   claims BASE TOKEN SLUG KEYS_DIR     checks claim-next's outcome: every claimed task once, none twice
 *   release BASE TOKEN SLUG             gives every claimed task of the project back (to measure claims again on kept data)
 *   fossil REPO_FILE ENV_OUT [tickets=1000]   a Fossil repository with the same stories (as tickets) and 2,000-line file
 * </pre>
 * {@code seed} writes the git repository with the {@code git} CLI into REPO_DIR (which must lie under
 * the app's {@code SPECBOARD_REPOS_LOCAL_ROOTS}) and writes the names the pages need to ENV_OUT as
 * shell assignments.
 */
public class Seed {

    static final String USER = "bench";
    static final String PASSWORD = "bench password 1";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    final String base;
    String token;

    Seed(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            usage();
        }
        switch (args[0]) {
            case "seed" -> {
                if (args.length < 4) {
                    usage();
                }
                Map<String, String> opts = options(args, 4);
                new Seed(args[1]).seed(Path.of(args[2]), Path.of(args[3]).toAbsolutePath(), opts);
            }
            case "login" -> {
                if (args.length < 4) {
                    usage();
                }
                System.out.println(new Seed(args[1]).login(args[2], args[3]));
            }
            case "claims" -> {
                if (args.length < 5) {
                    usage();
                }
                Seed s = new Seed(args[1]);
                s.token = args[2];
                System.exit(s.checkClaims(args[3], Path.of(args[4])) ? 0 : 1);
            }
            case "fossil" -> {
                if (args.length < 3) {
                    usage();
                }
                fossil(Path.of(args[1]).toAbsolutePath(), Path.of(args[2]),
                        Integer.parseInt(options(args, 3).getOrDefault("tickets", "1000")));
            }
            case "release" -> {
                if (args.length < 4) {
                    usage();
                }
                Seed s = new Seed(args[1]);
                s.token = args[2];
                s.releaseClaims(args[3]);
            }
            default -> usage();
        }
    }

    static void usage() {
        System.err.println("usage: java src/bench/Seed.java seed BASE ENV_OUT REPO_DIR [stories=1000,10000] [specTasks=2000] "
                + "[files=20000] [threads=300] [claimTasks=20000]\n"
                + "       java src/bench/Seed.java login BASE USER PASSWORD\n"
                + "       java src/bench/Seed.java claims BASE TOKEN SLUG KEYS_DIR\n"
                + "       java src/bench/Seed.java release BASE TOKEN SLUG\n"
                + "       java src/bench/Seed.java fossil REPO_FILE ENV_OUT [tickets=1000]");
        System.exit(2);
    }

    static Map<String, String> options(String[] args, int from) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                usage();
            }
            opts.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        return opts;
    }

    // ---------------------------------------------------------------- seeding

    void seed(Path envOut, Path repoDir, Map<String, String> opts) throws Exception {
        List<Integer> storyCounts = Stream.of(opts.getOrDefault("stories", "1000,10000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int specTasks = Integer.parseInt(opts.getOrDefault("specTasks", "2000"));
        int files = Integer.parseInt(opts.getOrDefault("files", "20000"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", "300"));
        int claimTasks = Integer.parseInt(opts.getOrDefault("claimTasks", "20000"));
        String prefix = opts.getOrDefault("prefix", "bench");
        long started = System.nanoTime();

        account();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BENCH_USER", USER);
        env.put("BENCH_PASSWORD", PASSWORD);
        env.put("TOKEN", token);

        // One project per story count, so that each list page shows its own total.
        List<String> slugs = new ArrayList<>();
        for (int count : storyCounts) {
            String slug = prefix + "-" + count;
            project(slug, "Bench " + count + " stories");
            stories(slug, count);
            slugs.add(slug);
        }
        String slug = slugs.get(0);
        env.put("SLUG", slug);
        env.put("SLUG_LARGE", slugs.get(slugs.size() - 1));
        env.put("STORIES", String.format("%,d", storyCounts.get(0)));
        env.put("STORIES_LARGE", String.format("%,d", storyCounts.get(storyCounts.size() - 1)));
        env.put("STORY", String.valueOf(Math.max(1, storyCounts.get(0) / 2)));

        String spec = spec(slug, "Ledger rework", specTasks);
        env.put("SPEC", spec);
        env.put("SPEC_TASKS", String.format("%,d", specTasks));
        log("spec %s with %d tasks", spec, specTasks);

        RepoFiles repo = gitRepository(repoDir, files);
        env.put("REPO", "app");
        env.put("TREE_DIR", repo.treeDir());
        env.put("FILE_2K", repo.file2k());
        env.put("FILE_10K", repo.file10k());
        env.put("FILES", String.format("%,d", files));
        env.put("THREADS", String.valueOf(threads));
        repository(slug, "app", repoDir);
        threads(slug, "app", repo.file10k(), 10_000, threads);
        if (!slugs.get(slugs.size() - 1).equals(slug)) {
            // Search is measured where it has the most to search: the most stories and the same 20,000 files.
            repository(slugs.get(slugs.size() - 1), "app", repoDir);
            awaitFileIndex(slugs.get(slugs.size() - 1), "LedgerEngine");
        }

        String claims = prefix + "-claims";
        project(claims, "Bench claims");
        int made = 0;
        int specNumber = 0;
        while (made < claimTasks) {
            int n = Math.min(500, claimTasks - made);
            spec(claims, "Claim queue " + (++specNumber), n);
            made += n;
        }
        env.put("CLAIMS_SLUG", claims);
        env.put("CLAIM_TASKS", String.valueOf(claimTasks));
        log("claim queue of %d tasks", claimTasks);

        StringBuilder sb = new StringBuilder();
        env.forEach((k, v) -> sb.append(k).append("='").append(v.replace("'", "'\\''")).append("'\n"));
        Files.writeString(envOut, sb.toString());
        log("seeded in %d s", (System.nanoTime() - started) / 1_000_000_000L);
    }

    void account() throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/accounts")).header("Content-Type", "application/json")
                .POST(body(json("email", USER + "@example.com", "username", USER, "name", "Bench Runner", "password", PASSWORD))));
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            fail("sign-up", r);
        }
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        r = send(HttpRequest.newBuilder(uri("/api/v1/tokens")).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + basic).POST(body(json("name", "bench"))));
        expect(201, "token", r);
        token = field(r.body(), "token");
    }

    void project(String slug, String name) throws IOException, InterruptedException {
        HttpResponse<String> r = api("POST", "/api/v1/projects", json("name", name, "slug", slug, "type", "web-app",
                "description", "Benchmark data"));
        if (r.statusCode() == 409 || r.statusCode() == 422 && r.body().contains("taken")) {
            throw new IllegalStateException("project " + slug + " exists already: seed a fresh data directory");
        }
        expect(201, "project " + slug, r);
    }

    void stories(String slug, int count) throws Exception {
        parallel(count, 8, i -> {
            StoryText t = StoryText.of(i);
            expect(201, "story", api("POST", "/api/v1/projects/" + slug + "/stories",
                    json("title", t.title(), "description", t.description(), "acceptanceCriteria", t.criteria())));
        });
        log("%s: %d stories", slug, count);
    }

    /** The text of the benchmark's story {@code i}; Fossil's tickets carry the same, so both pages show alike rows. */
    record StoryText(String title, String description, String criteria) {
        static StoryText of(int i) {
            return new StoryText("As a " + WHO[i % WHO.length] + " I can " + WHAT[i % WHAT.length] + " (" + (i + 1) + ")",
                    "## Why\n\nWe lose **" + (i % 90 + 10) + " minutes** a day on this. See the notes from the "
                            + "review of week " + (i % 52 + 1) + ".\n\n- one thing\n- another thing with `code`\n- a [link](https://example.com/" + i + ")\n",
                    "WHEN the " + WHO[(i + 1) % WHO.length] + " opens the page, THE SYSTEM SHALL show the totals.\n"
                            + "IF the ledger is closed, THEN THE SYSTEM SHALL refuse the change.\n"
                            + "THE SYSTEM SHALL keep every version.");
        }
    }

    // ---------------------------------------------------------------- Fossil, measured side by side

    /**
     * A Fossil repository with the same data as the first project: {@code count} tickets carrying the stories' text,
     * a report of the latest 25 (as the story list shows 25 a page), and the 2,000-line file at the same path, committed.
     * Writes the report number, the middle ticket (as {@code STORY} is the middle story) and the file's path to ENV_OUT.
     */
    static void fossil(Path repo, Path envOut, int count) throws IOException, InterruptedException {
        if (Files.exists(repo)) {
            throw new IllegalStateException(repo + " exists already");
        }
        Files.createDirectories(repo.getParent());
        String r = repo.toString();
        run(null, "fossil", "init", r, "-A", USER);
        run(null, "fossil", "user", "password", USER, PASSWORD, "-R", r);
        for (int i = 0; i < count; i++) {
            StoryText t = StoryText.of(i);
            run(null, "fossil", "ticket", "add", "title", t.title(), "comment", t.description() + "\n" + t.criteria(),
                    "status", "Open", "type", "Feature_Request", "--user", USER, "-R", r);
        }
        String report = unquote(run(null, "fossil", "sql", "-R", r,
                "INSERT INTO reportfmt(owner, title, mtime, cols, sqlcode) SELECT '" + USER + "', 'Latest 25', mtime, cols, "
                        + "sqlcode || ' ORDER BY tkt_mtime DESC LIMIT 25' FROM reportfmt WHERE rn = 1; SELECT max(rn) FROM reportfmt;"));
        String ticket = unquote(run(null, "fossil", "sql", "-R", r,
                "SELECT tkt_uuid FROM ticket ORDER BY tkt_id LIMIT 1 OFFSET " + (Math.max(1, count / 2) - 1) + ";"));
        Path checkout = Files.createTempDirectory("specboard-bench-fossil");
        String file = "src/main/java/com/example/ledger/LedgerService.java";
        Files.createDirectories(checkout.resolve(file).getParent());
        Files.writeString(checkout.resolve(file), javaFile("LedgerService", 2000));
        run(checkout, "fossil", "open", r, "--force");
        run(checkout, "fossil", "add", file);
        run(checkout, "fossil", "commit", "-m", "Seed the benchmark repository", "--user", USER, "--no-warnings");
        run(checkout, "fossil", "close", "--force");
        try (Stream<Path> paths = Files.walk(checkout)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.writeString(envOut, "FOSSIL_REPORT='" + report + "'\nFOSSIL_TICKET='" + ticket + "'\nFOSSIL_TICKETS='"
                + String.format("%,d", count) + "'\nFOSSIL_FILE='" + file + "'\n");
        log("Fossil repository with %d tickets and the 2,000-line file in %s", count, repo);
    }

    /** Runs a command (in {@code dir}, or here when null) and returns its standard output; fails when it fails. */
    static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
        return out;
    }

    /** One value of {@code fossil sql}'s output, which quotes text ('abc'). */
    static String unquote(String out) {
        String v = out.strip();
        return v.startsWith("'") && v.endsWith("'") ? v.substring(1, v.length() - 1) : v;
    }

    String spec(String slug, String title, int tasks) throws IOException, InterruptedException {
        StringBuilder phases = new StringBuilder("[");
        for (int i = 1; i <= tasks; i++) {
            if (i > 1) {
                phases.append(',');
            }
            phases.append(json("name", "step-" + i, "description", "Do part " + i + " of the work: " + WHAT[i % WHAT.length] + ".",
                    "content", "Change `Ledger" + (i % 40) + "` so that it " + WHAT[i % WHAT.length] + ".")
                    .replaceFirst("}$", ",\"hours\":" + (1 + i % 5) + "}"));
        }
        phases.append(']');
        String specBody = json("title", title, "specType", "hierarchical", "overview", "Split into " + tasks + " small steps.")
                .replaceFirst("}$", ",\"phases\":" + phases + "}");
        HttpResponse<String> r = api("POST", "/api/v1/projects/" + slug + "/specs", specBody);
        expect(201, "spec", r);
        return field(r.body(), "key");
    }

    record RepoFiles(String treeDir, String file2k, String file10k) {
    }

    /** A repository of {@code total} files in folders of 200, two of them large Java files, in one commit. */
    RepoFiles gitRepository(Path dir, int total) throws IOException, InterruptedException {
        if (Files.exists(dir.resolve(".git"))) {
            throw new IllegalStateException(dir + " is a repository already");
        }
        Files.createDirectories(dir);
        String big = "src/main/java/com/example/ledger/";
        Files.createDirectories(dir.resolve(big));
        String file2k = big + "LedgerService.java";
        String file10k = big + "LedgerEngine.java";
        Files.writeString(dir.resolve(file2k), javaFile("LedgerService", 2000));
        Files.writeString(dir.resolve(file10k), javaFile("LedgerEngine", 10_000));
        String treeDir = null;
        for (int i = 0; i < total - 2; i++) {
            String folder = String.format("src/main/java/com/example/m%03d/", i / 200);
            if (i % 200 == 0) {
                Files.createDirectories(dir.resolve(folder));
                if (treeDir == null) {
                    treeDir = folder.substring(0, folder.length() - 1);
                }
            }
            Files.writeString(dir.resolve(folder + "Part" + i + ".java"), javaFile("Part" + i, 12 + i % 30));
        }
        git(dir, "init", "-q", "-b", "main");
        git(dir, "add", "-A");
        git(dir, "-c", "user.name=Bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "Seed the benchmark repository");
        log("git repository with %d files in %s", total, dir);
        return new RepoFiles(treeDir == null ? "src/main/java/com/example/ledger" : treeDir, file2k, file10k);
    }

    static String javaFile(String name, int lines) {
        StringBuilder sb = new StringBuilder("package com.example;\n\nimport java.util.List;\n\n/** " + name + ", generated. */\npublic class " + name + " {\n");
        int written = 6;
        int method = 0;
        while (written < lines - 1) {
            int left = lines - 1 - written;
            if (left >= 6) {
                sb.append("\n    /** Adds the entries of batch ").append(method).append(". */\n")
                        .append("    public long total").append(method).append("(List<Long> entries) {\n")
                        .append("        long sum = ").append(method).append("L; // running \"total\" <").append(name).append(">\n")
                        .append("        for (long e : entries) { sum += e * ").append(method % 7 + 1).append("; }\n")
                        .append("        return sum;\n");
                written += 6;
                if (lines - 1 - written >= 1) {
                    sb.append("    }\n");
                    written++;
                }
                method++;
            } else {
                sb.append("    // filler\n");
                written++;
            }
        }
        sb.append("}\n");
        return sb.toString();
    }

    static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed");
        }
    }

    void repository(String slug, String name, Path dir) throws IOException, InterruptedException {
        HttpResponse<String> r = api("POST", "/api/v1/projects/" + slug + "/repos", json("name", name, "url", dir.toString(),
                "defaultBranch", "main"));
        expect(201, "repository", r);
        String syncId = field(r.body(), "syncId");
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (true) {
            HttpResponse<String> s = api("GET", "/api/v1/projects/" + slug + "/syncs/" + syncId, null);
            expect(200, "sync status", s);
            String status = field(s.body(), "status");
            if ("SUCCESS".equals(status)) {
                log("repository %s synced", name);
                return;
            }
            if ("FAILED".equals(status) || System.nanoTime() > deadline) {
                throw new IllegalStateException("sync " + status + ": " + s.body());
            }
            Thread.sleep(500);
        }
    }

    void threads(String slug, String repo, String path, int lines, int count) throws Exception {
        parallel(count, 8, i -> {
            int start = 1 + (int) ((long) i * (lines - 10) / Math.max(1, count));
            expect(201, "thread", api("POST", "/api/v1/projects/" + slug + "/repos/" + repo + "/threads",
                    json("path", path, "body", "Thread " + (i + 1) + ": is this *sum* right? See `total" + i + "`.")
                            .replaceFirst("}$", ",\"lineStart\":" + start + ",\"lineEnd\":" + (start + i % 4) + "}")));
        });
        log("%d threads on %s", count, path);
    }

    /** Waits until search finds a file by its content: the file index is written after a sync, in the background. */
    void awaitFileIndex(String slug, String word) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!api("GET", "/api/v1/projects/" + slug + "/search?kind=file&q=" + word, null).body().contains("\"kind\":\"file\"")) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the files of " + slug + " were not searchable after 10 minutes");
            }
            Thread.sleep(1000);
        }
        Thread.sleep(20_000); // the rest of the index, written in chunks after that one
        log("files of %s searchable", slug);
    }

    // ---------------------------------------------------------------- login and claims

    /** Logs in through the login form, as a browser does, and returns the session cookie. */
    String login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET());
        expect(200, "login page", page);
        String pre = cookie(page, "sb_presession");
        Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.body());
        if (pre == null || !m.find()) {
            throw new IllegalStateException("no CSRF token or pre-session cookie on the login page");
        }
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&next=%2F&csrf-token=" + enc(m.group(1));
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "sb_presession=" + pre).POST(body(form)));
        String session = cookie(r, "sb_session");
        if (r.statusCode() / 100 != 3 || session == null) {
            fail("login", r);
        }
        return "sb_session=" + session;
    }

    /** Every task that a 200 of claim-next named is claimed, and no task was named twice. */
    boolean checkClaims(String slug, Path keysDir) throws IOException, InterruptedException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> s = Files.list(keysDir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("claims-")).toList()) {
                Files.readAllLines(p).stream().filter(l -> !l.isBlank()).forEach(keys::add);
            }
        }
        Set<String> unique = new HashSet<>();
        List<String> twice = keys.stream().filter(k -> !unique.add(k)).toList();
        HttpResponse<String> r = api("GET", "/api/v1/projects/" + slug + "/tasks?status=claimed", null);
        expect(200, "claimed tasks", r);
        int claimed = count(r.body(), "\"key\":");
        // wrk stops with requests in flight: the server may finish a claim whose answer wrk never read, at most one per
        // connection and run (32 agents, a warm-up and a measured run). A task claimed twice is never allowed.
        boolean ok = twice.isEmpty() && claimed >= unique.size() && claimed - unique.size() <= 64;
        System.out.printf("claims=%d distinct=%d double=%d claimedInDb=%d ok=%s%n", keys.size(), unique.size(), twice.size(), claimed, ok);
        return ok;
    }

    void releaseClaims(String slug) throws Exception {
        HttpResponse<String> r = api("GET", "/api/v1/projects/" + slug + "/tasks?status=claimed", null);
        expect(200, "claimed tasks", r);
        Matcher m = Pattern.compile("\"key\":\"([^\"]+)\"").matcher(r.body());
        List<String> keys = new ArrayList<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        // A lease that ran out since the list was read is given back by the server's lease sweep: its release answers
        // 409 "is pending", which leaves the task where this step wants it.
        parallel(keys.size(), 8, i -> {
            HttpResponse<String> released = api("POST", "/api/v1/projects/" + slug + "/tasks/" + keys.get(i) + "/release", null);
            if (!(released.statusCode() == 409 && released.body().contains("pending"))) {
                expect(200, "release " + keys.get(i), released);
            }
        });
        log("released %d claimed tasks of %s", keys.size(), slug);
    }

    // ---------------------------------------------------------------- plumbing

    void parallel(int count, int workers, IntConsumer job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    job.accept(n);
                    if (done.incrementAndGet() % 1000 == 0) {
                        log("  %d/%d", done.get(), count);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    HttpResponse<String> api(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, body(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return send(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    static HttpRequest.BodyPublisher body(String s) {
        return HttpRequest.BodyPublishers.ofString(s, StandardCharsets.UTF_8);
    }

    static void expect(int status, String what, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            fail(what, r);
        }
    }

    static void fail(String what, HttpResponse<String> r) {
        String b = r.body() == null ? "" : r.body();
        throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + b.substring(0, Math.min(500, b.length())));
    }

    static String cookie(HttpResponse<?> r, String name) {
        for (String h : r.headers().allValues("set-cookie")) {
            if (h.startsWith(name + "=")) {
                String v = h.substring(name.length() + 1);
                int semi = v.indexOf(';');
                v = semi < 0 ? v : v.substring(0, semi);
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        return null;
    }

    /** A flat JSON object of string fields. */
    static String json(String... kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            sb.append(i == 0 ? "" : ",").append('"').append(kv[i]).append("\":\"").append(escape(kv[i + 1])).append('"');
        }
        return sb.append('}').toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** The first string or number value of {@code name} in a JSON text. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json.substring(0, Math.min(300, json.length())));
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void log(String format, Object... args) {
        System.err.printf("[seed] " + format + "%n", args);
    }

    static final String[] WHO = {"lead", "reviewer", "member", "agent", "owner", "viewer", "accountant", "auditor"};
    static final String[] WHAT = {"export the ledger as CSV", "approve a pending invoice", "filter invoices by customer",
            "see who changed a total", "close the month", "reopen a closed month", "attach a receipt", "split a payment",
            "merge two customers", "print a statement", "search old invoices", "undo a mistaken entry"};
}
