package dev.specboard.web;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.ExecutionModeManager;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded database factory on its own (no Quarkus application): it starts a server in the background
 * with its URL known at once, Flyway's gate waits for it, a packaged app starts it from the static-init
 * configuration already, it starts nothing in the build or the AppCDS training run, and a second call in the
 * same JVM reuses the server.
 */
class EmbeddedPostgresConfigSourceFactoryTest {

    private final EmbeddedPostgresConfigSourceFactory factory = new EmbeddedPostgresConfigSourceFactory();
    private ExecutionMode before;
    private Path dataDir;

    @BeforeEach
    void runtimeInit() throws Exception {
        before = ExecutionMode.current();
        ExecutionModeManager.runtimeInit();
        // Under target/ (the servers these tests start keep running in it until the JVM exits): a clean build removes it.
        dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "factory-test")), "data");
    }

    @AfterEach
    void restore() {
        System.clearProperty("quarkus.appcds.generate");
        switch (before) {
            case STATIC_INIT -> ExecutionModeManager.staticInit();
            case RUNTIME_INIT -> ExecutionModeManager.runtimeInit();
            case RUNNING -> ExecutionModeManager.running();
            default -> ExecutionModeManager.unset();
        }
    }

    /** Below the ephemeral ports, so that no "any free port" request (a test's HTTP server, a browser driver) gets it before the server binds it. */
    @Test
    void theServersPortIsFreeAndBelowTheEphemeralRange() throws Exception {
        for (int i = 0; i < 20; i++) {
            int port = EmbeddedPostgresConfigSourceFactory.freePort();
            assertTrue(port >= 20_000 && port < 32_768, "port " + port);
            try (java.net.ServerSocket bound = new java.net.ServerSocket(port)) {
                assertEquals(port, bound.getLocalPort());
            }
        }
    }

    @Test
    void theUrlComesAtOnceAndFlywaysGateWaitsUntilTheServerAnswers() throws Exception {
        String instance = "factory-" + UUID.randomUUID();
        Map<String, String> config = Map.of("specboard.data-dir", dataDir.toString(),
                "specboard.embedded-postgres.instance", instance, "quarkus.flyway.migrate-at-start", "true");

        Iterable<ConfigSource> sources = factory.getConfigSources(context(config));
        String url = url(sources);
        assertTrue(url.startsWith("jdbc:postgresql://localhost:"), url);

        new EmbeddedPostgresGate().customize(null);
        assertEquals(1, selectOne(sources));
        // The server is remembered JVM-wide (dev reloads, test restarts): a second call starts no other one.
        assertEquals(url, url(factory.getConfigSources(context(config))));
    }

    @Test
    void withoutFlywayAtStartTheFactoryItselfWaitsForTheServer() throws Exception {
        Map<String, String> config = Map.of("specboard.data-dir", dataDir.toString(),
                "specboard.embedded-postgres.instance", "factory-" + UUID.randomUUID());

        assertEquals(1, selectOne(factory.getConfigSources(context(config))));
    }

    @Test
    void aPackagedAppStartsItsServerAtStaticInitAndTheRuntimeCallUsesThatServer() throws Exception {
        String instance = "factory-" + UUID.randomUUID();
        Map<String, String> config = Map.of("specboard.data-dir", dataDir.toString(),
                "specboard.embedded-postgres.instance", instance, "quarkus.flyway.migrate-at-start", "true");
        LaunchMode mode = LaunchMode.current();
        LaunchMode.set(LaunchMode.NORMAL);
        try {
            ExecutionModeManager.staticInit();
            assertFalse(factory.getConfigSources(context(config)).iterator().hasNext(), "static init configures nothing");
            new EmbeddedPostgresGate().customize(null);
            String started = System.getProperty("specboard.embedded-postgres.url.NORMAL." + instance);
            assertNotNull(started, "the server started from the static-init call");

            ExecutionModeManager.runtimeInit();
            Iterable<ConfigSource> sources = factory.getConfigSources(context(config));
            assertEquals(started, url(sources));
            assertEquals(1, selectOne(sources));
            // A packaged app's data is flushed at each commit (zonky's own default turns fsync off).
            assertEquals("on", setting(sources, "fsync"));
            assertEquals("on", setting(sources, "synchronous_commit"));
        } finally {
            LaunchMode.set(mode);
        }
    }

    /**
     * zonky's servers trust every local connection as the well-known postgres: any account of the machine could read and
     * change the data. The server requires a random password, kept beside its data in a file only its owner reads.
     */
    @Test
    void theServerRequiresItsRandomPasswordKeptInAFileOnlyItsOwnerReads() throws Exception {
        Map<String, String> config = Map.of("specboard.data-dir", dataDir.toString(),
                "specboard.embedded-postgres.instance", "factory-" + UUID.randomUUID());
        LaunchMode mode = LaunchMode.current();
        LaunchMode.set(LaunchMode.NORMAL);
        try {
            Iterable<ConfigSource> sources = factory.getConfigSources(context(config));
            assertEquals(1, selectOne(sources));
            assertRequiresOnly(password(sources), url(sources), dataDir.resolve("postgres"));
            assertTrue(password(sources).length() >= 32, "a random password, not a well-known one");
        } finally {
            LaunchMode.set(mode);
        }
    }

    /** A data directory made before (trust for every connection) is upgraded on its next start, its data kept. */
    @Test
    void aDataDirectoryThatTrustedEveryConnectionRequiresThePasswordFromItsNextStartWithItsDataKept() throws Exception {
        Path postgres = dataDir.resolve("postgres");
        try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres before = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(postgres).setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
             Connection c = DriverManager.getConnection(before.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (words text); INSERT INTO kept VALUES ('still here')");
        }
        assertTrue(EmbeddedPostgresPassword.trusts(postgres), "zonky's initdb trusts every connection");

        Map<String, String> config = Map.of("specboard.data-dir", dataDir.toString(),
                "specboard.embedded-postgres.instance", "factory-" + UUID.randomUUID());
        LaunchMode mode = LaunchMode.current();
        LaunchMode.set(LaunchMode.NORMAL);
        try {
            Iterable<ConfigSource> sources = factory.getConfigSources(context(config));
            try (Connection c = connect(sources); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT words FROM kept")) {
                assertTrue(rs.next());
                assertEquals("still here", rs.getString(1));
            }
            assertRequiresOnly(password(sources), url(sources), postgres);
        } finally {
            LaunchMode.set(mode);
        }
    }

    private static void assertRequiresOnly(String password, String url, Path postgres) throws Exception {
        Path file = postgres.resolveSibling("postgres.password");
        assertEquals(password, Files.readString(file).strip());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(EmbeddedPostgresPassword.trusts(postgres), Files.readString(postgres.resolve("pg_hba.conf")));
        assertTrue(Files.readString(postgres.resolve("pg_hba.conf")).lines().filter(l -> l.startsWith("local") || l.startsWith("host"))
                .allMatch(l -> l.endsWith("scram-sha-256")), Files.readString(postgres.resolve("pg_hba.conf")));
        String bare = url.replace("?user=postgres", "");
        assertThrows(java.sql.SQLException.class, () -> DriverManager.getConnection(bare, "postgres", null).close(), "no password");
        assertThrows(java.sql.SQLException.class, () -> DriverManager.getConnection(bare, "postgres", "postgres").close(), "the well-known one");
        assertThrows(java.sql.SQLException.class, () -> DriverManager.getConnection(bare, "postgres", "").close(), "an empty one");
        try (Connection c = DriverManager.getConnection(bare, "postgres", password)) {
            assertTrue(c.isValid(5));
        }
    }

    @Test
    void testsStartNothingAtStaticInit() {
        Map<String, String> config = Map.of("specboard.data-dir", dataDir.toString(),
                "specboard.embedded-postgres.instance", "factory-" + UUID.randomUUID());
        LaunchMode mode = LaunchMode.current();
        LaunchMode.set(LaunchMode.TEST);
        try {
            ExecutionModeManager.staticInit();
            assertFalse(factory.getConfigSources(context(config)).iterator().hasNext());
            System.setProperty("quarkus.appcds.generate", "true");
            LaunchMode.set(LaunchMode.NORMAL);
            assertFalse(factory.getConfigSources(context(config)).iterator().hasNext(), "the AppCDS training run");
        } finally {
            LaunchMode.set(mode);
        }
        assertFalse(Files.exists(dataDir.resolve("postgres")), "no data directory was made");
    }

    @Test
    void theBuildAndTheAppCdsTrainingRunStartNoDatabase() {
        Map<String, String> config = Map.of("specboard.data-dir", dataDir.toString(),
                "specboard.embedded-postgres.instance", "factory-" + UUID.randomUUID());

        System.setProperty("quarkus.appcds.generate", "true");
        assertFalse(factory.getConfigSources(context(config)).iterator().hasNext(), "the AppCDS training run");
        System.clearProperty("quarkus.appcds.generate");
        ExecutionModeManager.unset();
        assertFalse(factory.getConfigSources(context(config)).iterator().hasNext(), "the build");

        assertFalse(Files.exists(dataDir.resolve("postgres")), "no data directory was made");
    }

    @Test
    void aConfiguredUrlStartsNoDatabase() {
        Map<String, String> config = Map.of("specboard.data-dir", dataDir.toString(),
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example:5432/specboard");

        assertFalse(factory.getConfigSources(context(config)).iterator().hasNext());
        assertFalse(Files.exists(dataDir.resolve("postgres")));
    }

    @Test
    void onAStopTheServerWaitsUntilTheApplicationHasStopped() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        Auxiliary app = new Auxiliary(order, false);
        app.start(new String[0]);
        Thread hook = new Thread(() -> EmbeddedPostgresConfigSourceFactory.afterApplicationStops(app, Duration.ofMinutes(5),
                () -> order.add("server stopped")));
        hook.start();
        hook.join(300);
        assertTrue(hook.isAlive(), "the server stays while the application runs");
        assertEquals(List.of(), order);

        app.stop();
        hook.join(60_000);
        assertEquals(List.of("application stopped", "server stopped"), order);
    }

    @Test
    void anApplicationThatDoesNotStopHoldsTheServerOnlyForThePatience() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        Auxiliary app = new Auxiliary(order, false);
        app.start(new String[0]);
        try {
            EmbeddedPostgresConfigSourceFactory.afterApplicationStops(app, Duration.ofMillis(50), () -> order.add("server stopped"));
            assertEquals(List.of("server stopped"), order);
        } finally {
            app.stop();
        }
    }

    @Test
    void anApplicationThatFailedToStartOrNoneAtAllDoesNotHoldTheServer() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        Auxiliary failed = new Auxiliary(order, true);
        try {
            failed.start(new String[0]);
        } catch (IllegalStateException expected) {
            // the start failed, as this test wants
        }
        Thread hook = new Thread(() -> {
            EmbeddedPostgresConfigSourceFactory.afterApplicationStops(failed, Duration.ofMinutes(5), () -> order.add("after failed"));
            EmbeddedPostgresConfigSourceFactory.afterApplicationStops(null, Duration.ofMinutes(5), () -> order.add("without"));
        });
        hook.start();
        hook.join(60_000);
        assertEquals(List.of("after failed", "without"), order);
    }

    /** An auxiliary Quarkus application (it does not become the JVM's current one), recording its stop. */
    private static final class Auxiliary extends Application {
        private final List<String> order;
        private final boolean failing;

        Auxiliary(List<String> order, boolean failing) {
            super(true);
            this.order = order;
            this.failing = failing;
        }

        @Override
        protected void doStart(String[] args) {
            if (failing) {
                throw new IllegalStateException("this application fails to start");
            }
        }

        @Override
        protected void doStop() {
            order.add("application stopped");
        }

        @Override
        public String getName() {
            return "auxiliary";
        }
    }

    private static String url(Iterable<ConfigSource> sources) {
        List<ConfigSource> list = new ArrayList<>();
        sources.forEach(list::add);
        assertEquals(1, list.size());
        return list.get(0).getValue("quarkus.datasource.jdbc.url");
    }

    private static String password(Iterable<ConfigSource> sources) {
        return sources.iterator().next().getValue("quarkus.datasource.password");
    }

    /** Logs in as the application does: the URL and the password the factory gives. */
    private static Connection connect(Iterable<ConfigSource> sources) throws Exception {
        return DriverManager.getConnection(url(sources), "postgres", password(sources));
    }

    private static int selectOne(Iterable<ConfigSource> sources) throws Exception {
        try (Connection c = connect(sources);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    private static String setting(Iterable<ConfigSource> sources, String name) throws Exception {
        try (Connection c = connect(sources);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('" + name + "')")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static ConfigSourceContext context(Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String value = values.get(name);
                return value == null ? null : ConfigValue.builder().withName(name).withValue(value).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }

    @Test
    void aDataDirectoryAnotherProcessRunsRefusesTheStartAndIsFreeOnceThatProcessEnds() throws Exception {
        Path postgres = dataDir.resolve("postgres");
        Path locker = dataDir.resolve("Locker.java");
        // Another JVM holds the lock, as a second Specboard instance on the same folder would.
        Files.writeString(locker, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class Locker {
                    public static void main(String[] a) throws Exception {
                        FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        if (c.tryLock() == null) { System.exit(2); }
                        System.out.println("locked");
                        System.out.flush();
                        Thread.sleep(120_000);
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(java, locker.toString(), dataDir.resolve("postgres.lock").toString())
                .redirectErrorStream(true).start();
        try {
            try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream()))) {
                assertEquals("locked", out.readLine(), "the other process holds the lock");
                IllegalStateException refused = assertThrows(IllegalStateException.class,
                        () -> EmbeddedPostgresConfigSourceFactory.claim(postgres));
                assertTrue(refused.getMessage().contains("Another Specboard instance runs the embedded PostgreSQL in " + postgres),
                        refused.getMessage());
            }
        } finally {
            other.destroyForcibly().waitFor();
        }
        EmbeddedPostgresConfigSourceFactory.claim(postgres);
        EmbeddedPostgresConfigSourceFactory.claim(postgres); // again in this JVM (a dev reload): still ours
    }
}
