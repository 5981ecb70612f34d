package dev.flows.monitor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code flows check}: the page-type checks only (HTTP, no browser), once or in a bounded loop. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the page-type checks only (over HTTP, no browser), once or in a bounded loop.",
        footer = {"", "Exit code: 0 every check worked, 1 a check failed, 2 the monitor broke."})
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    Flows flows;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Mixin
    LoopOptions loop;

    @Override
    public Integer call() {
        loop.check(spec.commandLine());
        return new MonitorCommand(flows, config, loop, List.of(), true, false, null, dev.flows.run.Shard.ALL).execute();
    }
}
