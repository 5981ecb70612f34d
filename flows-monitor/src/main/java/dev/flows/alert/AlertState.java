package dev.flows.alert;

import static dev.flows.browser.Messages.firstLine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flows.heartbeat.RunSummary;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Remembers, between runs, how often each check has failed in a row, so that the alarm (a failing heartbeat) goes
 * off only after {@code after} consecutive failures of the same check, and a recovery is reported once.
 *
 * <pre>{@code
 * AlertState state = AlertState.load(Path.of(".flows/alert-state.json"), 3, System.err::println);
 * AlertReport report = state.record(result, Instant.now());
 * heartbeatRun.finish(state.summary(result, report));   // failure only when an alarm is open
 * state.save();
 * }</pre>
 *
 * <p>The file is small JSON that a workflow can cache or commit; it is written atomically (a temporary file moved
 * over the old one), so a killed run leaves the previous state, never half a file. A missing or unreadable file
 * starts a fresh state with a one-line warning: the monitor must run even when its memory is lost.
 *
 * <p>A check is a journey on a site and engine ({@code journey:guest checkout@live[playwright]}) or a page check
 * on a site ({@code page:landing@live}). FAILED and BROKEN count as failures; PASSED, FLAKY and DEGRADED as success.
 */
public final class AlertState {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final int after;
    private final Map<String, CheckState> checks;

    private AlertState(Path file, int after, Map<String, CheckState> checks) {
        this.file = file;
        this.after = after;
        this.checks = new TreeMap<>(checks);
    }

    /**
     * Reads the state from {@code file}; a missing or corrupt file gives a fresh state and one line to {@code warn}.
     *
     * @param after how many consecutive failures of one check open its alarm (1-100)
     */
    public static AlertState load(Path file, int after, Consumer<String> warn) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(warn, "warn");
        if (after < 1 || after > 100) {
            throw new IllegalArgumentException("alert threshold must be between 1 and 100: " + after);
        }
        try {
            StateFile read = JSON.readValue(Files.readString(file), StateFile.class);
            Map<String, CheckState> checks = read == null || read.checks() == null ? Map.of() : read.checks();
            if (checks.values().stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("a check without state");
            }
            return new AlertState(file, after, checks);
        } catch (NoSuchFileException e) {
            warn.accept("alert state " + file + " not found: starting fresh");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            warn.accept("alert state " + file + " is unreadable (" + firstLine(e.getMessage()) + "): starting fresh");
        } catch (IOException e) {
            warn.accept("alert state " + file + " cannot be read (" + e + "): starting fresh");
        }
        return new AlertState(file, after, Map.of());
    }

    /** A result's key in the state file: {@code page:landing@live} or {@code journey:guest checkout@live[playwright]}. */
    public static String key(JourneyResult r) {
        return r.key().id();
    }

    /** Counts this run's results in; checks the run did not make keep their state. */
    public AlertReport record(RunResult run, Instant now) {
        List<AlertReport.Change> changes = new ArrayList<>();
        for (JourneyResult r : run.results()) {
            String key = key(r);
            CheckState before = checks.get(key);
            String site = r.key().where();
            if (failed(r.outcome())) {
                int row = (before == null ? 0 : before.consecutiveFailures()) + 1;
                String since = before == null || before.firstFailure() == null ? now.toString() : before.firstFailure();
                boolean open = row >= after;
                String line = r.summaryLine();
                checks.put(key, new CheckState(r.journey(), site, row, since, open, line.isEmpty() ? r.outcome().name() : line));
                if (open && (before == null || !before.alarmOpen())) {
                    changes.add(new AlertReport.Change(r.key(), AlertReport.Transition.RAISED, "ALARM " + key + ": " + r.outcome() + " " + times(row) + " in a row since " + since + ": " + line));
                } else if (!open) {
                    changes.add(new AlertReport.Change(r.key(), AlertReport.Transition.PENDING,
                            key + ": " + r.outcome() + " " + row + " of " + after + " times in a row before the alarm"));
                }
            } else {
                if (before != null && before.alarmOpen()) {
                    changes.add(new AlertReport.Change(r.key(), AlertReport.Transition.RECOVERED, "RECOVERED " + key + ": "
                            + r.outcome() + " again after " + times(before.consecutiveFailures()) + " in a row since " + before.firstFailure()));
                }
                checks.put(key, new CheckState(r.journey(), site, 0, null, false, null));
            }
        }
        List<String> open = new ArrayList<>();
        checks.forEach((key, s) -> {
            if (s.alarmOpen()) {
                open.add(key + ": failed " + times(s.consecutiveFailures()) + " in a row since " + s.firstFailure()
                        + ": " + s.lastFailure());
            }
        });
        return new AlertReport(changes, open);
    }

    /**
     * The run as its heartbeat should report it: a failure only where a check's alarm is open. A failure still
     * under the threshold is reported as DEGRADED with how many times it failed, so the ping's body names it
     * without raising the alarm; an open alarm of a check this run did not make is carried as FAILED.
     */
    public RunSummary summary(RunResult run, AlertReport report) {
        RunSummary.Builder summary = RunSummary.builder().duration(run.took());
        List<String> seen = new ArrayList<>();
        for (JourneyResult r : run.results()) {
            String key = key(r);
            seen.add(key);
            RunSummary.Check check = RunSummary.Check.of(r);
            CheckState state = checks.get(key);
            if (failed(r.outcome()) && state != null) {
                check = state.alarmOpen()
                        ? new RunSummary.Check(check.journey(), check.site(), check.outcome(),
                                check.failure() + " (" + times(state.consecutiveFailures()) + " in a row)")
                        : new RunSummary.Check(check.journey(), check.site(), RunSummary.Outcome.DEGRADED, "failed "
                                + state.consecutiveFailures() + " of " + after + " times before the alarm: " + check.failure());
            } else if (report.transition(r.key()).orElse(null) == AlertReport.Transition.RECOVERED) {
                check = new RunSummary.Check(check.journey(), check.site(), check.outcome(), "recovered");
            }
            summary.check(check);
        }
        checks.forEach((key, s) -> {
            if (s.alarmOpen() && !seen.contains(key)) {
                summary.check(new RunSummary.Check(s.check(), s.site(), RunSummary.Outcome.FAILED,
                        s.lastFailure() + " (alarm open since " + s.firstFailure() + ", not checked in this run)"));
            }
        });
        return summary.build();
    }

    /** Every check's state, by key. */
    public Map<String, CheckState> checks() {
        return Map.copyOf(checks);
    }

    public Path file() {
        return file;
    }

    /** Writes the state atomically: a killed run leaves the previous file whole. */
    public void save() {
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            try {
                JSON.writeValue(temp.toFile(), new StateFile(1, new LinkedHashMap<>(checks)));
                try {
                    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the alert state " + file.toAbsolutePath(), e);
        }
    }

    private static boolean failed(Outcome outcome) {
        return outcome == Outcome.FAILED || outcome == Outcome.BROKEN;
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }


    /** The file's shape; {@code version} lets a later Flows read an older file. */
    record StateFile(int version, Map<String, CheckState> checks) {
    }
}
