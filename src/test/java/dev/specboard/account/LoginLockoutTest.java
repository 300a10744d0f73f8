package dev.specboard.account;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class LoginLockoutTest {

    private static final int PARALLEL = 30;
    private static final int RIGHT = 22;

    @Inject
    TestData data;

    /**
     * An account whose password takes as long to check as in production (tests use the cheapest
     * bcrypt), so that parallel logins really overlap while their passwords are checked.
     */
    private Account slowAccount(String prefix) {
        Account a = data.account(prefix);
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(a.id).passwordHash = BcryptUtil.bcryptHash(TestData.PASSWORD, 10));
        return a;
    }

    private static int failuresOf(Account a) {
        return QuarkusTransaction.requiringNew().call(() -> {
            LoginFailure f = LoginFailure.findById(a.username.toLowerCase());
            return f == null ? 0 : f.failures;
        });
    }

    /** Fires the logins at once, each from its own anonymous browser, and answers their status codes in order. */
    private static List<Integer> parallelLogins(Account a, List<String> passwords, int waitForLimit) throws Exception {
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
                        long deadline = System.currentTimeMillis() + 20_000;
                        while (failuresOf(a) < 10 && System.currentTimeMillis() < deadline) {
                            Thread.sleep(5);
                        }
                    }
                    return RestAssured.given().redirects().follow(false)
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
        List<Integer> codes = parallelLogins(a, wrong, -1);
        assertEquals(10, count(codes, 422), "passwords checked: " + codes);
        assertEquals(PARALLEL - 10, count(codes, 429), "refused without a check: " + codes);
        Web.anonymous().formParam("username", a.username).formParam("password", TestData.PASSWORD).post("/login")
                .then().statusCode(429);
    }

    @Test
    void rightPasswordAmongParallelGuessesIsRefusedOnceTheLimitIsReached() throws Exception {
        Account a = slowAccount("race22");
        List<String> passwords = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            passwords.add(i == RIGHT ? TestData.PASSWORD : "wrong guess " + i);
        }
        List<Integer> codes = parallelLogins(a, passwords, RIGHT);
        assertEquals(429, codes.get(RIGHT), "the right password got in after the limit: " + codes);
        assertEquals(10, count(codes, 422), "passwords checked: " + codes);
    }
}
