package io.openmws.server.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium for journey tests through the portal's pages.
 *
 * <p>Register it per test, then point it at the server:
 * <pre>{@code
 * @RegisterExtension
 * final Browser browser = new Browser();
 *
 * @LocalServerPort
 * int port;
 *
 * @BeforeEach
 * void atServer() {
 *     browser.baseUrl("http://localhost:" + port);
 * }
 *
 * @Test
 * void signsIn() {
 *     browser.open("/login");
 *     browser.fill("username", "jane@example.com");
 *     browser.clickButton("Sign in");
 *     browser.waitForPath("/sellercentral");
 *     browser.screenshot("home");
 * }
 * }</pre>
 * Chromium starts on first use, with a fresh profile, so every test begins without cookies; it
 * closes after the test. When a test fails, the page it was on is saved as
 * {@code FAILED-<test method>.png}. Outside JUnit, {@code try (Browser b = new Browser("Group"))}
 * works the same way.
 *
 * <p>It drives Debian's {@code /usr/bin/chromium} with {@code /usr/bin/chromedriver} (override with
 * the system properties {@code openmws.chromium} and {@code openmws.chromedriver}); Selenium Manager
 * never runs, so nothing is downloaded. Every wait is an explicit {@link WebDriverWait} of
 * {@link #TIMEOUT}; there is no sleeping.
 *
 * <p>The viewport is 1280x800 unless {@link #viewport(int, int)} says otherwise (a phone's 390x844,
 * say); {@link #horizontalOverflow()} tells whether the page scrolls sideways in it.
 *
 * <p>Screenshots show the viewport and go to
 * {@code target/screenshots/<TestClass>[/<NestedClass>]/<name>.png} of the module under test.
 */
public final class Browser implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    /** How long any wait lasts before failing: generous, because CI machines are small and shared. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** The page viewport every test sees, and every screenshot shows, unless {@link #viewport} changes it. */
    public static final int VIEWPORT_WIDTH = 1280;
    public static final int VIEWPORT_HEIGHT = 800;

    /** The viewport of a common phone held upright (an iPhone 12 to 14: 390x844 CSS pixels). */
    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;

    private static final String CHROMIUM = System.getProperty("openmws.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("openmws.chromedriver", "/usr/bin/chromedriver");

    private String group;
    private int width = VIEWPORT_WIDTH;
    private int height = VIEWPORT_HEIGHT;
    private String baseUrl = "http://localhost:8080";
    private WebDriver driver;
    private WebDriverWait wait;
    private Path profile;

    /** A browser whose screenshots go under the test class it is registered in. */
    public Browser() {
        this(null);
    }

    /** A browser whose screenshots go to {@code target/screenshots/<group>/}. */
    public Browser(String group) {
        this.group = group;
    }

    /**
     * Sets the page viewport to {@code width} x {@code height} CSS pixels, from the next start of
     * Chromium or at once when it runs: {@code new Browser().viewport(Browser.PHONE_WIDTH, Browser.PHONE_HEIGHT)}.
     */
    public Browser viewport(int width, int height) {
        this.width = width;
        this.height = height;
        if (driver instanceof ChromeDriver chromium) {
            pinViewport(chromium);
        }
        return this;
    }

    // ---------------------------------------------------------------------------------------------
    // Navigation

    /** Where {@link #open(String)} resolves paths, e.g. {@code http://localhost:54321}. */
    public Browser baseUrl(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return this;
    }

    /** Loads {@code path} (like {@code /signup}) of the server, or an absolute URL, and waits until it loaded. */
    public Browser open(String path) {
        driver().get(path.startsWith("http:") || path.startsWith("https:") ? path : baseUrl + path);
        return this;
    }

    /** The address the browser shows now. */
    public String currentUrl() {
        return driver().getCurrentUrl();
    }

    /** The path of the address the browser shows now, without query: {@code /sellercentral}. */
    public String currentPath() {
        return URI.create(currentUrl()).getPath();
    }

    /** The query of the address the browser shows now, or {@code null}: {@code welcome}. */
    public String currentQuery() {
        return URI.create(currentUrl()).getQuery();
    }

    /** Waits until the browser shows a page at {@code path} (query ignored). */
    public Browser waitForPath(String path) {
        try {
            waitUntil(d -> path.equals(URI.create(Objects.requireNonNull(d.getCurrentUrl())).getPath()));
        } catch (RuntimeException e) {
            throw new AssertionError("Expected to reach " + path + " but the browser shows " + currentUrl(), e);
        }
        return this;
    }

    /** The page's title, as the tab shows it. */
    public String title() {
        return driver().getTitle();
    }

    // ---------------------------------------------------------------------------------------------
    // Forms and clicks

    /** Replaces the text of the field with id {@code id} by {@code value}. */
    public Browser fill(String id, String value) {
        WebElement field = visible(By.id(id));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Chooses, in the {@code <select>} with id {@code id}, the option whose value is {@code value}. */
    public Browser select(String id, String value) {
        new Select(visible(By.id(id))).selectByValue(value);
        return this;
    }

    /** Ticks the checkbox (or radio button) {@code css} if it is not ticked yet. */
    public Browser check(String css) {
        WebElement box = clickable(By.cssSelector(css));
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    /** Clicks the first visible element matching {@code css}. */
    public Browser click(String css) {
        return click(By.cssSelector(css));
    }

    /** Clicks the first clickable element {@code by} finds. */
    public Browser click(By by) {
        clickable(by).click();
        return this;
    }

    /** Clicks the link whose visible text is {@code text} (spacing normalised). */
    public Browser clickLink(String text) {
        return click(By.xpath("//a[normalize-space()=" + xpathLiteral(text) + "]"));
    }

    /** Clicks the button whose visible text is {@code text} (spacing normalised). */
    public Browser clickButton(String text) {
        return click(By.xpath("//button[normalize-space()=" + xpathLiteral(text) + "]"
                + " | //input[(@type='submit' or @type='button') and @value=" + xpathLiteral(text) + "]"));
    }

    /** Scrolls until the first element matching {@code css} is in the middle of the viewport. */
    public Browser scrollTo(String css) {
        ((JavascriptExecutor) driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", visible(By.cssSelector(css)));
        return this;
    }

    // ---------------------------------------------------------------------------------------------
    // Reading the page

    /** The visible text of the first element matching {@code css}, once it is visible. */
    public String text(String css) {
        return visible(By.cssSelector(css)).getText();
    }

    /**
     * Waits until the first element matching {@code css} shows {@code expected}: for a click that loads
     * a new page, where {@link #text} could still read the old page, or read it just as it goes away.
     */
    public Browser waitForText(String css, String expected) {
        try {
            waitUntil(ExpectedConditions.refreshed(ExpectedConditions.textToBe(By.cssSelector(css), expected)));
        } catch (RuntimeException e) {
            List<String> shown = driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
            throw new AssertionError("Expected " + css + " to show \"" + expected + "\" but it shows " + shown
                    + " on " + currentUrl(), e);
        }
        return this;
    }

    /** The visible texts of every element matching {@code css}, once at least one is visible. */
    public List<String> texts(String css) {
        visible(By.cssSelector(css));
        List<String> texts = new ArrayList<>();
        for (WebElement element : driver().findElements(By.cssSelector(css))) {
            texts.add(element.getText());
        }
        return texts;
    }

    /** The value of attribute or property {@code name} of the first element matching {@code css}. */
    public String attribute(String css, String name) {
        return present(By.cssSelector(css)).getDomAttribute(name);
    }

    /** The current value of the form field with id {@code id}. */
    public String value(String id) {
        return present(By.id(id)).getDomProperty("value");
    }

    /**
     * By how many CSS pixels the page is wider than the viewport: {@code scrollWidth} of the document
     * less {@code window.innerWidth}. Zero or less means nothing scrolls sideways.
     */
    public long horizontalOverflow() {
        Object overflow = ((JavascriptExecutor) driver()).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        return ((Number) overflow).longValue();
    }

    /** The viewport's width as the page sees it ({@code window.innerWidth}). */
    public long innerWidth() {
        return ((Number) ((JavascriptExecutor) driver()).executeScript("return window.innerWidth;")).longValue();
    }

    /** The computed value of CSS property {@code property} of the first element matching {@code css}. */
    public String computedStyle(String css, String property) {
        return present(By.cssSelector(css)).getCssValue(property);
    }

    /** Whether an element matching {@code css} is on the page and visible now, without waiting. */
    public boolean isShown(String css) {
        return driver().findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Waits until an element matching {@code css} is visible, and returns it. */
    public WebElement waitFor(String css) {
        return visible(By.cssSelector(css));
    }

    /** Waits until {@code condition} holds (see {@link ExpectedConditions}), and returns its value. */
    public <T> T waitUntil(ExpectedCondition<T> condition) {
        driver();
        return wait.until(condition);
    }

    /**
     * Lets the pages of the server read and write the system clipboard without asking, as a person's
     * "Allow" would (Chromium's permissions, granted over the DevTools protocol for the base URL's origin).
     */
    public Browser allowClipboard() {
        ((ChromeDriver) driver()).executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", baseUrl,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        return this;
    }

    /** What the clipboard holds now, read the way a page pastes it; needs {@link #allowClipboard()}. */
    public String clipboardText() {
        Object text = ((JavascriptExecutor) driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, function (e) { done('clipboard refused: ' + e); });");
        return String.valueOf(text);
    }

    /** The underlying driver, for whatever this class does not offer. */
    public WebDriver driver() {
        if (driver == null) {
            start();
        }
        return driver;
    }

    // ---------------------------------------------------------------------------------------------
    // Screenshots

    /** Saves the viewport as {@code target/screenshots/<group>/<name>.png} and returns the file. */
    public Path screenshot(String name) {
        byte[] png = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES);
        Path file = screenshotDirectory().resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save screenshot " + file, e);
        }
        return file;
    }

    /** Where {@link #screenshot(String)} saves: {@code <module>/target/screenshots/<group>}. */
    public Path screenshotDirectory() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        return module.resolve("target").resolve("screenshots").resolve(group == null ? "unnamed" : group);
    }

    // ---------------------------------------------------------------------------------------------
    // Lifecycle

    @Override
    public void beforeEach(ExtensionContext context) {
        if (group == null) {
            group = groupOf(context.getRequiredTestClass());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (driver != null && context.getExecutionException().isPresent()) {
                try {
                    screenshot("FAILED-" + context.getRequiredTestMethod().getName());
                } catch (RuntimeException e) {
                    context.getExecutionException().get().addSuppressed(e);
                }
            }
        } finally {
            close();
        }
    }

    /** Quits Chromium and deletes its profile. The next use starts a fresh one. */
    @Override
    public void close() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            wait = null;
            deleteProfile();
        }
    }

    private void start() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        try {
            profile = Files.createTempDirectory("openmws-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a Chromium profile directory", e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height,
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        try {
            ChromeDriver chromium = new ChromeDriver(service, options);
            driver = chromium;
            pinViewport(chromium);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        wait = new WebDriverWait(driver, TIMEOUT);
    }

    /**
     * --window-size counts the window's frame too; pin the page's viewport itself so that screenshots
     * show what a screen of that size shows. Holds across navigations in this tab. Not "mobile": the
     * page is laid out at exactly this width, never zoomed out to fit what sticks out.
     */
    private void pinViewport(ChromeDriver chromium) {
        chromium.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    private WebElement visible(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private WebElement clickable(By by) {
        return waitUntil(ExpectedConditions.elementToBeClickable(by));
    }

    private WebElement present(By by) {
        return waitUntil(ExpectedConditions.presenceOfElementLocated(by));
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is harmless.
        }
        profile = null;
    }

    /** {@code SellerCentralBrowserTest/OnH2} for a nested class, {@code FooTest} for a top-level one. */
    private static String groupOf(Class<?> testClass) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            names.add(0, c.getSimpleName());
        }
        return String.join("/", names);
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
