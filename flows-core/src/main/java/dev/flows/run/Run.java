package dev.flows.run;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.RequestPattern;
import dev.flows.browser.RequestRule;
import dev.flows.browser.Timeouts;
import dev.flows.journey.Journey;
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
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

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

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The most sites a run (and a {@code flows.yaml}) may run at the same time: each needs its own browser pages. */
    public static final int MAX_PARALLEL_SITES = 16;

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
    private final AttemptSettings.HealthPolicies health;
    private final List<RunListener> listeners;
    private final TracePolicy trace;
    private final AttemptSettings.Viewport viewport;
    private final Timeouts pageTimeouts;
    private final Shard shard;
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
        this.health = new AttemptSettings.HealthPolicies(b.httpErrors, b.failedRequests, b.dialogs);
        this.listeners = List.copyOf(b.listeners);
        this.trace = b.trace != null ? b.trace : TracePolicy.defaultFor(b.retries);
        this.viewport = b.viewport;
        this.pageTimeouts = b.pageTimeouts;
        this.shard = b.shard;
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
     * With a {@link Builder#timeLimit time limit}, the run stops when it is reached: journeys without a verdict by
     * then are cut and listed in {@link RunResult#notRun()}.
     */
    public RunResult execute() {
        long start = System.nanoTime();
        AttemptSettings settings = new AttemptSettings(stepTimeout, journeyTimeout, stepBudget, retries, outputFolder(),
                traffic, allowOrders, pageErrors, trace, pageTimeouts, health, orderRequests, blockedHosts, viewport);
        Scheduler.Scheduled done = new Scheduler(runId, journeys, sites, browsers, engines, parallelSites, settings,
                new Listeners(listeners), shard).run(timeLimit);
        return new RunResult(runId, outputFolder(), Duration.ofNanos(System.nanoTime() - start), done.results(), done.notRun());
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
        private HealthPolicy httpErrors = HealthPolicy.failStep();
        private HealthPolicy failedRequests = HealthPolicy.failStep();
        private HealthPolicy dialogs = HealthPolicy.failStep();
        private final List<RunListener> listeners = new ArrayList<>();
        private TracePolicy trace;
        private AttemptSettings.Viewport viewport;
        private Timeouts pageTimeouts;
        private Shard shard = Shard.ALL;
        private final List<RequestPattern> orderRequests = new ArrayList<>();
        private final List<RequestRule> blockedHosts = new ArrayList<>();
        private Duration timeLimit;

        private Builder() {
        }

        /**
         * Runs only this shard's part of journeys x sites x engines (default {@link Shard#ALL}): CI runners with
         * shards 1/n to n/n together run every combination once. See {@link Shard} for how the split is made.
         */
        public Builder shard(Shard shard) {
            this.shard = Objects.requireNonNull(shard, "shard");
            return this;
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

        /** How many sites run at the same time (default 1, at most {@value Run#MAX_PARALLEL_SITES}). */
        public Builder parallelSites(int parallelSites) {
            if (parallelSites < 1 || parallelSites > MAX_PARALLEL_SITES) {
                throw new IllegalArgumentException("parallelSites must be between 1 and " + MAX_PARALLEL_SITES + ": " + parallelSites);
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

        /**
         * What a page answered with an HTTP error status (4xx, 5xx) does: by default it fails the step at once,
         * naming the status and the URL, instead of leaving the step to time out on the error page.
         */
        public Builder httpErrors(HealthPolicy policy) {
            this.httpErrors = Objects.requireNonNull(policy, "httpErrors");
            return this;
        }

        /**
         * What a failed same-origin request (a broken image, a missing script or style, an API call with 4xx/5xx)
         * does: by default it fails the step. Other origins (analytics, CDNs) are not watched.
         */
        public Builder failedRequests(HealthPolicy policy) {
            this.failedRequests = Objects.requireNonNull(policy, "failedRequests");
            return this;
        }

        /** What a JavaScript dialog (alert, confirm, prompt; accepted as a shopper would) does: by default it fails the step. */
        public Builder dialogs(HealthPolicy policy) {
            this.dialogs = Objects.requireNonNull(policy, "dialogs");
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

        /**
         * Keep the trace of passing attempts too: {@code keepTraces(true)} is {@code trace(TracePolicy.ON)}, and
         * {@code keepTraces(false)} is the default policy.
         */
        public Builder keepTraces(boolean keepTraces) {
            this.trace = keepTraces ? TracePolicy.ON : null;
            return this;
        }

        /**
         * Which attempts record a trace (see {@link TracePolicy}); default {@code ON_FIRST_RETRY} with retries,
         * {@code RETAIN_ON_FAILURE} without.
         */
        public Builder trace(TracePolicy policy) {
            this.trace = Objects.requireNonNull(policy, "trace policy");
            return this;
        }

        /**
         * The size of this run's pages in CSS pixels, instead of a desktop window (1366x900): {@code viewport(390, 844)}
         * runs the journeys as a phone shows the shop, menus and all.
         */
        public Builder viewport(int width, int height) {
            // Checked now, with the page's own rule, rather than at the first page of the run.
            dev.flows.browser.PageOptions.builder().viewport(width, height).build();
            this.viewport = new AttemptSettings.Viewport(width, height);
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
            if (limit == null || limit.isZero() || limit.isNegative()) {
                throw new IllegalArgumentException("timeLimit must be positive: " + limit);
            }
            this.timeLimit = limit;
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
