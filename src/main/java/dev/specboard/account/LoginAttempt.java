package dev.specboard.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One login try, kept in the database so that the guessing limit holds across app instances. */
@Entity
@Table(name = "login_attempts")
public class LoginAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    public String login;

    public boolean succeeded;

    public String remote;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    /** Failures since the later of the window start and the last success. */
    public static long recentFailures(String login, Instant since) {
        return count("login = ?1 and succeeded = false and createdAt > ?2 and createdAt > "
                + "coalesce((select max(s.createdAt) from LoginAttempt s where s.login = ?1 and s.succeeded = true), ?2)",
                login, since);
    }

    public static Instant oldestRecentFailure(String login, Instant since) {
        return find("login = ?1 and succeeded = false and createdAt > ?2 order by createdAt", login, since)
                .firstResultOptional().map(a -> ((LoginAttempt) a).createdAt).orElse(Instant.now());
    }
}
