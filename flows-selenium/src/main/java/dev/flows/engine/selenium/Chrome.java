package dev.flows.engine.selenium;

import static dev.flows.browser.Messages.firstLine;

import dev.flows.browser.BrowserLaunchException;
import dev.flows.engine.spi.Leftovers;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One local ChromeDriver with its Chrome and profile folder, kept by the engine between sessions. Each session runs
 * in a browser context of its own, made with the Chrome DevTools Protocol's {@code Target.createBrowserContext}: an
 * incognito-like context with its own cookies, storage, HTTP cache, service workers and permissions, thrown away
 * whole when the session closes. So a journey does not pay for starting Chrome, and inherits nothing from the last.
 *
 * <p>Not WebDriver BiDi user contexts, which would do the same: ChromeDriver answers BiDi only between classic
 * commands, so a session that also waited on a page load hung. Browser contexts are made and thrown away over the
 * DevTools connection, which goes straight to Chrome; ChromeDriver drives their pages like any other window.
 */
final class Chrome {

    // Bounds the DevTools commands that make and throw away contexts, so that a browser that stopped answering is
    // quit rather than waited for.
    private static final Duration CONTEXT_COMMANDS = Duration.ofSeconds(10);
    // How long a browser asked to stop may take before it is killed.
    private static final Duration EXIT_GRACE = Duration.ofSeconds(3);

    private final ChromeDriver driver;
    private final Path profile;
    private final String firstWindow;
    private int sessions;
    private volatile String userAgent;

    private Chrome(ChromeDriver driver, Path profile, String firstWindow) {
        this.driver = driver;
        this.profile = profile;
        this.firstWindow = firstWindow;
    }

    /** Starts ChromeDriver and Chrome with {@code options}, in a fresh temporary folder of their own. */
    static Chrome start(SeleniumEngine engine, ChromeOptions options) {
        Path profile;
        try {
            // Our own temporary folder, so that quitting leaves nothing behind in /tmp.
            profile = Files.createTempDirectory(Leftovers.tempPrefix("selenium-profile"));
        } catch (IOException e) {
            throw new UncheckedIOException("selenium: cannot create a profile folder", e);
        }
        // ChromeDriver makes Chrome's profile folder in its temporary folder, and Chrome puts its own temporary files
        // there too. Not --user-data-dir: with a profile folder it did not make, ChromeDriver opens no first page, and
        // a headless shell (which has no start page) then has none for ChromeDriver to attach to.
        Map<String, String> environment = new HashMap<>(Leftovers.mark());
        environment.put("TMPDIR", profile.toString());
        try {
            ChromeDriverService.Builder service = new ChromeDriverService.Builder()
                    .usingAnyFreePort()
                    // Marked, so that a later start can remove what a kill -9 of this JVM leaves (Leftovers).
                    .withEnvironment(environment)
                    .withLogOutput(OutputStream.nullOutputStream());
            if (engine.driver() != null) {
                service.usingDriverExecutable(engine.driver().toFile());
            }
            ChromeDriver driver = new ChromeDriver(service.build(), options);
            return new Chrome(driver, profile, driver.getWindowHandle());
        } catch (WebDriverException e) {
            Leftovers.deleteFolder(profile);
            throw new BrowserLaunchException("selenium: could not start chrome (" + engine.browser() + "): "
                    + firstLine(e), e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The browser's own user agent, asked once: every context of this browser starts with the same one. */
    String userAgent(java.util.function.Supplier<String> ask) {
        String known = userAgent;
        if (known == null) {
            known = ask.get();
            userAgent = known;
        }
        return known;
    }

    /** How many sessions this browser has served, so that a test can tell a reused browser from a new one. */
    int sessions() {
        return sessions;
    }

    /**
     * Opens a new browser context with one blank page and points WebDriver at that page. The browser's first window
     * stays open, unused, in the default context: closing it would end ChromeDriver's session between two journeys.
     *
     * @return the context's id, for {@link #closeContext}
     */
    @SuppressWarnings("unchecked")
    String openContext() {
        DevTools devTools = driver.getDevTools();
        // Context commands are the browser's, not a page's: without a page session they go to the browser target.
        devTools.disconnectSession();
        Map<String, Object> context = devTools.send(new Command<Map<String, Object>>("Target.createBrowserContext",
                Map.of("disposeOnDetach", false), input -> input.read(Map.class)), CONTEXT_COMMANDS);
        String id = String.valueOf(context.get("browserContextId"));
        Map<String, Object> target = devTools.send(new Command<Map<String, Object>>("Target.createTarget",
                Map.of("url", "about:blank", "browserContextId", id), input -> input.read(Map.class)), CONTEXT_COMMANDS);
        // A window handle in ChromeDriver is the page's target id.
        driver.switchTo().window(String.valueOf(target.get("targetId")));
        // ChromeDriver's browser and performance logs are the browser's, not the context's: what an earlier session
        // left unread must not count as this one's console errors or failed requests.
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
        sessions++;
        return id;
    }

    /**
     * Throws away a context with every page, cookie, storage and cache entry in it, and points WebDriver back at the
     * first window. Throws if the browser does not answer, and then must be quit rather than used again.
     */
    void closeContext(String id) {
        DevTools devTools = driver.getDevTools();
        // The session's page session, if it had one (for its network rules), goes first.
        devTools.disconnectSession();
        devTools.send(new Command<Void>("Target.disposeBrowserContext", Map.of("browserContextId", id)), CONTEXT_COMMANDS);
        driver.switchTo().window(firstWindow);
    }

    /**
     * Kills Chrome, then quits ChromeDriver: for a browser whose session gave up on a command that still runs.
     * ChromeDriver would queue the quit behind that command (a page load may wait minutes); with Chrome gone, the
     * command fails at once and the quit goes through.
     */
    void kill() {
        browserProcess().ifPresent(chrome -> {
            chrome.descendants().forEach(ProcessHandle::destroyForcibly);
            chrome.destroyForcibly();
        });
        quit();
    }

    /**
     * Quits ChromeDriver and Chrome, and deletes the profile folder. ChromeDriver's quit leaves Chromium's headless
     * shell running (measured with chromium-headless-shell and ChromeDriver 156: the shell and its zygote, GPU,
     * network and renderer processes stay, handed to init once ChromeDriver exits), so the browser is ended here
     * too: asked to stop (SIGTERM), and killed with every process it had started if it has not stopped within
     * {@link #EXIT_GRACE}.
     */
    void quit() {
        ProcessHandle chrome = browserProcess().orElse(null);
        List<ProcessHandle> family = chrome == null ? List.of()
                : Stream.concat(Stream.of(chrome), chrome.descendants()).toList();
        try {
            driver.quit();
        } catch (WebDriverException ignored) {
            // A browser that already died cannot be quit; its profile folder still goes.
        } finally {
            end(chrome, family);
            Leftovers.deleteFolder(profile);
        }
    }

    private static void end(ProcessHandle chrome, List<ProcessHandle> family) {
        if (chrome != null && chrome.isAlive()) {
            chrome.destroy();
            try {
                chrome.onExit().get(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // Still running: killed below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // The zygote, GPU, network and renderer processes end with the browser; any that did not are killed.
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Chrome's own process, where ChromeDriver names it (a local ChromeDriver does; a Grid node's is not ours). */
    private Optional<ProcessHandle> browserProcess() {
        try {
            Object pid = driver.getCapabilities().getCapability("goog:processID");
            return pid instanceof Number number ? ProcessHandle.of(number.longValue()) : Optional.empty();
        } catch (WebDriverException e) {
            return Optional.empty();
        }
    }
}
