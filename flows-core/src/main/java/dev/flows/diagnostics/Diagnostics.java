package dev.flows.diagnostics;

import static dev.flows.browser.Messages.firstLine;

import dev.flows.browser.Page;

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
    /** Written only when the page opened JavaScript dialogs: each with its text. */
    public static final String DIALOGS = "dialogs.txt";

    public Diagnostics {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /**
     * Saves everything {@code page} can tell into {@code folder}, stopping its trace (when {@code traceStarted})
     * into {@code trace.zip}. Never throws for what it cannot capture: that goes into {@link #problems()}.
     */
    public static Diagnostics capture(Page page, Path folder, boolean traceStarted) {
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return new Diagnostics(folder, files, List.of("cannot create " + folder + ": " + e.getMessage()));
        }
        save(folder.resolve(SCREENSHOT), page::screenshot, files, problems);
        save(folder.resolve(PAGE_SOURCE), () -> page.pageSource().getBytes(StandardCharsets.UTF_8), files, problems);
        save(folder.resolve(CONSOLE_ERRORS), () -> lines(page.consoleErrors()), files, problems);
        save(folder.resolve(FAILED_REQUESTS), () -> lines(page.failedRequests()), files, problems);
        try {
            List<dev.flows.browser.Dialog> dialogs = page.dialogs();
            if (!dialogs.isEmpty()) {
                save(folder.resolve(DIALOGS), () -> lines(dialogs.stream().map(d -> d + " on " + d.url()).toList()), files, problems);
            }
        } catch (RuntimeException e) {
            problems.add(DIALOGS + ": " + firstLine(e.getMessage()));
        }
        if (traceStarted) {
            try {
                files.add(page.stopTrace(folder.resolve(TRACE)));
            } catch (RuntimeException e) {
                problems.add(TRACE + ": " + firstLine(e));
            }
        }
        return new Diagnostics(folder, files, problems);
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
            Files.write(file, content.get());
            files.add(file);
        } catch (IOException | RuntimeException e) {
            problems.add(file.getFileName() + ": " + firstLine(e));
        }
    }

}
