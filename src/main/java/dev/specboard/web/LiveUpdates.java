package dev.specboard.web;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * Carries live events between app instances through PostgreSQL LISTEN/NOTIFY and hands them to
 * the server-sent-event streams of the browsers connected to this instance.
 */
@ApplicationScoped
public class LiveUpdates {

    static final String CHANNEL = "specboard_events";
    /**
     * A local event (never sent through PostgreSQL) saying that the listener has reconnected: whatever
     * was notified meanwhile is lost, so caches kept fresh by events must start over.
     */
    public static final String RECONNECTED = "reconnected";
    private static final Logger LOG = Logger.getLogger(LiveUpdates.class);

    @Inject
    EntityManager em;

    /** Empty only in the AppCDS training run of packaging, which stops (and fires the shutdown event) before start. */
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final BroadcastProcessor<LiveEvent> events = BroadcastProcessor.create();
    private volatile boolean running;
    private Thread listener;

    /**
     * Publishes an event to every instance. It is sent with the current transaction's commit (NOTIFY
     * semantics), so nobody refreshes before the change is visible.
     */
    public void publish(LiveEvent event) {
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL).setParameter(2, event.encode()).getSingleResult();
    }

    public Multi<LiveEvent> stream() {
        return events;
    }

    void start(@Observes StartupEvent ev) {
        running = true;
        listener = new Thread(this::listen, "specboard-live-updates");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /**
     * One dedicated connection per instance listens; after a failure (the database restarting) it
     * connects again within a few seconds. A quiet connection is probed every ten seconds and times
     * out after thirty, so a connection lost without a word is noticed too.
     */
    private void listen() {
        long backoff = 500;
        boolean connectedBefore = false;
        Properties props = new Properties();
        user.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("socketTimeout", "30");
        while (running) {
            try (Connection c = DriverManager.getConnection(url.orElseThrow(), props)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (backoff > 500) {
                    LOG.info("Live updates are listening again");
                }
                backoff = 500;
                if (connectedBefore) {
                    events.onNext(new LiveEvent(RECONNECTED, null, null));
                }
                connectedBefore = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(10_000);
                    if (received == null || received.length == 0) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SELECT 1");
                        }
                        continue;
                    }
                    for (PGNotification n : received) {
                        LiveEvent e = LiveEvent.decode(n.getParameter());
                        if (e != null) {
                            events.onNext(e);
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Live updates lost their database connection (%s); retrying in %d ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }
}
