package dev.specboard.account;

import dev.specboard.support.Browser;
import dev.specboard.support.Mails;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuthBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Test
    void signUpLogOutAndLogInAgain() {
        String u = TestData.unique("browser");
        try (Browser b = Browser.open(base.toString())) {
            b.go("/signup");
            b.assertAccessible();
            b.type("#f-email", "not an email").type("#f-username", u).type("#f-password", "long enough password");
            b.click("#signup-form button[type=submit]");
            assertTrue(b.find("#e-email").getText().contains("valid email"));
            assertEquals(u, b.find("#f-username").getAttribute("value"));
            b.assertAccessible();
            b.type("#f-email", u + "@example.test").type("#f-password", "long enough password");
            b.click("#signup-form button[type=submit]");
            b.waitFor("#no-projects");
            assertEquals("/", b.path());
            b.assertAccessible();

            b.click(".account-menu summary");
            b.click(".account-menu button[type=submit]");
            b.waitFor("#login-form");
            b.assertAccessible();

            b.login(u, "wrong password");
            assertEquals("Wrong username or password.", b.find("#login-error").getText());
            b.login(u, "long enough password");
            b.waitFor("#no-projects");
        }
    }

    @Test
    void logOutEverywhereFromTheAccountPage() {
        String u = TestData.unique("everywhere");
        try (Browser b = Browser.open(base.toString())) {
            b.go("/signup");
            b.type("#f-email", u + "@example.test").type("#f-username", u).type("#f-password", "long enough password");
            b.click("#signup-form button[type=submit]");
            b.waitFor("#no-projects");
            b.go("/account");
            b.waitFor("#logout-everywhere");
            b.assertAccessible();
            b.click("#logout-everywhere");
            b.waitFor("#login-form");
            assertEquals("/login", b.path());
            assertEquals("You are logged out on every device.", b.find("#flash .flash").getText());
            b.go("/account");
            b.waitFor("#login-form");
            b.login(u, "long enough password");
            b.waitFor("#no-projects");
        }
    }

    /** Forgot the password: from the login page to a code by mail and a new password, on a phone's width. */
    @Test
    void resetAForgottenPasswordWithTheMailedCode() {
        Account a = data.account("forgetful");
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.go("/login");
            b.click("#forgot-password");
            b.waitFor("#reset-request-form");
            b.assertFitsWidth();
            b.assertAccessible();
            b.type("#f-email", "not an address");
            b.click("#reset-request-form button[type=submit]");
            b.waitFor("#e-email");
            assertEquals("not an address", b.value("#f-email"));
            b.assertAccessible();
            b.type("#f-email", a.email);
            b.click("#reset-request-form button[type=submit]");
            b.waitFor("#reset-sent");
            b.assertFitsWidth();
            b.assertAccessible();

            String code = Mails.resetCode(Mails.await(a.email, 1).get(0));
            b.type("#f-code", code).type("#f-newPassword", "short");
            b.click("#reset-form button[type=submit]");
            b.waitFor("#e-newPassword");
            assertEquals(code, b.value("#f-code"), "the code stays in its field");
            b.assertAccessible();
            b.type("#f-newPassword", "a new and long password");
            b.click("#reset-form button[type=submit]");
            b.waitFor("#login-form");
            assertTrue(b.find("#flash .flash").getText().startsWith("Your password is changed"), b.find("#flash .flash").getText());
            b.assertAccessible();
            b.login(a.username, "a new and long password");
            b.waitFor("#no-projects");
        }
    }

    /** An administrator finds an account from the menu and makes it a reset link, on a phone's width. */
    @Test
    void anAdministratorMakesAResetLink() {
        Account admin = data.admin("browser-admin");
        Account locked = data.account("browser-locked");
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.go("/login");
            b.login(admin.username, TestData.PASSWORD);
            // An administrator's home lists every project of the installation, so it is not the empty one.
            b.waitFor(".account-menu summary");
            b.click(".account-menu summary");
            b.click(".account-menu a[href='/admin/accounts']");
            b.waitFor("#account-search");
            b.assertFitsWidth();
            b.assertAccessible();
            b.type("#f-q", locked.username);
            b.click("#account-search button[type=submit]");
            b.waitFor("#reset-" + locked.username);
            assertEquals(1, b.count("tr.account-row"));
            b.click("#reset-" + locked.username);
            b.waitFor("#reset-link");
            assertTrue(b.value("#reset-link").contains("/password-reset/"), b.value("#reset-link"));
            b.assertFitsWidth();
            b.assertAccessible();
        }
    }

    @Test
    void homeIsUsableAt360px() {
        String u = TestData.unique("narrow");
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.go("/signup");
            b.type("#f-email", u + "@example.test").type("#f-username", u).type("#f-password", "long enough password");
            b.click("#signup-form button[type=submit]");
            b.waitFor("#no-projects");
            b.assertFitsWidth();
            b.assertAccessible();
        }
    }
}
