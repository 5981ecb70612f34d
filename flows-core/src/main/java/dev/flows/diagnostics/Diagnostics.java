package dev.flows.diagnostics;

import static dev.flows.browser.Messages.firstLine;

import dev.flows.browser.Page;
import dev.flows.secret.Secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What was saved about one failed attempt, so the failure can be fixed from the report alone: a screenshot, the
 * page source, console errors, failed network requests and the trace, all in one folder.
 *
 * <pre>{@code
 * Diagnostics saved = Diagnostics.capture(page, Path.of("target/flows-output/run-1/live/playwright/guest-checkout/attempt-1"));
 * saved.files(); // [.../screenshot.png, .../page.html, ...]
 * }</pre>
 *
 * @param folder   where the bundle is
 * @param files    the files written, in a fixed order; a file that could not be captured is left out
 * @param problems what could not be captured and why (a crashed browser takes no screenshot)
 */
public record Diagnostics(Path folder, List<Path> files, List<String> problems) {

    public static final String SCREENSHOT = "screenshot.png";
    public static final String PAGE_SOURCE = "page.html";
    public static final String CONSOLE_ERRORS = "console-errors.txt";
    public static final String FAILED_REQUESTS = "failed-requests.txt";
    public static final String TRACE = "trace.zip";
    public static final String BLOCKED_REQUESTS = "blocked-requests.txt";
    /** The longest one artefact may take: a hung browser must not hold the verdict back. */
    public static final java.time.Duration ARTEFACT_DEADLINE = java.time.Duration.ofSeconds(15);

    public Diagnostics {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /**
     * Saves everything {@code page} can tell into {@code folder}, stopping its trace (when {@code traceStarted})
     * into {@code trace.zip}. Never throws for what it cannot capture: that goes into {@link #problems()}.
     */
    public static Diagnostics capture(Page page, Path folder, boolean traceStarted) {
        return capture(page, folder, traceStarted, Secrets.none());
    }

    /**
     * {@link #capture(Page, Path, boolean)}, then masks {@code secrets} in every file of the bundle (the trace's
     * network entries included). Each artefact has {@link #ARTEFACT_DEADLINE}: one the browser does not hand over in
     * time is left out with the reason, so a hanging site cannot delay the verdict.
     */
    public static Diagnostics capture(Page page, Path folder, boolean traceStarted, Secrets secrets) {
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return new Diagnostics(folder, files, List.of("cannot create " + folder + ": " + firstLine(e.getMessage())));
        }
        save(folder.resolve(SCREENSHOT), page::screenshot, files, problems);
        save(folder.resolve(PAGE_SOURCE), () -> page.pageSource().getBytes(StandardCharsets.UTF_8), files, problems);
        save(folder.resolve(CONSOLE_ERRORS), () -> lines(page.consoleErrors()), files, problems);
        save(folder.resolve(FAILED_REQUESTS), () -> lines(page.failedRequests()), files, problems);
        List<?> intercepted = within(page::interceptedRequests, List.of());
        if (!intercepted.isEmpty()) {
            save(folder.resolve(BLOCKED_REQUESTS), () -> lines(intercepted), files, problems);
        }
        if (traceStarted) {
            save(folder.resolve(TRACE), () -> {
                Path trace = page.stopTrace(folder.resolve(TRACE));
                try {
                    return Files.readAllBytes(trace);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, files, problems);
        }
        for (Path file : files) {
            try {
                secrets.scrubFile(file);
            } catch (IOException | RuntimeException e) {
                // A file that may hold a secret and cannot be cleaned must not stay.
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // Reported below either way.
                }
                problems.add(file.getFileName() + ": removed, secrets could not be masked: " + firstLine(e));
            }
        }
        files.removeIf(f -> !Files.exists(f));
        return new Diagnostics(folder, files, problems);
    }

    private static <T> T within(Supplier<T> call, T fallback) {
        try {
            return call(call);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    // Runs a browser call on its own daemon thread, so a browser that never answers costs at most the deadline.
    private static <T> T call(Supplier<T> call) {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(call::get);
        Thread t = new Thread(task, "flows-diagnostics");
        t.setDaemon(true);
        t.start();
        try {
            return task.get(ARTEFACT_DEADLINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            task.cancel(true);
            throw new IllegalStateException("the browser did not hand it over within "
                    + dev.flows.browser.Durations.say(ARTEFACT_DEADLINE));
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(firstLine(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** "saved in /abs/folder/: screenshot.png, page.html, ..." plus what could not be saved: one or two lines. */
    public String describe() {
        String names = files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", "));
        String text = "diagnostics: " + folder.toAbsolutePath() + "/ (" + (names.isEmpty() ? "nothing saved" : names) + ")";
        return problems.isEmpty() ? text : text + "\n  not saved: " + String.join("; ", problems);
    }

    private static byte[] lines(List<?> items) {
        String text = items.isEmpty() ? "(none)\n" : items.stream().map(String::valueOf).collect(Collectors.joining("\n")) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void save(Path file, Supplier<byte[]> content, List<Path> files, List<String> problems) {
        try {
            Files.write(file, call(content));
            files.add(file);
        } catch (IOException | RuntimeException e) {
            problems.add(file.getFileName() + ": " + firstLine(e));
        }
    }

}
