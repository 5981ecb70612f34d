package dev.flows.monitor.cli;

import dev.flows.browser.BrowserConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code flows validate}: reads the config, the profile and the journeys as {@code run} would, prints what would
 * run (sites x journeys x engines, page checks, heartbeats with their URLs redacted) and runs nothing.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Read the config, profile and journeys, print what would run, run nothing.",
        footer = {"", "Exit code: 0 valid, 2 not (one line naming the file and key)."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    Flows flows;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--engines", split = ",", paramLabel = "<engine>", converter = EngineOption.class,
            description = "playwright, selenium or both (default: the config's engine; without config both)")
    List<BrowserConfig.EngineType> engines = new ArrayList<>();

    @Override
    public Integer call() {
        EngineOption.refuseEmptyNames(spec.commandLine());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        // The demo store starts (in milliseconds) so that its addresses resolve as they would in a run.
        try (DemoStores stores = config.config == null || config.demoStore ? DemoStores.start() : null) {
            Plan plan = Plan.read(config, engines, stores, flows.variables(), loader);
            if (!plan.journeys.journeys().isEmpty()) {
                plan.requireEngines(loader);
            }
            plan.print(flows.out());
            flows.out().println("Valid: nothing was run.");
            return 0;
        }
    }
}
