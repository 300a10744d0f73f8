package dev.specboard.account;

import dev.specboard.web.ApiException;
import dev.specboard.web.PageNumbers;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The accounts of this Specboard as its administrators see them: found by username, name or email, a page at a time;
 * and who is an administrator.
 */
@ApplicationScoped
public class AccountDirectory {

    static final int PAGE_SIZE = 50;

    /** One account in the list. */
    public record Row(String username, String name, String email, boolean admin, Instant createdAt, Instant disabledAt) {
    }

    /** A page of accounts matching {@code query} (empty: every account), in username order. */
    public record Listing(String query, List<Row> rows, PageNumbers at) {

        /** The list's address up to its page number, keeping the search. */
        public String pageHref() {
            return "/admin/accounts?" + (query.isEmpty() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&") + "page=";
        }
    }

    @Inject
    SessionService sessions;

    @Inject
    ApiTokenService tokens;

    /**
     * Makes the account an administrator of this Specboard, or no longer one. Its logins end (a login carries the role
     * it began with; the caller gives the asking browser a new one when it changed its own role) and its tokens take
     * the new role at once. The last administrator cannot step down (409): there would be nobody to make another.
     */
    @Transactional
    public Account setAdmin(String username, boolean admin) {
        // Two administrators removing each other at once still leave one.
        Account.lockAdministrators();
        Account a = Account.findByUsername(username).orElseThrow(() -> ApiException.notFound("No account " + username));
        if (a.isAdmin() == admin) {
            return a;
        }
        if (admin && a.isDisabled()) {
            throw ApiException.conflict(a.username + " is disabled: enable the account first.");
        }
        if (!admin && Account.count("role", Account.ROLE_ADMIN) <= 1) {
            throw ApiException.conflict(a.username + " is the only administrator of this Specboard: make another account an"
                    + " administrator first.");
        }
        a.role = admin ? Account.ROLE_ADMIN : Account.ROLE_USER;
        sessions.endAll(a.id);
        tokens.roleChanged(a.id);
        return a;
    }

    /**
     * Disables the account of someone who left (or enables it again): a disabled account cannot log in, is sent no reset
     * code, and its logins and API tokens end (enabling it does not bring the tokens back). One's own account and an
     * administrator's are refused (409): an administrator steps down first, so that some administrator always remains.
     */
    @Transactional
    public Account setDisabled(String username, boolean disabled, UUID actingAccount) {
        Account.lockAdministrators();
        Account a = Account.findByUsername(username).orElseThrow(() -> ApiException.notFound("No account " + username));
        if (a.isDisabled() == disabled) {
            return a;
        }
        if (disabled && a.id.equals(actingAccount)) {
            throw ApiException.conflict("You cannot disable your own account.");
        }
        if (disabled && a.isAdmin()) {
            throw ApiException.conflict(a.username + " is an administrator: remove them as one first.");
        }
        a.disabledAt = disabled ? Instant.now() : null;
        if (disabled) {
            sessions.endAll(a.id);
            tokens.revokeAll(a.id);
        }
        return a;
    }

    /** Two statements whatever the page: the count and the page's rows. */
    public Listing list(String query, Integer page) {
        String q = query == null ? "" : query.strip();
        String where = "";
        Parameters params = new Parameters();
        if (!q.isEmpty()) {
            // A percent sign or an underscore typed is looked for as itself, not as a wildcard.
            String like = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where = "lower(username) like :q escape '\\' or lower(email) like :q escape '\\' or lower(coalesce(name, '')) like :q escape '\\'";
            params = Parameters.with("q", like);
        }
        long total = where.isEmpty() ? Account.count() : Account.count(where, params);
        PageNumbers at = PageNumbers.of(page, total, PAGE_SIZE);
        List<Account> accounts = (where.isEmpty() ? Account.findAll(Sort.by("username")) : Account.find(where, Sort.by("username"), params))
                .page(Page.of(at.page() - 1, PAGE_SIZE)).list();
        return new Listing(q, accounts.stream().map(a -> new Row(a.username, a.name, a.email, a.isAdmin(), a.createdAt, a.disabledAt)).toList(), at);
    }
}
