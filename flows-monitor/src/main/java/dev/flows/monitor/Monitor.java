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

import dev.flows.secret.Secrets;

import java.io.PrintStream;
import java.nio.file.Files;
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
    private final List<Path> resultFolders;

    /** The shortest {@code every}: a faster loop only loads the shop and the heartbeat service. */
    public static final Duration MIN_EVERY = Duration.ofSeconds(1);

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
        this.resultFolders = List.copyOf(b.resultFolders);
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

    /**
     * Runs every iteration, prints the table, writes the report; never throws for a site's problem.
     *
     * <p>Before the first check, the output folder, the alert state's folder and every {@link Builder#resultFolder}
     * must be writable: a monitor that could not keep its results reports failure to the heartbeat and exits 2
     * at once. Every verdict goes to {@code <output>/<run-id>/results.jsonl} as soon as it is reached, the alert
     * state after every iteration; a TERM writes what is known (results, disparity report, alert state) before the
     * JVM exits. {@code lasting} is a deadline: an iteration still running when it passes is cut, its unfinished
     * checks reported as not run.
     */
    public MonitorResult run() {
        long start = System.nanoTime();
        Long deadline = lasting == null ? null : start + lasting.toNanos();
        String unwritable = unwritable();
        if (unwritable != null) {
            return refuse(unwritable, start);
        }
        dev.flows.engine.spi.Leftovers.Swept swept = dev.flows.engine.spi.Leftovers.sweep();
        if (swept.processes() + swept.folders() > 0) {
            err.println("flows: removed " + swept);
        }
        int iterations = iterations();
        AlertState alerts = AlertState.load(alertFile, alertAfter, w -> err.println("flows: " + w));
        ResultsLog log;
        try {
            log = ResultsLog.open(output.resolve(runId).resolve(ResultsLog.FILE), secrets());
        } catch (java.io.IOException | RuntimeException e) {
            return refuse("cannot write the results log in " + output.resolve(runId).toAbsolutePath() + ": " + firstLine(e), start);
        }
        Progress progress = new Progress(alerts, log);
        List<String> alertLines = new ArrayList<>();
        List<Browser> browsers = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<BrowserConfig> unlaunched = new ArrayList<>();
        Thread onTerm = new Thread(() -> progress.stoppedBySignal(browsers, start), "flows-monitor-term");
        boolean hooked = hook(onTerm);
        boolean launched = false;
        int worst = 0;
        int ran = 0;
        Long journeysStarted = null;
        try (PageChecks checker = pageClient.build()) {
            for (int k = 0; k < iterations; k++) {
                if (k > 0 && !sleepUntil(start + k * every.toNanos())) {
                    err.println("flows: interrupted after " + k + " of " + iterations + " iterations");
                    worst = Math.max(worst, 2);
                    break;
                }
                if (deadline != null && System.nanoTime() >= deadline) {
                    out.println("not run: iterations " + (k + 1) + " to " + iterations + " (the --for deadline of "
                            + Durations.say(lasting) + " was reached)");
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
                ran++;
                worst = Math.max(worst, iteration(id, checker, runJourneys, browsers, unlaunched, alerts, progress,
                        alertLines, deadline));
            }
        } finally {
            closeAll(browsers, Duration.ofSeconds(20));
        }
        MonitorResult result;
        synchronized (progress) {
            progress.finished = true;
            RunResult all = new RunResult(runId, output.resolve(runId), Duration.ofNanos(System.nanoTime() - start),
                    inSiteOrder(progress.latest.values()));
            DisparityReport report = DisparityReport.of(all);
            Path json;
            try {
                json = report.writeJson(all.output().resolve("disparity.json"));
                // The whole results beside the table's JSON: what `flows merge` reads back from each shard.
                dev.flows.report.ResultsJson.write(all, all.output().resolve(dev.flows.report.ResultsJson.FILE));
            } catch (RuntimeException e) {
                err.println("flows: the report could not be written: " + firstLine(e));
                json = null;
                worst = 2;
            }
            if (log.failure() != null) {
                err.println("flows: the results log could not be written: " + log.failure());
                worst = 2;
            }
            log.close();
            out.println();
            out.print(report.table());
            all.results().stream().filter(r -> !r.outcome().isSuccess())
                    .forEach(r -> out.println("\n" + r.message()));
            out.println();
            out.println(RunSummary.of(all).text());
            alerts.checks().forEach((key, st) -> {
                if (st.alarmOpen()) {
                    out.println("Alarm open: " + key + " (" + st.consecutiveFailures() + " failures in a row since " + st.firstFailure() + ")");
                }
            });
            if (json != null) {
                out.println("Report: " + json.toAbsolutePath());
            }
            out.println("Exit code " + worst + " (" + (worst == 0 ? "passed" : worst == 1 ? "failed" : "broken") + ") after "
                    + ran + (ran == 1 ? " iteration" : " iterations"));
            result = new MonitorResult(ran, worst, all, json, alertLines);
        }
        if (hooked) {
            unhook(onTerm);
        }
        return result;
    }

    /** The first folder or file the monitor could not write, as a one-line reason; null when all are writable. */
    private String unwritable() {
        List<Path> folders = new ArrayList<>();
        folders.add(output);
        Path alertFolder = alertFile.toAbsolutePath().getParent();
        if (alertFolder != null) {
            folders.add(alertFolder);
        }
        folders.addAll(resultFolders);
        for (Path folder : folders) {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                return "cannot write to " + folder.toAbsolutePath() + " (a file, not a folder): no check was run";
            }
            try {
                Files.createDirectories(folder);
                Path probe = Files.createTempFile(folder, ".flows-write-check-", ".tmp");
                Files.delete(probe);
            } catch (java.io.IOException | RuntimeException e) {
                return "cannot write to " + folder.toAbsolutePath() + " (" + firstLine(e) + "): no check was run";
            }
        }
        if (Files.exists(alertFile) && (!Files.isRegularFile(alertFile) || !Files.isWritable(alertFile))) {
            return "cannot write the alert state " + alertFile.toAbsolutePath() + ": no check was run";
        }
        return null;
    }

    // Exit 2 before any check, with one line and a failure ping: a monitor that cannot keep results is an outage.
    private MonitorResult refuse(String reason, long start) {
        err.println("flows: " + reason);
        if (heartbeat != null) {
            try (HeartbeatRun beat = heartbeat.start(runId)) {
                beat.finish(RunSummary.broken(reason, Duration.ofNanos(System.nanoTime() - start)));
            }
        }
        return new MonitorResult(0, 2, new RunResult(runId, output.resolve(runId), Duration.ZERO, List.of()), null, List.of());
    }

    private Secrets secrets() {
        Secrets all = Secrets.none();
        for (Site site : sites) {
            all = all.and(site.secrets());
        }
        for (PageCheck check : pageChecks) {
            all = all.and(check.site().secrets());
        }
        return all;
    }

    /**
     * What the monitor knows so far: the latest verdict of every check, and this iteration's verdicts that the
     * alert state has not counted yet. Everything a TERM must still write.
     */
    private final class Progress {
        final Map<ResultKey, JourneyResult> latest = new LinkedHashMap<>();
        final List<JourneyResult> uncounted = new ArrayList<>();
        final AlertState alerts;
        final ResultsLog log;
        String iteration;
        boolean finished;

        Progress(AlertState alerts, ResultsLog log) {
            this.alerts = alerts;
            this.log = log;
        }

        synchronized void verdict(String iterationId, JourneyResult result) {
            iteration = iterationId;
            latest.put(result.key(), result);
            uncounted.add(result);
            log.verdict(iterationId, AlertState.key(result), result);
        }

        synchronized void notRun(String iterationId, String what, String why) {
            log.notRun(iterationId, what, why);
            out.println("not run: " + what + " (" + why + ")");
        }

        synchronized List<JourneyResult> takeUncounted() {
            List<JourneyResult> taken = List.copyOf(uncounted);
            uncounted.clear();
            return taken;
        }

        /** On TERM: write what is known, fast, then let the JVM go. */
        synchronized void stoppedBySignal(List<Browser> browsers, long start) {
            if (finished) {
                return;
            }
            finished = true;
            err.println("flows: stopped by a signal: writing the " + latest.size() + " verdicts reached so far");
            try {
                if (!uncounted.isEmpty()) {
                    alerts.record(new RunResult(iteration, output.resolve(iteration), Duration.ZERO, List.copyOf(uncounted)), Instant.now());
                    uncounted.clear();
                }
                alerts.save();
            } catch (RuntimeException e) {
                err.println("flows: the alert state could not be written: " + firstLine(e));
            }
            try {
                RunResult all = new RunResult(runId, output.resolve(runId), Duration.ofNanos(System.nanoTime() - start),
                        inSiteOrder(latest.values()));
                Path json = DisparityReport.of(all).writeJson(all.output().resolve("disparity.json"));
                err.println("flows: report " + json.toAbsolutePath());
            } catch (RuntimeException e) {
                err.println("flows: the report could not be written: " + firstLine(e));
            }
            log.close();
            closeAll(browsers, Duration.ofSeconds(3));
        }
    }

    // The report's columns follow the sites as configured, not the order their verdicts happened to arrive in.
    private List<JourneyResult> inSiteOrder(java.util.Collection<JourneyResult> results) {
        List<String> order = sites.stream().map(Site::name).toList();
        List<JourneyResult> sorted = new ArrayList<>(results);
        sorted.sort(java.util.Comparator.comparingInt(r -> {
            int at = order.indexOf(r.site());
            return at < 0 ? order.size() : at;
        }));
        return sorted;
    }

    private int iteration(String id, PageChecks checker, boolean runJourneys, List<Browser> browsers,
                          List<BrowserConfig> unlaunched, AlertState alerts, Progress progress,
                          List<String> alertLines, Long deadline) {
        long start = System.nanoTime();
        HeartbeatRun beat = heartbeat == null ? null : heartbeat.start(id);
        try {
            List<JourneyResult> results = new ArrayList<>();
            List<String> notRun = new ArrayList<>();
            String why = lasting == null ? "" : "the --for deadline of " + Durations.say(lasting) + " was reached";
            for (PageCheck check : pageChecks) {
                // Past the deadline a check does not start; one still waiting for its page then is cut, like the journeys.
                PageCheckResult r = deadline == null ? checker.run(check)
                        : System.nanoTime() >= deadline ? null
                        : checker.runWithin(check, Duration.ofNanos(deadline - System.nanoTime())).orElse(null);
                if (r == null) {
                    String what = "page " + check.type() + " on " + check.site().name();
                    notRun.add(what);
                    progress.notRun(id, what, why);
                    continue;
                }
                out.println(r.progressLine());
                JourneyResult verdict = r.toJourneyResult();
                results.add(verdict);
                progress.verdict(id, verdict);
            }
            if (runJourneys && (deadline == null || System.nanoTime() < deadline)) {
                Run.Builder run = Run.builder();
                runSettings.accept(run);
                run.sites(sites).journeys(journeys).runId(id).output(output).listener(new ProgressPrinter(out))
                        .listener(new dev.flows.run.RunListener() {
                            @Override
                            public void journeyFinished(Journey journey, Site site, JourneyResult result) {
                                progress.verdict(id, result);
                            }
                        });
                if (deadline != null) {
                    run.timeLimit(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                }
                browsers.forEach(run::browser);
                unlaunched.forEach(run::engine);
                RunResult journeysRun = run.build().execute();
                results.addAll(journeysRun.results());
                journeysRun.notRun().forEach(what -> {
                    notRun.add(what);
                    progress.notRun(id, what, why);
                });
            } else if (runJourneys) {
                String what = journeys.size() + " journeys";
                notRun.add(what);
                progress.notRun(id, what, why);
            }
            RunResult result = new RunResult(id, output.resolve(id), Duration.ofNanos(System.nanoTime() - start), results, notRun);
            AlertReport report;
            boolean saved;
            synchronized (progress) {
                if (progress.finished) {
                    return 2;
                }
                progress.takeUncounted();
                report = alerts.record(result, Instant.now());
                saved = save(alerts);
            }
            for (Consumer<RunResult> listener : iterationListeners) {
                try {
                    listener.accept(result);
                } catch (RuntimeException e) {
                    // Metrics or any other observer must not change what the monitor sees or says.
                    err.println("flows: an iteration listener failed; ignored: " + firstLine(String.valueOf(e.getMessage())));
                }
            }
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
            if (beat != null) {
                // Without the alert state the threshold cannot count: report the failure instead of a quiet pass.
                beat.finish(saved ? alerts.summary(result, report) : RunSummary.broken("the alert state "
                        + alertFile.toAbsolutePath() + " cannot be written: the alert threshold cannot count failures",
                        result.took()));
            }
            out.println("-- " + id + ": " + RunSummary.of(result).text() + (notRun.isEmpty() ? "" : " " + notRun.size() + " not run.")
                    + " (" + Durations.say(result.took()) + ")");
            return saved ? result.exitCode() : 2;
        } catch (RuntimeException e) {
            String reason = "iteration " + id + " broke: " + e;
            err.println("flows: " + reason);
            if (beat != null) {
                beat.finish(RunSummary.broken(reason, Duration.ofNanos(System.nanoTime() - start)));
            }
            return 2;
        }
    }

    private boolean save(AlertState alerts) {
        try {
            alerts.save();
            return true;
        } catch (RuntimeException e) {
            err.println("flows: " + firstLine(e) + (e.getCause() == null ? "" : ": " + firstLine(e.getCause()))
                    + " (the alert threshold cannot count: exit 2)");
            return false;
        }
    }

    private static boolean hook(Thread onTerm) {
        try {
            Runtime.getRuntime().addShutdownHook(onTerm);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;
        }
    }

    private static void unhook(Thread onTerm) {
        try {
            Runtime.getRuntime().removeShutdownHook(onTerm);
        } catch (IllegalStateException exiting) {
            // Shutdown has begun; the hook sees the run finished and does nothing.
        }
    }

    // Closes the browsers on a helper thread, so a browser that hangs on close cannot hold the monitor past {@code cap}.
    private static void closeAll(List<Browser> browsers, Duration cap) {
        Thread closer = new Thread(() -> {
            for (Browser b : browsers) {
                try {
                    b.close();
                } catch (RuntimeException ignored) {
                    // Closing is best effort; the next start sweeps what is left (Leftovers).
                }
            }
        }, "flows-monitor-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(cap.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        browsers.clear();
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
        private final List<Path> resultFolders = new ArrayList<>();

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

        /** A folder the monitor's results go to besides the output (Allure results): checked writable before the first check. */
        public Builder resultFolder(Path folder) {
            resultFolders.add(Objects.requireNonNull(folder, "result folder"));
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
            if (every.compareTo(MIN_EVERY) < 0) {
                throw new IllegalArgumentException("every must be at least " + Durations.say(MIN_EVERY) + ": "
                        + Durations.say(every));
            }
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
