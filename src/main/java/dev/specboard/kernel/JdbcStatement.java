package dev.specboard.kernel;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A native statement run in plain JDBC on the session's own connection (so in its transaction, and seen by Hibernate's
 * statement inspector like any other), without Hibernate's query machinery: no auto-flush, no result mapping. Its SQL
 * numbers its parameters ({@code ?1}, {@code ?2}, each usable many times), bound from an array by number. Outside a
 * transaction the connection goes back to the pool after each statement, as after any of Hibernate's own queries.
 */
public final class JdbcStatement {

    private final String sql;
    private final int[] order;

    private JdbcStatement(String sql, int[] order) {
        this.sql = sql;
        this.order = order;
    }

    /** Reads one row's worth from a result (positioned on its row, or after the last when there is none). */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Parses {@code ?n} placeholders into JDBC's positional ones, remembering which parameter each stands for. */
    public static JdbcStatement numbered(String numbered) {
        StringBuilder jdbc = new StringBuilder(numbered.length());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < numbered.length(); i++) {
            char ch = numbered.charAt(i);
            if (ch == '?' && i + 1 < numbered.length() && Character.isDigit(numbered.charAt(i + 1))) {
                int j = i + 1;
                while (j < numbered.length() && Character.isDigit(numbered.charAt(j))) {
                    j++;
                }
                order.add(Integer.parseInt(numbered.substring(i + 1, j)));
                jdbc.append('?');
                i = j - 1;
            } else {
                jdbc.append(ch);
            }
        }
        return new JdbcStatement(jdbc.toString(), order.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The statement in JDBC's form, with positional placeholders. */
    String sql() {
        return sql;
    }

    /** Binds {@code params[n - 1]} to each place of {@code ?n}. */
    void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < order.length; i++) {
            ps.setObject(i + 1, params[order[i] - 1]);
        }
    }

    /** Runs the statement with parameters {@code params[n - 1]} for {@code ?n} and reads its first row. */
    public <T> T query(EntityManager em, Object[] params, RowReader<T> reader) {
        return run(em, params, rs -> {
            rs.next();
            return reader.read(rs);
        });
    }

    /** Runs the statement with parameters {@code params[n - 1]} for {@code ?n} and reads each of its rows. */
    public <T> List<T> list(EntityManager em, Object[] params, RowReader<T> reader) {
        return run(em, params, rs -> {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
            return rows;
        });
    }

    /**
     * Runs the statement (one that answers no rows) with parameters {@code params[n - 1]} for {@code ?n}, and answers
     * its count. Unlike a native update through Hibernate it leaves the second-level cache alone: Hibernate cannot
     * tell which tables a native update touched, so it empties every cached region.
     */
    public int update(EntityManager em, Object... params) {
        return execute(em, params, (jdbc, ps) -> jdbc.getResultSetReturn().executeUpdate(ps, sql));
    }

    private <T> T run(EntityManager em, Object[] params, RowReader<T> reader) {
        return execute(em, params, (jdbc, ps) -> reader.read(jdbc.getResultSetReturn().extract(ps, sql)));
    }

    /** What to do with the bound statement on the session's connection. */
    @FunctionalInterface
    private interface Execution<T> {
        T on(JdbcCoordinator jdbc, PreparedStatement ps) throws SQLException;
    }

    private <T> T execute(EntityManager em, Object[] params, Execution<T> execution) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        boolean success = false;
        try {
            PreparedStatement ps = jdbc.getStatementPreparer().prepareStatement(sql);
            try {
                bind(ps, params);
                T result = execution.on(jdbc, ps);
                success = true;
                return result;
            } catch (SQLException e) {
                throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "Could not run a native statement", sql);
            } finally {
                jdbc.getLogicalConnection().getResourceRegistry().release(ps);
                jdbc.afterStatementExecution();
            }
        } finally {
            // What Hibernate does after each of its own queries: outside a transaction the session gives its connection
            // back to the pool now. Without it the connection stayed with the session until a later Hibernate query or
            // the session's close; an MCP tool call refused right after this statement (an unknown project, a
            // non-member) had neither, for the MCP library does not close the tool call's session, so it kept the
            // connection for good: some forty such calls left the pool empty for every user.
            session.afterOperation(success);
        }
    }
}
