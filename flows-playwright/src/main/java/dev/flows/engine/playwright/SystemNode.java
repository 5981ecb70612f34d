package dev.flows.engine.playwright;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Node.js on this machine that Playwright's driver can run on (version 20 or newer, what the driver's package
 * asks for), so that the driver jar need not unpack its own. A Node.js the user named
 * ({@code -Dplaywright.nodejs.path}, {@code PLAYWRIGHT_NODEJS_PATH}) or a pre-unpacked driver
 * ({@code -Dplaywright.cli.dir}, {@code PLAYWRIGHT_DRIVER_DIR}) wins: then this finds nothing.
 */
final class SystemNode {

    static final int MINIMUM_MAJOR = 20;
    private static final Pattern VERSION = Pattern.compile("^v(\\d+)\\.");

    private SystemNode() {
    }

    static Optional<Path> find() {
        if (System.getProperty("playwright.nodejs.path") != null || System.getenv("PLAYWRIGHT_NODEJS_PATH") != null
                || System.getProperty("playwright.cli.dir") != null || System.getenv("PLAYWRIGHT_DRIVER_DIR") != null) {
            return Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path node = Path.of(dir, "node");
            if (Files.isRegularFile(node) && Files.isExecutable(node)) {
                return major(node).filter(m -> m >= MINIMUM_MAJOR).map(m -> node);
            }
        }
        return Optional.empty();
    }

    /** The major version {@code node --version} prints, if it answers within 5 s. */
    static Optional<Integer> major(Path node) {
        try {
            Process p = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(200), StandardCharsets.UTF_8).strip();
            }
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            Matcher m = VERSION.matcher(out);
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
