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

import io.agroal.api.AgroalDataSource;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry registry;

    /** Empty only in the AppCDS training run of packaging, which stops (and fires the shutdown event) before start. */
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final BroadcastProcessor<LiveEvent> events = BroadcastProcessor.create();
    private final AtomicInteger subscribers = new AtomicInteger();
    private volatile boolean running;
    private Thread listener;

    /**
     * Publishes an event to every instance. It is sent with the current transaction's commit (NOTIFY
     * semantics), so nobody refreshes before the change is visible.
     */
    public void publish(LiveEvent event) {
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL).setParameter(2, event.encode()).getSingleResult();
    }

    /**
     * Publishes an event after the current transaction commits (at once without one), together with the same event
     * of other transactions committed within {@link #COALESCE_MS}: a burst of moves on a board, say 500 claims a
     * second, sends a few events instead of one per move, and its transactions do not queue for PostgreSQL's notify
     * lock at their commits. The event goes on a connection of its own, in plain JDBC (it counts in no request's
     * Hibernate statistics).
     */
    public void publishSoon(LiveEvent event) {
        if (registry != null && registry.getTransactionKey() != null) {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        schedule(event);
                    }
                }
            });
        } else {
            schedule(event);
        }
    }

    /** How long an event published with {@link #publishSoon} waits for others like it. */
    static final long COALESCE_MS = 100;

    private final Set<LiveEvent> due = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "specboard-live-publish");
        t.setDaemon(true);
        return t;
    });

    private void schedule(LiveEvent event) {
        if (due.add(event)) {
            sender.schedule(() -> send(event), COALESCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void send(LiveEvent event) {
        // Taken off first: a commit after this moment schedules the next event; every commit before it is covered by this one.
        due.remove(event);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, event.encode());
            ps.execute();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("A live event could not be sent (%s)", e.getMessage());
        }
    }

    /** The events of every instance, from the moment of subscribing; counted while subscribed (see {@link #subscribers}). */
    public Multi<LiveEvent> stream() {
        return events.onSubscription().invoke(s -> subscribers.incrementAndGet())
                .onTermination().invoke(subscribers::decrementAndGet);
    }

    /**
     * How many subscriptions to the events are open: the instance's own listeners, and a few for each open stream of a page
     * or agent. A stream whose client went away gives its own back, or the count would only grow.
     */
    public int subscribers() {
        return subscribers.get();
    }

    void start(@Observes StartupEvent ev) {
        running = true;
        listener = new Thread(this::listen, "specboard-live-updates");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        sender.shutdown();
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
