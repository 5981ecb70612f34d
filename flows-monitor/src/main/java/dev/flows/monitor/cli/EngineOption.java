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

    /**
     * Refuses an {@code --engines} list with an empty name ({@code ","}, {@code "playwright,"}): picocli drops empty
     * parts of a split list, which would leave the default engines running where the user meant something else.
     */
    static void refuseEmptyNames(CommandLine line) {
        CommandLine.Model.OptionSpec option = line.getParseResult().matchedOption("--engines");
        if (option == null) {
            return;
        }
        for (String list : option.originalStringValues()) {
            for (String name : list.split(",", -1)) {
                if (name.isBlank()) {
                    throw new CommandLine.ParameterException(line, "--engines: an empty engine name in '" + list
                            + "' (write playwright, selenium or playwright,selenium)");
                }
            }
        }
    }
}
