package dev.specboard.support;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/** Counts the SQL statements Hibernate prepares, to prove a page's query count does not grow with its rows. */
public final class SqlCounter {

    private SqlCounter() {
    }

    private static Statistics stats() {
        return CDI.current().select(EntityManagerFactory.class).get().unwrap(SessionFactory.class).getStatistics();
    }

    /**
     * Runs a read-only action (a page GET) three times and returns the fewest statements one run
     * prepared. The statistics are global, so a background job (the sync worker polls every few
     * seconds) can add to one run; and the first run may fill a cache. The minimum is the page's own cost.
     */
    public static long count(Runnable action) {
        Statistics s = stats();
        s.setStatisticsEnabled(true);
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            s.clear();
            action.run();
            fewest = Math.min(fewest, s.getPrepareStatementCount());
        }
        return fewest;
    }
}
