package dev.flows.engine.spi;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a Chromium-family browser and a ChromeDriver on this machine: an explicit path first, then the names on
 * {@code PATH}, then the places installers put them. Engines fall back to their own downloads only when this
 * finds nothing.
 *
 * <p>A headless run prefers Chromium's headless shell ({@code chromium-headless-shell}, Debian's package of the
 * same name; {@code chrome-headless-shell} from Chrome for Testing), as Playwright does for headless Chromium: the
 * full browser builds a window's worth of browser UI for every new page, which makes a fresh context and page
 * three times slower to open (about 450 ms against 140 ms here) and its page loads slower too. Without a headless
 * shell, headless runs use the full browser.
 */
public final class ChromiumDiscovery {

    /** A file that was found, and how: "configured", "on PATH as chromium", "at /usr/bin/chromium". */
    public record Found(Path path, String how) {
        @Override
        public String toString() {
            return path + " (" + how + ")";
        }
    }

    private static final List<String> BROWSER_NAMES = List.of(
            "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome");
    private static final List<String> BROWSER_PATHS = List.of(
            "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
            "/snap/bin/chromium", "/opt/google/chrome/chrome",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
            "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe");
    private static final List<String> HEADLESS_NAMES = List.of("chromium-headless-shell", "chrome-headless-shell");
    private static final List<String> HEADLESS_PATHS = List.of(
            "/usr/bin/chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell");
    private static final List<String> DRIVER_NAMES = List.of("chromedriver");
    private static final List<String> DRIVER_PATHS = List.of(
            "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver", "/usr/local/bin/chromedriver",
            "/snap/bin/chromium.chromedriver");

    private final String pathVariable;

    private ChromiumDiscovery(String pathVariable) {
        this.pathVariable = pathVariable == null ? "" : pathVariable;
    }

    /** Searches this machine's {@code PATH}. */
    public static ChromiumDiscovery onThisMachine() {
        return new ChromiumDiscovery(System.getenv("PATH"));
    }

    /** Searches the given {@code PATH} value instead of the machine's. */
    public static ChromiumDiscovery withPath(String pathVariable) {
        return new ChromiumDiscovery(pathVariable);
    }

    /**
     * The browser to use.
     *
     * @param configured an explicitly configured path, or null
     * @throws IllegalArgumentException when a configured path is not an executable file
     */
    public Optional<Found> browser(Path configured) {
        return find("browser", configured, BROWSER_NAMES, BROWSER_PATHS);
    }

    /**
     * The browser for a run that is headless or not: the configured one; else, headless, a headless shell if this
     * machine has one; else {@link #browser(Path)}.
     *
     * @throws IllegalArgumentException when a configured path is not an executable file
     */
    public Optional<Found> browser(Path configured, boolean headless) {
        if (configured == null && headless) {
            Optional<Found> shell = find("browser", null, HEADLESS_NAMES, HEADLESS_PATHS);
            if (shell.isPresent()) {
                return shell;
            }
        }
        return browser(configured);
    }

    /** The ChromeDriver to use; see {@link #browser(Path)}. */
    public Optional<Found> driver(Path configured) {
        return find("driver", configured, DRIVER_NAMES, DRIVER_PATHS);
    }

    private Optional<Found> find(String what, Path configured, List<String> names, List<String> paths) {
        if (configured != null) {
            if (!Files.isRegularFile(configured) || !Files.isExecutable(configured)) {
                throw new IllegalArgumentException("configured " + what + " is not an executable file: " + configured);
            }
            return Optional.of(new Found(configured, "configured"));
        }
        List<String> dirs = new ArrayList<>(List.of(pathVariable.split(File.pathSeparator)));
        for (String name : names) {
            for (String dir : dirs) {
                if (dir.isBlank()) {
                    continue;
                }
                for (String candidate : List.of(name, name + ".exe")) {
                    Path p = Path.of(dir, candidate);
                    if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                        return Optional.of(new Found(p, "on PATH as " + name));
                    }
                }
            }
        }
        for (String known : paths) {
            Path p = Path.of(known);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(new Found(p, "well-known location"));
            }
        }
        return Optional.empty();
    }
}
