package dev.specboard.account;

import dev.specboard.web.ApiException;
import dev.specboard.web.ClientAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.LoggedText;
import dev.specboard.web.Validation;
import dev.specboard.web.ValidationException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Signs people up and logs them in, refusing password guessing per client address and per account from it. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    @Inject
    Validation validation;

    @ConfigProperty(name = "specboard.login.max-failures", defaultValue = "10")
    int maxFailures;

    @ConfigProperty(name = "specboard.login.max-address-failures", defaultValue = "50")
    int maxAddressFailures;

    @ConfigProperty(name = "specboard.login.window-minutes", defaultValue = "15")
    int windowMinutes;

    @ConfigProperty(name = "specboard.signup.open", defaultValue = "true")
    boolean signupOpen;

    public boolean signupOpen() {
        return signupOpen;
    }

    /** Creates the account; the very first account of an installation becomes site admin. */
    @Transactional
    public Account signup(SignupForm form) {
        if (!signupOpen) {
            throw ApiException.forbidden("Sign-up is closed on this Specboard; ask an administrator for an account.");
        }
        return create(form);
    }

    /**
     * Creates the account the form describes, whether or not sign-up is open: an invitation to a project
     * lets the invited address in either way.
     */
    @Transactional
    public Account create(SignupForm form) {
        return create(form, FormErrors.none());
    }

    /**
     * Creates the account unless the form has problems, counting those its caller found ({@code refused}, e.g. an
     * invitation's address not being this one) for each field the form's own checks left without a problem.
     */
    @Transactional
    public Account create(SignupForm form, FormErrors refused) {
        FormErrors errors = validation.check(form);
        refused.list().stream().filter(e -> !errors.has(e.field())).forEach(e -> errors.add(e.field(), e.message()));
        if (!errors.has("email") && Account.findByEmail(form.email()).isPresent()) {
            errors.add("email", "An account with this email already exists");
        }
        if (!errors.has("username") && Account.findByUsername(form.username()).isPresent()) {
            errors.add("username", "This username is taken");
        }
        if (errors.any()) {
            boolean onlyTaken = errors.asMap().values().stream().allMatch(m -> m.contains("taken") || m.contains("already exists"));
            if (onlyTaken) {
                throw new TakenException(errors);
            }
            throw new ValidationException(errors);
        }
        Account a = new Account();
        a.email = form.email().trim();
        a.username = form.username().trim();
        a.name = form.name() == null || form.name().isBlank() ? null : form.name().trim();
        a.setPassword(form.password());
        a.role = Account.roleOfNewAccount();
        a.persist();
        return a;
    }

    /**
     * Checks the password. Failures are counted per client address: after too many from one address (whatever names
     * they tried) it is refused before a name is even looked up, and after too many for one account from one address
     * that account is refused there, whatever the password, for the rest of the window; from elsewhere it logs in as
     * usual. Each attempt is counted (and committed) before its password is checked, so parallel guesses cannot all
     * slip under a limit. {@code remote} is the client's address (as the trusted proxies report it).
     */
    public Account login(String login, String password, String remote) {
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            throw new ApiException(422, "Enter your username (or email) and your password.");
        }
        if (login.length() > 255) {
            // No username or email is this long, and the failures table could not record it.
            throw new ApiException(401, "Wrong username or password.");
        }
        String address = ClientAddress.key(remote);
        LoginFailure.Count fromAddress = QuarkusTransaction.requiringNew().call(() -> LoginAddressFailure.reserve(address, windowMinutes));
        if (fromAddress.failures() > maxAddressFailures) {
            if (fromAddress.failures() == maxAddressFailures + 1) {
                LOG.warnf("Logins from %s refused for %d minutes after %d failures", LoggedText.of(address), windowMinutes, maxAddressFailures);
            }
            throw tooMany("Too many failed logins from your address.", fromAddress);
        }
        Optional<Account> account = QuarkusTransaction.requiringNew().call(() -> Account.findByLogin(login));
        String key = account.map(a -> a.username.toLowerCase(Locale.ROOT)).orElse(login.trim().toLowerCase(Locale.ROOT));
        LoginFailure.Count count = QuarkusTransaction.requiringNew().call(() -> LoginFailure.reserve(key, address, windowMinutes));
        if (count.failures() > maxFailures) {
            if (count.failures() == maxFailures + 1) {
                LOG.warnf("Login for %s from %s refused for %d minutes after %d failures", LoggedText.of(key), LoggedText.of(address), windowMinutes, maxFailures);
            }
            throw tooMany("Too many failed logins for this account.", count);
        }
        boolean ok;
        if (account.isPresent()) {
            ok = account.get().passwordMatches(password);
        } else {
            // An unknown login costs one hash check too, so the answer's timing does not tell which accounts exist.
            PasswordCheck.matches(password, PasswordCheck.dummyHash());
            ok = false;
        }
        if (!ok) {
            throw new ApiException(401, "Wrong username or password.");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            LoginFailure.clear(key, address);
            LoginAddressFailure.giveBack(address);
        });
        // Told only with the right password, so that a guesser does not learn which accounts are disabled.
        if (account.get().isDisabled()) {
            throw new ApiException(403, "This account is disabled. Ask an administrator of this Specboard to enable it.");
        }
        return account.get();
    }

    /**
     * Checks the current password of a logged-in account before a change that needs it (its email, its password, a new
     * API token), so that a stolen login cannot guess it there either. Failures count per account from every address
     * (a thief holds the login, not one address), in the login failures window; after as many as a login may fail,
     * further checks are refused, whatever the password, for the rest of the window ({@link TooManyPasswordChecks},
     * naming {@code field}). A right password wipes the count.
     */
    public boolean currentPasswordMatches(Account account, String password, String field) {
        // The count has a name no account has (usernames hold no space) and an address of its own: one count per account.
        String key = "current-password " + account.id;
        LoginFailure.Count count = QuarkusTransaction.requiringNew().call(() -> LoginFailure.reserve(key, "any", windowMinutes));
        if (count.failures() > maxFailures) {
            if (count.failures() == maxFailures + 1) {
                LOG.warnf("Password checks of %s refused for %d minutes after %d failures", LoggedText.of(account.username), windowMinutes, maxFailures);
            }
            ApiException refused = tooMany("Too many wrong passwords: checking your current password is paused.", count);
            throw new TooManyPasswordChecks(FormErrors.none().add(field, refused.getMessage()), refused.retryAfterSeconds());
        }
        if (!account.passwordMatches(password)) {
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> LoginFailure.clear(key, "any"));
        return true;
    }

    /** 429 saying when to come back: in words, and in seconds for Retry-After. */
    private ApiException tooMany(String what, LoginFailure.Count count) {
        return count.refusal(what, windowMinutes);
    }

    /** Forgets failure windows that ended a day ago or more. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purgeOldFailures() {
        Instant before = Instant.now().minus(Duration.ofMinutes(windowMinutes)).minus(Duration.ofDays(1));
        LoginFailure.purge(before);
        LoginAddressFailure.purge(before);
    }

    /** Too many wrong current passwords: the form answers 429 with the message at the password field, and Retry-After. */
    public static class TooManyPasswordChecks extends ValidationException {
        private final long retryAfterSeconds;

        public TooManyPasswordChecks(FormErrors errors, long retryAfterSeconds) {
            super(errors);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public int status() {
            return 429;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Username or email already in use: 409 in the API, a field error on the page. */
    public static class TakenException extends ValidationException {
        public TakenException(FormErrors errors) {
            super(errors);
        }

        @Override
        public int status() {
            return 409;
        }
    }
}
