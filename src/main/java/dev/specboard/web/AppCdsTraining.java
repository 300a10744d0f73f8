package dev.specboard.web;

import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The AppCDS training run of packaging (pom.xml) stops once the beans are ready, before anything uses the
 * database, so by itself its archive holds only the classes static init loads. This loads and links the classes
 * a whole start loads ({@code META-INF/specboard/start-classes.txt}) into that run, so that Flyway, Hibernate,
 * OpenAPI and the HTTP server also start from the archive. Nothing here runs outside that training run.
 */
final class AppCdsTraining {

    private static final Logger LOG = Logger.getLogger(AppCdsTraining.class);
    static final String CLASSES = "META-INF/specboard/start-classes.txt";
    private static volatile boolean done;

    private AppCdsTraining() {
    }

    /** Loads and links each listed class without initialising it; a class that is gone or cannot link is left out. */
    static synchronized void preloadStartClasses() {
        if (done) {
            return;
        }
        done = true;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        int loaded = 0;
        int skipped = 0;
        try (InputStream in = loader.getResourceAsStream(CLASSES)) {
            if (in == null) {
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String name = line.trim();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    // Reflection links (verifies) the class, and only linked classes are archived; nothing is initialised.
                    Class.forName(name, false, loader).getDeclaredMethods();
                    loaded++;
                } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                    skipped++;
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not read the start classes", e);
        }
        LOG.infof("AppCDS training: loaded %d start classes (%d skipped)", loaded, skipped);
    }
}
