package dev.specboard.web;

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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
        dataDir = Files.createTempDirectory("specboard-factory-test");
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

    @Test
    void theUrlComesAtOnceAndFlywaysGateWaitsUntilTheServerAnswers() throws Exception {
        String instance = "factory-" + UUID.randomUUID();
        Map<String, String> config = Map.of("specboard.data-dir", dataDir.toString(),
                "specboard.embedded-postgres.instance", instance, "quarkus.flyway.migrate-at-start", "true");

        String url = url(factory.getConfigSources(context(config)));
        assertTrue(url.startsWith("jdbc:postgresql://localhost:"), url);

        new EmbeddedPostgresGate().customize(null);
        assertEquals(1, selectOne(url));
        // The server is remembered JVM-wide (dev reloads, test restarts): a second call starts no other one.
        assertEquals(url, url(factory.getConfigSources(context(config))));
    }

    @Test
    void withoutFlywayAtStartTheFactoryItselfWaitsForTheServer() throws Exception {
        Map<String, String> config = Map.of("specboard.data-dir", dataDir.toString(),
                "specboard.embedded-postgres.instance", "factory-" + UUID.randomUUID());

        assertEquals(1, selectOne(url(factory.getConfigSources(context(config)))));
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
            String url = url(factory.getConfigSources(context(config)));
            assertEquals(started, url);
            assertEquals(1, selectOne(url));
            // A packaged app's data is flushed at each commit (zonky's own default turns fsync off).
            assertEquals("on", setting(url, "fsync"));
            assertEquals("on", setting(url, "synchronous_commit"));
        } finally {
            LaunchMode.set(mode);
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

    private static String url(Iterable<ConfigSource> sources) {
        List<ConfigSource> list = new ArrayList<>();
        sources.forEach(list::add);
        assertEquals(1, list.size());
        return list.get(0).getValue("quarkus.datasource.jdbc.url");
    }

    private static int selectOne(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    private static String setting(String url, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
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
}
