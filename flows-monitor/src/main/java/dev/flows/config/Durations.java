package dev.flows.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them in a config file: {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, or ISO {@code PT5S}. */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {
    }

    static Duration parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        if (t.toUpperCase().startsWith("PT")) {
            try {
                return Duration.parse(t.toUpperCase());
            } catch (DateTimeParseException ignored) {
                // Fall through to the message below.
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration (write 250ms, 5s, 2m or 1h)");
    }

    /** The shortest of the forms {@link #parse} reads that says exactly {@code d}. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
