package dev.specboard.web;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Starts an embedded PostgreSQL 17 when no database URL is configured, so that Specboard runs
 * and tests with nothing installed, and keeps it running ({@link EmbeddedPostgresSupervisor}); it
 * stays out of the way as soon as a URL is given.
 *
 * <p>The server starts in the background: its port is chosen first, so the URL is known at once and the
 * application initialises while PostgreSQL comes up; Flyway, the first to connect, waits for it
 * ({@link EmbeddedPostgresGate}). A packaged application starts it even before the static initialisation
 * ({@link #startEarly}). Neither the Maven build nor the AppCDS training run of packaging starts a server.
 */
@StaticInitSafe // called for the static-init configuration too, where it only starts the server early (startEarly)
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresConfigSourceFactory.class);
    private static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    /** Dev reloads and test restarts load this class again: the started server is remembered JVM-wide. */
    private static final String STARTED_KEY = "specboard.embedded-postgres.url.";
    /** A test profile that needs a server of its own (one it may kill) names one; every other run shares the default. */
    private static final String INSTANCE_PROPERTY = "specboard.embedded-postgres.instance";
    /** Servers of this application still starting (or whose start nobody has waited for yet), by key. */
    private static final Map<String, Starting> STARTING = new ConcurrentHashMap<>();

    /** A server coming up in the background: its URL and password are known before it accepts connections. */
    private record Starting(String jdbcUrl, String password, CompletableFuture<Void> ready) {
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // Quarkus also calls the factory during the build: never start a database there, nor in the AppCDS
        // training run of packaging, which stops before anything uses the database.
        ExecutionMode phase = ExecutionMode.current();
        if (phase == ExecutionMode.STATIC_INIT) {
            startEarly(context);
            return List.of();
        }
        if (phase != ExecutionMode.RUNTIME_INIT) {
            return List.of();
        }
        if (ApplicationLifecycleManager.isAppCDSGeneration()) {
            AppCdsTraining.preloadStartClasses();
            return List.of();
        }
        if (urlConfigured(context)) {
            return List.of();
        }
        LaunchMode mode = LaunchMode.current();
        String key = key(context, mode);
        String jdbcUrl = System.getProperty(key);
        String password;
        if (jdbcUrl == null) {
            Starting starting = STARTING.computeIfAbsent(key, k -> startInBackground(mode, dataDir(context), k));
            jdbcUrl = starting.jdbcUrl();
            password = starting.password();
            // Flyway migrates at start and is the first to connect, so it waits; without it, wait here.
            if (!Boolean.parseBoolean(configured(context, "quarkus.flyway.migrate-at-start", "false"))) {
                awaitStarted();
            }
        } else {
            password = EmbeddedPostgresPassword.prepare(Path.of(System.getProperty(key + DATA_SUFFIX)));
        }
        return List.of(new MapBackedConfigSource("specboard-embedded-postgres", Map.of(
                URL_PROPERTY, jdbcUrl,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", password), 275) {
        });
    }

    /**
     * A packaged application ({@code java -jar}) starts its server already when Quarkus builds the static-init
     * configuration, before the static initialisation (Hibernate's entity binding, the validator, ArC): the server
     * is then up long before Flyway asks, and the runtime call below finds it starting under the same key. Dev
     * mode and tests start it at runtime initialisation as before; a native image build never starts one.
     */
    private static void startEarly(ConfigSourceContext context) {
        LaunchMode mode = LaunchMode.current();
        if (mode != LaunchMode.NORMAL || ImageMode.current() != ImageMode.JVM
                || ApplicationLifecycleManager.isAppCDSGeneration() || urlConfigured(context)) {
            return;
        }
        String key = key(context, mode);
        if (System.getProperty(key) == null) {
            STARTING.computeIfAbsent(key, k -> startInBackground(mode, dataDir(context), k));
        }
    }

    private static boolean urlConfigured(ConfigSourceContext context) {
        ConfigValue url = context.getValue(URL_PROPERTY);
        return url != null && url.getValue() != null && !url.getValue().isBlank();
    }

    private static String key(ConfigSourceContext context, LaunchMode mode) {
        return STARTED_KEY + mode.name() + "." + configured(context, INSTANCE_PROPERTY, "default");
    }

    private static String dataDir(ConfigSourceContext context) {
        return configured(context, "specboard.data-dir", "data");
    }

    /**
     * Waits until the embedded servers this application started accept connections; a server that could
     * not start fails the caller (the application's start) with the reason.
     */
    static void awaitStarted() {
        for (Map.Entry<String, Starting> e : STARTING.entrySet()) {
            try {
                e.getValue().ready().get();
            } catch (ExecutionException failed) {
                if (failed.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("Could not start the embedded PostgreSQL", failed.getCause());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the embedded PostgreSQL", interrupted);
            }
            STARTING.remove(e.getKey(), e.getValue());
        }
    }

    /** Beside the started server's URL, JVM-wide: its data directory, where a reload finds its password again. */
    private static final String DATA_SUFFIX = ".data";

    /**
     * Picks the port and the password first, so the URL and the password are known at once, then starts the server on a
     * thread of its own.
     */
    private static Starting startInBackground(LaunchMode mode, String configuredDataDir, String key) {
        int port = freePort();
        Path dataDir = dataDirectory(mode, configuredDataDir);
        String password = EmbeddedPostgresPassword.prepare(dataDir);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                // Remembered JVM-wide only once it runs: a dev reload after a failed start tries again.
                String url = start(mode, dataDir, port, password);
                System.setProperty(key + DATA_SUFFIX, dataDir.toString());
                System.setProperty(key, url);
                ready.complete(null);
            } catch (RuntimeException | Error e) {
                ready.completeExceptionally(e);
            }
        }, "specboard-postgres-start");
        thread.setDaemon(true);
        thread.start();
        return new Starting(jdbcUrl(port), password, ready);
    }

    /** A test's server gets a temporary folder of its own (its data and password beside it), thrown away when it stops. */
    private static Path dataDirectory(LaunchMode mode, String configuredDataDir) {
        try {
            return mode == LaunchMode.TEST
                    ? Files.createTempDirectory("specboard-test-pg").resolve("postgres")
                    : Path.of(configuredDataDir).toAbsolutePath().resolve("postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a folder for the embedded PostgreSQL", e);
        }
    }

    private static String start(LaunchMode mode, Path dataDir, int port, String password) {
        try {
            boolean test = mode == LaunchMode.TEST;
            Files.createDirectories(dataDir);
            if (!test) {
                claim(dataDir);
            }
            stopOrphan(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgresPassword.initdbOptions(EmbeddedPostgres.builder(), dataDir)
                    // zonky's own check that the server is up logs in too
                    .setConnectConfig("password", password)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(test)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    // zonky starts its servers with fsync off (a test default): a crash of the machine could then lose
                    // committed work or corrupt the database. Only a test's throwaway server may skip flushing.
                    .setServerConfig("fsync", test ? "off" : "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            if (EmbeddedPostgresPassword.requireIfTrusting(pg, dataDir, password)) {
                LOG.infof("The embedded PostgreSQL in %s let every local connection in; it now requires the password kept in %s",
                        dataDir, EmbeddedPostgresPassword.file(dataDir));
            }
            EmbeddedPostgresSupervisor supervisor = EmbeddedPostgresSupervisor.watch(dataDir);
            // A test run's server is thrown away with its data: it does not wait for the application (which the test
            // framework may still hold when the JVM exits).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> afterApplicationStops(
                    test ? null : Application.currentApplication(), APPLICATION_STOP_PATIENCE, () -> {
                        // Stop watching first, or the supervisor would start the server again after this hook stops it.
                        supervisor.stop();
                        try {
                            pg.close();
                            if (test) {
                                // its data went with it: its password and its folder go too
                                Files.deleteIfExists(EmbeddedPostgresPassword.file(dataDir));
                                Files.deleteIfExists(dataDir.getParent());
                            }
                        } catch (IOException e) {
                            // the JVM is going away; the next start cleans up an orphan
                        }
                    })));
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            if (test) {
                LOG.infof("Embedded PostgreSQL 17 for tests at %s (temporary data directory)", jdbcUrl);
            } else {
                LOG.infof("No database URL configured: started embedded PostgreSQL 17 at %s with data in %s (its password in %s). "
                        + "Set SPECBOARD_DB_URL, SPECBOARD_DB_USER and SPECBOARD_DB_PASSWORD to use an external server.", jdbcUrl, dataDir,
                        EmbeddedPostgresPassword.file(dataDir));
            }
            return jdbcUrl;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** How long the server waits, once the JVM is stopping, for the application to finish with it. */
    static final Duration APPLICATION_STOP_PATIENCE = Duration.ofSeconds(15);

    /**
     * Runs {@code stopServer} once {@code app} has stopped, or after {@code patience}. The JVM runs its shutdown hooks
     * side by side: without this wait the server went away while Quarkus was still stopping, and every stop logged
     * lost connections (live updates, a sync in progress) and could fail a request still being answered.
     */
    static void afterApplicationStops(Application app, Duration patience, Runnable stopServer) {
        if (app != null) {
            // Application.awaitShutdown has no timeout: wait for it beside this thread, at most for patience.
            Thread waiter = new Thread(app::awaitShutdown, "specboard-postgres-stop");
            waiter.setDaemon(true);
            waiter.start();
            try {
                waiter.join(patience.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopServer.run();
    }

    /** The URL {@code EmbeddedPostgres.getJdbcUrl("postgres", "postgres")} gives for a server on this port. */
    static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** Ports below every system's range for ephemeral ports (Linux from 32768, macOS and Windows from 49152). */
    static final int PORTS_FROM = 20_000;
    static final int PORTS_TO = 32_768;

    /**
     * A port free now, below the ephemeral range. The server binds it only seconds later (after initdb); a port the
     * system handed out for "any free port" would be a candidate for the next such request meanwhile (the HTTP
     * server's test port, a browser driver), which then took it and failed the start.
     */
    static int freePort() {
        java.util.random.RandomGenerator random = java.util.concurrent.ThreadLocalRandom.current();
        for (int tries = 0; tries < 100; tries++) {
            int port = PORTS_FROM + random.nextInt(PORTS_TO - PORTS_FROM);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded PostgreSQL", e);
        }
    }

    /** The locks on the data directories this JVM runs servers in, held for its lifetime. */
    private static final List<FileLock> CLAIMS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Claims the data directory for this JVM (a lock on {@code postgres.lock} beside it), or fails the start when
     * another process holds it: the server running there is then that instance's, not an orphan, and stopping it
     * would take its database away (two instances on the default {@code ./data}, a dev mode beside a packaged app).
     */
    static void claim(Path dataDir) {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another Specboard instance runs the embedded PostgreSQL in " + dataDir
                        + ". Stop it first, or give this one its own folder with SPECBOARD_DATA_DIR.");
            }
            CLAIMS.add(lock);
        } catch (OverlappingFileLockException ours) {
            // This JVM holds it already (a dev reload loads this class again): the server there is ours.
            closeQuietly(channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not lock " + file, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing was locked through it
        }
    }

    /** A postmaster left behind by a killed JVM keeps running detached; stop it before starting again. */
    private static void stopOrphan(Path dataDir) {
        Path pid = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return;
        }
        try {
            String first = Files.readAllLines(pid).get(0).trim();
            long orphan = Long.parseLong(first);
            ProcessHandle.of(orphan)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .ifPresent(p -> {
                LOG.warnf("Stopping an orphaned embedded PostgreSQL (pid %d) left by an earlier run", orphan);
                p.destroy();
                try {
                    p.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            });
            Files.deleteIfExists(pid);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not inspect postmaster.pid", e);
        }
    }

    private static String configured(ConfigSourceContext context, String name, String fallback) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? fallback : v.getValue();
    }
}
