package dev.flows.monitor.cli;

import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Durations;
import dev.flows.browser.Timeouts;
import dev.flows.check.PageCheck;
import dev.flows.check.PageChecks;
import dev.flows.config.ConfigException;
import dev.flows.config.FlowsConfig;
import dev.flows.dsl.Storefront;
import dev.flows.journey.Journey;
import dev.flows.dsl.profile.StorefrontProfile;
import dev.flows.engine.spi.EngineProvider;
import dev.flows.heartbeat.HeartbeatTarget;
import dev.flows.monitor.RunAttachments;
import dev.flows.run.Run;
import dev.flows.site.Site;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * What a command would run, read from the command line and the config (or the demo store's defaults): the sites,
 * page checks, journeys, engines, run settings and what the run reports to. {@code flows validate} prints it;
 * {@code flows run} and {@code flows check} run it, so what validate accepts is exactly what runs.
 */
final class Plan {

    /** Without a config, both engines. */
    private static final List<BrowserConfig.EngineType> DEFAULT_ENGINES =
            List.of(BrowserConfig.EngineType.PLAYWRIGHT, BrowserConfig.EngineType.SELENIUM);

    final Path config;
    final String profile;
    final JourneySuites journeys;
    final List<Site> sites;
    final List<PageCheck> pageChecks;
    final Duration checksEvery;
    final List<BrowserConfig> engines;
    final Consumer<Run.Builder> runSettings;
    final PageChecks.Builder pageClient;
    final RunAttachments.Builder attachments;
    /** Where the Prometheus metrics go, or null for nowhere. */
    final FlowsConfig.MetricsSpec metrics;
    private final RunAttachments described;

    private Plan(Path config, String profile, JourneySuites journeys, List<Site> sites, List<PageCheck> pageChecks,
                 Duration checksEvery, List<BrowserConfig> engines, Consumer<Run.Builder> runSettings,
                 PageChecks.Builder pageClient, RunAttachments.Builder attachments, FlowsConfig.MetricsSpec metrics) {
        this.config = config;
        this.metrics = metrics != null && metrics.enabled() ? metrics : null;
        this.profile = profile;
        this.journeys = journeys;
        this.sites = List.copyOf(sites);
        this.pageChecks = List.copyOf(pageChecks);
        this.checksEvery = checksEvery;
        this.engines = List.copyOf(engines);
        this.runSettings = runSettings;
        this.pageClient = pageClient;
        this.attachments = attachments;
        // Built once here so that a bad override (--alert-after 0) is refused before anything runs.
        this.described = attachments.build();
        this.described.close();
    }

    /**
     * Reads the plan. {@code demo} is the running demo store (with {@code --demo-store}, or without a config), else
     * null; {@code variables} go to the config's {@code ${NAME}} references on top of the environment.
     */
    static Plan read(ConfigOptions options, List<BrowserConfig.EngineType> chosen, DemoStores demo,
                     Map<String, String> variables, ClassLoader loader) {
        RunAttachments.Builder attachments = RunAttachments.builder();
        Plan plan;
        if (options.config == null) {
            StorefrontProfile profile = StorefrontProfile.demoStore();
            List<BrowserConfig> engines = new ArrayList<>();
            (chosen.isEmpty() ? DEFAULT_ENGINES : chosen).forEach(t -> engines.add(BrowserConfig.builder(t).build()));
            Path output = options.output != null ? options.output : Path.of("target", "flows-output");
            attachments.output(output).alertState(options.alertState != null ? options.alertState : output.resolve("alert-state.json"),
                    options.alertAfter != null ? options.alertAfter : 1);
            plan = new Plan(null, profile.name() + " (built in)",
                    JourneySuites.load(List.of(), Storefront.of(profile), "the demo store", loader),
                    demo.sites(), demo.pageChecks(), Duration.ofSeconds(60), engines,
                    run -> run.parallelSites(2), PageChecks.builder(), overridden(attachments, options), null);
        } else {
            FlowsConfig config = readConfig(options.config, demo, variables);
            StorefrontProfile profile;
            String profileText;
            if (config.profile() == null) {
                profile = StorefrontProfile.demoStore();
                profileText = profile.name() + " (built in; set profile: for your shop)";
            } else {
                Path file = options.config.getParent() == null ? config.profile() : options.config.getParent().resolve(config.profile());
                try {
                    profile = StorefrontProfile.load(file);
                } catch (RuntimeException e) {
                    throw new ConfigException(options.config + ": profile: " + Flows.oneLine(e));
                }
                profileText = profile.name() + " (" + file + ")";
            }
            List<Site> sites = config.siteList();
            List<PageCheck> checks = new ArrayList<>();
            for (Site site : sites) {
                config.checks().pages().forEach(p -> checks.add(new PageCheck(site, p.type(), p.path(), p.status(), p.marker(), p.budget())));
            }
            List<BrowserConfig> engines = new ArrayList<>();
            if (chosen.isEmpty()) {
                engines.add(config.browserConfig());
            } else {
                for (BrowserConfig.EngineType type : chosen) {
                    engines.add(type.id().equals(config.engine()) ? config.browserConfig()
                            : BrowserConfig.builder(type).headless(config.browser().headless())
                                    .timeouts(new Timeouts(config.timeouts().waitFor(), config.timeouts().navigation())).build());
                }
            }
            attachments.heartbeats(config.heartbeatTargets())
                    .output(options.output != null ? options.output : config.output())
                    .alertState(options.alertState != null ? options.alertState : config.alert().state(),
                            options.alertAfter != null ? options.alertAfter : config.alert().after());
            plan = new Plan(options.config, profileText,
                    JourneySuites.load(config.journeys(), Storefront.of(profile), options.config.toString(), loader),
                    sites, checks, config.checks().every(), engines, config::applySettingsTo,
                    PageChecks.builder().timeout(config.timeouts().navigation()).traffic(config.traffic().toMark()),
                    overridden(attachments, options), config.metrics());
        }
        return plan;
    }

    /** The journeys {@code flows run} would run for this config file: what {@code flows gate} compares. */
    static List<Journey> journeys(Path file, FlowsConfig config, ClassLoader loader) {
        StorefrontProfile profile;
        if (config.profile() == null) {
            profile = StorefrontProfile.demoStore();
        } else {
            Path resolved = file.getParent() == null ? config.profile() : file.getParent().resolve(config.profile());
            try {
                profile = StorefrontProfile.load(resolved);
            } catch (RuntimeException e) {
                throw new ConfigException(file + ": profile: " + Flows.oneLine(e));
            }
        }
        return JourneySuites.load(config.journeys(), Storefront.of(profile), file.toString(), loader).journeys();
    }

    private static RunAttachments.Builder overridden(RunAttachments.Builder attachments, ConfigOptions options) {
        if (options.allureResults != null) {
            attachments.allureResults(options.allureResults);
        }
        return attachments;
    }

    /**
     * Reads the config with the demo store's addresses as {@code DEMO_LIVE_URL} and {@code DEMO_FALLBACK_URL}
     * when it runs; a config that needs them without {@code --demo-store} says so.
     */
    private static FlowsConfig readConfig(Path file, DemoStores demo, Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(variables);
        if (demo == null) {
            try {
                return FlowsConfig.read(file, all);
            } catch (ConfigException e) {
                if (e.getMessage().contains("variable DEMO_")) {
                    throw new ConfigException(e.getMessage() + " (add --demo-store to start the embedded demo store)");
                }
                throw e;
            }
        }
        all.putAll(demo.variables());
        return FlowsConfig.read(file, all);
    }

    /** The engines the journeys need, each with the module that brings it; a missing one is a one-line error. */
    void requireEngines(ClassLoader loader) {
        for (BrowserConfig engine : engines) {
            boolean found = false;
            for (EngineProvider provider : ServiceLoader.load(EngineProvider.class, loader)) {
                found |= provider.type() == engine.engine();
            }
            if (!found) {
                throw new ConfigException("no " + engine.engine().id() + " engine on the classpath: add the dependency dev.flows:flows-"
                        + engine.engine().id() + " to your project");
            }
        }
    }

    /** The browsers for Allure's environment: engine id to what it is. */
    Map<String, String> browsers() {
        Map<String, String> browsers = new LinkedHashMap<>();
        engines.forEach(e -> browsers.put(e.engine().id(), "chromium"));
        return browsers;
    }

    /** What {@code flows validate} prints. */
    void print(PrintStream out) {
        out.println("Config:      " + (config == null ? "none: the embedded demo store, live and fallback" : config));
        out.println("Profile:     " + profile);
        List<String> engineIds = engines.stream().map(e -> e.engine().id()).toList();
        out.println("Journeys:    " + journeys.journeys().size() + " from " + journeys.source());
        int width = journeys.journeys().stream().mapToInt(j -> j.name().length()).max().orElse(0);
        journeys.journeys().forEach(j -> out.println("  " + pad(j.name(), width) + "  "
                + (j.feature() == null ? "" : j.feature() + ", ") + j.steps().size() + (j.steps().size() == 1 ? " step" : " steps")));
        out.println("Sites:       " + sites.size());
        int siteWidth = sites.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        sites.forEach(s -> out.println("  " + pad(s.name(), siteWidth) + "  " + s.baseUrl() + "  " + s.role()
                + (s.production() ? ", production (no orders)" : "")));
        out.println("Engines:     " + String.join(", ", engineIds));
        int runs = journeys.journeys().size() * sites.size() * engines.size();
        out.println("Plan:        " + journeys.journeys().size() + plural(journeys.journeys().size(), " journey") + " x "
                + sites.size() + plural(sites.size(), " site") + " x " + engines.size() + plural(engines.size(), " engine")
                + " = " + runs + plural(runs, " journey run") + " each time the journeys are due");
        List<PageCheck> pages = sites.isEmpty() ? List.of()
                : pageChecks.stream().filter(c -> c.site().equals(sites.get(0))).toList();
        out.println("Page checks: " + pages.size() + plural(pages.size(), " page") + " x " + sites.size()
                + plural(sites.size(), " site") + " = " + pageChecks.size() + plural(pageChecks.size(), " check")
                + " per iteration (every " + Durations.say(checksEvery) + " in a loop)");
        int typeWidth = pages.stream().mapToInt(c -> c.type().length()).max().orElse(0);
        int pathWidth = pages.stream().mapToInt(c -> c.path().length()).max().orElse(0);
        pages.forEach(c -> out.println("  " + pad(c.type(), typeWidth) + "  " + pad(c.path(), pathWidth) + "  status " + c.status()
                + (c.marker() == null ? "" : ", marker '" + c.marker() + "'")
                + (c.budget() == null ? "" : ", budget " + Durations.say(c.budget()))));
        List<HeartbeatTarget> beats = described.heartbeats();
        out.println("Heartbeats:  " + (beats.isEmpty() ? "none" : String.valueOf(beats.size())));
        beats.forEach(b -> out.println("  " + b));
        out.println("Alert:       after " + described.alertAfter() + plural(described.alertAfter(), " failure")
                + " in a row; state " + described.alertState());
        out.println("Output:      " + described.output() + "; Allure results " + described.allureResults());
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
