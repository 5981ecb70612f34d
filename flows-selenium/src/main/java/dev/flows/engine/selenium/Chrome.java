package dev.flows.engine.selenium;

import static dev.flows.browser.Messages.firstLine;

import dev.flows.browser.BrowserLaunchException;
import dev.flows.engine.spi.SessionSettings;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One local ChromeDriver with its Chrome and profile folder, kept by the engine between sessions. Each session runs
 * in a WebDriver BiDi user context of its own (cookies, storage and cache of its own, thrown away when it closes),
 * so a journey does not pay for starting a browser.
 */
final class Chrome {

    private static final System.Logger LOG = System.getLogger(Chrome.class.getName());

    private final ChromeDriver driver;
    private final Path profile;
    private final String firstWindow;

    private Chrome(ChromeDriver driver, Path profile, String firstWindow) {
        this.driver = driver;
        this.profile = profile;
        this.firstWindow = firstWindow;
    }

    /** The switches every Selenium session uses; the same Playwright passes, so both engines see the same browser. */
    static ChromeOptions options(SeleniumEngine engine, SessionSettings settings) {
        ChromeOptions options = new ChromeOptions();
        if (engine.browserBinary() != null) {
            options.setBinary(engine.browserBinary().toFile());
        }
        if (engine.config().headless()) {
            options.addArguments("--headless=new");
        }
        // --no-sandbox because CI runs as root.
        options.addArguments("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--hide-scrollbars", "--mute-audio",
                "--window-size=" + settings.width() + "," + settings.height());
        options.addArguments(engine.config().browserArgs());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        return options;
    }

    static Chrome start(SeleniumEngine engine, SessionSettings settings) {
        long start = System.nanoTime();
        ChromeOptions options = options(engine, settings);
        // BiDi for its user contexts: a fresh, isolated context per session in a browser that stays up.
        options.enableBiDi();
        Path profile;
        try {
            // Our own profile folder, so that quitting leaves nothing behind in /tmp.
            profile = Files.createTempDirectory("flows-selenium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException("selenium: cannot create a profile folder", e);
        }
        options.addArguments("--user-data-dir=" + profile);
        try {
            ChromeDriverService.Builder service = new ChromeDriverService.Builder()
                    .usingAnyFreePort()
                    .withLogOutput(OutputStream.nullOutputStream());
            if (engine.driver() != null) {
                service.usingDriverExecutable(engine.driver().toFile());
            }
            ChromeDriver driver = new ChromeDriver(service.build(), options);
            LOG.log(System.Logger.Level.DEBUG, () -> "selenium: browser launched in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            return new Chrome(driver, profile, driver.getWindowHandle());
        } catch (WebDriverException e) {
            deleteQuietly(profile);
            throw new BrowserLaunchException("selenium: could not start chrome (" + engine.browser() + "): "
                    + firstLine(e), e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The window of the default context, kept open (and never used) so that ChromeDriver's session lives on. */
    String firstWindow() {
        return firstWindow;
    }

    void quit() {
        try {
            driver.quit();
        } catch (WebDriverException ignored) {
            // A browser that already died cannot be quit; its profile folder still goes.
        } finally {
            deleteQuietly(profile);
        }
    }

    static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        // Chrome may still be flushing its profile for a moment after quit: try a few times.
        for (int attempt = 0; attempt < 5 && Files.exists(folder); attempt++) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // Try again below.
            }
            if (Files.exists(folder)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
