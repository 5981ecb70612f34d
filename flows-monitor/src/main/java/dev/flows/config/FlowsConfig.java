package dev.flows.config;

import dev.flows.browser.Durations;
import com.fasterxml.jackson.annotation.JsonAlias;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Timeouts;
import dev.flows.heartbeat.HeartbeatTarget;
import dev.flows.run.Run;
import dev.flows.run.TrafficMark;
import dev.flows.site.Site;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a monitor run needs, as read from {@code flows.yaml} (or JSON): sites, engine and browser, timeouts,
 * retries, budgets, heartbeats, page-type checks, the alert threshold and the output folder.
 *
 * <pre>{@code
 * FlowsConfig config = FlowsConfig.read(Path.of("flows.yaml"));
 * RunResult result = config.applyTo(Run.builder()).journeys(myJourneys).build().execute();
 * }</pre>
 *
 * <p>Every key but {@code sites} has a default. Unknown keys and bad values are refused with a
 * {@link ConfigException} naming the file, line and key. {@code ${VAR}} (or {@code ${VAR:-default}}) in a text
 * value is replaced by the environment variable; credentials must be such references. A system property
 * {@code -Dflows.<key>=<value>} or an environment variable {@code FLOWS_<KEY>} overrides one value for one run:
 * {@code -Dflows.engine=selenium}, {@code FLOWS_RETRIES=2}, {@code -Dflows.sites.live.url=https://...}.
 *
 * @param sites         the sites to check (required, names unique)
 * @param engine        {@code playwright} (default) or {@code selenium}
 * @param browser       how to find and start the browser
 * @param timeouts      waits, navigation, step and journey limits
 * @param retries       journey retries in a fresh browser context (default 1, at most 5)
 * @param stepBudget    a step slower than this makes a passing journey DEGRADED (default: none)
 * @param parallelSites how many sites run at once (default 1, at most {@link Run#MAX_PARALLEL_SITES})
 * @param allowOrders   names of production sites on which a run may place real orders (default none)
 * @param traffic       how monitor traffic is marked
 * @param heartbeat     heartbeat targets pinged at the start and end of every run (default none)
 * @param checks        page-type checks over HTTP (default none)
 * @param alert         when to raise the alarm
 * @param output        where reports and diagnostics go (default {@code target/flows-output})
 * @param profile       the storefront profile file the journeys are written against, relative to this file
 *                      (default: the embedded demo store's profile)
 * @param journeys      classes implementing {@code dev.flows.dsl.JourneySuite} (default: the suites registered
 *                      through {@code ServiceLoader}, else the standard journeys of the profile)
 * @param gate          the canary gate's sites and thresholds ({@code flows gate})
 * @param metrics       where the Prometheus metrics go (default: nowhere)
 * @param blockHosts    hosts no browser page may load from, subdomains included: payment providers' scripts,
 *                      analytics, ads (default none); blocked requests are listed in the diagnostics
 */
public record FlowsConfig(List<SiteSpec> sites, String engine, BrowserSpec browser, TimeoutSpec timeouts,
                          Integer retries, Duration stepBudget, Integer parallelSites, List<String> allowOrders,
                          TrafficSpec traffic, List<HeartbeatSpec> heartbeat, ChecksSpec checks, AlertSpec alert,
                          Path output, Path profile, List<String> journeys, GateSpec gate, MetricsSpec metrics,
                          List<String> blockHosts) {

    private static final java.util.regex.Pattern CLASS_NAME =
            java.util.regex.Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    public FlowsConfig {
        if (sites == null || sites.isEmpty()) {
            throw new IllegalArgumentException("at least one site is needed under 'sites'");
        }
        sites = List.copyOf(sites);
        // In the order written: the messages below list them as the file does.
        Set<String> names = new LinkedHashSet<>();
        for (SiteSpec site : sites) {
            if (!names.add(site.name())) {
                throw new IllegalArgumentException("sites: the name '" + site.name() + "' is used twice");
            }
        }
        try {
            engine = engine == null ? "playwright" : BrowserConfig.EngineType.of(engine).id();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("engine: " + e.getMessage());
        }
        browser = browser == null ? BrowserSpec.DEFAULT : browser;
        timeouts = timeouts == null ? TimeoutSpec.DEFAULT : timeouts;
        retries = retries == null ? 1 : retries;
        if (retries < 0 || retries > 5) {
            throw new IllegalArgumentException("retries must be between 0 and 5: " + retries);
        }
        positive(stepBudget, "stepBudget");
        parallelSites = parallelSites == null ? 1 : parallelSites;
        if (parallelSites < 1 || parallelSites > Run.MAX_PARALLEL_SITES) {
            throw new IllegalArgumentException("parallelSites must be between 1 and " + Run.MAX_PARALLEL_SITES + ": " + parallelSites);
        }
        allowOrders = allowOrders == null ? List.of() : List.copyOf(allowOrders);
        for (String name : allowOrders) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("allowOrders: names no site '" + name + "' (sites are "
                        + String.join(", ", names) + ")");
            }
        }
        traffic = traffic == null ? TrafficSpec.DEFAULT : traffic;
        heartbeat = heartbeat == null ? List.of() : List.copyOf(heartbeat);
        for (int i = 0; i < heartbeat.size(); i++) {
            String site = heartbeat.get(i).site();
            if (site != null && !names.contains(site)) {
                throw new IllegalArgumentException("heartbeat[" + i + "].site: names no site '" + site + "' (sites are "
                        + String.join(", ", names) + ")");
            }
        }
        checks = checks == null ? ChecksSpec.NONE : checks;
        alert = alert == null ? AlertSpec.DEFAULT : alert;
        output = output == null ? Path.of("target", "flows-output") : output;
        journeys = journeys == null ? List.of() : List.copyOf(journeys);
        for (String name : journeys) {
            if (name == null || !CLASS_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("journeys: '" + name + "' is not a class name (write com.example.shop.ShopJourneys)");
            }
        }
        gate = gate == null ? GateSpec.DEFAULT : gate;
        for (String name : java.util.Arrays.asList(gate.baseline(), gate.candidate())) {
            if (name != null && !names.contains(name)) {
                throw new IllegalArgumentException("gate: names no site '" + name + "' (sites are "
                        + String.join(", ", names) + ")");
            }
        }
        metrics = metrics == null ? MetricsSpec.NONE : metrics;
        blockHosts = blockHosts == null ? List.of() : List.copyOf(blockHosts);
        for (int i = 0; i < blockHosts.size(); i++) {
            try {
                dev.flows.browser.RequestRule.host(blockHosts.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("blockHosts[" + i + "]: " + e.getMessage());
            }
        }
    }

    /** Reads a YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}) file, with this process's environment and system properties. */
    public static FlowsConfig read(Path file) {
        return new ConfigReader(System.getenv(), ConfigReader.flowsProperties(System.getProperties())).read(file);
    }

    /**
     * Reads a file with this process's environment and system properties, plus {@code variables} that
     * {@code ${NAME}} references may use as if they were environment variables (they win over the environment):
     * how the monitor hands the embedded demo store's addresses to a config file.
     */
    public static FlowsConfig read(Path file, Map<String, String> variables) {
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.putAll(variables);
        return new ConfigReader(environment, ConfigReader.flowsProperties(System.getProperties())).read(file);
    }

    /** A duration as a config file writes it ({@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}); one-line error otherwise. */
    public static Duration parseDuration(String text) {
        return Durations.parse(text);
    }

    /** Reads a file with the given environment and overrides ({@code key -> value}, keys without the {@code flows.} prefix). */
    public static FlowsConfig read(Path file, Map<String, String> environment, Map<String, String> overrides) {
        return new ConfigReader(environment, overrides).read(file);
    }

    /** The sites as the runner takes them. */
    public List<Site> siteList() {
        return sites.stream().map(SiteSpec::toSite).toList();
    }

    /** The engine and browser as the browser port takes them. */
    public BrowserConfig browserConfig() {
        BrowserConfig.Builder b = BrowserConfig.builder(BrowserConfig.EngineType.of(engine))
                .headless(browser.headless())
                .downloads(browser.downloads())
                .webDriverManager(browser.webDriverManager())
                .timeouts(new Timeouts(timeouts.waitFor(), timeouts.navigation()));
        if (browser.path() != null) {
            b.browserPath(Path.of(browser.path()));
        }
        if (browser.driverPath() != null) {
            b.driverPath(Path.of(browser.driverPath()));
        }
        if (browser.remote() != null) {
            b.remote(URI.create(browser.remote()));
        }
        browser.args().forEach(b::browserArg);
        return b.build();
    }

    /** The heartbeat targets, built by {@link HeartbeatTarget#of}. */
    public List<HeartbeatTarget> heartbeatTargets() {
        return heartbeat.stream().map(HeartbeatSpec::toTarget).toList();
    }

    /** Sets every run setting of this configuration on {@code run}: sites, engine, timeouts, retries, budgets, output. */
    public Run.Builder applyTo(Run.Builder run) {
        return applySettingsTo(run.sites(siteList()).engine(browserConfig()));
    }

    /**
     * Sets the run settings but not the sites and the engine: for a caller that launches its browsers once and
     * reuses them across runs (the monitor's loop), where {@link #applyTo} would launch one per run.
     */
    public Run.Builder applySettingsTo(Run.Builder run) {
        run.retries(retries)
                .parallelSites(parallelSites)
                .stepTimeout(timeouts.step())
                .journeyTimeout(timeouts.journey())
                .output(output)
                .traffic(traffic.toMark());
        if (stepBudget != null) {
            run.stepBudget(stepBudget);
        }
        if (!allowOrders.isEmpty()) {
            run.allowOrders(allowOrders.toArray(String[]::new));
        }
        if (!blockHosts.isEmpty()) {
            run.blockHosts(blockHosts);
        }
        return run;
    }

    /**
     * One site.
     *
     * @param credentials named secrets for journeys ({@code loginWith("email", "password")}), each a {@code ${VAR}}
     *                    reference; HTTP basic auth goes in the URL ({@code https://${USER}:${PASS}@host/}) and is
     *                    taken out of it before anything is shown
     * @param secretHeaders headers whose values are secrets, masked in every artefact; {@code Authorization},
     *                    {@code Proxy-Authorization}, {@code Cookie} and {@code X-Api-Key} always are
     */
    public record SiteSpec(String name, String url, String role, Boolean production, Map<String, String> headers,
                           Map<String, SecretRef> credentials, List<String> secretHeaders) {

        private static final Set<String> ALWAYS_SECRET = Set.of("authorization", "proxy-authorization", "cookie", "x-api-key");

        public SiteSpec {
            required(name, "name");
            required(url, "url");
            role = role == null ? "primary" : role;
            production = production != null && production;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
            secretHeaders = secretHeaders == null ? List.of() : List.copyOf(secretHeaders);
            for (String h : secretHeaders) {
                if (!headers.containsKey(h)) {
                    throw new IllegalArgumentException("secretHeaders names no header of this site: '" + h + "'");
                }
            }
            site(name, url, role, production, headers, credentials, secretHeaders);
        }

        /** A site without secret headers. */
        public SiteSpec(String name, String url, String role, Boolean production, Map<String, String> headers,
                        Map<String, SecretRef> credentials) {
            this(name, url, role, production, headers, credentials, List.of());
        }

        Site toSite() {
            return site(name, url, role, production, headers, credentials, secretHeaders);
        }

        // Static, so that the compact constructor can validate before its fields are set.
        private static Site site(String name, String url, String role, boolean production, Map<String, String> headers,
                                 Map<String, SecretRef> credentials, List<String> secretHeaders) {
            Site.Builder b = Site.builder(name).url(url).role(role).production(production);
            headers.forEach((header, value) -> {
                if (secretHeaders.contains(header) || ALWAYS_SECRET.contains(header.toLowerCase(java.util.Locale.ROOT))) {
                    b.secretHeader(header, value);
                } else {
                    b.header(header, value);
                }
            });
            credentials.forEach((key, secret) -> b.credential(key, secret.value()));
            return b.build();
        }
    }

    /**
     * How the browser is found and started; see {@link BrowserConfig}.
     *
     * @param headless         default true
     * @param path             the browser executable (default: look for one)
     * @param driverPath       ChromeDriver for Selenium (default: look for one)
     * @param remote           a Selenium Grid URL or a Playwright server's ws:// endpoint (default: local)
     * @param downloads        allow the engine's own downloads when nothing is found (default true)
     * @param webDriverManager try WebDriverManager for ChromeDriver (default false)
     * @param args             extra browser switches
     */
    public record BrowserSpec(Boolean headless, String path, String driverPath, String remote, Boolean downloads,
                              Boolean webDriverManager, List<String> args) {
        static final BrowserSpec DEFAULT = new BrowserSpec(null, null, null, null, null, null, null);

        public BrowserSpec {
            headless = headless == null || headless;
            downloads = downloads == null || downloads;
            webDriverManager = webDriverManager != null && webDriverManager;
            args = args == null ? List.of() : List.copyOf(args);
        }
    }

    /**
     * Time limits.
     *
     * @param waitFor    how long an element action or check waits (default 5s)
     * @param navigation how long opening a page may take (default 30s)
     * @param step       the most one step may take (default 60s)
     * @param journey    the most one journey attempt may take (default 5m)
     */
    public record TimeoutSpec(Duration waitFor, Duration navigation, Duration step, Duration journey) {
        static final TimeoutSpec DEFAULT = new TimeoutSpec(null, null, null, null);

        public TimeoutSpec {
            waitFor = positive(waitFor == null ? Duration.ofSeconds(5) : waitFor, "timeouts.waitFor");
            navigation = positive(navigation == null ? Duration.ofSeconds(30) : navigation, "timeouts.navigation");
            step = positive(step == null ? Duration.ofSeconds(60) : step, "timeouts.step");
            journey = positive(journey == null ? Duration.ofMinutes(5) : journey, "timeouts.journey");
        }
    }

    /**
     * How monitor traffic is marked, so that a shop can allowlist it and keep it out of its analytics.
     *
     * @param header          header name (default {@code X-Flows-Synthetic})
     * @param value           header value (default {@code 1})
     * @param userAgentSuffix appended to the user agent (default: the runner's, {@code FlowsMonitor/<version>})
     */
    public record TrafficSpec(String header, String value, String userAgentSuffix) {
        static final TrafficSpec DEFAULT = new TrafficSpec(null, null, null);

        public TrafficSpec {
            header = header == null ? Run.DEFAULT_TRAFFIC_HEADER : header;
            value = value == null ? "1" : value;
        }

        /** The marking browsers and page checks apply, the runner's user-agent suffix when none is set. */
        public TrafficMark toMark() {
            TrafficMark mark = TrafficMark.defaults().withHeader(header, value);
            return userAgentSuffix == null ? mark : mark.withUserAgentSuffix(userAgentSuffix);
        }
    }

    /**
     * One heartbeat target; see {@link HeartbeatTarget#of}.
     *
     * @param type       healthchecks, cronitor, uptime-kuma, betterstack or webhook
     * @param url        the ping URL: a secret, so write {@code "${HC_PING_URL}"}
     * @param site       judge only this site's checks (optional)
     * @param journey    judge only this journey's checks (optional)
     * @param env        Cronitor's {@code env} (optional)
     * @param host       Cronitor's {@code host} (optional)
     * @param exitStatus healthchecks: ping {@code /0}, {@code /1}, {@code /2} instead of success and {@code /fail}
     */
    public record HeartbeatSpec(String type, String url, String site, String journey, String env, String host,
                                @JsonAlias("exit-status") Boolean exitStatus) {
        public HeartbeatSpec {
            required(type, "type");
            required(url, "url");
            target(type, url, site, journey, env, host, exitStatus);
        }

        HeartbeatTarget toTarget() {
            return target(type, url, site, journey, env, host, exitStatus);
        }

        private static HeartbeatTarget target(String type, String url, String site, String journey, String env,
                                              String host, Boolean exitStatus) {
            Map<String, String> options = new LinkedHashMap<>();
            put(options, "site", site);
            put(options, "journey", journey);
            put(options, "env", env);
            put(options, "host", host);
            put(options, "exit-status", exitStatus == null ? null : exitStatus.toString());
            return HeartbeatTarget.of(type, url, options);
        }

        private static void put(Map<String, String> options, String key, String value) {
            if (value != null) {
                options.put(key, value);
            }
        }
    }

    /**
     * Page-type checks over HTTP, cheap enough for every minute.
     *
     * @param every how often the monitor repeats them in a loop (default 60s)
     * @param pages the checks, run on every site
     */
    public record ChecksSpec(Duration every, List<PageCheckSpec> pages) {
        static final ChecksSpec NONE = new ChecksSpec(null, null);

        public ChecksSpec {
            every = positive(every == null ? Duration.ofSeconds(60) : every, "checks.every");
            pages = pages == null ? List.of() : List.copyOf(pages);
        }
    }

    /**
     * One page-type check.
     *
     * @param type   landing, category, product, cart, account, or a name of your own
     * @param path   the page's path on each site, e.g. {@code /category/grinders}
     * @param status the HTTP status expected (default 200)
     * @param marker text the page must contain (optional)
     * @param budget the slowest acceptable response (optional)
     */
    public record PageCheckSpec(String type, String path, Integer status, String marker, Duration budget) {
        public PageCheckSpec {
            required(type, "type");
            required(path, "path");
            status = status == null ? 200 : status;
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be an HTTP status (100-599): " + status);
            }
            positive(budget, "budget");
        }
    }

    /**
     * When a failing check raises the alarm.
     *
     * @param after how many consecutive failures of the same check before the alarm (default 1)
     * @param state the file that remembers failures between runs (default {@code .flows/alert-state.json})
     */
    public record AlertSpec(Integer after, Path state) {
        static final AlertSpec DEFAULT = new AlertSpec(null, null);

        public AlertSpec {
            after = after == null ? 1 : after;
            if (after < 1 || after > 100) {
                throw new IllegalArgumentException("alert.after must be between 1 and 100: " + after);
            }
            state = state == null ? Path.of(".flows", "alert-state.json") : state;
        }
    }

    /**
     * The canary gate: which site is the baseline and which the candidate, and the thresholds
     * (see {@link dev.flows.gate.GatePolicy} for what each means and its default).
     *
     * @param baseline  the stable site's name (default: the first site with role {@code stable}, else the first site)
     * @param candidate the canary site's name (default: the first site with role {@code canary})
     */
    public record GateSpec(String baseline, String candidate, Integer rounds, Integer warmup, Integer minSamples,
                           Integer maxExtraFailures, Integer maxMedianSlowerPercent, Integer maxP95SlowerPercent,
                           Duration noiseFloor, Double alpha) {
        static final GateSpec DEFAULT = new GateSpec(null, null, null, null, null, null, null, null, null, null);

        public GateSpec {
            toPolicy(rounds, warmup, minSamples, maxExtraFailures, maxMedianSlowerPercent, maxP95SlowerPercent, noiseFloor, alpha);
        }

        /** The thresholds, with the defaults of {@link dev.flows.gate.GatePolicy} where a key is left out. */
        public dev.flows.gate.GatePolicy policy() {
            return toPolicy(rounds, warmup, minSamples, maxExtraFailures, maxMedianSlowerPercent, maxP95SlowerPercent, noiseFloor, alpha);
        }

        private static dev.flows.gate.GatePolicy toPolicy(Integer rounds, Integer warmup, Integer minSamples, Integer maxExtraFailures,
                                                          Integer median, Integer p95, Duration noiseFloor, Double alpha) {
            dev.flows.gate.GatePolicy.Builder b = dev.flows.gate.GatePolicy.builder();
            if (rounds != null) {
                b.rounds(rounds);
            }
            if (warmup != null) {
                b.warmup(warmup);
            }
            if (minSamples != null) {
                b.minSamples(minSamples);
            }
            if (maxExtraFailures != null) {
                b.maxExtraFailures(maxExtraFailures);
            }
            if (median != null) {
                b.maxMedianSlowerPercent(median);
            }
            if (p95 != null) {
                b.maxP95SlowerPercent(p95);
            }
            if (noiseFloor != null) {
                b.noiseFloor(noiseFloor);
            }
            if (alpha != null) {
                b.alpha(alpha);
            }
            return b.build();
        }
    }

    /**
     * Prometheus metrics of the monitor's results.
     *
     * @param port     serve OpenMetrics on {@code http://127.0.0.1:<port>/metrics} (0: a free port; absent: no server)
     * @param textfile also write them to this file after every run, for the node exporter's textfile collector
     *                 (a {@code .prom} file in its {@code --collector.textfile.directory}); absent: no file
     */
    public record MetricsSpec(Integer port, Path textfile) {
        static final MetricsSpec NONE = new MetricsSpec(null, null);

        public MetricsSpec {
            if (port != null && (port < 0 || port > 65535)) {
                throw new IllegalArgumentException("metrics.port must be between 0 and 65535: " + port);
            }
            if (textfile != null && !textfile.getFileName().toString().endsWith(".prom")) {
                throw new IllegalArgumentException("metrics.textfile must end in .prom (the textfile collector reads only those): " + textfile);
            }
        }

        /** Whether any output is configured. */
        public boolean enabled() {
            return port != null || textfile != null;
        }
    }

    private static void required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
    }

    private static Duration positive(Duration d, String key) {
        if (d != null && (d.isZero() || d.isNegative())) {
            throw new IllegalArgumentException(key + " must be positive: " + Durations.say(d));
        }
        return d;
    }
}
