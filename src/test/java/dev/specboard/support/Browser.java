package dev.specboard.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * A real headless Chromium for browser tests. Without Chromium the tests skip with a warning, except
 * when {@code specboard.browser.required=true} (CI), where a missing browser fails them.
 *
 * <p>Every test that uses it fails, when it closes the browser, on any error the pages logged: a
 * Content-Security-Policy violation (a {@code securitypolicyviolation} listener installed before any page
 * script), an uncaught exception, a {@code console.error}, and so every htmx error event
 * ({@code htmx:responseError}, {@code htmx:syntax:error}, {@code htmx:oobErrorNoTarget}, ...: htmx logs
 * each with {@code console.error}), and a resource that failed to load. Answers that a form expects
 * (409 conflict, 422 invalid input, 429 too many attempts) are not errors; a test that expects another
 * failing request says so with {@link #allowError(String)}.
 *
 * <p>Waiting: {@link #waitForHtmx()} is the one wait for "the page is quiet" (no navigation pending, no
 * request in flight, htmx settled, no DOM change for a moment). The actions ({@link #go}, {@link #click},
 * {@link #type}, {@link #select}) end with it, and the readers ({@link #text}, {@link #count},
 * {@link #value}) start with it and look the element up again if a swap replaced it while reading. Never
 * keep a {@link WebElement} across anything that swaps.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("specboard.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("specboard.chromedriver", "/usr/bin/chromedriver");
    /**
     * How long a wait for a condition may take before it fails. Every wait returns as soon as its condition holds, so
     * this only matters when something is slow: 15 s ran out on a loaded 2-core CI machine (load 15) while a page or a
     * live refresh was still on its way.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** How long the DOM must stay unchanged, with nothing in flight, to count as settled. */
    private static final int QUIET_MILLIS = 150;
    /** Failed loads of answers a form expects; anything else that fails to load is an error. */
    private static final Pattern EXPECTED_STATUS = Pattern.compile("Failed to load resource: the server responded with a status of (409|422|429)\\b");
    private static String axeSource;
    /** Headless Chromium will not make a window narrower than this; narrower widths are emulated. */
    private static final int MIN_WINDOW_WIDTH = 500;
    /** The height of an emulated phone screen (360 x 740). */
    private static final int PHONE_HEIGHT = 740;

    /**
     * Runs in every document before its own scripts (and outside the page's policy): counts requests in
     * flight, notes DOM changes and pending navigations, and reports policy violations to the console.
     */
    private static final String PROBE = """
            (function () {
              if (window.__sb) { return; }
              var sb = window.__sb = { inflight: 0, last: Date.now(), leaving: false };
              function touch() { sb.last = Date.now(); }
              var send = XMLHttpRequest.prototype.send;
              XMLHttpRequest.prototype.send = function () {
                sb.inflight++; touch();
                this.addEventListener('loadend', function () { sb.inflight--; touch(); });
                return send.apply(this, arguments);
              };
              if (window.fetch) {
                var fetch = window.fetch;
                window.fetch = function () {
                  sb.inflight++; touch();
                  return fetch.apply(this, arguments).finally(function () { sb.inflight--; touch(); });
                };
              }
              new MutationObserver(touch).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
              document.addEventListener('securitypolicyviolation', function (e) {
                console.error('CSP violation: ' + e.violatedDirective + ' refused ' + (e.blockedURI || 'inline code') + ' on ' + location.pathname
                  + (e.sourceFile ? ' from ' + e.sourceFile + ':' + e.lineNumber : '') + (e.sample ? ' "' + e.sample + '"' : ''));
              }, true);
              // A navigation is on its way: a plain form submits or a link is followed (nobody prevented it), or the page unloads.
              window.addEventListener('submit', function (e) { if (!e.defaultPrevented) { sb.leaving = true; } });
              window.addEventListener('click', function (e) {
                var a = !e.defaultPrevented && e.button === 0 && e.target.closest && e.target.closest('a[href]');
                if (a && !a.getAttribute('target') && !a.hasAttribute('download')) {
                  var to = new URL(a.getAttribute('href'), location.href);
                  if (to.origin === location.origin && !(to.pathname === location.pathname && to.search === location.search && to.hash)) {
                    sb.leaving = true;
                  }
                }
              });
              window.addEventListener('beforeunload', function () { sb.leaving = true; });
              window.addEventListener('pageshow', function () { sb.leaving = false; touch(); });
            })();
            """;

    private static final String SETTLED = "var sb = window.__sb;"
            + "if (document.readyState !== 'complete') { return false; }"
            + "if (!sb) { return true; }"
            + "return !sb.leaving && sb.inflight === 0"
            + " && !document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping, .htmx-added')"
            + " && Date.now() - sb.last >= " + QUIET_MILLIS + ";";

    public final WebDriver driver;
    private final String base;
    private final List<String> problems = new ArrayList<>();
    private final List<String> allowed = new ArrayList<>();

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * Starts Chromium at the given width, or skips/fails the test when it is missing. Below 500 px it emulates a
     * phone screen (width x 740, mobile) so that {@code window.innerWidth} really is the width asked for.
     */
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
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofMillis(0));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
            if (width < MIN_WINDOW_WIDTH) {
                // Headless Chromium keeps a window at least 500 px wide: emulate a phone's viewport instead.
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
            }
            return new Browser(driver, baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Browser open(String baseUrl) {
        return open(baseUrl, 1280);
    }

    // --- navigation and actions: each ends when the page has settled

    public Browser go(String path) {
        driver.get(base + path);
        waitForHtmx();
        return this;
    }

    /**
     * The browser's Back button. In Specboard it always loads a document: htmx keeps no history cache and
     * reloads a page whose URL it had pushed.
     */
    public Browser back() {
        return toNewDocument(() -> driver.navigate().back());
    }

    public Browser reload() {
        return toNewDocument(() -> driver.navigate().refresh());
    }

    private Browser toNewDocument(Runnable navigation) {
        js("window.__sbOldDocument = true;");
        navigation.run();
        try {
            waitUntil(d -> Boolean.TRUE.equals(js("return !window.__sbOldDocument && document.readyState === 'complete';")));
        } catch (TimeoutException e) {
            throw new AssertionError("No new page loaded; still on " + url(), e);
        }
        waitForHtmx();
        return this;
    }

    public Browser click(String css) {
        waitForHtmx();
        retry(() -> {
            waitFor(css).click();
            return null;
        });
        waitForHtmx();
        return this;
    }

    public Browser type(String css, String text) {
        waitForHtmx();
        retry(() -> {
            WebElement e = waitFor(css);
            e.clear();
            e.sendKeys(text);
            return null;
        });
        return this;
    }

    /** Chooses the option with this value in a select (which may submit or swap through htmx). */
    public Browser select(String css, String value) {
        waitForHtmx();
        retry(() -> {
            new Select(waitFor(css)).selectByValue(value);
            return null;
        });
        waitForHtmx();
        return this;
    }

    /** Drags one element onto another with real pointer moves (SortableJS needs them), then waits. */
    public Browser drag(String fromCss, String toCss) {
        waitForHtmx();
        retry(() -> {
            try {
                new Actions(driver).clickAndHold(waitFor(fromCss)).pause(Duration.ofMillis(200))
                        .moveByOffset(10, 10).pause(Duration.ofMillis(100))
                        .moveToElement(waitFor(toCss)).pause(Duration.ofMillis(200))
                        .moveByOffset(0, 5).pause(Duration.ofMillis(200))
                        .release().perform();
            } catch (StaleElementReferenceException e) {
                ((RemoteWebDriver) driver).resetInputState();
                throw e;
            }
            return null;
        });
        waitForHtmx();
        return this;
    }

    /** Logs in through the real login form and waits for the page it leads to. */
    public Browser login(String username, String password) {
        go("/login");
        type("#f-username", username);
        type("#f-password", password);
        click("#login-form button[type=submit]");
        return this;
    }

    // --- reading: after the page settled, found afresh

    /** The visible text of the first element matching, read after the page settled. */
    public String text(String css) {
        waitForHtmx();
        return retry(() -> waitFor(css).getText());
    }

    /** The visible texts of every element matching, in document order, read after the page settled. */
    public List<String> texts(String css) {
        waitForHtmx();
        return retry(() -> driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList());
    }

    /** The value of a form field (for a select: the value of its selected option). */
    public String value(String css) {
        waitForHtmx();
        return retry(() -> {
            WebElement e = waitFor(css);
            return "select".equals(e.getTagName()) ? new Select(e).getFirstSelectedOption().getAttribute("value") : e.getAttribute("value");
        });
    }

    /** How many elements match, once the page has settled. */
    public int count(String css) {
        waitForHtmx();
        return driver.findElements(By.cssSelector(css)).size();
    }

    /** Waits until the text of the element contains the expected text, looking it up again on every try. */
    public void waitForText(String css, String expected) {
        try {
            waitUntil(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                return !found.isEmpty() && found.get(0).getText().contains(expected);
            });
        } catch (TimeoutException e) {
            List<WebElement> found = driver.findElements(By.cssSelector(css));
            throw new AssertionError("Expected " + css + " to contain \"" + expected + "\" on " + url() + " but it "
                    + (found.isEmpty() ? "is missing" : "says \"" + found.get(0).getText() + "\""), e);
        }
    }

    /** The first element matching, once present; for presence checks and one immediate action only. */
    public WebElement find(String css) {
        return waitFor(css);
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement waitFor(String css) {
        try {
            return new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                return found.isEmpty() ? null : found.get(0);
            });
        } catch (TimeoutException e) {
            throw new AssertionError("No element " + css + " on " + url(), e);
        }
    }

    /** Waits for a condition; htmx swaps replace elements, so a stale element just means "look again". */
    public void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /**
     * Waits until the page is quiet: loaded, no navigation on its way, no request in flight, htmx done
     * swapping and settling, and no DOM change for {@value #QUIET_MILLIS} ms.
     */
    public void waitForHtmx() {
        try {
            new WebDriverWait(driver, TIMEOUT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(SETTLED)));
        } catch (TimeoutException e) {
            throw new AssertionError("The page did not settle within " + TIMEOUT.toSeconds() + " s: " + url() + " "
                    + js("return JSON.stringify(window.__sb || null) + ' ' + document.readyState;"), e);
        }
    }

    private <T> T retry(Supplier<T> action) {
        long until = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return action.get();
            } catch (StaleElementReferenceException e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                waitForHtmx();
            }
        }
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Presses {@code key} (Tab, or Shift+Tab as {@code Keys.chord(Keys.SHIFT, Keys.TAB)}) from the focused element until
     * {@code css} has the focus, at most 40 times, as a keyboard user would; fails unless it got there and shows it
     * (:focus-visible, an outline of 2 px or more).
     */
    public Browser tabTo(CharSequence key, String css) {
        for (int i = 0; i < 40 && !Boolean.TRUE.equals(js("return document.activeElement.matches(arguments[0]);", css)); i++) {
            new Actions(driver).sendKeys(key).perform();
        }
        Assertions.assertEquals(Boolean.TRUE, js("return document.activeElement.matches(arguments[0])"
                + " && document.activeElement.matches(':focus-visible');", css), css + " is reached from the keyboard");
        Assertions.assertEquals("", js("var s = getComputedStyle(document.activeElement);"
                + "return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? '' : 'no focus outline on ' + arguments[0];", css));
        return this;
    }

    // --- checks

    /**
     * Fails when the page scrolls sideways (wider than the window), naming the widest elements
     * that stick out; a box that scrolls inside itself (a code block, the board) is fine.
     */
    public void assertFitsWidth() {
        // The layout viewport's width: on an emulated phone a page that overflows zooms out, and innerWidth grows with it.
        Object overflow = js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        if (((Number) overflow).longValue() > 1) {
            Object culprits = js("""
                    var w = document.documentElement.clientWidth, out = [];
                    // Inside a box that scrolls or clips, following containing blocks (an absolute box escapes static parents).
                    function clipped(e) {
                      var position = getComputedStyle(e).position;
                      for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                        if (position === 'fixed') { return false; }
                        var s = getComputedStyle(p);
                        if (position === 'absolute' && s.position === 'static' && s.transform === 'none') { continue; }
                        if (s.overflowX !== 'visible') { return true; }
                        position = s.position;
                      }
                      return false;
                    }
                    document.querySelectorAll('body *').forEach(function (e) {
                      if (clipped(e)) { return; }
                      var r = e.getBoundingClientRect();
                      if (r.right > w + 1 && r.width > 0) {
                        out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
                          ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '') + ' (right ' + Math.round(r.right) + ')');
                      }
                    });
                    return out.slice(0, 8).join(', ');""");
            throw new AssertionError(path() + " scrolls sideways by " + overflow + " px at " + js("return document.documentElement.clientWidth;")
                    + " px; sticking out: " + culprits);
        }
    }

    /**
     * Runs axe-core on the current page and fails on any violation. {@code extraRules} turns on rules axe-core 4.11
     * leaves off (experimental ones, such as {@code label-content-name-mismatch}: a control's label contains its
     * visible text), and fails when one of them found no element to check.
     */
    @SuppressWarnings("unchecked")
    public void assertAccessible(String... extraRules) {
        waitForHtmx();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe());
        Map<String, Object> rules = new java.util.HashMap<>();
        for (String rule : extraRules) {
            rules.put(rule, Map.of("enabled", true));
        }
        Object result = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1], extra = arguments[1];"
                        + "axe.run(document, {resultTypes: ['violations', 'passes'], rules: arguments[0]})"
                        + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
                        + ".concat(extra.filter(id => !r.passes.concat(r.violations).some(c => c.id === id)).map(id => id + ': no element was checked'))))"
                        + ".catch(e => done(['axe failed: ' + e]));", rules, List.of(extraRules));
        List<String> violations = (List<String>) result;
        Assertions.assertTrue(violations.isEmpty(), "Accessibility violations on " + driver.getCurrentUrl() + ":\n" + String.join("\n", violations));
    }

    /** Lets log entries containing this text pass (a failing request the test provokes on purpose). */
    public Browser allowError(String fragment) {
        allowed.add(fragment);
        return this;
    }

    /** The errors the pages logged since the last call (CSP violations, exceptions, console and htmx errors). */
    public List<String> problems() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !EXPECTED_STATUS.matcher(message).find()
                    && allowed.stream().noneMatch(message::contains)) {
                problems.add(message);
            }
        }
        List<String> found = List.copyOf(problems);
        problems.clear();
        return found;
    }

    /** Fails if any page logged an error so far. */
    public void assertNoProblems() {
        List<String> found = problems();
        Assertions.assertTrue(found.isEmpty(), "The pages logged errors:\n" + String.join("\n", found));
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe-core (com.deque.html.axe-core:selenium) not on the test classpath");
                }
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    /** Closes Chromium and fails the test if any page logged an error. */
    @Override
    public void close() {
        List<String> found;
        try {
            found = problems();
        } finally {
            driver.quit();
        }
        Assertions.assertTrue(found.isEmpty(), "The pages logged errors:\n" + String.join("\n", found));
    }
}
