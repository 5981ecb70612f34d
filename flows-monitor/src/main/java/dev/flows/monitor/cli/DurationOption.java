package dev.flows.monitor.cli;

import dev.flows.config.FlowsConfig;
import picocli.CommandLine;

import java.time.Duration;

/** A positive duration as a config file writes it: {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
final class DurationOption implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        Duration d;
        try {
            d = FlowsConfig.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        if (d.isZero() || d.isNegative()) {
            throw new CommandLine.TypeConversionException("must be positive: '" + text + "'");
        }
        return d;
    }
}
