package dev.specboard.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The failed logins of one account name in the current window, kept in the database so that the
 * guessing limit holds across app instances. An attempt is counted before its password is checked.
 */
@Entity
@Table(name = "login_failures")
public class LoginFailure extends PanacheEntityBase {

    @Id
    public String login;

    public int failures;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    /** The count this attempt got, and since when the window runs. */
    public record Count(int failures, Instant windowStart) {
    }

    /**
     * Counts one more attempt in a single statement (the row lock of the upsert orders parallel
     * attempts), starting a new window when the last one is over. Commit it before checking the password.
     */
    public static Count reserve(String login, int windowMinutes) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                        insert into login_failures as f (login, failures, window_start) values (?1, 1, now())
                        on conflict (login) do update set
                          failures = case when f.window_start > now() - make_interval(mins => ?2) then f.failures + 1 else 1 end,
                          window_start = case when f.window_start > now() - make_interval(mins => ?2) then f.window_start else now() end
                        returning failures, extract(epoch from window_start)::bigint""")
                .setParameter(1, login).setParameter(2, windowMinutes).getSingleResult();
        return new Count(((Number) row[0]).intValue(), Instant.ofEpochSecond(((Number) row[1]).longValue()));
    }

    /** A successful login wipes the slate. */
    public static void clear(String login) {
        delete("login", login);
    }

    /** Windows that ended long ago are of no use. */
    public static long purge(Instant before) {
        return delete("windowStart < ?1", before);
    }
}
