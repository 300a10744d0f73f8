package dev.specboard.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the SQL statements Hibernate prepares for the HTTP requests an action sends, to prove a
 * page's query count does not grow with its rows. Only statements on those requests' Vert.x contexts count
 * (the contexts are marked), so scheduled workers polling beside them (syncs, jobs, the lease sweep) do not add
 * to a count. Work a request hands to a {@code ManagedExecutor} does count: context propagation carries the
 * request's context along, so a chat question's answer, which {@code ChatWorker} starts that way after the
 * request commits, adds its statements to the count if it runs before the action ends (and only then: each run
 * marks its requests with its own number).
 * {@link #statementsHere} counts a direct call on the test's own thread instead.
 */
public final class SqlCounter {

    private static final String MARK = "specboard.sql-counter";
    private static volatile boolean counting;
    /** Which counted run a request belongs to: async work of an earlier run's request must not add to a later run. */
    private static final AtomicLong RUN = new AtomicLong();
    private static final ThreadLocal<Boolean> HERE = ThreadLocal.withInitial(() -> false);
    private static final AtomicLong STATEMENTS = new AtomicLong();
    private static final java.util.List<String> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SqlCounter() {
    }

    /**
     * Runs a read-only action (a page GET) three times and returns the fewest statements one run
     * prepared: the first run may fill a cache, so the minimum is the page's own cost. The pages counted read at
     * least their project, so none counted means nothing was measured (two such counts would compare equal and
     * prove nothing): that fails here. {@link #statements} shows that an action prepares none.
     */
    public static long count(Runnable action) {
        long fewest = countAllowingNone(action);
        if (fewest == 0) {
            throw new AssertionError("no SQL statement was counted: the action's requests were not measured");
        }
        return fewest;
    }

    private static synchronized long countAllowingNone(Runnable action) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            STATEMENTS.set(0);
            RUN.incrementAndGet();
            counting = true;
            try {
                action.run();
            } finally {
                counting = false;
            }
            fewest = Math.min(fewest, STATEMENTS.get());
        }
        return fewest;
    }

    /** The SQL of the statements one run of the action prepared, in order, to check what a page selects. */
    public static synchronized java.util.List<String> statements(Runnable action) {
        SEEN.clear();
        RUN.incrementAndGet();
        counting = true;
        try {
            action.run();
        } finally {
            counting = false;
        }
        return java.util.List.copyOf(SEEN);
    }

    /** The SQL of the statements the action prepared on this thread (a service called directly, not through HTTP). */
    public static synchronized java.util.List<String> statementsHere(Runnable action) {
        SEEN.clear();
        HERE.set(true);
        try {
            action.run();
        } finally {
            HERE.set(false);
        }
        return java.util.List.copyOf(SEEN);
    }

    private static boolean marked() {
        Context context = Vertx.currentContext();
        return context != null && VertxContext.isDuplicatedContext(context) && Long.valueOf(RUN.get()).equals(context.getLocal(MARK));
    }

    /** Marks each request that arrives while an action is counted. */
    public static class Marker {
        @ServerRequestFilter(preMatching = true)
        public void mark() {
            Context context = Vertx.currentContext();
            if (counting && context != null && VertxContext.isDuplicatedContext(context)) {
                context.putLocal(MARK, RUN.get());
            }
        }
    }

    /** Counts the statements prepared on a marked request's context. */
    @PersistenceUnitExtension
    @ApplicationScoped
    public static class Inspector implements StatementInspector {
        @Override
        public String inspect(String sql) {
            if ((counting && marked()) || HERE.get()) {
                STATEMENTS.incrementAndGet();
                SEEN.add(sql);
            }
            return sql;
        }
    }
}
