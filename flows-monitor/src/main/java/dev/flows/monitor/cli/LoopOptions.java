package dev.flows.monitor.cli;

import dev.flows.browser.Durations;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code --every 60s --for 5m}: a bounded loop of {@code ceil(for / every)} iterations. */
final class LoopOptions {

    @Option(names = "--every", paramLabel = "<duration>", converter = DurationOption.class,
            description = "Repeat this often; needs --for")
    Duration every;

    @Option(names = "--for", paramLabel = "<duration>", converter = DurationOption.class,
            description = "How long the loop lasts; alone, it repeats every checks.every (60s)")
    Duration lasting;

    /** The loop's own rules, checked before anything starts. */
    void check(CommandLine line) {
        if (every != null && lasting == null) {
            throw new CommandLine.ParameterException(line,
                    "--every needs --for: the loop always ends by itself (e.g. --every 60s --for 5m)");
        }
        if (every != null && every.compareTo(dev.flows.monitor.Monitor.MIN_EVERY) < 0) {
            throw new CommandLine.ParameterException(line, "--every " + Durations.say(every) + " is shorter than "
                    + Durations.say(dev.flows.monitor.Monitor.MIN_EVERY) + ": a faster loop only loads the shop and the heartbeat service");
        }
        if (every != null && lasting.compareTo(every) < 0) {
            throw new CommandLine.ParameterException(line,
                    "--for " + Durations.say(lasting) + " is shorter than --every " + Durations.say(every));
        }
    }
}
