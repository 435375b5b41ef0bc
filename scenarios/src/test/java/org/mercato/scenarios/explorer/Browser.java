package org.mercato.scenarios.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium ({@code /usr/bin/chromium}) driven through Debian's chromedriver
 * ({@code /usr/bin/chromedriver}, package {@code chromium-driver}) with Selenium; both paths are set
 * so Selenium Manager never looks for (or downloads) a browser or a driver. One per test class, at a
 * laptop's 1366 × 768; screenshots go to {@code target/explorer-screenshots/}.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "explorer-screenshots");

    /** Selenium's own logger, held so its level stays: no warning that it has no CDP module for this Chromium (none is used). */
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test class (JUnit assumption) unless both Chromium and chromedriver are installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not both installed (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "; Debian: apt-get install chromium chromium-driver): skipping the explorer's browser tests");
    }

    public static Browser open() {
        SELENIUM.setLevel(Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("mercato-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1366,768",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--user-data-dir=" + profile,
                "--disable-extensions",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    public WebDriver driver() {
        return driver;
    }

    public void get(String url) {
        driver.get(url);
    }

    /** The first element matching {@code by} once it is there (10 s at most). */
    public WebElement find(By by) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits (10 s at most) until {@code condition} holds and returns its value. */
    public <T> T until(Function<WebDriver, T> condition) {
        return waiting().until(condition::apply);
    }

    /** Waits up to {@code timeout} until {@code condition} holds and returns its value. */
    public <T> T until(Function<WebDriver, T> condition, Duration timeout) {
        return waiting(timeout).until(condition::apply);
    }

    /** Waits until the page has drawn a view (no "Loading…" left in it). */
    void settled() {
        until(d -> (Boolean)
                script("return !!document.getElementById('view') && !document.querySelector('#view .loading');"));
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /**
     * The errors the page's console has logged since the last call: script errors, refused
     * Content-Security-Policy directives, failed requests.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // report.html has no icon: the browser asks for /favicon.ico, which the explorer does not serve
                .filter(message -> !message.contains("/favicon.ico"))
                .toList();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String hash() {
        return (String) script("return location.hash;");
    }

    /** Saves what the window shows as {@code target/explorer-screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(name + ".png");
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebDriverWait waiting() {
        return waiting(Duration.ofSeconds(10));
    }

    /**
     * A wait that polls every 50 ms and tries again when the page redrew an element between finding
     * and reading it (a view that re-renders as the run moves on), as it does for one not there yet.
     */
    private WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(50));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind; nothing else depends on it
        }
    }
}
