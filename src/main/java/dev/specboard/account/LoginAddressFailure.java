package dev.specboard.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The failed logins from one client address in the current window, whatever names they tried: checked before a name
 * is looked up or a password hashed, so that one address cannot try name after name. An attempt is counted before it
 * is checked and given back when it succeeds.
 */
@Entity
@Table(name = "login_address_failures")
public class LoginAddressFailure extends PanacheEntityBase {

    @Id
    public String address;

    public int failures;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    /** Counts one more attempt from the address in a single statement, as {@link LoginFailure#reserve} does for a name. */
    public static LoginFailure.Count reserve(String address, int windowMinutes) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                        insert into login_address_failures as f (address, failures, window_start) values (?1, 1, now())
                        on conflict (address) do update set
                          failures = case when f.window_start > now() - make_interval(mins => ?2) then f.failures + 1 else 1 end,
                          window_start = case when f.window_start > now() - make_interval(mins => ?2) then f.window_start else now() end
                        returning failures, extract(epoch from window_start)::bigint""")
                .setParameter(1, address).setParameter(2, windowMinutes).getSingleResult();
        return new LoginFailure.Count(((Number) row[0]).intValue(), Instant.ofEpochSecond(((Number) row[1]).longValue()));
    }

    /**
     * A successful login gives its attempt back, and only its own: logging in to an account of one's own between
     * guesses must not wipe the address's slate.
     */
    public static void giveBack(String address) {
        update("failures = failures - 1 where address = ?1 and failures > 0", address);
    }

    /** Windows that ended long ago are of no use. */
    public static long purge(Instant before) {
        return delete("windowStart < ?1", before);
    }
}
