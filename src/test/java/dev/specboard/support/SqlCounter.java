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

    /** Runs the action and returns how many statements it prepared. */
    public static long count(Runnable action) {
        Statistics s = stats();
        s.setStatisticsEnabled(true);
        s.clear();
        action.run();
        return s.getPrepareStatementCount();
    }
}
