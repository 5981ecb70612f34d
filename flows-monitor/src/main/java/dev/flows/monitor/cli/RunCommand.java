package dev.flows.monitor.cli;

import dev.flows.browser.BrowserConfig;
import dev.flows.run.Shard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code flows run}: page checks and journeys on every site, once or in a bounded loop, with progress, the
 * disparity table, the JSON report, Allure results, heartbeats through the alert threshold, and an exit code.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the page checks and the journeys on every site, once or in a bounded loop.",
        footer = {"", "Exit code: 0 every check worked (flaky and degraded included), 1 a check failed, 2 the monitor broke."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    Flows flows;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Mixin
    LoopOptions loop;

    @Option(names = "--engines", split = ",", paramLabel = "<engine>", converter = EngineOption.class,
            description = "playwright, selenium or both (default: the config's engine; without config both)")
    List<BrowserConfig.EngineType> engines = new ArrayList<>();

    @Option(names = "--journeys-every", paramLabel = "<duration>", converter = DurationOption.class,
            description = "In a loop, run the journeys again once this much has passed since they last started (default 5m)")
    Duration journeysEvery;

    @Option(names = "--no-journeys", description = "Page checks only")
    boolean noJourneys;

    @Option(names = "--no-checks", description = "Journeys only")
    boolean noChecks;

    @Option(names = "--shard", paramLabel = "<i/n>", converter = ShardOption.class,
            description = "Run only shard i of n of the journeys x sites x engines (page checks run on shard 1 only); "
                    + "'flows merge' combines the shards' output folders")
    Shard shard = Shard.ALL;

    @Override
    public Integer call() {
        loop.check(spec.commandLine());
        EngineOption.refuseEmptyNames(spec.commandLine());
        if (noJourneys && noChecks) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--no-journeys and --no-checks together leave nothing to do");
        }
        return new MonitorCommand(flows, config, loop, engines, !noChecks && shard.index() == 1, !noJourneys, journeysEvery, shard).execute();
    }
}
