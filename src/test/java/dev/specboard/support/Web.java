package dev.specboard.support;

import dev.specboard.account.Account;
import dev.specboard.account.SessionCookie;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.spi.CDI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Logged-in RestAssured requests for page tests: the real signed login cookie and a real CSRF
 * token obtained from a page, as a browser would have them.
 */
public final class Web {

    private Web() {
    }

    /** A request as this account, with a CSRF token in both the cookie and the htmx header. */
    public static RequestSpecification as(Account account) {
        return as(account, csrf());
    }

    /** The same with a CSRF token fetched once, for tests that send many requests. */
    public static RequestSpecification as(Account account, Csrf csrf) {
        SessionCookie sessions = CDI.current().select(SessionCookie.class).get();
        String session = sessions.issue(account.id, account.username, account.role);
        return RestAssured.given().redirects().follow(false)
                .cookie(SessionCookie.NAME, session)
                .cookie("csrf-token", csrf.cookie())
                .header("X-CSRF-TOKEN", csrf.token());
    }

    /** An anonymous request that still carries a CSRF token (for login and sign-up forms). */
    public static RequestSpecification anonymous() {
        Csrf csrf = csrf();
        return RestAssured.given().redirects().follow(false)
                .cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token());
    }

    /** Adds the htmx request headers. */
    public static RequestSpecification htmx(RequestSpecification spec) {
        return spec.header("HX-Request", "true");
    }

    public static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }

    public record Csrf(String cookie, String token) {
    }

    public static Csrf csrf() {
        Response r = RestAssured.given().redirects().follow(false).get("/login");
        String cookie = r.getCookie("csrf-token");
        String token = Jsoup.parse(r.asString()).select("input[name=csrf-token]").attr("value");
        return new Csrf(cookie, token);
    }
}
