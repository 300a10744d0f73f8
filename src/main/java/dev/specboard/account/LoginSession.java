package dev.specboard.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One login of an account, named by the signed cookie. The cookie alone proves who logged in; this
 * row says whether that login has been ended (logout, password change, "log out everywhere").
 */
@Entity
@Table(name = "login_sessions")
public class LoginSession extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(name = "issued_at", nullable = false, updatable = false)
    public Instant issuedAt = Instant.now();

    @Column(name = "ended_at")
    public Instant endedAt;

    /** What an instance needs to know about one login of an account. */
    public record State(UUID id, boolean open) {
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    /** Ends this login; ending it twice changes nothing. */
    public void end() {
        if (endedAt == null) {
            endedAt = Instant.now();
        }
    }

    /** Every login of the account made since {@code since}, open or ended, in one query. */
    public static List<State> statesOf(UUID accountId, Instant since) {
        return getEntityManager().createQuery(
                        "select new dev.specboard.account.LoginSession$State(s.id, case when s.endedAt is null then true else false end) from LoginSession s "
                                + "where s.account.id = :a and s.issuedAt > :since", State.class)
                .setParameter("a", accountId).setParameter("since", since).getResultList();
    }

    /** Ends every open login of the account except {@code keep} (null: all of them); answers how many. */
    public static int endAll(UUID accountId, UUID keep) {
        if (keep == null) {
            return update("endedAt = ?1 where account.id = ?2 and endedAt is null", Instant.now(), accountId);
        }
        return update("endedAt = ?1 where account.id = ?2 and endedAt is null and id <> ?3", Instant.now(), accountId, keep);
    }

    public static long openCount(UUID accountId, Instant since) {
        return count("account.id = ?1 and endedAt is null and issuedAt > ?2", accountId, since);
    }
}
