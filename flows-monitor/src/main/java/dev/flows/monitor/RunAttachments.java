package dev.flows.monitor;

import dev.flows.alert.AlertReport;
import dev.flows.alert.AlertState;
import dev.flows.allure.AllureResults;
import dev.flows.allure.AllureRunListener;
import dev.flows.config.FlowsConfig;
import dev.flows.heartbeat.Heartbeat;
import dev.flows.heartbeat.HeartbeatRun;
import dev.flows.heartbeat.HeartbeatTarget;
import dev.flows.report.DisparityReport;
import dev.flows.run.JourneyResult;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a run reports to, the same for the {@code flows} command, the TestNG glue and a plain {@link Run}: the
 * heartbeats, the Allure results, the alert threshold with its state file, and the JSON disparity report under
 * the output folder. Built from a {@code flows.yaml} or by hand; closing it closes the heartbeat.
 *
 * <pre>{@code
 * try (RunAttachments attachments = RunAttachments.from(FlowsConfig.read(Path.of("flows.yaml"))).build();
 *      RunAttachments.Tracking tracking = attachments.start("nightly-42")) {      // start pings
 *     RunResult result = config.applyTo(Run.builder()).journeys(journeys).listener(tracking.listener()).build().execute();
 *     tracking.finish(result.results());        // alert threshold, disparity.json, Allure files, end pings
 * }
 * }</pre>
 */
public final class RunAttachments implements AutoCloseable {

    private final List<HeartbeatTarget> targets;
    private final Path allureResults;
    private final Path alertState;
    private final int alertAfter;
    private final Path output;
    private final Heartbeat heartbeat;

    private RunAttachments(Builder b) {
        this.targets = List.copyOf(b.targets);
        this.allureResults = b.allureResults;
        this.alertState = b.alertState != null ? b.alertState : b.output.resolve("alert-state.json");
        this.alertAfter = b.alertAfter;
        this.output = b.output;
        this.heartbeat = targets.isEmpty() ? null : Heartbeat.builder().targets(targets).build();
    }

    /** Nothing configured yet: no heartbeat, Allure results in {@code target/allure-results}, alarm at the first failure. */
    public static Builder builder() {
        return new Builder();
    }

    /** The heartbeats, alert threshold and output folder of a {@code flows.yaml}. */
    public static Builder from(FlowsConfig config) {
        return builder().heartbeats(config.heartbeatTargets()).output(config.output())
                .alertState(config.alert().state(), config.alert().after());
    }

    public List<HeartbeatTarget> heartbeats() {
        return targets;
    }

    public Path allureResults() {
        return allureResults;
    }

    public Path alertState() {
        return alertState;
    }

    public int alertAfter() {
        return alertAfter;
    }

    public Path output() {
        return output;
    }

    /** Sets heartbeat, alert threshold, output and the Allure listener on a monitor. */
    public Monitor.Builder applyTo(Monitor.Builder monitor, Consumer<Run.Builder> runSettings) {
        AllureRunListener allure = new AllureRunListener(allureResults);
        monitor.runSettings(run -> {
            runSettings.accept(run);
            run.listener(allure);
        }).output(output).alertState(alertState, alertAfter);
        if (heartbeat != null) {
            monitor.heartbeat(heartbeat);
        }
        return monitor;
    }

    /**
     * Writes the Allure files that go beside the results: defect categories, the environment and the executor (a
     * GitHub Actions run from {@code GITHUB_*}, else this machine). A report problem never changes a verdict:
     * it is handed to {@code warn}.
     */
    public void writeAllureFiles(List<Site> sites, Map<String, String> browsers, Map<String, String> environment,
                                 Consumer<String> warn) {
        try {
            AllureResults results = AllureResults.in(allureResults);
            results.writeCategories();
            results.writeEnvironment(sites, browsers);
            results.writeExecutor(environment);
        } catch (RuntimeException e) {
            warn.accept("Allure files not written to " + allureResults + ": " + e.getMessage());
        }
    }

    /** Starts a run that is not the monitor's loop (a TestNG suite, a plain {@code Run}): sends the start pings. */
    public Tracking start(String runId) {
        return new Tracking(runId);
    }

    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.close();
        }
    }

    /**
     * One run in progress: collects journey results (thread-safe), and on {@link #finish} judges them through the
     * alert threshold, writes {@code <output>/<run-id>/disparity.json} and sends the end pings. Closed without
     * {@code finish}, it sends a failure ping ("run ended without a result").
     */
    public final class Tracking implements AutoCloseable {
        private final String runId;
        private final HeartbeatRun beat;
        private final long started = System.nanoTime();
        private final List<JourneyResult> results = new ArrayList<>();
        private final AllureRunListener allure = new AllureRunListener(allureResults);
        private boolean finished;

        private Tracking(String runId) {
            this.runId = Objects.requireNonNull(runId, "runId");
            this.beat = heartbeat == null ? null : heartbeat.start(runId);
        }

        public String runId() {
            return runId;
        }

        /** A run listener that writes each journey's Allure result, for a plain {@code Run}. */
        public AllureRunListener listener() {
            return allure;
        }

        /** Adds a journey's result to the run's verdict. */
        public synchronized void record(JourneyResult result) {
            results.add(Objects.requireNonNull(result, "result"));
        }

        /**
         * Adds {@code more} to the recorded results, then judges them: alert threshold and state file, the
         * disparity report, the end pings. Warnings (an unwritable state file) go to {@code warn}.
         *
         * @return the run's result, whose {@code output()} holds {@code disparity.json}
         */
        public synchronized RunResult finish(List<JourneyResult> more, Consumer<String> warn) {
            results.addAll(more);
            finished = true;
            RunResult run = new RunResult(runId, output.resolve(runId), Duration.ofNanos(System.nanoTime() - started),
                    List.copyOf(results));
            AlertState alerts = AlertState.load(alertState, alertAfter, warn);
            AlertReport report = alerts.record(run, Instant.now());
            if (beat != null) {
                report.recovered().forEach(beat::log);
            }
            try {
                alerts.save();
            } catch (RuntimeException e) {
                warn.accept(e.getMessage() + ": " + e.getCause());
            }
            try {
                DisparityReport.of(run).writeJson(run.output().resolve("disparity.json"));
            } catch (RuntimeException e) {
                warn.accept("disparity report not written: " + e.getMessage());
            }
            if (beat != null) {
                beat.finish(alerts.summary(run, report));
            }
            return run;
        }

        /** {@link #finish(List, Consumer)} with only the results recorded so far. */
        public RunResult finish(Consumer<String> warn) {
            return finish(List.of(), warn);
        }

        @Override
        public synchronized void close() {
            if (beat != null) {
                beat.close();
            }
        }

        /** Whether {@link #finish} was called. */
        public synchronized boolean finished() {
            return finished;
        }
    }

    /** Builds {@link RunAttachments}; every setting has a default. */
    public static final class Builder {
        private final List<HeartbeatTarget> targets = new ArrayList<>();
        private Path allureResults = AllureResults.defaultFolder();
        private Path alertState;
        private int alertAfter = 1;
        private Path output = Path.of("target", "flows-output");

        private Builder() {
        }

        public Builder heartbeats(List<HeartbeatTarget> targets) {
            this.targets.addAll(targets);
            return this;
        }

        /** Where Allure results go (default: Allure's {@code allure.results.directory}, else {@code target/allure-results}). */
        public Builder allureResults(Path folder) {
            this.allureResults = Objects.requireNonNull(folder, "allureResults");
            return this;
        }

        /** The state file and after how many failures in a row a check raises the alarm (1..100; default 1, {@code <output>/alert-state.json}). */
        public Builder alertState(Path file, int after) {
            if (after < 1 || after > 100) {
                throw new IllegalArgumentException("alert threshold must be between 1 and 100: " + after);
            }
            this.alertState = file;
            this.alertAfter = after;
            return this;
        }

        /** The folder under which each run writes {@code <run-id>/} (default {@code target/flows-output}). */
        public Builder output(Path output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        public RunAttachments build() {
            return new RunAttachments(this);
        }
    }
}
