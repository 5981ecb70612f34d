package dev.flows.run;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.BrowserException;
import dev.flows.browser.BrowserLaunchException;
import dev.flows.browser.ConsoleError;
import dev.flows.browser.Durations;
import dev.flows.browser.InterceptedRequest;
import dev.flows.browser.NetworkPolicy;
import dev.flows.browser.RequestPattern;
import dev.flows.browser.RequestRule;
import dev.flows.browser.Page;
import dev.flows.browser.PageOptions;
import dev.flows.browser.SiteUnreachableException;
import dev.flows.browser.Timeouts;
import dev.flows.diagnostics.Diagnostics;
import dev.flows.journey.BrokenMonitorException;
import dev.flows.journey.ExpectationFailedException;
import dev.flows.journey.OrderRefusedException;
import dev.flows.journey.Journey;
import dev.flows.journey.Step;
import dev.flows.secret.Secrets;
import dev.flows.site.Site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One run of journeys on sites: an object, so that several runs (of different shops) in one JVM never see each
 * other. Sites run in parallel when asked; each journey runs in a fresh page and is retried in another fresh page.
 *
 * <pre>{@code
 * RunResult result = Run.builder()
 *     .site(live).site(fallback)
 *     .journey(guestCheckout)
 *     .engine(BrowserConfig.playwright().build())
 *     .parallelSites(2)
 *     .retries(1)
 *     .output(Path.of("target/flows-output"))
 *     .build()
 *     .execute();
 * }</pre>
 *
 * <p>Verdicts: a step that fails (a wait timed out, an expectation failed, a step timeout, an uncaught page error)
 * is retried; an unreachable site FAILS at once without a retry (a retry seconds later would only add the time of
 * another connection refusal, and the outage is the news); a monitor problem (bad profile, refused order, a
 * browser that cannot start, a journey's own bug) is BROKEN and never retried.
 */
public final class Run {

    /** The header that marks every request of a run as synthetic, unless the run says otherwise. */
    public static final String DEFAULT_TRAFFIC_HEADER = "X-Flows-Synthetic";

    private static final System.Logger LOG = System.getLogger(Run.class.getName());
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final List<Journey> journeys;
    private final List<Site> sites;
    private final List<Browser> browsers;
    private final List<BrowserConfig> engines;
    private final int parallelSites;
    private final Duration stepTimeout;
    private final Duration journeyTimeout;
    private final Duration stepBudget;
    private final int retries;
    private final Path output;
    private final String runId;
    private final TrafficMark traffic;
    private final Set<String> allowOrders;
    private final PageErrors pageErrors;
    private final List<RunListener> listeners;
    private final boolean keepTraces;
    private final Timeouts pageTimeouts;
    private final List<RequestPattern> orderRequests;
    private final List<RequestRule> blockedHosts;
    private final Duration timeLimit;

    private Run(Builder b) {
        this.journeys = List.copyOf(b.journeys);
        this.sites = List.copyOf(b.sites);
        this.browsers = List.copyOf(b.browsers);
        this.engines = List.copyOf(b.engines);
        this.parallelSites = b.parallelSites;
        this.stepTimeout = b.stepTimeout;
        this.journeyTimeout = b.journeyTimeout;
        this.stepBudget = b.stepBudget;
        this.retries = b.retries;
        this.output = b.output;
        this.runId = b.runId != null ? b.runId
                : LocalDateTime.now().format(RUN_ID) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        this.traffic = b.traffic;
        this.allowOrders = Set.copyOf(b.allowOrders);
        this.pageErrors = b.pageErrors;
        this.listeners = List.copyOf(b.listeners);
        this.keepTraces = b.keepTraces;
        this.pageTimeouts = b.pageTimeouts;
        this.orderRequests = List.copyOf(b.orderRequests);
        this.blockedHosts = List.copyOf(b.blockedHosts);
        this.timeLimit = b.timeLimit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** "FlowsMonitor/0.1.0-SNAPSHOT": the default user-agent suffix, with this build's version. */
    public static String defaultUserAgentSuffix() {
        Properties p = new Properties();
        try (InputStream in = Run.class.getResourceAsStream("flows.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // The version is decoration: an unreadable file leaves the suffix without it.
        }
        String version = p.getProperty("version", "");
        return "FlowsMonitor/" + (version.isBlank() || version.startsWith("${") ? "dev" : version);
    }

    public String runId() {
        return runId;
    }

    /** {@code <output>/<run-id>}: where this run's diagnostics and reports go. */
    public Path outputFolder() {
        return output.resolve(runId);
    }

    /**
     * Runs every journey on every site with every engine and returns the verdicts; never throws for a site's failure.
     * With a {@link Builder#timeLimit time limit}, the run stops when it is reached: journeys that have not reached
     * their verdict are cut and listed in {@link RunResult#notRun()}.
     */
    public RunResult execute() {
        long start = System.nanoTime();
        List<Engine> launched = new ArrayList<>();
        browsers.forEach(b -> launched.add(new Engine(b.engine(), b, null)));
        ExecutorService siteThreads = Executors.newFixedThreadPool(parallelSites, daemonThreads("flows-site"));
        ExecutorService stepThreads = Executors.newCachedThreadPool(daemonThreads("flows-step"));
        List<Browser> owned = new ArrayList<>();
        java.util.Queue<JourneyResult> finished = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try {
            for (BrowserConfig config : engines) {
                try {
                    Browser browser = Browser.launch(config);
                    owned.add(browser);
                    launched.add(new Engine(browser.engine(), browser, null));
                } catch (RuntimeException e) {
                    launched.add(new Engine(config.engine().id(), null, e));
                }
            }
            List<Future<?>> futures = new ArrayList<>();
            for (Site site : sites) {
                for (Engine engine : launched) {
                    futures.add(siteThreads.submit(() -> runSite(site, engine, stepThreads, finished)));
                }
            }
            boolean cut = false;
            for (Future<?> f : futures) {
                try {
                    if (timeLimit == null) {
                        f.get();
                    } else {
                        f.get(Math.max(0, start + timeLimit.toNanos() - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                    }
                } catch (TimeoutException e) {
                    cut = true;
                    break;
                }
            }
            List<JourneyResult> results = new ArrayList<>(finished);
            List<String> notRun = new ArrayList<>();
            if (cut) {
                futures.forEach(f -> f.cancel(true));
                for (Journey j : journeys) {
                    for (Site site : sites) {
                        for (Engine engine : launched) {
                            if (results.stream().noneMatch(r -> r.journey().equals(j.name()) && r.site().equals(site.name())
                                    && r.engine().equals(engine.id()))) {
                                notRun.add(head(j, site, engine.id()));
                            }
                        }
                    }
                }
            }
            results.sort(java.util.Comparator
                    .comparingInt((JourneyResult r) -> indexOfJourney(r.journey()))
                    .thenComparingInt(r -> indexOfSite(r.site()))
                    .thenComparingInt(r -> indexOfEngine(launched, r.engine())));
            return new RunResult(runId, outputFolder(), Duration.ofNanos(System.nanoTime() - start), results, notRun);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("run " + runId + " was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("run " + runId + " failed inside the runner: " + e.getCause(), e.getCause());
        } finally {
            siteThreads.shutdownNow();
            stepThreads.shutdownNow();
            owned.forEach(Browser::close);
        }
    }

    private record Engine(String id, Browser browser, RuntimeException launchFailure) {
    }

    private List<JourneyResult> runSite(Site site, Engine engine, ExecutorService stepThreads,
                                        java.util.Queue<JourneyResult> finished) {
        List<JourneyResult> results = new ArrayList<>();
        for (Journey journey : journeys) {
            if (Thread.currentThread().isInterrupted()) {
                // The run's time limit was reached: the rest is reported as not run.
                break;
            }
            notify(l -> l.journeyStarted(journey, site, engine.id()));
            JourneyResult result = engine.browser() == null
                    ? launchFailed(journey, site, engine)
                    : runJourney(journey, site, engine, stepThreads);
            results.add(result);
            finished.add(result);
            notify(l -> l.journeyFinished(journey, site, result));
        }
        return results;
    }

    private JourneyResult launchFailed(Journey journey, Site site, Engine engine) {
        String message = head(journey, site, engine.id()) + ": BROKEN before step 1: the " + engine.id()
                + " browser could not start (monitor problem, not retried)\n" + indent(engine.launchFailure().getMessage());
        Attempt attempt = new Attempt(1, Outcome.BROKEN, List.of(), Duration.ZERO, message, List.of(), null);
        return new JourneyResult(journey.name(), journey.feature(), site.name(), site.role(), engine.id(), Outcome.BROKEN,
                Duration.ZERO, List.of(attempt), Map.of());
    }

    private JourneyResult runJourney(Journey journey, Site site, Engine engine, ExecutorService stepThreads) {
        long start = System.nanoTime();
        List<Attempt> attempts = new ArrayList<>();
        Map<String, String> prices = Map.of();
        for (int n = 1; n <= retries + 1; n++) {
            AttemptRun run = runAttempt(journey, site, engine, n, stepThreads);
            attempts.add(run.attempt());
            prices = run.prices();
            if (run.attempt().outcome().isSuccess() || !run.retryable() || n == retries + 1) {
                break;
            }
            Attempt failed = run.attempt();
            notify(l -> l.attemptFailed(journey, site, engine.id(), failed));
        }
        Attempt last = attempts.get(attempts.size() - 1);
        Outcome outcome = last.outcome().isSuccess() && attempts.size() > 1 ? Outcome.FLAKY : last.outcome();
        return new JourneyResult(journey.name(), journey.feature(), site.name(), site.role(), engine.id(), outcome,
                Duration.ofNanos(System.nanoTime() - start), attempts, prices);
    }

    private record AttemptRun(Attempt attempt, boolean retryable, Map<String, String> prices) {
    }

    private AttemptRun runAttempt(Journey journey, Site site, Engine engine, int number, ExecutorService stepThreads) {
        long start = System.nanoTime();
        long deadline = start + journeyTimeout.toNanos();
        Path folder = outputFolder().resolve(site.name()).resolve(engine.id()).resolve(journey.slug()).resolve("attempt-" + number);
        Page page;
        try {
            page = engine.browser().newPage(pageOptions(site, journey));
        } catch (RuntimeException e) {
            String message = head(journey, site, engine.id()) + ": BROKEN before step 1: the browser could not open a page"
                    + " (monitor problem, not retried)\n" + indent(String.valueOf(e.getMessage()));
            return new AttemptRun(new Attempt(number, Outcome.BROKEN, List.of(), since(start), message, List.of(), null),
                    false, Map.of());
        }
        try {
            boolean traced = startTrace(page);
            AttemptContext context = new AttemptContext(page, site, engine.id(), journey.name(), number,
                    !site.production() || allowOrders.contains(site.name()));
            List<StepResult> steps = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            int errorsSeen = 0;
            NetworkWatch network = new NetworkWatch();
            for (int i = 0; i < journey.steps().size(); i++) {
                Step step = journey.steps().get(i);
                Duration budget = step.budget() != null ? step.budget() : stepBudget;
                long left = deadline - System.nanoTime();
                long stepStart = System.nanoTime();
                Throwable error = left <= 0
                        ? new StepTimeout("the journey timeout of " + Durations.say(journeyTimeout) + " was used up before this step")
                        : runStep(step, context, Duration.ofNanos(Math.min(stepTimeout.toNanos(), left)), page, stepThreads);
                Duration took = since(stepStart);
                Throwable blocked = network.check(page, site);
                if (blocked != null) {
                    // Whatever the step itself said, an order stopped at the network is the verdict.
                    error = blocked;
                }
                if (error == null && pageErrors.mode() != PageErrors.Mode.IGNORE) {
                    List<ConsoleError> all = safeConsoleErrors(page);
                    List<ConsoleError> fresh = all.subList(Math.min(errorsSeen, all.size()), all.size()).stream()
                            .filter(pageErrors::counts).toList();
                    errorsSeen = all.size();
                    if (!fresh.isEmpty()) {
                        String said = fresh.stream().map(ConsoleError::toString).collect(Collectors.joining("; "));
                        if (pageErrors.mode() == PageErrors.Mode.FAIL) {
                            error = new PageErrorFailure("uncaught JavaScript error on the page: " + said
                                    + "\n(ignore it with pageErrors(PageErrors.failStep().allow(\"<regex>\")) if it is third-party noise)");
                        } else {
                            notes.add("step " + (i + 1) + " '" + step.name() + "': uncaught JavaScript error: " + said);
                        }
                    }
                }
                StepResult result = new StepResult(i + 1, step.name(), error == null, took, budget,
                        error == null ? null : String.valueOf(error.getMessage()));
                steps.add(result);
                int attemptNumber = number;
                notify(l -> l.stepFinished(journey, site, engine.id(), attemptNumber, result));
                if (error != null) {
                    return failed(journey, site, engine.id(), number, start, steps, notes, result, error, page, folder, traced,
                            context, network.orderSent() || context.orderPlaced());
                }
                if (result.overBudget()) {
                    notes.add(result.label() + " took " + Durations.say(took) + ", over its " + Durations.say(budget) + " budget");
                }
            }
            Throwable late = network.check(page, site);
            if (late != null && !steps.isEmpty()) {
                // The order request left the last step's click after the step returned: still refused, still BROKEN.
                StepResult last = steps.get(steps.size() - 1);
                return failed(journey, site, engine.id(), number, start, steps, notes, last, late, page, folder, traced,
                        context, true);
            }
            if (traced) {
                keepOrDiscardTrace(page, folder);
            }
            Outcome outcome = notes.isEmpty() ? Outcome.PASSED : Outcome.DEGRADED;
            return new AttemptRun(new Attempt(number, outcome, steps, since(start), null, notes, null), false, context.prices());
        } finally {
            page.close();
        }
    }

    private AttemptRun failed(Journey journey, Site site, String engine, int number, long start, List<StepResult> steps,
                              List<String> notes, StepResult step, Throwable error, Page page, Path folder,
                              boolean traced, AttemptContext context, boolean orderPlaced) {
        Outcome outcome;
        boolean retryable;
        String verdict;
        String cause = String.valueOf(error.getMessage());
        if (error instanceof SiteUnreachableException) {
            outcome = Outcome.FAILED;
            retryable = false;
            verdict = "FAILED: site '" + site.name() + "' is unreachable at " + site.baseUrl() + " (not retried)";
        } else if (error instanceof BrokenMonitorException || error instanceof BrowserLaunchException
                || error instanceof dev.flows.browser.InvalidLocatorException) {
            outcome = Outcome.BROKEN;
            retryable = false;
            verdict = "BROKEN (monitor problem, not retried)";
        } else if (error instanceof BrowserException || error instanceof ExpectationFailedException
                || error instanceof AssertionError || error instanceof StepTimeout || error instanceof PageErrorFailure) {
            outcome = Outcome.FAILED;
            retryable = true;
            verdict = "FAILED";
        } else {
            outcome = Outcome.BROKEN;
            retryable = false;
            verdict = "BROKEN (the journey's own code threw, not retried)";
            cause = error.getClass().getName() + ": " + cause;
        }
        if (retryable && orderPlaced) {
            // A retry would place a second order: the first one is the news.
            retryable = false;
            verdict += " (an order was placed in this attempt: not retried)";
        }
        Secrets secrets = site.secrets();
        Diagnostics diagnostics = Diagnostics.capture(page, folder, traced, secrets);
        cause = secrets.scrub(cause);
        String message = secrets.scrub(head(journey, site, engine) + ": " + step.label() + " " + verdict + " after "
                + Durations.say(step.took()) + " (attempt " + number + " of " + (retries + 1) + ")\n"
                + indent(cause) + "\n  " + diagnostics.describe());
        try {
            // The message travels with the bundle, so a folder picked from the output explains itself.
            Files.writeString(folder.resolve("failure.txt"), message + "\n");
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not write " + folder.resolve("failure.txt") + ": " + e.getMessage());
        }
        StepResult failedStep = new StepResult(step.index(), step.name(), false, step.took(), step.budget(), cause);
        List<StepResult> all = new ArrayList<>(steps.subList(0, steps.size() - 1));
        all.add(failedStep);
        return new AttemptRun(new Attempt(number, outcome, all, since(start), message, notes, diagnostics), retryable,
                context.prices());
    }

    private Throwable runStep(Step step, AttemptContext context, Duration limit, Page page, ExecutorService stepThreads) {
        Future<?> future = stepThreads.submit(() -> {
            step.action().run(context);
            return null;
        });
        try {
            future.get(limit.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            future.cancel(true);
            return new StepTimeout("the step did not finish within its timeout of " + Durations.say(limit));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new BrokenMonitorException("the run was interrupted");
        }
    }

    private boolean startTrace(Page page) {
        try {
            page.startTrace();
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not start a trace: " + e.getMessage());
            return false;
        }
    }

    private void keepOrDiscardTrace(Page page, Path folder) {
        try {
            if (keepTraces) {
                Files.createDirectories(folder);
                page.stopTrace(folder.resolve(Diagnostics.TRACE));
            } else {
                // The port has no "discard": stop into a temporary file and delete it.
                Path scratch = Files.createTempFile("flows-trace-", ".zip");
                try {
                    page.stopTrace(scratch);
                } finally {
                    Files.deleteIfExists(scratch);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not stop the trace: " + e.getMessage());
        }
    }

    /** What the network layer of a page on {@code site} does: basic auth, orders blocked or watched, hosts blocked. */
    NetworkPolicy networkPolicy(Site site, Journey journey) {
        boolean ordersAllowed = !site.production() || allowOrders.contains(site.name());
        List<RequestRule> rules = new ArrayList<>();
        Set<RequestPattern> orders = new LinkedHashSet<>(journey.orderRequests());
        orders.addAll(orderRequests);
        // Watched where orders are allowed: a journey that got past an order placement is then never retried.
        orders.forEach(order -> rules.add(RequestRule.order(site.baseUrl(), order, !ordersAllowed)));
        rules.addAll(blockedHosts);
        return new NetworkPolicy(site.basicAuth(), site.basicAuth() == null ? null : site.baseUrl(), rules);
    }

    /** The requests the rules caught, step by step: a blocked order breaks the journey, a sent one stops retries. */
    private static final class NetworkWatch {
        private int seen;
        private boolean orderSent;

        Throwable check(Page page, Site site) {
            List<InterceptedRequest> all;
            try {
                all = page.interceptedRequests();
            } catch (RuntimeException e) {
                return null;
            }
            List<InterceptedRequest> fresh = all.subList(Math.min(seen, all.size()), all.size());
            seen = all.size();
            Throwable verdict = null;
            for (InterceptedRequest r : fresh) {
                if (r.rule().kind() == RequestRule.Kind.ORDER && r.blocked() && verdict == null) {
                    verdict = new OrderRefusedException(site.name(), r.method() + " " + r.url()
                            + " (the profile's order request " + r.rule().shown() + ")");
                } else if (r.rule().kind() == RequestRule.Kind.ORDER) {
                    orderSent = true;
                }
            }
            return verdict;
        }

        boolean orderSent() {
            return orderSent;
        }
    }

    private PageOptions pageOptions(Site site, Journey journey) {
        PageOptions.Builder options = PageOptions.builder().baseUrl(site.baseUrl()).headers(traffic.headers())
                .headers(site.headers()).userAgentSuffix(traffic.userAgentSuffix()).network(networkPolicy(site, journey));
        if (pageTimeouts != null) {
            options.timeouts(pageTimeouts);
        }
        return options.build();
    }

    private static List<ConsoleError> safeConsoleErrors(Page page) {
        try {
            return page.consoleErrors();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private void notify(java.util.function.Consumer<RunListener> event) {
        for (RunListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.WARNING, "run listener " + listener.getClass().getName() + " failed; ignored", e);
            }
        }
    }

    private static String head(Journey journey, Site site, String engine) {
        return "'" + journey.name() + "' on " + site.name() + " [" + engine + "]";
    }

    private static String indent(String text) {
        return String.valueOf(text).strip().indent(2).stripTrailing();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private int indexOfJourney(String name) {
        for (int i = 0; i < journeys.size(); i++) {
            if (journeys.get(i).name().equals(name)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private int indexOfSite(String name) {
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).name().equals(name)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int indexOfEngine(List<Engine> engines, String id) {
        for (int i = 0; i < engines.size(); i++) {
            if (engines.get(i).id().equals(id)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A step, or the journey, ran out of time. */
    private static final class StepTimeout extends RuntimeException {
        StepTimeout(String message) {
            super(message);
        }
    }

    /** An uncaught page error that the run's {@link PageErrors} turn into a failure. */
    private static final class PageErrorFailure extends RuntimeException {
        PageErrorFailure(String message) {
            super(message);
        }
    }

    /**
     * Builds a {@link Run}. Defaults: 1 retry, sites one after another, step timeout 60 s, journey timeout 5 min,
     * no step budget, output {@code target/flows-output}, header {@code X-Flows-Synthetic: 1}, user-agent suffix
     * {@code FlowsMonitor/<version>}, no orders on production sites, uncaught page errors fail the step.
     */
    public static final class Builder {
        private final List<Journey> journeys = new ArrayList<>();
        private final List<Site> sites = new ArrayList<>();
        private final List<Browser> browsers = new ArrayList<>();
        private final List<BrowserConfig> engines = new ArrayList<>();
        private int parallelSites = 1;
        private Duration stepTimeout = Duration.ofSeconds(60);
        private Duration journeyTimeout = Duration.ofMinutes(5);
        private Duration stepBudget;
        private int retries = 1;
        private Path output = Path.of("target", "flows-output");
        private String runId;
        private TrafficMark traffic = TrafficMark.defaults();
        private final Set<String> allowOrders = new LinkedHashSet<>();
        private PageErrors pageErrors = PageErrors.failStep();
        private final List<RunListener> listeners = new ArrayList<>();
        private boolean keepTraces;
        private Timeouts pageTimeouts;
        private final List<RequestPattern> orderRequests = new ArrayList<>();
        private final List<RequestRule> blockedHosts = new ArrayList<>();
        private Duration timeLimit;

        private Builder() {
        }

        public Builder journey(Journey journey) {
            journeys.add(Objects.requireNonNull(journey, "journey"));
            return this;
        }

        public Builder journeys(List<Journey> journeys) {
            journeys.forEach(this::journey);
            return this;
        }

        public Builder site(Site site) {
            sites.add(Objects.requireNonNull(site, "site"));
            return this;
        }

        public Builder sites(List<Site> sites) {
            sites.forEach(this::site);
            return this;
        }

        /** A browser the caller launched and closes; may be shared by runs. */
        public Builder browser(Browser browser) {
            browsers.add(Objects.requireNonNull(browser, "browser"));
            return this;
        }

        /** An engine the run launches and closes itself; a launch failure makes its journeys BROKEN. */
        public Builder engine(BrowserConfig config) {
            engines.add(Objects.requireNonNull(config, "engine config"));
            return this;
        }

        /** How many sites run at the same time (default 1). */
        public Builder parallelSites(int parallelSites) {
            if (parallelSites < 1 || parallelSites > 32) {
                throw new IllegalArgumentException("parallelSites must be 1..32: " + parallelSites);
            }
            this.parallelSites = parallelSites;
            return this;
        }

        /** The longest one step may run before it fails (default 60 s). */
        public Builder stepTimeout(Duration timeout) {
            this.stepTimeout = positive(timeout, "stepTimeout");
            return this;
        }

        /** The longest one attempt of a journey may run (default 5 min). */
        public Builder journeyTimeout(Duration timeout) {
            this.journeyTimeout = positive(timeout, "journeyTimeout");
            return this;
        }

        /** The budget of every step that has none of its own; over it, a passing journey is DEGRADED. */
        public Builder stepBudget(Duration budget) {
            this.stepBudget = positive(budget, "stepBudget");
            return this;
        }

        /** How often a failed journey is tried again in a fresh page (default 1, at most 5). */
        public Builder retries(int retries) {
            if (retries < 0 || retries > 5) {
                throw new IllegalArgumentException("retries must be 0..5: " + retries);
            }
            this.retries = retries;
            return this;
        }

        /** The folder under which {@code <run-id>/} is written (default {@code target/flows-output}). */
        public Builder output(Path output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        public Builder runId(String runId) {
            if (runId == null || !runId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw new IllegalArgumentException("runId must be 1-64 letters, digits, '.', '-' or '_': \"" + runId + "\"");
            }
            this.runId = runId;
            return this;
        }

        /** Replaces the synthetic-traffic header (default {@code X-Flows-Synthetic: 1}). */
        public Builder trafficHeader(String name, String value) {
            traffic = traffic.withHeader(name, value);
            return this;
        }

        /** Replaces the user-agent suffix (default {@code FlowsMonitor/<version>}). */
        public Builder userAgentSuffix(String suffix) {
            traffic = traffic.withUserAgentSuffix(suffix);
            return this;
        }

        /** Replaces how the run's traffic is marked, header and user agent at once. */
        public Builder traffic(TrafficMark traffic) {
            this.traffic = java.util.Objects.requireNonNull(traffic, "traffic");
            return this;
        }

        /** Lets this run place orders on these production sites (by name). */
        public Builder allowOrders(String... siteNames) {
            allowOrders.addAll(List.of(siteNames));
            return this;
        }

        public Builder pageErrors(PageErrors pageErrors) {
            this.pageErrors = Objects.requireNonNull(pageErrors, "pageErrors");
            return this;
        }

        public Builder listener(RunListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Keep the trace of passing attempts too (default: only failures keep theirs). */
        public Builder keepTraces(boolean keepTraces) {
            this.keepTraces = keepTraces;
            return this;
        }

        /** The page waits (element wait, navigation) of this run's pages, instead of the browser's. */
        public Builder pageTimeouts(Timeouts timeouts) {
            this.pageTimeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * Requests that place an order, besides those the journeys' storefront profile names: blocked at the network
         * on production sites that do not allow orders, e.g. {@code orderRequest("POST /api/orders")}.
         */
        public Builder orderRequest(String methodAndPath) {
            orderRequests.add(RequestPattern.parse(methodAndPath));
            return this;
        }

        /**
         * Hosts no page of the run may load from (payment providers' scripts, analytics, ads), subdomains included:
         * {@code blockHosts(List.of("js.stripe.com", "google-analytics.com"))}. A blocked request is listed in the
         * diagnostics and never fails a step by itself.
         */
        public Builder blockHosts(List<String> hosts) {
            hosts.forEach(h -> blockedHosts.add(RequestRule.host(h)));
            return this;
        }

        /**
         * The most {@link Run#execute()} may take (default: no limit): a monitor's deadline. Journeys without a
         * verdict by then are cut and reported as not run.
         */
        public Builder timeLimit(Duration limit) {
            this.timeLimit = positive(limit, "timeLimit");
            return this;
        }

        public Run build() {
            if (journeys.isEmpty()) {
                throw new IllegalArgumentException("a run needs at least one journey");
            }
            if (sites.isEmpty()) {
                throw new IllegalArgumentException("a run needs at least one site");
            }
            if (browsers.isEmpty() && engines.isEmpty()) {
                throw new IllegalArgumentException("a run needs a browser or an engine: browser(Browser) or engine(BrowserConfig)");
            }
            Set<String> names = new HashSet<>();
            for (Journey j : journeys) {
                if (!names.add(j.name())) {
                    throw new IllegalArgumentException("journey name used twice in a run: '" + j.name() + "'");
                }
            }
            Set<String> siteNames = new LinkedHashSet<>();
            for (Site s : sites) {
                if (!siteNames.add(s.name())) {
                    throw new IllegalArgumentException("site name used twice in a run: '" + s.name() + "'");
                }
            }
            for (String allowed : allowOrders) {
                if (!siteNames.contains(allowed)) {
                    throw new IllegalArgumentException("allowOrders names an unknown site '" + allowed + "': the run's sites are "
                            + String.join(", ", siteNames));
                }
            }
            Set<String> engineIds = new HashSet<>();
            browsers.forEach(b -> {
                if (!engineIds.add(b.engine())) {
                    throw new IllegalArgumentException("two browsers of the same engine in one run: " + b.engine());
                }
            });
            engines.forEach(c -> {
                if (!engineIds.add(c.engine().id())) {
                    throw new IllegalArgumentException("two browsers of the same engine in one run: " + c.engine().id());
                }
            });
            try {
                Files.createDirectories(output);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the output folder " + output.toAbsolutePath(), e);
            }
            return new Run(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + d);
            }
            return d;
        }
    }
}
