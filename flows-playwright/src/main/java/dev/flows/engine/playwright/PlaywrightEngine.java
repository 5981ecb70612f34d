package dev.flows.engine.playwright;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Playwright for Java behind the browser port: a fresh browser context for every session, on one of a few
 * {@link Lane lanes} (a Playwright with its own driver and browser).
 *
 * <p>Playwright for Java must not be called from two threads at once, so every call holds its lane's lock. A
 * session takes an idle lane, and a new lane starts when every lane is busy (up to {@link #MAX_LANES}), so
 * journeys on several threads never queue behind each other's page loads; one after another, they all use the
 * first lane.
 */
final class PlaywrightEngine implements Engine {

    /** The most lanes (driver + browser each) an engine starts; sessions beyond share the least busy one. */
    static final int MAX_LANES = 8;

    private static final System.Logger LOG = System.getLogger(PlaywrightEngine.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BrowserConfig config;
    private final Optional<ChromiumDiscovery.Found> system;
    private final Map<String, String> env;
    private final String description;
    private final List<Lane> lanes = new ArrayList<>();  // guarded by this
    private volatile String defaultUserAgent;
    private boolean closed;  // guarded by this

    private PlaywrightEngine(BrowserConfig config, Optional<ChromiumDiscovery.Found> system, Map<String, String> env,
                             Lane first, String description) {
        this.config = config;
        this.system = system;
        this.env = env;
        this.description = description;
        lanes.add(first);
    }

    /** Starts Playwright and launches (or connects to) the browser that {@code config} describes. */
    static PlaywrightEngine launch(BrowserConfig config) {
        Optional<ChromiumDiscovery.Found> system = config.remote() != null ? Optional.empty()
                : ChromiumDiscovery.onThisMachine().browser(config.browserPath(), config.headless());
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
        // The driver jar unpacks a 120 MB Node.js on the JVM's first Playwright.create(); a Node.js on this
        // machine that is new enough makes that unpacking (seconds on a busy machine) unnecessary.
        SystemNode.find().ifPresent(node -> env.put("PLAYWRIGHT_NODEJS_PATH", node.toString()));
        Lane first = startLane(config, system, env);
        String where = config.remote() != null ? "Playwright server " + RemoteEndpoint.shown(config.remote())
                : system.map(ChromiumDiscovery.Found::toString).orElse("Playwright's own download");
        return new PlaywrightEngine(config, system, env, first, "chromium " + first.browser().version() + " at " + where);
    }

    private static Lane startLane(BrowserConfig config, Optional<ChromiumDiscovery.Found> system, Map<String, String> env) {
        long start = System.nanoTime();
        Playwright playwright;
        try {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        } catch (PlaywrightException e) {
            throw new BrowserLaunchException("playwright: could not start the Playwright driver: " + firstLine(e), e);
        }
        long ready = System.nanoTime();
        LOG.log(System.Logger.Level.DEBUG, () -> "playwright: engine ready in " + (ready - start) / 1_000_000 + " ms");
        try {
            Browser browser;
            if (config.remote() != null) {
                browser = connect(playwright, config);
            } else {
                BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                        .setHeadless(config.headless())
                        .setArgs(config.browserArgs());
                system.ifPresent(found -> options.setExecutablePath(found.path()));
                browser = playwright.chromium().launch(options);
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "playwright: browser launched in "
                    + (System.nanoTime() - ready) / 1_000_000 + " ms");
            return new Lane(playwright, browser);
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
        Lane lane = lane();
        try {
            Browser.NewContextOptions options = new Browser.NewContextOptions()
                    .setViewportSize(settings.width(), settings.height());
            if (!settings.extraHeaders().isEmpty()) {
                options.setExtraHTTPHeaders(settings.extraHeaders());
            }
            dev.flows.browser.NetworkPolicy network = settings.network();
            if (network.basicAuth() != null) {
                // Answered only for the site's own origin, so a third-party host never sees the password.
                java.net.URI origin = network.authOrigin();
                options.setHttpCredentials(new com.microsoft.playwright.options.HttpCredentials(
                        network.basicAuth().user(), network.basicAuth().password())
                        .setOrigin(origin.getScheme() + "://" + origin.getHost() + (origin.getPort() == -1 ? "" : ":" + origin.getPort())));
            }
            BrowserContext context;
            lane.lock().lock();
            try {
                if (!settings.userAgentSuffix().isEmpty()) {
                    options.setUserAgent(defaultUserAgent(lane) + " " + settings.userAgentSuffix());
                }
                context = lane.browser().newContext(options);
            } finally {
                lane.lock().unlock();
            }
            return new PlaywrightSession(this, lane, context, settings.navigation(), network);
        } catch (RuntimeException e) {
            released(lane);
            throw e;
        }
    }

    /** An idle lane, a new one when all are busy, or else the least busy one; counted as in use until released. */
    private Lane lane() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("playwright engine is closed");
            }
            Lane least = lanes.get(0);
            for (Lane lane : lanes) {
                if (lane.sessions() < least.sessions()) {
                    least = lane;
                }
            }
            if (least.sessions() == 0 || lanes.size() >= MAX_LANES) {
                least.opened();
                return least;
            }
        }
        // Started outside the monitor: sessions on the other lanes open and close meanwhile.
        Lane fresh;
        try {
            fresh = startLane(config, system, env);
        } catch (BrowserLaunchException e) {
            LOG.log(System.Logger.Level.WARNING, "playwright: could not start another browser, sessions share one: "
                    + e.getMessage());
            synchronized (this) {
                Lane first = lanes.get(0);
                first.opened();
                return first;
            }
        }
        synchronized (this) {
            if (closed) {
                fresh.close();
                throw new IllegalStateException("playwright engine is closed");
            }
            lanes.add(fresh);
            fresh.opened();
            return fresh;
        }
    }

    synchronized void released(Lane lane) {
        lane.closed();
    }

    // The browser's own user agent, asked over CDP rather than with a probe page; called under the lane's lock.
    private String defaultUserAgent(Lane lane) {
        if (defaultUserAgent == null) {
            try {
                CDPSession cdp = lane.browser().newBrowserCDPSession();
                try {
                    defaultUserAgent = cdp.send("Browser.getVersion").get("userAgent").getAsString();
                } finally {
                    cdp.detach();
                }
            } catch (PlaywrightException | UnsupportedOperationException | NullPointerException e) {
                try (BrowserContext probe = lane.browser().newContext()) {
                    defaultUserAgent = (String) probe.newPage().evaluate("() => navigator.userAgent");
                }
            }
        }
        return defaultUserAgent;
    }

    @Override
    public void close() {
        List<Lane> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(lanes);
        }
        RuntimeException first = null;
        for (Lane lane : toClose) {
            try {
                lane.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage()).strip();
        // Playwright wraps the driver's error as "Error {\n  message='...'": the message is what a user needs.
        int quoted = m.startsWith("Error {") ? m.indexOf("message='") : -1;
        return Messages.firstLine(quoted < 0 ? m : m.substring(quoted + "message='".length()));
    }
}
