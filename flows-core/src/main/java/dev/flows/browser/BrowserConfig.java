package dev.flows.browser;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which engine drives which browser, and how.
 *
 * <pre>{@code
 * BrowserConfig config = BrowserConfig.playwright().timeouts(Timeouts.DEFAULT.withWaitFor(Duration.ofSeconds(8))).build();
 * BrowserConfig grid = BrowserConfig.selenium().remote(URI.create("http://127.0.0.1:4444/")).build();
 * }</pre>
 *
 * <p>Browser resolution, for a local browser: {@link #browserPath()} when set; else a Chromium or Chrome on
 * {@code PATH} or in a well-known place; else the engine's own download (Playwright's browsers, Selenium Manager)
 * when {@link #downloads()} allows it; else, for Selenium, WebDriverManager when {@link #webDriverManager()} is
 * on. ChromeDriver is resolved the same way from {@link #driverPath()}.
 *
 * <p>A remote browser ({@link #remote()}) is launched by the server, so nothing is looked for on this machine:
 * <ul>
 *   <li>Playwright connects to a Playwright server ({@code playwright run-server}) and sends {@link #headless()},
 *       {@link #browserPath()} (as {@code executablePath}, a path on the server) and {@link #browserArgs()} as the
 *       JSON {@code x-playwright-launch-options} header, e.g. {@code {"headless":true,"executablePath":"/usr/bin/chromium"}}.
 *       A server started without {@code --unsafe} ignores the path and the arguments and uses its own browser.</li>
 *   <li>Selenium asks the Grid's {@code /status} at launch (so an unreachable Grid fails at once) and starts
 *       each session on the Grid; {@link #browserPath()}, if set, names the browser on the Grid node.
 *       {@link #driverPath()}, {@link #downloads()} and {@link #webDriverManager()} do not apply.</li>
 * </ul>
 *
 * @param engine           the engine (no default: choose one)
 * @param headless         run without a window (default true)
 * @param browserPath      the browser executable, or null to look for one
 * @param driverPath       the ChromeDriver executable for Selenium, or null to look for one
 * @param remote           a Selenium Grid http(s) URL or a Playwright server's ws(s):// endpoint, or null for a local
 *                         browser (default null); see above for what is sent to it
 * @param downloads        let the engine download a browser or driver when none is found (default true)
 * @param webDriverManager try WebDriverManager when nothing else found a ChromeDriver (default false)
 * @param webDriverManagerTimeout how long WebDriverManager may try (default 20 s)
 * @param timeouts         waits and navigation (default {@link Timeouts#DEFAULT})
 * @param browserArgs      extra command-line switches for the browser
 */
public record BrowserConfig(EngineType engine, boolean headless, Path browserPath, Path driverPath, URI remote,
                            boolean downloads, boolean webDriverManager, Duration webDriverManagerTimeout,
                            Timeouts timeouts, List<String> browserArgs) {

    /** The engines Flows ships. */
    public enum EngineType {
        PLAYWRIGHT, SELENIUM;

        /** "playwright" or "selenium", as config files spell it. */
        public String id() {
            return name().toLowerCase();
        }

        /** Reads "playwright" or "selenium" (any case). */
        public static EngineType of(String id) {
            for (EngineType type : values()) {
                if (type.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                    return type;
                }
            }
            throw new IllegalArgumentException("unknown engine '" + id + "': use playwright or selenium");
        }
    }

    public BrowserConfig {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(webDriverManagerTimeout, "webDriverManagerTimeout");
        browserArgs = List.copyOf(browserArgs == null ? List.of() : browserArgs);
        if (remote != null) {
            String scheme = String.valueOf(remote.getScheme()).toLowerCase();
            List<String> allowed = engine == EngineType.PLAYWRIGHT ? List.of("ws", "wss") : List.of("http", "https");
            if (!allowed.contains(scheme)) {
                throw new IllegalArgumentException("remote " + engine.id() + " endpoint must be a " + String.join(" or ", allowed)
                        + " URL: " + remote);
            }
        }
        if (driverPath != null && engine != EngineType.SELENIUM) {
            throw new IllegalArgumentException("driverPath is for selenium; playwright needs none: " + driverPath);
        }
    }

    public static Builder playwright() {
        return new Builder(EngineType.PLAYWRIGHT);
    }

    public static Builder selenium() {
        return new Builder(EngineType.SELENIUM);
    }

    public static Builder builder(EngineType engine) {
        return new Builder(Objects.requireNonNull(engine, "engine"));
    }

    public Builder toBuilder() {
        Builder b = new Builder(engine);
        b.headless = headless;
        b.browserPath = browserPath;
        b.driverPath = driverPath;
        b.remote = remote;
        b.downloads = downloads;
        b.webDriverManager = webDriverManager;
        b.webDriverManagerTimeout = webDriverManagerTimeout;
        b.timeouts = timeouts;
        b.browserArgs.addAll(browserArgs);
        return b;
    }

    /** Builds a {@link BrowserConfig}; every setter's default is the one documented on the record. */
    public static final class Builder {
        private final EngineType engine;
        private boolean headless = true;
        private Path browserPath;
        private Path driverPath;
        private URI remote;
        private boolean downloads = true;
        private boolean webDriverManager;
        private Duration webDriverManagerTimeout = Duration.ofSeconds(20);
        private Timeouts timeouts = Timeouts.DEFAULT;
        private final List<String> browserArgs = new ArrayList<>();

        private Builder(EngineType engine) {
            this.engine = engine;
        }

        public Builder headless(boolean headless) {
            this.headless = headless;
            return this;
        }

        public Builder browserPath(Path browserPath) {
            this.browserPath = browserPath;
            return this;
        }

        public Builder driverPath(Path driverPath) {
            this.driverPath = driverPath;
            return this;
        }

        /**
         * Drives a browser on a Selenium Grid ({@code http://grid:4444/}) or a Playwright server
         * ({@code ws://host:3000/}) instead of a local one. For Playwright, {@link #headless}, {@link #browserPath}
         * and {@link #browserArg} reach the server as its {@code x-playwright-launch-options}; the path and
         * arguments only when the server runs with {@code --unsafe}. For Selenium, {@link #browserPath} names the
         * browser on the Grid node. Credentials in the user part or query are masked wherever Flows shows the URL.
         */
        public Builder remote(URI remote) {
            this.remote = remote;
            return this;
        }

        public Builder downloads(boolean downloads) {
            this.downloads = downloads;
            return this;
        }

        public Builder webDriverManager(boolean webDriverManager) {
            this.webDriverManager = webDriverManager;
            return this;
        }

        public Builder webDriverManagerTimeout(Duration timeout) {
            this.webDriverManagerTimeout = timeout;
            return this;
        }

        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = timeouts;
            return this;
        }

        public Builder browserArg(String arg) {
            if (arg == null || !arg.startsWith("--")) {
                throw new IllegalArgumentException("browser argument must start with --: " + arg);
            }
            browserArgs.add(arg);
            return this;
        }

        public BrowserConfig build() {
            return new BrowserConfig(engine, headless, browserPath, driverPath, remote, downloads, webDriverManager,
                    webDriverManagerTimeout, timeouts, browserArgs);
        }
    }
}
