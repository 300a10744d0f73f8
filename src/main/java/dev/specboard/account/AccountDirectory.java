package dev.specboard.account;

import dev.specboard.web.PageNumbers;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The accounts of this Specboard as its administrators see them: found by username, name or email, a page at a time. */
@ApplicationScoped
public class AccountDirectory {

    static final int PAGE_SIZE = 50;

    /** One account in the list. */
    public record Row(String username, String name, String email, boolean admin, Instant createdAt) {
    }

    /** A page of accounts matching {@code query} (empty: every account), in username order. */
    public record Listing(String query, List<Row> rows, PageNumbers at) {

        /** The list's address up to its page number, keeping the search. */
        public String pageHref() {
            return "/admin/accounts?" + (query.isEmpty() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&") + "page=";
        }
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
        return new Listing(q, accounts.stream().map(a -> new Row(a.username, a.name, a.email, a.isAdmin(), a.createdAt)).toList(), at);
    }
}
