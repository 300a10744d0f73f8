package dev.specboard.account;

import dev.specboard.kernel.QuerySpaces;
import dev.specboard.kernel.Secrets;
import dev.specboard.web.ApiException;
import dev.specboard.web.ClientAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.OutgoingMail;
import dev.specboard.web.PublicAddress;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Resets a forgotten password with a single-use code mailed to the account's address, which works for an hour. */
@ApplicationScoped
public class PasswordResetService {

    static final int VALID_MINUTES = 60;
    /** At most this many codes are mailed to one account in {@link #LIMIT_MINUTES}: asking cannot flood a mailbox. */
    static final int CODES_PER_WINDOW = 3;
    static final int LIMIT_MINUTES = 15;
    /** At most this many requests from one client address in {@link #LIMIT_MINUTES}, whatever addresses they name. */
    static final int REQUESTS_PER_ADDRESS = 20;
    static final String NOT_VALID = "This code does not work: it may have expired (a code works for an hour), been used"
            + " already, or been ended by a newer password. Ask for a new one.";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    /** The table the native updates below touch, named so that Hibernate keeps its second-level cache. */
    private static final String TABLE = "password_resets";

    @Inject
    EntityManager em;

    @Inject
    OutgoingMail mail;

    @Inject
    Validation validation;

    @Inject
    SessionService sessions;

    @Inject
    Event<PasswordResetMail.Requested> requested;

    @Inject
    Event<PasswordResetMail.Issued> issued;

    @Inject
    Event<PasswordResetMail.Done> done;

    /** Where people reach this Specboard, for the link in the mail; without it the mail holds only the code. */
    @Inject
    PublicAddress publicAddress;

    /** Whether a reset can be asked for at all: only a mail can deliver the code. */
    public boolean offered() {
        return mail.enabled();
    }

    /**
     * Mails a new code to the account with this address, if there is one, it is not disabled and it was not sent
     * {@value #CODES_PER_WINDOW} codes in the last {@value #LIMIT_MINUTES} minutes. None of this shows in what the caller learns:
     * the answer is the same, and the mail goes out in the background. Codes mailed earlier keep working (a slow mail
     * must not be beaten by the next one). More than {@value #REQUESTS_PER_ADDRESS} requests from one client address
     * ({@code remote}) in that window are refused (429), for every address alike; a missing or malformed address is a
     * 422 on {@code email}, not counted.
     */
    @Transactional
    public void request(String email, String remote) {
        String given = email == null ? "" : email.strip();
        if (given.isEmpty()) {
            throw ValidationException.of("email", "Enter the email address of your account");
        }
        if (given.length() > 255 || !EMAIL.matcher(given).matches()) {
            throw ValidationException.of("email", "Enter an email address, like name@example.com");
        }
        // Counted (and committed) first, whatever the address: one client cannot have mail sent to account after account.
        String address = "reset " + ClientAddress.key(remote);
        LoginFailure.Count fromAddress = QuarkusTransaction.requiringNew().call(() -> LoginAddressFailure.reserve(address, LIMIT_MINUTES));
        if (fromAddress.failures() > REQUESTS_PER_ADDRESS) {
            throw fromAddress.refusal("Too many reset codes asked for from your address.", LIMIT_MINUTES);
        }
        Optional<Account> found = Account.findByEmail(given);
        if (found.isEmpty() || found.get().isDisabled()) {
            return;
        }
        Account a = found.get();
        // Two requests at once for one account take turns, so that the limit holds.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('password-reset:' || ?1))").setParameter(1, a.id.toString())
                .getSingleResult();
        Number recent = (Number) em.createNativeQuery("""
                        SELECT count(*) FROM password_resets
                        WHERE account_id = ?1 AND created_at > now() - make_interval(mins => ?2)""")
                .setParameter(1, a.id).setParameter(2, LIMIT_MINUTES).getSingleResult();
        if (recent.intValue() >= CODES_PER_WINDOW) {
            return;
        }
        String code = store(a.id);
        String link = publicAddress.configured().map(base -> link(base, code)).orElse(null);
        requested.fire(new PasswordResetMail.Requested(a.email, a.username, code, link, VALID_MINUTES));
    }

    /**
     * A reset link an administrator passes on to the account's owner (who cannot log in, on a Specboard that sends no
     * mail) by a way they trust; the account's address is told when mail is set up. {@code base} is where the link
     * starts ({@link PublicAddress#base}).
     */
    @Transactional
    public String issue(String username, URI base) {
        Account a = Account.findByUsername(username).orElseThrow(() -> ApiException.notFound("No account " + username));
        String code = store(a.id);
        issued.fire(new PasswordResetMail.Issued(a.email, a.username, VALID_MINUTES));
        return link(base, code);
    }

    private static String link(URI base, String code) {
        return PublicAddress.link(base, "/password-reset/" + code);
    }

    /** Stores a new code of the account and answers it (only its hash is kept). */
    private String store(UUID accountId) {
        String code = Secrets.newValue();
        QuerySpaces.touching(em.createNativeQuery("""
                        INSERT INTO password_resets (account_id, code_hash, expires_at)
                        VALUES (?1, ?2, now() + make_interval(mins => ?3))"""), TABLE)
                .setParameter(1, accountId).setParameter(2, Secrets.hash(code)).setParameter(3, VALID_MINUTES).executeUpdate();
        return code;
    }

    /** Whether the code can still set a password (a link is opened: its page asks for the password, or says it is spent). */
    public boolean usable(String code) {
        if (code == null || code.isBlank() || code.length() > 200) {
            return false;
        }
        return !em.createNativeQuery("""
                        SELECT 1 FROM password_resets WHERE code_hash = ?1 AND used_at IS NULL AND expires_at > now()""")
                .setParameter(1, Secrets.hash(code.strip())).getResultList().isEmpty();
    }

    /**
     * Sets the new password with the code, which is then spent, like every other open code of the account; every
     * login of the account ends and its address is told. A code that does not work, or a password the rules refuse,
     * is a 422 naming the field; the code then stays as it was.
     */
    @Transactional
    public void reset(PasswordResetForm form) {
        FormErrors errors = validation.check(form);
        UUID accountId = null;
        if (!errors.has("code")) {
            // Spent in the statement that finds it: of two uses at once, one finds it open. A refusal below rolls it back.
            @SuppressWarnings("unchecked")
            List<UUID> taken = em.createNativeQuery("""
                            UPDATE password_resets SET used_at = now()
                            WHERE code_hash = ?1 AND used_at IS NULL AND expires_at > now() RETURNING account_id""")
                    .setParameter(1, Secrets.hash(form.code().strip())).getResultList();
            if (taken.isEmpty()) {
                errors.add("code", NOT_VALID);
            } else {
                accountId = taken.get(0);
            }
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        Account a = Account.findById(accountId);
        a.setPassword(form.newPassword());
        endOpen(accountId);
        sessions.endAll(accountId);
        done.fire(new PasswordResetMail.Done(a.email, a.username));
    }

    /**
     * Ends the account's open codes: after a password or email change a code mailed before it (perhaps to an address
     * the owner no longer controls) must not set the password.
     */
    @Transactional
    public void endOpen(UUID accountId) {
        QuerySpaces.touching(em.createNativeQuery("UPDATE password_resets SET used_at = now() WHERE account_id = ?1 AND used_at IS NULL"), TABLE)
                .setParameter(1, accountId).executeUpdate();
    }

    /** Codes past their hour and the mail limit's window are of no use to anyone. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purgeExpired() {
        QuerySpaces.touching(em.createNativeQuery("DELETE FROM password_resets WHERE expires_at < now() - interval '1 day'"), TABLE)
                .executeUpdate();
    }
}
