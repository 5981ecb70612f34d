package dev.flows.monitor;

import static dev.flows.browser.Messages.firstLine;

import dev.flows.alert.AlertReport;
import dev.flows.alert.AlertState;
import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Durations;
import dev.flows.check.PageCheck;
import dev.flows.check.PageCheckResult;
import dev.flows.check.PageChecks;
import dev.flows.heartbeat.Heartbeat;
import dev.flows.heartbeat.HeartbeatRun;
import dev.flows.heartbeat.RunSummary;
import dev.flows.journey.Journey;
import dev.flows.report.DisparityReport;
import dev.flows.run.JourneyResult;
import dev.flows.run.ResultKey;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The monitor: page checks every iteration, browser journeys on a slower cadence, once or in a bounded loop, with
 * progress lines, the disparity table at the end, a heartbeat per iteration judged through the alert threshold,
 * and an exit code.
 *
 * <pre>{@code
 * MonitorResult result = Monitor.builder()
 *     .sites(sites).pageChecks(checks).journeys(journeys)
 *     .engine(BrowserConfig.playwright().build())
 *     .every(Duration.ofSeconds(60)).lasting(Duration.ofMinutes(5))   // 5 iterations
 *     .heartbeat(heartbeat)
 *     .alertState(Path.of(".flows/alert-state.json"), 3)
 *     .build()
 *     .run();
 * System.exit(result.exitCode());
 * }</pre>
 *
 * <p>The loop runs exactly {@code ceil(lasting / every)} iterations. Iteration {@code k} starts {@code k * every}
 * after the first, or right after iteration {@code k - 1} when that one overran its slot: a slow iteration delays
 * the loop, it never drops a check. Journeys run in the first iteration and again in the first iteration that
 * starts at least {@code journeysEvery} after the last journeys began. One browser per engine is launched at the
 * first journeys and reused by every later iteration.
 */
public final class Monitor {

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final List<Site> sites;
    private final List<PageCheck> pageChecks;
    private final List<Journey> journeys;
    private final List<BrowserConfig> engines;
    private final Consumer<Run.Builder> runSettings;
    private final PageChecks.Builder pageClient;
    private final Duration every;
    private final Duration lasting;
    private final Duration journeysEvery;
    private final Heartbeat heartbeat;
    private final Path alertFile;
    private final int alertAfter;
    private final Path output;
    private final PrintStream out;
    private final PrintStream err;
    private final String runId;
    private final List<Consumer<RunResult>> iterationListeners;

    private Monitor(Builder b) {
        this.sites = List.copyOf(b.sites);
        this.pageChecks = List.copyOf(b.pageChecks);
        this.journeys = List.copyOf(b.journeys);
        this.engines = List.copyOf(b.engines);
        this.runSettings = b.runSettings;
        this.pageClient = b.pageClient;
        this.every = b.every;
        this.lasting = b.lasting;
        this.journeysEvery = b.journeysEvery;
        this.heartbeat = b.heartbeat;
        this.alertFile = b.alertFile;
        this.alertAfter = b.alertAfter;
        this.output = b.output;
        this.out = b.out;
        this.err = b.err;
        this.iterationListeners = List.copyOf(b.iterationListeners);
        this.runId = b.runId != null ? b.runId
                : LocalDateTime.now().format(RUN_ID) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many iterations {@link #run()} makes: 1 without {@code every}, else {@code ceil(lasting / every)}. */
    public int iterations() {
        if (every == null) {
            return 1;
        }
        long n = (lasting.toNanos() + every.toNanos() - 1) / every.toNanos();
        return (int) Math.max(1, Math.min(n, Integer.MAX_VALUE));
    }

    /** Runs every iteration, prints the table, writes the report; never throws for a site's problem. */
    public MonitorResult run() {
        int iterations = iterations();
        AlertState alerts = AlertState.load(alertFile, alertAfter, w -> err.println("flows: " + w));
        Map<ResultKey, JourneyResult> latest = new LinkedHashMap<>();
        List<String> alertLines = new ArrayList<>();
        List<Browser> browsers = new ArrayList<>();
        List<BrowserConfig> unlaunched = new ArrayList<>();
        boolean launched = false;
        int worst = 0;
        long start = System.nanoTime();
        Long journeysStarted = null;
        try (PageChecks checker = pageClient.build()) {
            for (int k = 0; k < iterations; k++) {
                if (k > 0 && !sleepUntil(start + k * every.toNanos())) {
                    err.println("flows: interrupted after " + k + " of " + iterations + " iterations");
                    worst = Math.max(worst, 2);
                    iterations = k;
                    break;
                }
                long now = System.nanoTime();
                boolean runJourneys = !journeys.isEmpty()
                        && (journeysStarted == null || now - journeysStarted >= journeysEvery.toNanos());
                if (runJourneys) {
                    journeysStarted = now;
                    if (!launched) {
                        launched = true;
                        launch(browsers, unlaunched);
                    }
                }
                String id = iterations == 1 ? runId : runId + "-" + (k + 1);
                out.println("== iteration " + (k + 1) + "/" + iterations + " (run " + id + "): "
                        + (pageChecks.isEmpty() ? "" : pageChecks.size() + " page checks")
                        + (pageChecks.isEmpty() || !runJourneys ? "" : ", ")
                        + (runJourneys ? journeys.size() + " journeys on " + sites.size() + " sites" : "")
                        + (pageChecks.isEmpty() && !runJourneys ? "nothing due" : ""));
                worst = Math.max(worst, iteration(id, checker, runJourneys, browsers, unlaunched, alerts, latest, alertLines));
            }
        } finally {
            browsers.forEach(Browser::close);
        }
        RunResult all = new RunResult(runId, output.resolve(runId), Duration.ofNanos(System.nanoTime() - start),
                new ArrayList<>(latest.values()));
        DisparityReport report = DisparityReport.of(all);
        Path json = report.writeJson(all.output().resolve("disparity.json"));
        // The whole results beside the table's JSON: what `flows merge` reads back from each shard.
        dev.flows.report.ResultsJson.write(all, all.output().resolve(dev.flows.report.ResultsJson.FILE));
        out.println();
        out.print(report.table());
        all.results().stream().filter(r -> !r.outcome().isSuccess())
                .forEach(r -> out.println("\n" + r.message()));
        out.println();
        out.println(RunSummary.of(all).text());
        alerts.checks().forEach((key, s) -> {
            if (s.alarmOpen()) {
                out.println("Alarm open: " + key + " (" + s.consecutiveFailures() + " failures in a row since " + s.firstFailure() + ")");
            }
        });
        out.println("Report: " + json.toAbsolutePath());
        out.println("Exit code " + worst + " (" + (worst == 0 ? "passed" : worst == 1 ? "failed" : "broken") + ") after "
                + iterations + (iterations == 1 ? " iteration" : " iterations"));
        return new MonitorResult(iterations, worst, all, json, alertLines);
    }

    private int iteration(String id, PageChecks checker, boolean runJourneys, List<Browser> browsers,
                          List<BrowserConfig> unlaunched, AlertState alerts, Map<ResultKey, JourneyResult> latest,
                          List<String> alertLines) {
        long start = System.nanoTime();
        HeartbeatRun beat = heartbeat == null ? null : heartbeat.start(id);
        try {
            List<JourneyResult> results = new ArrayList<>();
            for (PageCheckResult r : checker.run(pageChecks, r -> out.println(r.progressLine()))) {
                results.add(r.toJourneyResult());
            }
            if (runJourneys) {
                Run.Builder run = Run.builder();
                runSettings.accept(run);
                run.sites(sites).journeys(journeys).runId(id).output(output).listener(new ProgressPrinter(out));
                browsers.forEach(run::browser);
                unlaunched.forEach(run::engine);
                results.addAll(run.build().execute().results());
            }
            RunResult result = new RunResult(id, output.resolve(id), Duration.ofNanos(System.nanoTime() - start), results);
            for (Consumer<RunResult> listener : iterationListeners) {
                try {
                    listener.accept(result);
                } catch (RuntimeException e) {
                    // Metrics or any other observer must not change what the monitor sees or says.
                    err.println("flows: an iteration listener failed; ignored: " + firstLine(String.valueOf(e.getMessage())));
                }
            }
            results.forEach(r -> latest.put(r.key(), r));
            AlertReport report = alerts.record(result, Instant.now());
            report.raised().forEach(line -> {
                out.println(line);
                alertLines.add(line);
            });
            report.recovered().forEach(line -> {
                out.println(line);
                alertLines.add(line);
                if (beat != null) {
                    beat.log(line);
                }
            });
            report.pending().forEach(line -> out.println("not alarming yet: " + line));
            try {
                alerts.save();
            } catch (RuntimeException e) {
                // The next run then counts from the older state: worse alerting, but no reason to stop monitoring.
                err.println("flows: " + e.getMessage() + ": " + e.getCause());
            }
            if (beat != null) {
                beat.finish(alerts.summary(result, report));
            }
            out.println("-- " + id + ": " + RunSummary.of(result).text() + " (" + Durations.say(result.took()) + ")");
            return result.exitCode();
        } catch (RuntimeException e) {
            String reason = "iteration " + id + " broke: " + e;
            err.println("flows: " + reason);
            if (beat != null) {
                beat.finish(RunSummary.broken(reason, Duration.ofNanos(System.nanoTime() - start)));
            }
            return 2;
        }
    }

    private void launch(List<Browser> browsers, List<BrowserConfig> unlaunched) {
        for (BrowserConfig config : engines) {
            try {
                browsers.add(Browser.launch(config));
            } catch (RuntimeException e) {
                // The run launches it again and turns the failure into BROKEN journeys with the reason.
                err.println("flows: the " + config.engine().id() + " browser could not start: " + firstLine(e.getMessage()));
                unlaunched.add(config);
            }
        }
    }

    private static boolean sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left <= 0) {
            return true;
        }
        try {
            Thread.sleep(Duration.ofNanos(left).toMillis(), (int) (left % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }


    /** Builds a {@link Monitor}; {@code build()} checks that it has something to do. */
    public static final class Builder {
        private final List<Site> sites = new ArrayList<>();
        private final List<PageCheck> pageChecks = new ArrayList<>();
        private final List<Journey> journeys = new ArrayList<>();
        private final List<BrowserConfig> engines = new ArrayList<>();
        private Consumer<Run.Builder> runSettings = run -> { };
        private PageChecks.Builder pageClient = PageChecks.builder();
        private Duration every;
        private Duration lasting;
        private Duration journeysEvery = Duration.ofMinutes(5);
        private Heartbeat heartbeat;
        private Path alertFile = Path.of(".flows", "alert-state.json");
        private int alertAfter = 1;
        private Path output = Path.of("target", "flows-output");
        private PrintStream out = System.out;
        private PrintStream err = System.err;
        private String runId;
        private final List<Consumer<RunResult>> iterationListeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Hears every iteration's results, page checks and journeys together, e.g. {@code metrics::record}
         * ({@link dev.flows.metrics.FlowsMetrics}); a listener that throws is reported on stderr and ignored.
         */
        public Builder onIteration(Consumer<RunResult> listener) {
            iterationListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The sites the journeys run on (page checks name their own site). */
        public Builder sites(List<Site> sites) {
            this.sites.addAll(sites);
            return this;
        }

        public Builder pageChecks(List<PageCheck> checks) {
            this.pageChecks.addAll(checks);
            return this;
        }

        public Builder journeys(List<Journey> journeys) {
            this.journeys.addAll(journeys);
            return this;
        }

        /** An engine to run the journeys with; launched once at the first journeys and reused. */
        public Builder engine(BrowserConfig config) {
            engines.add(Objects.requireNonNull(config, "engine"));
            return this;
        }

        /** Run settings (retries, timeouts, traffic marking...) applied to each journeys run, e.g. {@code config::applySettingsTo}. */
        public Builder runSettings(Consumer<Run.Builder> settings) {
            this.runSettings = Objects.requireNonNull(settings, "runSettings");
            return this;
        }

        /** How the page checks' HTTP client is set up (timeout, traffic marking); default {@link PageChecks#builder()}. */
        public Builder pageClient(PageChecks.Builder client) {
            this.pageClient = Objects.requireNonNull(client, "pageClient");
            return this;
        }

        /** Repeat every {@code every} (default: run once); needs {@link #lasting}. */
        public Builder every(Duration every) {
            this.every = positive(every, "every");
            return this;
        }

        /** How long the loop lasts: it makes {@code ceil(lasting / every)} iterations. */
        public Builder lasting(Duration lasting) {
            this.lasting = positive(lasting, "for");
            return this;
        }

        /** How often the journeys run within the loop (default 5 min: once in a 5-minute GitHub job). */
        public Builder journeysEvery(Duration journeysEvery) {
            this.journeysEvery = positive(journeysEvery, "journeysEvery");
            return this;
        }

        /** Pinged at the start and end of every iteration; its verdict goes through the alert threshold. */
        public Builder heartbeat(Heartbeat heartbeat) {
            this.heartbeat = heartbeat;
            return this;
        }

        /** The file that remembers failures between runs, and after how many in a row a check raises the alarm (default 1). */
        public Builder alertState(Path file, int after) {
            if (after < 1 || after > 100) {
                throw new IllegalArgumentException("alert threshold must be between 1 and 100: " + after);
            }
            this.alertFile = Objects.requireNonNull(file, "alert state file");
            this.alertAfter = after;
            return this;
        }

        /** The folder under which each iteration writes {@code <run-id>/} (default {@code target/flows-output}). */
        public Builder output(Path output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /** Where progress and the table go (default standard output). */
        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /** Where warnings go (default standard error). */
        public Builder err(PrintStream err) {
            this.err = Objects.requireNonNull(err, "err");
            return this;
        }

        public Builder runId(String runId) {
            if (runId == null || !runId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,55}")) {
                throw new IllegalArgumentException("runId must be 1-56 letters, digits, '.', '-' or '_': \"" + runId + "\"");
            }
            this.runId = runId;
            return this;
        }

        public Monitor build() {
            if (pageChecks.isEmpty() && journeys.isEmpty()) {
                throw new IllegalArgumentException("the monitor has nothing to do: no page checks and no journeys");
            }
            if (!journeys.isEmpty() && sites.isEmpty()) {
                throw new IllegalArgumentException("journeys need at least one site");
            }
            if (!journeys.isEmpty() && engines.isEmpty()) {
                throw new IllegalArgumentException("journeys need an engine: engine(BrowserConfig)");
            }
            if (every != null && lasting == null) {
                throw new IllegalArgumentException("every needs a duration for the loop too (for): the loop always ends by itself");
            }
            if (every == null && lasting != null) {
                throw new IllegalArgumentException("for needs every: how often to repeat within it");
            }
            return new Monitor(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive: " + d);
            }
            return d;
        }
    }
}
