package dev.specboard.web;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts an embedded PostgreSQL 17 when no database URL is configured, so that Specboard runs
 * and tests with nothing installed, and keeps it running ({@link EmbeddedPostgresSupervisor}); it
 * stays out of the way as soon as a URL is given.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresConfigSourceFactory.class);
    private static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    /** Dev reloads and test restarts load this class again: the started server is remembered JVM-wide. */
    private static final String STARTED_KEY = "specboard.embedded-postgres.url.";
    /** A test profile that needs a server of its own (one it may kill) names one; every other run shares the default. */
    private static final String INSTANCE_PROPERTY = "specboard.embedded-postgres.instance";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // Quarkus also calls the factory during the build: never start a database there.
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT) {
            return List.of();
        }
        ConfigValue url = context.getValue(URL_PROPERTY);
        if (url != null && url.getValue() != null && !url.getValue().isBlank()) {
            return List.of();
        }
        LaunchMode mode = LaunchMode.current();
        String key = STARTED_KEY + mode.name() + "." + configured(context, INSTANCE_PROPERTY, "default");
        String jdbcUrl = System.getProperty(key);
        if (jdbcUrl == null) {
            jdbcUrl = start(mode, context);
            System.setProperty(key, jdbcUrl);
        }
        return List.of(new MapBackedConfigSource("specboard-embedded-postgres", Map.of(
                URL_PROPERTY, jdbcUrl,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres"), 275) {
        });
    }

    private static String start(LaunchMode mode, ConfigSourceContext context) {
        try {
            boolean test = mode == LaunchMode.TEST;
            Path dataDir = test
                    ? Files.createTempDirectory("specboard-test-pg")
                    : Path.of(configured(context, "specboard.data-dir", "data")).toAbsolutePath().resolve("postgres");
            Files.createDirectories(dataDir);
            stopOrphan(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(test)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(java.time.Duration.ofSeconds(30))
                    .start();
            EmbeddedPostgresSupervisor supervisor = EmbeddedPostgresSupervisor.watch(dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // Stop watching first, or the supervisor would start the server again after this hook stops it.
                supervisor.stop();
                try {
                    pg.close();
                } catch (IOException e) {
                    // the JVM is going away; the next start cleans up an orphan
                }
            }));
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            if (test) {
                LOG.infof("Embedded PostgreSQL 17 for tests at %s (temporary data directory)", jdbcUrl);
            } else {
                LOG.infof("No database URL configured: started embedded PostgreSQL 17 with data in %s. "
                        + "Set SPECBOARD_DB_URL, SPECBOARD_DB_USER and SPECBOARD_DB_PASSWORD to use an external server.", dataDir);
            }
            return jdbcUrl;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
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
