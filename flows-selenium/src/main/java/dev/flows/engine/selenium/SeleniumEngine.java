package dev.flows.engine.selenium;

import dev.flows.browser.BrowserConfig;
import dev.flows.browser.BrowserLaunchException;
import dev.flows.browser.Durations;
import dev.flows.engine.spi.ChromiumDiscovery;
import dev.flows.engine.spi.Engine;
import dev.flows.engine.spi.EngineSession;
import dev.flows.engine.spi.RemoteEndpoint;
import dev.flows.engine.spi.SessionSettings;

import java.io.IOException;
import java.net.ConnectException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Selenium WebDriver behind the browser port: local ChromeDrivers, or a RemoteWebDriver on a Selenium Grid.
 *
 * <p>Locally, the engine keeps its browsers ({@link Chrome}) between sessions: a session takes an idle one, or starts
 * one when every browser is in use, and runs in a fresh browser context of its own, so sessions share no cookies,
 * storage or cache, and a journey does not pay for starting Chrome. Idle browsers are never more than the sessions
 * that were open at once; a browser that fails to clean up after a session is quit. On a Grid each session is a
 * browser of its own, as the Grid hands them out.
 */
final class SeleniumEngine implements Engine {

    // Selenium warns on every session that it has no CDP bindings for this Chrome; Flows uses only raw CDP
    // commands, which need none. Held in a field so the logger (and its level) is not garbage-collected.
    private static final java.util.logging.Logger CDP_VERSION_NOISE =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_NOISE.setLevel(java.util.logging.Level.SEVERE);
    }

    private final BrowserConfig config;
    private final ChromiumDiscovery.Found browserBinary;
    private final Path driver;
    private final String driverHow;
    private final URL remote;
    private final Set<SeleniumSession> open = ConcurrentHashMap.newKeySet();
    private final Set<Chrome> browsers = ConcurrentHashMap.newKeySet();
    private final Deque<Chrome> idle = new ConcurrentLinkedDeque<>();
    private volatile String browserVersion;
    private volatile boolean closed;

    private SeleniumEngine(BrowserConfig config, ChromiumDiscovery.Found browserBinary, Path driver, String driverHow, URL remote) {
        this.config = config;
        this.browserBinary = browserBinary;
        this.driver = driver;
        this.driverHow = driverHow;
        this.remote = remote;
    }

    /**
     * Resolves the browser and ChromeDriver that {@code config} describes. Browsers start when a session needs one,
     * so resolution problems show here and start-up problems at the first session.
     */
    static SeleniumEngine launch(BrowserConfig config) {
        if (config.remote() != null) {
            URL remote;
            try {
                remote = config.remote().toURL();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("selenium remote URL is not valid: " + config.remote(), e);
            }
            checkReachable(config);
            // On a Grid the browser is the node's: a configured path names a file on the node, not here.
            ChromiumDiscovery.Found binary = config.browserPath() == null ? null
                    : new ChromiumDiscovery.Found(config.browserPath(), "configured, on the Grid node");
            return new SeleniumEngine(config, binary, null, null, remote);
        }
        ChromiumDiscovery discovery = ChromiumDiscovery.onThisMachine();
        Optional<ChromiumDiscovery.Found> browser = discovery.browser(config.browserPath(), config.headless());
        if (browser.isEmpty() && !config.downloads()) {
            throw new BrowserLaunchException("selenium: no Chromium or Chrome found (set browserPath, install chromium, "
                    + "or allow downloads so Selenium Manager can fetch one)");
        }
        Optional<ChromiumDiscovery.Found> driver = discovery.driver(config.driverPath());
        if (driver.isPresent()) {
            return new SeleniumEngine(config, browser.orElse(null), driver.get().path(), driver.get().toString(), null);
        }
        if (config.webDriverManager()) {
            Path managed = webDriverManager(config);
            return new SeleniumEngine(config, browser.orElse(null), managed, managed + " (WebDriverManager)", null);
        }
        if (!config.downloads()) {
            throw new BrowserLaunchException("selenium: no chromedriver found (set driverPath, install chromium-driver, "
                    + "allow downloads for Selenium Manager, or turn on webDriverManager)");
        }
        // Null driver: Selenium Manager resolves (and may download) one at the first session.
        return new SeleniumEngine(config, browser.orElse(null), null, "Selenium Manager", null);
    }

    // Sessions start lazily, so without this an unreachable Grid would only show at the first page, as a long
    // "Could not start a new session" message. /status is part of the WebDriver protocol, so any remote end has it.
    private static void checkReachable(BrowserConfig config) {
        if (config.remote().getRawQuery() != null) {
            return;  // A query (a provider's key, say) cannot be carried over to /status: let the session tell.
        }
        String endpoint = RemoteEndpoint.shown(config.remote());
        String base = config.remote().toString();
        URI status = URI.create((base.endsWith("/") ? base : base + "/") + "status");
        Duration timeout = config.timeouts().navigation();
        try {
            HttpClient.newBuilder().connectTimeout(timeout).build()
                    .send(HttpRequest.newBuilder(status).timeout(timeout).build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new BrowserLaunchException("selenium: no Selenium Grid at " + endpoint + " (no answer within "
                    + Durations.say(timeout) + ")", e);
        } catch (ConnectException e) {
            throw new BrowserLaunchException("selenium: no Selenium Grid at " + endpoint + " (connection refused)", e);
        } catch (IOException e) {
            String reason = e.getCause() instanceof java.nio.channels.UnresolvedAddressException ? "unknown host"
                    : String.valueOf(e.getMessage());
            throw new BrowserLaunchException("selenium: no Selenium Grid at " + endpoint + " (" + reason + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrowserLaunchException("selenium: interrupted while reaching the Selenium Grid at " + endpoint, e);
        }
    }

    // WebDriverManager is optional on the classpath and can hang on a closed network: bound it.
    private static Path webDriverManager(BrowserConfig config) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "flows-webdrivermanager");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<String> path = executor.submit(() -> {
                io.github.bonigarcia.wdm.WebDriverManager wdm = io.github.bonigarcia.wdm.WebDriverManager.chromedriver();
                wdm.timeout((int) Math.max(1, config.webDriverManagerTimeout().toSeconds()));
                wdm.setup();
                return wdm.getDownloadedDriverPath();
            });
            String found = path.get(config.webDriverManagerTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (found == null) {
                throw new BrowserLaunchException("selenium: WebDriverManager found no chromedriver");
            }
            return Path.of(found);
        } catch (NoClassDefFoundError e) {
            throw new BrowserLaunchException("selenium: webDriverManager is on but io.github.bonigarcia:webdrivermanager "
                    + "is not on the classpath");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new BrowserLaunchException("selenium: WebDriverManager found no chromedriver within "
                    + config.webDriverManagerTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrowserLaunchException("selenium: interrupted while WebDriverManager looked for chromedriver");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NoClassDefFoundError) {
                throw new BrowserLaunchException("selenium: webDriverManager is on but io.github.bonigarcia:webdrivermanager "
                        + "is not on the classpath");
            }
            throw new BrowserLaunchException("selenium: WebDriverManager failed: " + cause.getMessage(), cause);
        } finally {
            executor.shutdownNow();
        }
    }

    @Override
    public String name() {
        return "selenium";
    }

    @Override
    public String browser() {
        String version = browserVersion == null ? "" : " " + browserVersion;
        if (remote != null) {
            return "chrome" + version + " at Selenium Grid " + RemoteEndpoint.shown(config.remote());
        }
        return "chromium" + version + " at " + (browserBinary == null ? "Selenium Manager's choice" : browserBinary.toString())
                + ", chromedriver at " + driverHow;
    }

    @Override
    public EngineSession openSession(SessionSettings settings) {
        if (closed) {
            throw new IllegalStateException("selenium engine is closed");
        }
        SeleniumSession session = SeleniumSession.open(this, settings);
        open.add(session);
        if (browserVersion == null) {
            browserVersion = session.browserVersion();
        }
        return session;
    }

    void closed(SeleniumSession session) {
        open.remove(session);
    }

    /** An idle browser of this engine, most recently used first (its memory is warm), or null if none is idle. */
    Chrome idleBrowser() {
        return idle.pollFirst();
    }

    /** Starts a browser for a session; the session gives it back or discards it when it closes. */
    Chrome startBrowser(org.openqa.selenium.chrome.ChromeOptions options) {
        Chrome started = Chrome.start(this, options);
        browsers.add(started);
        if (closed) {
            discard(started);
            throw new IllegalStateException("selenium engine is closed");
        }
        return started;
    }

    /** Keeps a browser, cleaned up after its session, for the next session. */
    void giveBack(Chrome chrome) {
        idle.addFirst(chrome);
        // A close() that ran meanwhile has not seen this one.
        if (closed && idle.remove(chrome)) {
            discard(chrome);
        }
    }

    /** Quits a browser that is broken, or no longer needed. */
    void discard(Chrome chrome) {
        idle.remove(chrome);
        // Once only, whether the session or close() gets here first.
        if (browsers.remove(chrome)) {
            chrome.quit();
        }
    }

    /** Kills a browser that may be stuck in a command ({@link Chrome#kill()}). */
    void discardStuck(Chrome chrome) {
        idle.remove(chrome);
        if (browsers.remove(chrome)) {
            chrome.kill();
        }
    }

    BrowserConfig config() {
        return config;
    }

    Path browserBinary() {
        return browserBinary == null ? null : browserBinary.path();
    }

    Path driver() {
        return driver;
    }

    URL remote() {
        return remote;
    }

    @Override
    public void close() {
        closed = true;
        for (SeleniumSession session : open) {
            session.close();
        }
        for (Chrome chrome : browsers) {
            discard(chrome);
        }
    }
}
