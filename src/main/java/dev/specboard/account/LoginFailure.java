package dev.specboard.account;

import dev.specboard.web.ApiException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The failed logins of one account name from one client address in the current window, kept in the database so that
 * the guessing limit holds across app instances. An attempt is counted before its password is checked. Keyed by the
 * address too, so that someone else's guesses lock out their address, never the account's owner elsewhere.
 */
@Entity
@Table(name = "login_failures")
@IdClass(LoginFailure.Key.class)
public class LoginFailure extends PanacheEntityBase {

    @Id
    public String login;

    @Id
    public String address;

    public int failures;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    /** The primary key: account name and client address. */
    public record Key(String login, String address) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    /** The count this attempt got, and since when the window runs. */
    public record Count(int failures, Instant windowStart) {

        /** The 429 for an attempt past the limit, saying when the window of {@code windowMinutes} ends. */
        public ApiException refusal(String what, int windowMinutes) {
            Instant retry = windowStart.plus(Duration.ofMinutes(windowMinutes));
            long seconds = Math.max(1, Duration.between(Instant.now(), retry).toSeconds() + 1);
            long minutes = Math.max(1, Duration.between(Instant.now(), retry).toMinutes() + 1);
            return ApiException.tooManyRequests(what + " Try again in " + minutes + (minutes == 1 ? " minute." : " minutes."), seconds);
        }
    }

    /**
     * Counts one more attempt in a single statement (the row lock of the upsert orders parallel
     * attempts), starting a new window when the last one is over. Commit it before checking the password.
     */
    public static Count reserve(String login, String address, int windowMinutes) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                        insert into login_failures as f (login, address, failures, window_start) values (?1, ?3, 1, now())
                        on conflict (login, address) do update set
                          failures = case when f.window_start > now() - make_interval(mins => ?2) then f.failures + 1 else 1 end,
                          window_start = case when f.window_start > now() - make_interval(mins => ?2) then f.window_start else now() end
                        returning failures, extract(epoch from window_start)::bigint""")
                .setParameter(1, login).setParameter(2, windowMinutes).setParameter(3, address).getSingleResult();
        return new Count(((Number) row[0]).intValue(), Instant.ofEpochSecond(((Number) row[1]).longValue()));
    }

    /** A successful login wipes the slate of its name from its address (other addresses keep theirs). */
    public static void clear(String login, String address) {
        delete("login = ?1 and address = ?2", login, address);
    }

    /** Windows that ended long ago are of no use. */
    public static long purge(Instant before) {
        return delete("windowStart < ?1", before);
    }
}
