package dev.flows.engine.selenium;

import dev.flows.browser.BrowserConfig;
import dev.flows.browser.BrowserLaunchException;
import dev.flows.engine.ChromiumDiscovery;
import dev.flows.engine.Engine;
import dev.flows.engine.EngineSession;
import dev.flows.engine.SessionSettings;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Selenium WebDriver behind the browser port: a local ChromeDriver, or a RemoteWebDriver on a Selenium Grid.
 * Each session is its own browser with its own fresh profile, so sessions share nothing.
 */
public final class SeleniumEngine implements Engine {

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
     * Resolves the browser and ChromeDriver that {@code config} describes. Browsers start per session, so
     * resolution problems show here and start-up problems at the first session.
     */
    public static SeleniumEngine launch(BrowserConfig config) {
        if (config.remote() != null) {
            try {
                return new SeleniumEngine(config, null, null, null, config.remote().toURL());
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("selenium remote URL is not valid: " + config.remote(), e);
            }
        }
        ChromiumDiscovery discovery = ChromiumDiscovery.onThisMachine();
        Optional<ChromiumDiscovery.Found> browser = discovery.browser(config.browserPath());
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
            return "chrome" + version + " at remote " + remote.getProtocol() + "://" + remote.getAuthority();
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
    }
}
