package dev.specboard.web;

import io.quarkus.arc.Arc;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.qute.Engine;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * Qute parses every template when its engine is created, which Quarkus does on the main thread after the
 * database is migrated and Hibernate has started. This creates the engine on a thread of its own as Flyway
 * begins (the first step that talks to the database), so the parsing overlaps migration and Hibernate's start;
 * the start event then finds the engine made (or waits for it).
 */
@Singleton
public class TemplateWarmup implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(TemplateWarmup.class);

    @Override
    public void customize(FluentConfiguration configuration) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Thread thread = new Thread(() -> {
            try {
                Arc.container().instance(Engine.class).get().isTemplateLoaded("layout");
            } catch (RuntimeException e) {
                LOG.debug("Templates are parsed at the start event instead", e);
            }
        }, "specboard-template-warmup");
        thread.setContextClassLoader(loader);
        thread.setDaemon(true);
        thread.start();
    }
}
