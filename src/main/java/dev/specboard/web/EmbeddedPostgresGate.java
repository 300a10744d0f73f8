package dev.specboard.web;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Holds Flyway, the first to connect at start, until the embedded PostgreSQL started in the background
 * ({@link EmbeddedPostgresConfigSourceFactory}) accepts connections; with an external database it waits for nothing.
 */
@Singleton
public class EmbeddedPostgresGate implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        EmbeddedPostgresConfigSourceFactory.awaitStarted();
    }
}
