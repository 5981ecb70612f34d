package dev.flows.monitor.cli;

import dev.flows.run.Shard;
import dev.flows.browser.BrowserConfig;
import dev.flows.monitor.Monitor;
import dev.flows.monitor.MonitorResult;
import dev.flows.monitor.RunAttachments;
import dev.flows.config.ConfigException;
import dev.flows.config.FlowsConfig;
import dev.flows.metrics.FlowsMetrics;

import java.time.Duration;
import java.util.List;

/**
 * What {@code run} and {@code check} share: read the plan, build the monitor from it, run it, write the Allure
 * files. A subcommand that runs a part of the plan (a shard of the journeys, say) narrows {@link #plan} here.
 */
final class MonitorCommand {

    private final Flows flows;
    private final ConfigOptions options;
    private final LoopOptions loop;
    private final List<BrowserConfig.EngineType> engines;
    private final boolean checks;
    private final boolean journeys;
    private final Duration journeysEvery;
    private final Shard shard;

    MonitorCommand(Flows flows, ConfigOptions options, LoopOptions loop, List<BrowserConfig.EngineType> engines,
                   boolean checks, boolean journeys, Duration journeysEvery, Shard shard) {
        this.flows = flows;
        this.options = options;
        this.loop = loop;
        this.engines = List.copyOf(engines);
        this.checks = checks;
        this.journeys = journeys;
        this.journeysEvery = journeysEvery;
        this.shard = shard;
    }

    /** Runs the monitor and returns its exit code; a bad config throws, for {@link Flows} to print in one line. */
    int execute() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        boolean demo = options.config == null || options.demoStore;
        try (DemoStores stores = demo ? DemoStores.start() : null) {
            Plan plan = Plan.read(options, engines, stores, flows.variables(), loader);
            if (journeys && !plan.journeys.journeys().isEmpty()) {
                plan.requireEngines(loader);
            }
            try (RunAttachments attachments = plan.attachments.build();
                 FlowsMetrics metrics = startMetrics(plan)) {
                Monitor.Builder monitor = Monitor.builder().sites(plan.sites).pageClient(plan.pageClient);
                attachments.applyTo(monitor, plan.runSettings.andThen(run -> run.shard(shard)));
                if (checks) {
                    monitor.pageChecks(plan.pageChecks);
                }
                if (journeys) {
                    monitor.journeys(plan.journeys.journeys());
                    plan.engines.forEach(monitor::engine);
                }
                if (loop.every != null) {
                    monitor.every(loop.every);
                }
                if (loop.lasting != null) {
                    monitor.lasting(loop.lasting);
                    if (loop.every == null) {
                        monitor.every(plan.checksEvery);
                    }
                }
                if (journeysEvery != null) {
                    monitor.journeysEvery(journeysEvery);
                }
                if (metrics != null) {
                    monitor.onIteration(metrics::record);
                }
                monitor.out(flows.out()).err(flows.err());
                MonitorResult result = monitor.build().run();
                attachments.writeAllureFiles(plan.sites, plan.browsers(), flows.environment(),
                        warning -> flows.err().println("flows: " + warning));
                return result.exitCode();
            }
        }
    }

    // The config's metrics: served while the monitor runs (a loop with --every/--for is what a Prometheus scrapes),
    // and written to the textfile after every iteration. A port that cannot be bound is the monitor's own problem.
    private FlowsMetrics startMetrics(Plan plan) {
        FlowsConfig.MetricsSpec spec = plan.metrics;
        if (spec == null) {
            return null;
        }
        FlowsMetrics.Builder builder = FlowsMetrics.builder();
        if (spec.port() != null) {
            builder.port(spec.port());
        }
        if (spec.textfile() != null) {
            builder.textfile(spec.textfile());
        }
        FlowsMetrics metrics;
        try {
            metrics = builder.build();
        } catch (RuntimeException e) {
            throw new ConfigException(plan.config + ": metrics: " + Flows.oneLine(e));
        }
        if (spec.port() != null) {
            flows.err().println("flows: metrics on http://127.0.0.1:" + metrics.port() + "/metrics");
        }
        return metrics;
    }
}
