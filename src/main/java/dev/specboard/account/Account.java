package dev.specboard.account;

import dev.specboard.kernel.StaleVersionException;
import dev.specboard.kernel.TimestampedEntity;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A person (or the owner of an agent's token); {@code role} is the site role: user or admin. */
@Entity
@Table(name = "accounts")
@UserDefinition
public class Account extends TimestampedEntity {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";

    public String email;

    @Username
    public String username;

    public String name;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "avatar_url")
    public String avatarUrl;

    @Roles
    public String role = ROLE_USER;

    /** When an administrator disabled the account (it cannot log in), or null. */
    @Column(name = "disabled_at")
    public Instant disabledAt;

    /** Whether each new notification is mailed to {@link #email} too (when the installation sends mail). */
    @Column(name = "email_notifications")
    public boolean emailNotifications;


    public static Optional<Account> findByUsername(String username) {
        return find("lower(username) = lower(?1)", username.trim()).firstResultOptional();
    }

    public static Optional<Account> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email.trim()).firstResultOptional();
    }

    /**
     * Who saved a document's newer version, as a stale save by {@code caller} names them: "you in another tab or window"
     * when it was the caller (their own earlier save), else the author's username; null when the author is not known.
     */
    public static String savedByAsSeenBy(UUID author, UUID caller) {
        if (author == null) {
            return null;
        }
        if (author.equals(caller)) {
            return StaleVersionException.BY_YOU;
        }
        Account a = findById(author);
        return a == null ? null : a.username;
    }

    /** People log in with either their username or their email. */
    public static Optional<Account> findByLogin(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        return login.contains("@") ? findByEmail(login) : findByUsername(login);
    }

    /**
     * The site role of an account about to be stored: admin for the first of the installation, user for every other.
     * Takes a lock held until the transaction ends, so that of two first sign-ups at once the second waits for the
     * first's account and sees it. Call it in the transaction that stores the account, just before storing it.
     */
    static String roleOfNewAccount() {
        lockAdministrators();
        return count() == 0 ? ROLE_ADMIN : ROLE_USER;
    }

    /**
     * Takes the lock, held until the transaction ends, under which who is an administrator is decided: a first sign-up
     * and changes of administrators take turns.
     */
    static void lockAdministrators() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('accounts:first-is-admin'))").getSingleResult();
    }

    public void setPassword(String plain) {
        this.passwordHash = BcryptUtil.bcryptHash(plain, PasswordCheck.cost());
    }

    public boolean passwordMatches(String plain) {
        return plain != null && passwordHash != null && PasswordCheck.matches(plain, passwordHash);
    }

    public boolean isDisabled() {
        return disabledAt != null;
    }

    public boolean isAdmin() {
        return ROLE_ADMIN.equals(role);
    }

    public String displayName() {
        return name == null || name.isBlank() ? username : name;
    }
}
