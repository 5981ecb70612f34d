package dev.flows.diagnostics;

import static dev.flows.browser.Messages.firstLine;

import dev.flows.browser.Page;
import dev.flows.secret.Secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.flows.browser.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    /** Written only when the page opened JavaScript dialogs: each with its text. */
    public static final String DIALOGS = "dialogs.txt";

    /**
     * How long one artefact (screenshot, page source, console errors, failed requests) may take to capture: long
     * enough for a busy machine (at load 40 on 2 cores a screenshot took over 2 s), short of a hung browser.
     */
    public static final Duration ARTEFACT_DEADLINE = Duration.ofSeconds(10);
    /** How long writing the trace may take: it zips every snapshot of the attempt. */
    public static final Duration TRACE_DEADLINE = Duration.ofSeconds(30);
    /** Written only when network rules caught requests: orders blocked on a production site, blocked hosts. */
    public static final String BLOCKED_REQUESTS = "blocked-requests.txt";

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
        // Each artefact on its own deadline: a browser that hangs on a screenshot must not hold the verdict,
        // nor cost the page source. A capture that overruns goes on in the background and is left out.
        ExecutorService capture = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "flows-diagnostics");
            t.setDaemon(true);
            return t;
        });
        try {
            save(folder.resolve(SCREENSHOT), page::screenshot, files, problems, capture, ARTEFACT_DEADLINE);
            save(folder.resolve(PAGE_SOURCE), () -> page.pageSource().getBytes(StandardCharsets.UTF_8), files, problems,
                    capture, ARTEFACT_DEADLINE);
            save(folder.resolve(CONSOLE_ERRORS), () -> lines(page.consoleErrors()), files, problems, capture, ARTEFACT_DEADLINE);
            save(folder.resolve(FAILED_REQUESTS), () -> lines(page.failedRequests()), files, problems, capture, ARTEFACT_DEADLINE);
            within(page::dialogs, capture, ARTEFACT_DEADLINE, DIALOGS, problems).filter(d -> !d.isEmpty()).ifPresent(dialogs ->
                    save(folder.resolve(DIALOGS), () -> lines(dialogs.stream().map(d -> d + " on " + d.url()).toList()),
                            files, problems, capture, ARTEFACT_DEADLINE));
            within(page::interceptedRequests, capture, ARTEFACT_DEADLINE, BLOCKED_REQUESTS, problems)
                    .filter(r -> !r.isEmpty())
                    .ifPresent(caught -> save(folder.resolve(BLOCKED_REQUESTS), () -> lines(caught), files, problems,
                            capture, ARTEFACT_DEADLINE));
            for (Path file : files) {
                scrub(file, secrets, problems);
            }
            if (traceStarted) {
                // A trace that overruns its deadline finishes in the background; saveTrace masks it before it gets
                // its name, so it cannot land unmasked after the verdict was given.
                within(() -> {
                    try {
                        return saveTrace(page, folder, secrets);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e.getMessage(), e);
                    }
                }, capture, TRACE_DEADLINE, TRACE, problems).ifPresent(files::add);
            }
        } finally {
            capture.shutdown();
        }
        files.removeIf(f -> !Files.exists(f));
        return new Diagnostics(folder, files, problems);
    }

    /** Masks {@code secrets} in {@code file}; a file that may hold one and cannot be masked is deleted. */
    private static void scrub(Path file, Secrets secrets, List<String> problems) {
        try {
            secrets.scrubFile(file);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Reported below either way.
            }
            problems.add(file.getFileName() + ": removed, secrets could not be masked: " + firstLine(e));
        }
    }

    /**
     * Stops {@code page}'s trace into {@code folder/trace.zip}, with {@code secrets} masked before the file gets its
     * name. A trace that cannot be masked is deleted, and the exception says so.
     */
    public static Path saveTrace(Page page, Path folder, Secrets secrets) throws IOException {
        Path raw = page.stopTrace(folder.resolve(TRACE + ".part"));
        try {
            secrets.scrubFile(raw);
            return Files.move(raw, folder.resolve(TRACE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            throw new IOException("removed, secrets could not be masked: " + firstLine(e), e);
        } finally {
            Files.deleteIfExists(raw);
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

    private static void save(Path file, Supplier<byte[]> content, List<Path> files, List<String> problems,
                             ExecutorService capture, Duration deadline) {
        within(content, capture, deadline, file.getFileName().toString(), problems).ifPresent(bytes -> {
            try {
                Files.write(file, bytes);
                files.add(file);
            } catch (IOException e) {
                problems.add(file.getFileName() + ": " + firstLine(e));
            }
        });
    }

    // One artefact on the capture thread; a new thread takes over when the last one is stuck past its deadline.
    private static <T> Optional<T> within(Supplier<T> task, ExecutorService capture, Duration deadline, String name,
                                          List<String> problems) {
        Future<T> future;
        try {
            future = capture.submit(task::get);
        } catch (RejectedExecutionException e) {
            problems.add(name + ": not captured (capture stopped)");
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(future.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            problems.add(name + ": not captured within " + Durations.say(deadline));
            return Optional.empty();
        } catch (ExecutionException e) {
            problems.add(name + ": " + firstLine(e.getCause()));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(name + ": not captured (interrupted)");
            return Optional.empty();
        }
    }

}
