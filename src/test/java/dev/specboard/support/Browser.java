package dev.specboard.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real headless Chromium for browser tests. Without Chromium the tests skip with a warning, except
 * when {@code specboard.browser.required=true} (CI), where a missing browser fails them.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("specboard.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("specboard.chromedriver", "/usr/bin/chromedriver");
    private static String axeSource;

    public final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Starts Chromium at the given window width, or skips/fails the test when it is missing. */
    public static Browser open(String baseUrl, int width) {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            if (Boolean.getBoolean("specboard.browser.required")) {
                Assertions.fail("Browser tests are required but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
            }
            System.err.println("WARNING: skipping browser test: Chromium not found at " + CHROMIUM);
            Assumptions.abort("Chromium not installed");
        }
        try {
            Path profile = Files.createDirectories(Path.of("target", "chromium-profiles"));
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=" + width + ",900",
                    "--user-data-dir=" + Files.createTempDirectory(profile, "p").toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofMillis(0));
            return new Browser(driver, baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Browser open(String baseUrl) {
        return open(baseUrl, 1280);
    }

    public Browser go(String path) {
        driver.get(base + path);
        waitForHtmx();
        return this;
    }

    public WebElement find(String css) {
        return waitFor(css);
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement waitFor(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** Waits for a condition; htmx swaps replace elements, so a stale element just means "look again". */
    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    public Browser type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        waitForHtmx();
        return this;
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** Waits until the page has loaded and no htmx request is in flight. */
    public void waitForHtmx() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !document.querySelector('.htmx-request')")));
    }

    /** Runs axe-core on the current page and fails on any violation, naming each one. */
    @SuppressWarnings("unchecked")
    public void assertAccessible() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe());
        Object result = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                        + ".catch(e => done(['axe failed: ' + e]));");
        List<String> violations = (List<String>) result;
        Assertions.assertTrue(violations.isEmpty(), "Accessibility violations on " + driver.getCurrentUrl() + ":\n" + String.join("\n", violations));
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe-core webjar not on the test classpath");
                }
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Logs in through the real login form. */
    public Browser login(String username, String password) {
        go("/login");
        type("#f-username", username);
        type("#f-password", password);
        click("#login-form button[type=submit]");
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
