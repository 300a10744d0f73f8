package dev.specboard.web;

import dev.specboard.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An address longer than 32 KiB is 414 with our answer, the error page for pages and the JSON error for the API,
 * saying the address is too long (it was Vert.x's bare 414, without a word); one within 32 KiB is served as before.
 */
@QuarkusTest
class AddressTooLongTest {

    @Test
    void aTooLongAddressIs414WithAPageOrTheJsonError() {
        String q = "a".repeat(40_000);
        RawHttp.Answer page = RawHttp.send("GET /search?q=" + q + " HTTP/1.1", (String) null);
        assertEquals(414, page.status());
        assertTrue(page.header("content-type").startsWith("text/html"), page.header("content-type"));
        assertTrue(page.body().contains("The address is too long"), page.body());
        assertTrue(page.body().contains("Address too long"), page.body());

        RawHttp.Answer api = RawHttp.send("GET /api/v1/projects/p/search?q=" + q + " HTTP/1.1", (String) null);
        assertEquals(414, api.status());
        assertTrue(api.header("content-type").startsWith("application/json"), api.header("content-type"));
        assertTrue(api.body().startsWith("{\"error\":\"The address is too long"), api.body());
    }

    @Test
    void anAddressWithin32KiBIsServedAsBefore() {
        RawHttp.Answer within = RawHttp.send("GET /no-such-page?q=" + "a".repeat(32_000) + " HTTP/1.1", (String) null);
        assertNotEquals(414, within.status());
    }
}
