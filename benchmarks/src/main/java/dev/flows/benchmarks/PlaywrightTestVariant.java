package dev.flows.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The journey in Playwright Test (Node), {@code @playwright/test} pinned in {@code benchmarks/playwright-test/package.json}
 * and installed with npm into {@code benchmarks/target/playwright-test} (browsers never downloaded: the system
 * Chromium is the executable). Each journey is one {@code playwright test} process; the figure is the one the test
 * measures itself (fresh context, journey, close), so Node's and the runner's start-up are not counted.
 */
final class PlaywrightTestVariant implements Variant {

    private static final Pattern MS = Pattern.compile("FLOWS_BENCH_MS=(\\d+)");
    private final Path source;
    private final Path work;

    PlaywrightTestVariant(Path source, Path work) {
        this.source = source;
        this.work = work;
    }

    @Override
    public String name() {
        return "playwright-test";
    }

    @Override
    public void start() throws IOException, InterruptedException {
        Files.createDirectories(work);
        for (String file : List.of("package.json", "playwright.config.js", "journey.spec.js")) {
            Files.copy(source.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path cli = work.resolve("node_modules/@playwright/test/cli.js");
        if (!Files.isRegularFile(cli)) {
            // An install cut short leaves a node_modules that npm takes as complete: start afresh.
            deleteTree(work.resolve("node_modules"));
            Files.deleteIfExists(work.resolve("package-lock.json"));
            run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), null, 300);
            if (!Files.isRegularFile(cli)) {
                throw new IllegalStateException("npm install left no " + cli);
            }
        }
    }

    @Override
    public void journey(URI base) throws IOException, InterruptedException {
        timed(base);
    }

    @Override
    public long timed(URI base) throws IOException, InterruptedException {
        String out = run(List.of("node", "node_modules/@playwright/test/cli.js", "test", "-c", "playwright.config.js"),
                base, 120);
        Matcher m = MS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("playwright test printed no timing:\n" + out);
        }
        return Long.parseLong(m.group(1));
    }

    private String run(List<String> command, URI base, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        pb.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        pb.environment().put("FLOWS_BENCH_CHROMIUM", Bench.CHROMIUM);
        if (base != null) {
            pb.environment().put("FLOWS_BENCH_BASE", base.toString());
        }
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + out);
        }
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        // Each journey's process has ended already.
    }
}
