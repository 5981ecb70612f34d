package dev.flows.engine.playwright;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.BrowserLaunchException;
import dev.flows.browser.Messages;
import dev.flows.browser.Durations;
import dev.flows.engine.spi.ChromiumDiscovery;
import dev.flows.engine.spi.Engine;
import dev.flows.engine.spi.EngineSession;
import dev.flows.engine.spi.RemoteEndpoint;
import dev.flows.engine.spi.SessionSettings;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Playwright for Java behind the browser port: one Playwright and one browser for the engine's life, a fresh
 * browser context for every session.
 *
 * <p>Playwright for Java must not be called from two threads at once, so every call made through this engine
 * holds one lock. Engine calls never wait for elements (the port's waits sleep outside the lock), so sessions on
 * several threads share the browser fairly.
 */
final class PlaywrightEngine implements Engine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReentrantLock lock = new ReentrantLock();
    private final Playwright playwright;
    private final Browser browser;
    private final String description;
    private volatile String defaultUserAgent;
    private volatile boolean closed;

    private PlaywrightEngine(Playwright playwright, Browser browser, String description) {
        this.playwright = playwright;
        this.browser = browser;
        this.description = description;
    }

    /** Starts Playwright and launches (or connects to) the browser that {@code config} describes. */
    static PlaywrightEngine launch(BrowserConfig config) {
        Optional<ChromiumDiscovery.Found> system = config.remote() != null ? Optional.empty()
                : ChromiumDiscovery.onThisMachine().browser(config.browserPath());
        if (config.remote() == null && system.isEmpty() && !config.downloads()) {
            throw new BrowserLaunchException("playwright: no Chromium or Chrome found (set browserPath, install chromium, "
                    + "or allow downloads so Playwright can fetch its own)");
        }
        // Marked, so that a later start can remove what a kill -9 of this JVM leaves (Leftovers).
        Map<String, String> env = new HashMap<>(dev.flows.engine.spi.Leftovers.mark());
        if (system.isPresent() || config.remote() != null) {
            // Without this, Playwright.create() tries to download browsers we are not going to use.
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        }
        Playwright playwright;
        try {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        } catch (PlaywrightException e) {
            throw new BrowserLaunchException("playwright: could not start the Playwright driver: " + firstLine(e), e);
        }
        try {
            Browser browser;
            String where;
            if (config.remote() != null) {
                browser = connect(playwright, config);
                where = "Playwright server " + RemoteEndpoint.shown(config.remote());
            } else {
                BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                        .setHeadless(config.headless())
                        .setArgs(config.browserArgs());
                system.ifPresent(found -> options.setExecutablePath(found.path()));
                browser = playwright.chromium().launch(options);
                where = system.map(ChromiumDiscovery.Found::toString).orElse("Playwright's own download");
            }
            return new PlaywrightEngine(playwright, browser, "chromium " + browser.version() + " at " + where);
        } catch (BrowserLaunchException e) {
            playwright.close();
            throw e;
        } catch (PlaywrightException e) {
            playwright.close();
            throw new BrowserLaunchException("playwright: could not launch chromium"
                    + system.map(f -> " at " + f).orElse("") + ": " + firstLine(e), e);
        }
    }

    // A Playwright server launches the browser itself, with the options the client sends in this header. A server
    // started without --unsafe drops executablePath and args and uses a browser of its own.
    private static Browser connect(Playwright playwright, BrowserConfig config) {
        Map<String, Object> launch = new LinkedHashMap<>();
        launch.put("headless", config.headless());
        if (config.browserPath() != null) {
            launch.put("executablePath", config.browserPath().toString());
        }
        if (!config.browserArgs().isEmpty()) {
            launch.put("args", config.browserArgs());
        }
        String endpoint = RemoteEndpoint.shown(config.remote());
        try {
            return playwright.chromium().connect(config.remote().toString(), new BrowserType.ConnectOptions()
                    .setHeaders(Map.of("x-playwright-launch-options", JSON.writeValueAsString(launch)))
                    .setTimeout(config.timeouts().navigation().toMillis()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write launch options as JSON: " + launch, e);
        } catch (PlaywrightException e) {
            String message = String.valueOf(e.getMessage());
            String reason = message.contains("ECONNREFUSED") ? "connection refused"
                    : message.contains("ENOTFOUND") || message.contains("EAI_AGAIN") ? "unknown host"
                    : message.contains("Timeout") && message.contains("exceeded") ? "no answer within "
                            + Durations.say(config.timeouts().navigation())
                    : null;
            if (reason != null) {
                throw new BrowserLaunchException("playwright: no Playwright server at " + endpoint + " (" + reason + ")", e);
            }
            throw new BrowserLaunchException("playwright: the Playwright server at " + endpoint
                    + " could not launch chromium: " + firstLine(e), e);
        }
    }

    @Override
    public String name() {
        return "playwright";
    }

    @Override
    public String browser() {
        return description;
    }

    @Override
    public EngineSession openSession(SessionSettings settings) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("playwright engine is closed");
            }
            Browser.NewContextOptions options = new Browser.NewContextOptions()
                    .setViewportSize(settings.width(), settings.height());
            if (!settings.extraHeaders().isEmpty()) {
                options.setExtraHTTPHeaders(settings.extraHeaders());
            }
            if (!settings.userAgentSuffix().isEmpty()) {
                options.setUserAgent(defaultUserAgent() + " " + settings.userAgentSuffix());
            }
            dev.flows.browser.NetworkPolicy network = settings.network();
            if (network.basicAuth() != null) {
                // Answered only for the site's own origin, so a third-party host never sees the password.
                java.net.URI origin = network.authOrigin();
                options.setHttpCredentials(new com.microsoft.playwright.options.HttpCredentials(
                        network.basicAuth().user(), network.basicAuth().password())
                        .setOrigin(origin.getScheme() + "://" + origin.getHost() + (origin.getPort() == -1 ? "" : ":" + origin.getPort())));
            }
            BrowserContext context = browser.newContext(options);
            return new PlaywrightSession(this, context, settings.navigation(), network);
        } finally {
            lock.unlock();
        }
    }

    private String defaultUserAgent() {
        if (defaultUserAgent == null) {
            try (BrowserContext probe = browser.newContext()) {
                defaultUserAgent = (String) probe.newPage().evaluate("() => navigator.userAgent");
            }
        }
        return defaultUserAgent;
    }

    ReentrantLock lock() {
        return lock;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                browser.close();
            } catch (PlaywrightException e) {
                // The connection to a Playwright server is already gone, and with it the browser the server ran.
            } finally {
                playwright.close();
            }
        } finally {
            lock.unlock();
        }
    }

    static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage()).strip();
        // Playwright wraps the driver's error as "Error {\n  message='...'": the message is what a user needs.
        int quoted = m.startsWith("Error {") ? m.indexOf("message='") : -1;
        return Messages.firstLine(quoted < 0 ? m : m.substring(quoted + "message='".length()));
    }
}
