package dev.flows.examples;

import dev.flows.allure.AllureResults;
import dev.flows.allure.AllureRunListener;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Timeouts;
import dev.flows.check.PageCheck;
import dev.flows.check.PageChecks;
import dev.flows.config.ConfigException;
import dev.flows.config.FlowsConfig;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.Storefront;
import dev.flows.heartbeat.Heartbeat;
import dev.flows.monitor.Monitor;
import dev.flows.monitor.MonitorResult;
import dev.flows.site.Site;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The monitor from the command line: page checks and the example journeys on the embedded demo store (live and
 * fallback), or on the sites of a {@code flows.yaml}; once, or in a bounded loop. See {@code docs/monitor.md}.
 *
 * <pre>
 * ./mvnw -q -B compile exec:java -pl examples -am
 * ./mvnw -q -B compile exec:java -pl examples -am -Dexec.args="--config examples/flows.yaml --demo-store"
 * ./mvnw -q -B compile exec:java -pl examples -am -Dexec.args="--every 60s --for 5m --engines playwright"
 * </pre>
 *
 * <p>Exit code: 0 when every check worked in every iteration (flaky and degraded included), 1 when one failed,
 * 2 when the monitor broke (a bad argument or config file included, with a one-line message on stderr).
 */
public final class ExampleMonitor {

    static final String USAGE = "usage: [--config flows.yaml] [--demo-store] [--engines playwright,selenium]"
            + " [--every 60s --for 5m] [--journeys-every 5m] [--no-journeys] [--no-checks] [--output <folder>]"
            + " [--alert-state <file>] [--alert-after <n>] [--allure-results <folder>]";

    private ExampleMonitor() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the monitor and returns its exit code; every problem of the monitor's own is one line on {@code err}. */
    static int run(PrintStream out, PrintStream err, String... args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("flows: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        boolean demoStore = options.config == null || options.demoStore;
        try (DemoStore live = demoStore ? DemoStore.builder().name("live").start() : null;
             DemoStore fallback = demoStore ? DemoStore.builder().name("fallback").start() : null) {
            Monitor.Builder monitor;
            Heartbeat heartbeat = null;
            try {
                Path allureFolder = options.allureResults != null ? options.allureResults : Path.of("target", "allure-results");
                AllureRunListener allure = new AllureRunListener(allureFolder);
                List<Site> sites;
                if (options.config == null) {
                    monitor = onDemoStore(live, fallback, options, allure);
                    sites = demoSites(live, fallback);
                } else {
                    FlowsConfig config = readConfig(options.config, live, fallback);
                    monitor = fromConfig(config, options, allure);
                    sites = config.siteList();
                    if (!config.heartbeat().isEmpty()) {
                        heartbeat = Heartbeat.builder().targets(config.heartbeatTargets()).build();
                        monitor.heartbeat(heartbeat);
                    }
                }
                options.applyTo(monitor);
                monitor.out(out).err(err).resultFolder(allureFolder);
                Monitor built = monitor.build();
                MonitorResult result = built.run();
                writeAllureFiles(allureFolder, sites, options, err);
                return result.exitCode();
            } catch (ConfigException | IllegalArgumentException e) {
                err.println("flows: " + e.getMessage());
                return 2;
            } finally {
                if (heartbeat != null) {
                    heartbeat.close();
                }
            }
        }
    }

    /**
     * Reads the config with the demo store's addresses as the variables {@code DEMO_LIVE_URL} and
     * {@code DEMO_FALLBACK_URL}, when it runs; a config that needs them without {@code --demo-store} says so.
     */
    private static FlowsConfig readConfig(Path file, DemoStore live, DemoStore fallback) {
        if (live == null) {
            try {
                return FlowsConfig.read(file);
            } catch (ConfigException e) {
                if (e.getMessage().contains("variable DEMO_")) {
                    throw new ConfigException(e.getMessage() + " (add --demo-store to start the embedded demo store)");
                }
                throw e;
            }
        }
        return FlowsConfig.read(file, Map.of(
                "DEMO_LIVE_URL", live.baseUrl().toString(),
                "DEMO_FALLBACK_URL", fallback.baseUrl().toString()));
    }

    /** No config: the demo store's live (production) and fallback instances, default page checks, the example journeys. */
    private static Monitor.Builder onDemoStore(DemoStore live, DemoStore fallback, Options options, AllureRunListener allure) {
        List<Site> sites = demoSites(live, fallback);
        List<PageCheck> checks = new ArrayList<>();
        for (Site site : sites) {
            checks.addAll(demoStoreChecks(site));
        }
        Path output = options.output != null ? options.output : Path.of("target", "flows-output");
        Monitor.Builder monitor = Monitor.builder()
                .runSettings(run -> run.parallelSites(2).listener(allure))
                .output(output)
                .alertState(options.alertState != null ? options.alertState : output.resolve("alert-state.json"),
                        options.alertAfter != null ? options.alertAfter : 1);
        options.choose(monitor, sites, checks);
        if (options.every == null && options.lasting != null) {
            monitor.every(Duration.ofSeconds(60));
        }
        List<String> engines = options.engines.isEmpty() ? List.of("playwright", "selenium") : options.engines;
        engines.forEach(id -> monitor.engine(BrowserConfig.builder(BrowserConfig.EngineType.of(id)).build()));
        return monitor;
    }

    /** The page types of the demo store, each within a 2 s budget. */
    static List<PageCheck> demoStoreChecks(Site site) {
        Duration budget = Duration.ofSeconds(2);
        return List.of(
                new PageCheck(site, "landing", "/", 200, "Bean & Burr", budget),
                new PageCheck(site, "category", "/category/espresso-machines", 200, "Espresso", budget),
                new PageCheck(site, "product", "/product/barista-pro", 200, "Barista Pro", budget),
                new PageCheck(site, "cart", "/cart", 200, null, budget),
                new PageCheck(site, "account", "/account/login", 200, null, budget));
    }

    private static List<Site> demoSites(DemoStore live, DemoStore fallback) {
        return List.of(
                Site.builder("live").url(live.baseUrl()).role("primary").production(true).build(),
                Site.builder("fallback").url(fallback.baseUrl()).role("fallback").build());
    }

    /**
     * The Allure files that go beside the journeys' results: defect categories, the environment, the executor
     * (a GitHub Actions run, or this machine). A report problem never changes what the monitor saw.
     */
    private static void writeAllureFiles(Path folder, List<Site> sites, Options options, PrintStream err) {
        try {
            AllureResults results = AllureResults.in(folder);
            results.writeCategories();
            Map<String, String> engines = new java.util.LinkedHashMap<>();
            (options.engines.isEmpty() ? List.of("playwright", "selenium") : options.engines).forEach(e -> engines.put(e, "chromium"));
            results.writeEnvironment(sites, engines);
            results.writeExecutor(System.getenv());
        } catch (RuntimeException e) {
            err.println("flows: Allure files not written to " + folder + ": " + e.getMessage());
        }
    }

    private static Monitor.Builder fromConfig(FlowsConfig config, Options options, AllureRunListener allure) {
        List<Site> sites = config.siteList();
        List<PageCheck> checks = new ArrayList<>();
        for (Site site : sites) {
            config.checks().pages().forEach(p -> checks.add(new PageCheck(site, p.type(), p.path(), p.status(), p.marker(), p.budget())));
        }
        PageChecks.Builder client = PageChecks.builder()
                .timeout(config.timeouts().navigation())
                .traffic(config.traffic().toMark());
        Monitor.Builder monitor = Monitor.builder()
                .runSettings(run -> config.applySettingsTo(run).listener(allure))
                .pageClient(client)
                .output(options.output != null ? options.output : config.output())
                .alertState(options.alertState != null ? options.alertState : config.alert().state(),
                        options.alertAfter != null ? options.alertAfter : config.alert().after());
        options.choose(monitor, sites, checks);
        if (options.every == null && options.lasting != null) {
            monitor.every(config.checks().every());
        }
        if (options.engines.isEmpty()) {
            monitor.engine(config.browserConfig());
        } else {
            for (String id : options.engines) {
                BrowserConfig.EngineType type = BrowserConfig.EngineType.of(id);
                monitor.engine(type.id().equals(config.engine()) ? config.browserConfig()
                        : BrowserConfig.builder(type).headless(config.browser().headless())
                                .timeouts(new Timeouts(config.timeouts().waitFor(), config.timeouts().navigation())).build());
            }
        }
        return monitor;
    }

    /** The command line, checked before anything starts. */
    static final class Options {
        Path config;
        boolean demoStore;
        final List<String> engines = new ArrayList<>();
        Duration every;
        Duration lasting;
        Duration journeysEvery;
        boolean noJourneys;
        boolean noChecks;
        Path output;
        Path alertState;
        Integer alertAfter;
        Path allureResults;

        static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                switch (flag) {
                    case "--config" -> o.config = Path.of(value(args, ++i, flag));
                    case "--allure-results" -> o.allureResults = Path.of(value(args, ++i, flag));
                    case "--demo-store" -> o.demoStore = true;
                    case "--engines" -> {
                        String list = value(args, ++i, flag);
                        for (String id : list.split(",", -1)) {
                            if (id.isBlank()) {
                                throw new IllegalArgumentException("--engines: an empty engine name in '" + list
                                        + "' (write playwright, selenium or playwright,selenium)");
                            }
                            o.engines.add(BrowserConfig.EngineType.of(id.strip()).id());
                        }
                    }
                    case "--every" -> o.every = duration(args, ++i, flag);
                    case "--for" -> o.lasting = duration(args, ++i, flag);
                    case "--journeys-every" -> o.journeysEvery = duration(args, ++i, flag);
                    case "--no-journeys" -> o.noJourneys = true;
                    case "--no-checks" -> o.noChecks = true;
                    case "--output" -> o.output = Path.of(value(args, ++i, flag));
                    case "--alert-state" -> o.alertState = Path.of(value(args, ++i, flag));
                    case "--alert-after" -> {
                        String n = value(args, ++i, flag);
                        try {
                            o.alertAfter = Integer.parseInt(n);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--alert-after needs a whole number: '" + n + "'");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + flag + "'");
                }
            }
            if (o.noJourneys && o.noChecks) {
                throw new IllegalArgumentException("--no-journeys and --no-checks together leave nothing to do");
            }
            if (o.every != null && o.lasting == null) {
                throw new IllegalArgumentException("--every needs --for: the loop always ends by itself (e.g. --every 60s --for 5m)");
            }
            if (o.every != null && o.lasting.compareTo(o.every) < 0) {
                throw new IllegalArgumentException("--for " + text(o.lasting) + " is shorter than --every " + text(o.every));
            }
            return o;
        }

        /** The command line's settings, which win over the config file's. */
        void applyTo(Monitor.Builder monitor) {
            if (every != null) {
                monitor.every(every);
            }
            if (lasting != null) {
                monitor.lasting(lasting);
            }
            if (journeysEvery != null) {
                monitor.journeysEvery(journeysEvery);
            }
        }

        /** The sites, the page checks and the example journeys, less what {@code --no-checks} and {@code --no-journeys} leave out. */
        void choose(Monitor.Builder monitor, List<Site> sites, List<PageCheck> checks) {
            monitor.sites(sites);
            if (!noChecks) {
                monitor.pageChecks(checks);
            }
            if (!noJourneys) {
                monitor.journeys(new ShopJourneys(Storefront.demoStore()).all());
            }
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static Duration duration(String[] args, int i, String flag) {
            String text = value(args, i, flag);
            Duration d;
            try {
                d = FlowsConfig.parseDuration(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(flag + ": " + e.getMessage());
            }
            if (d.isZero()) {
                throw new IllegalArgumentException(flag + " must be positive: '" + text + "'");
            }
            return d;
        }

        private static String text(Duration d) {
            return dev.flows.browser.Durations.say(d);
        }
    }
}
