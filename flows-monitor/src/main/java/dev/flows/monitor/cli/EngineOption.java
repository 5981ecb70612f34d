package dev.flows.monitor.cli;

import dev.flows.browser.BrowserConfig;
import picocli.CommandLine;

/** An engine id: {@code playwright} or {@code selenium}. */
final class EngineOption implements CommandLine.ITypeConverter<BrowserConfig.EngineType> {

    @Override
    public BrowserConfig.EngineType convert(String text) {
        try {
            return BrowserConfig.EngineType.of(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
