package dev.specboard.account;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LoginLockoutTest {

    private static final int PARALLEL = 30;
    private static final int RIGHT = 22;

    @Inject
    TestData data;

    @ConfigProperty(name = "specboard.login.max-address-failures", defaultValue = "50")
    int addressLimit;

    /**
     * An account whose password takes as long to check as in production (tests use the cheapest
     * bcrypt), so that parallel logins really overlap while their passwords are checked.
     */
    private Account slowAccount(String prefix) {
        Account a = data.account(prefix);
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(a.id).passwordHash = BcryptUtil.bcryptHash(TestData.PASSWORD, 10));
        return a;
    }

    private static int failuresOf(Account a, String from) {
        return QuarkusTransaction.requiringNew().call(() -> {
            LoginFailure f = LoginFailure.findById(new LoginFailure.Key(a.username.toLowerCase(), from));
            return f == null ? 0 : f.failures;
        });
    }

    /**
     * Fires the logins at once, each from its own anonymous browser, all from one client address, and answers their
     * status codes in order.
     */
    private static List<Integer> parallelLogins(Account a, String from, List<String> passwords, int waitForLimit) throws Exception {
        List<Web.Csrf> browsers = new ArrayList<>();
        for (int i = 0; i < passwords.size(); i++) {
            browsers.add(Web.csrf());
        }
        ExecutorService pool = Executors.newFixedThreadPool(passwords.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < passwords.size(); i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    if (n == waitForLimit) {
                        // This one goes while the other guesses are in flight, once the limit has been counted.
                        // Up to a minute, and never sent before: sent early (20 s ran out on a loaded machine while the
                        // slow password checks queued), the right password got in and the test failed for that.
                        long deadline = System.currentTimeMillis() + 60_000;
                        while (failuresOf(a, from) < 10) {
                            if (System.currentTimeMillis() > deadline) {
                                throw new AssertionError("the other guesses never reached the limit within 60 s");
                            }
                            Thread.sleep(5);
                        }
                    }
                    return RestAssured.given().redirects().follow(false).header("X-Forwarded-For", from)
                            .cookie(CsrfTokens.PRE_SESSION_COOKIE, browsers.get(n).cookie()).formParam("csrf-token", browsers.get(n).token())
                            .formParam("username", a.username).formParam("password", passwords.get(n))
                            .post("/login").statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : answers) {
                codes.add(f.get(60, TimeUnit.SECONDS));
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<Integer> codes, int status) {
        return codes.stream().filter(c -> c == status).count();
    }

    @Test
    void parallelWrongLoginsCheckNoMorePasswordsThanTheLimit() throws Exception {
        Account a = slowAccount("race");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            wrong.add("wrong guess " + i);
        }
        String from = Web.clientAddress();
        List<Integer> codes = parallelLogins(a, from, wrong, -1);
        assertEquals(10, count(codes, 422), "passwords checked: " + codes);
        assertEquals(PARALLEL - 10, count(codes, 429), "refused without a check: " + codes);
        assertEquals(429, login(from, a.username, TestData.PASSWORD).statusCode());
    }

    @Test
    void rightPasswordAmongParallelGuessesIsRefusedOnceTheLimitIsReached() throws Exception {
        Account a = slowAccount("race22");
        List<String> passwords = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            passwords.add(i == RIGHT ? TestData.PASSWORD : "wrong guess " + i);
        }
        List<Integer> codes = parallelLogins(a, Web.clientAddress(), passwords, RIGHT);
        assertEquals(429, codes.get(RIGHT), "the right password got in after the limit: " + codes);
        assertEquals(10, count(codes, 422), "passwords checked: " + codes);
    }

    private static Response login(String from, String username, String password) {
        return Web.anonymous().header("X-Forwarded-For", from).formParam("username", username).formParam("password", password).post("/login");
    }

    private static Response basicToken(String from, String username, String password) {
        return RestAssured.given().header("X-Forwarded-For", from).auth().preemptive().basic(username, password)
                .contentType(ContentType.JSON).body(Map.of("name", "script")).post("/api/v1/tokens");
    }

    /**
     * Anyone can try an account's name with wrong passwords: that must lock out the one trying, not the account's owner
     * elsewhere. Failures count per account and client address, on the pages and in the API alike.
     */
    @Test
    void anAttackersFailuresDoNotLockTheOwnerOutFromElsewhere() {
        Account a = data.account("victim");
        String attacker = Web.clientAddress();
        for (int i = 0; i < 10; i++) {
            assertEquals(422, login(attacker, a.username, "guess " + i).statusCode());
        }
        Response locked = login(attacker, a.username, TestData.PASSWORD);
        assertEquals(429, locked.statusCode());
        assertEquals(303, login(Web.clientAddress(), a.username, TestData.PASSWORD).statusCode(), "the owner, from another address, gets in");
        assertTrue(Web.html(locked).getElementById("login-error").text().startsWith("Too many failed logins for this account"));
        assertTrue(Integer.parseInt(locked.getHeader("Retry-After")) > 0, "Retry-After: " + locked.getHeader("Retry-After"));

        Account b = data.account("apivictim");
        String script = Web.clientAddress();
        for (int i = 0; i < 10; i++) {
            assertEquals(401, basicToken(script, b.username, "guess " + i).statusCode());
        }
        Response refused = basicToken(script, b.username, TestData.PASSWORD);
        assertEquals(429, refused.statusCode());
        assertEquals(201, basicToken(Web.clientAddress(), b.username, TestData.PASSWORD).statusCode(), "the owner's script gets its token");
        assertTrue(refused.jsonPath().getString("error").startsWith("Too many failed logins"), refused.asString());
        assertTrue(Integer.parseInt(refused.getHeader("Retry-After")) > 0, "Retry-After: " + refused.getHeader("Retry-After"));
    }

    /**
     * Behind a proxy that appends to X-Forwarded-For ($proxy_add_x_forwarded_for), a client writes the start of the
     * header itself: a fresh first address on each guess must not be a fresh limit. The address counted is the last one
     * a trusted proxy wrote (loopback, which the test client connects from, is one), and another client behind the same
     * proxy keeps its own limit, whatever an attacker puts first.
     */
    @Test
    void spoofedFirstAddressesBehindAnAppendingProxyShareTheRealAddressesLimit() {
        Account a = data.account("spoofed");
        String attacker = Web.clientAddress();
        for (int i = 0; i < 10; i++) {
            assertEquals(422, login(Web.clientAddress() + ", " + attacker, a.username, "guess " + i).statusCode());
        }
        assertEquals(10, failuresOf(a, attacker), "every guess counted for the address the proxy saw");
        assertEquals(429, login(Web.clientAddress() + ", " + attacker, a.username, TestData.PASSWORD).statusCode(), "a new first address is no new limit");
        assertEquals(429, login(Web.clientAddress() + ", " + attacker + ", 127.0.0.1", a.username, TestData.PASSWORD).statusCode(),
                "a trusted proxy further along the chain is passed over");
        assertEquals(303, login(attacker + ", " + Web.clientAddress(), a.username, TestData.PASSWORD).statusCode(),
                "the owner, from another address, gets in though its first address names the attacker's");

        Account b = data.account("spoofedapi");
        String script = Web.clientAddress();
        for (int i = 0; i < 10; i++) {
            assertEquals(401, basicToken(Web.clientAddress() + "," + script, b.username, "guess " + i).statusCode());
        }
        assertEquals(429, basicToken(Web.clientAddress() + "," + script, b.username, TestData.PASSWORD).statusCode());
        assertEquals(201, basicToken(script + "," + Web.clientAddress(), b.username, TestData.PASSWORD).statusCode());
    }

    /** A client that is no trusted proxy names no address: its X-Forwarded-For is ignored and its own address counted. */
    @Test
    void anUntrustedPeersForwardedForIsIgnored() {
        Account a = data.account("direct");
        for (int i = 0; i < 10; i++) {
            Response r = Web.fromUntrustedPeer(Web.anonymous()).header("X-Forwarded-For", Web.clientAddress())
                    .formParam("username", a.username).formParam("password", "guess " + i).post("/login");
            assertEquals(422, r.statusCode());
        }
        assertEquals(10, failuresOf(a, "127.0.0.2"));
        assertEquals(429, Web.fromUntrustedPeer(Web.anonymous()).header("X-Forwarded-For", Web.clientAddress())
                .formParam("username", a.username).formParam("password", TestData.PASSWORD).post("/login").statusCode());
        assertEquals(303, login(Web.clientAddress(), a.username, TestData.PASSWORD).statusCode(), "the owner, behind the proxy, gets in");
    }

    /**
     * One address trying name after name (each costs a password hash check, known name or not) is refused after the
     * address's limit, before anything about the next name is looked at or counted; other addresses are not affected.
     */
    @Test
    void oneAddressSprayingManyNamesIsRefusedBeforeTheirPasswordsAreChecked() {
        String sprayer = Web.clientAddress();
        List<Account> targets = new ArrayList<>();
        for (int i = 0; i < addressLimit; i++) {
            targets.add(data.account("spray"));
        }
        for (Account t : targets) {
            assertEquals(422, login(sprayer, t.username, "Summer2026!").statusCode());
        }
        String fresh = TestData.unique("nobody");
        Response refused = login(sprayer, fresh, "Summer2026!");
        assertEquals(429, refused.statusCode());
        assertTrue(Web.html(refused).getElementById("login-error").text().startsWith("Too many failed logins"));
        assertTrue(Integer.parseInt(refused.getHeader("Retry-After")) > 0);
        assertEquals(0L, failureRows(fresh), "refused before the name was counted, let alone its password checked");
        assertEquals(429, login(sprayer, targets.get(0).username, TestData.PASSWORD).statusCode(), "the whole address waits");
        assertEquals(303, login(Web.clientAddress(), targets.get(0).username, TestData.PASSWORD).statusCode());
    }

    /** The same address limit holds for HTTP Basic at POST /api/v1/tokens: 429 in the API's JSON, with Retry-After. */
    @Test
    void oneAddressSprayingNamesThroughTheApiIsRefusedToo() {
        String sprayer = Web.clientAddress();
        for (int i = 0; i < addressLimit; i++) {
            assertEquals(401, basicToken(sprayer, TestData.unique("sprayed"), "Summer2026!").statusCode());
        }
        Response refused = basicToken(sprayer, TestData.unique("sprayed"), "Summer2026!");
        assertEquals(429, refused.statusCode());
        assertTrue(refused.jsonPath().getString("error").startsWith("Too many failed logins from your address"), refused.asString());
        assertTrue(Integer.parseInt(refused.getHeader("Retry-After")) > 0);
    }

    /** An unknown name's answer takes as long as a known one's: its stand-in hash has the cost an account's password gets. */
    @Test
    void anUnknownNameCostsTheSameHashCheckAsAnAccount() {
        String own = QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(data.account("cost").id).passwordHash);
        // "$2a$04$...": the cost is the number between the second and third dollar signs.
        assertEquals(own.substring(0, 7), PasswordCheck.dummyHash().substring(0, 7));
        assertFalse(PasswordCheck.matches("anything", PasswordCheck.dummyHash()));
    }

    private static long failureRows(String login) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) LoginFailure.getEntityManager()
                .createNativeQuery("select count(*) from login_failures where login = ?1").setParameter(1, login.toLowerCase())
                .getSingleResult()).longValue());
    }
}
