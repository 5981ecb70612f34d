package dev.flows.monitor.cli;

import dev.flows.run.Shard;
import dev.flows.browser.BrowserConfig;
import dev.flows.monitor.Monitor;
import dev.flows.monitor.MonitorResult;
import dev.flows.monitor.RunAttachments;

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
            try (RunAttachments attachments = plan.attachments.build()) {
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
                monitor.out(flows.out()).err(flows.err());
                MonitorResult result = monitor.build().run();
                attachments.writeAllureFiles(plan.sites, plan.browsers(), flows.environment(),
                        warning -> flows.err().println("flows: " + warning));
                return result.exitCode();
            }
        }
    }
}
