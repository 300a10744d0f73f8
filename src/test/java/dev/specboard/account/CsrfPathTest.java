package dev.specboard.account;

import dev.specboard.support.RawHttp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSRF guard lets /api/ requests pass (they take tokens, never cookies), so a path that only looks like /api/ before
 * it is normalized must not carry a browser's change past it: each such spelling of a page's form action is refused.
 */
@QuarkusTest
class CsrfPathTest {

    @Inject
    TestData data;

    @Test
    void aPathThatOnlyStartsWithApiBeforeNormalizingIsNoWayAroundTheToken() {
        String cookie = Web.sessionCookie(data.account("csrfpath"));
        List<String> passed = new ArrayList<>();
        for (String path : List.of("/api/../notifications/read-all", "/api/%2e%2e/notifications/read-all", "/api/./../notifications/read-all",
                "/api/v1/../../notifications/read-all", "/api/%2E%2E/notifications/read-all")) {
            RawHttp.Answer a = RawHttp.send("POST " + path + " HTTP/1.1\r\nCookie: " + SessionCookie.NAME + "=" + cookie
                    + "\r\nContent-Type: application/x-www-form-urlencoded", "x=1");
            if (a.status() < 400) {
                passed.add(path + ": " + a.status() + " " + a.header("location"));
            }
        }
        assertTrue(passed.isEmpty(), "changed without a CSRF token:\n" + String.join("\n", passed));
    }
}
