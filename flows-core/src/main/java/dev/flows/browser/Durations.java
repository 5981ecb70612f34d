package dev.flows.browser;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where durations become text and text becomes durations: {@link #say} writes them as people say
 * them in every message, log line and report ("850 ms", "5 s", "1.5 s", "2 min 5 s"); {@link #parse} reads them as
 * people write them in a config file or on a command line ({@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, or
 * ISO {@code PT5S}).
 *
 * <pre>{@code
 * Durations.say(Duration.ofMillis(1500));   // "1.5 s"
 * Durations.parse("2m");                    // PT2M
 * }</pre>
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /** "850 ms", "5 s", "1.5 s", "2 min 5 s". */
    public static String say(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }

    /**
     * Reads {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h} or an ISO-8601 duration ({@code PT1.5S}).
     *
     * @throws IllegalArgumentException naming the text and the forms it could have taken
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                return fitting(text, switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                });
            } catch (ArithmeticException | NumberFormatException e) {
                throw tooLong(text);
            }
        }
        if (t.toUpperCase(Locale.ROOT).startsWith("PT")) {
            Duration d;
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException | ArithmeticException e) {
                d = null;   // the message below
            }
            if (d != null) {
                return fitting(text, d);
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration (write 250ms, 5s, 2m or 1h)");
    }

    /** The longest duration {@link #parse} accepts: sums on {@code System.nanoTime()} stay far from overflow. */
    public static final Duration LONGEST = Duration.ofDays(10_000);

    // Durations are added to System.nanoTime() and multiplied by iteration counts: one near the nanosecond range
    // (292 years) would overflow there, so it is refused here, in one line, not as an ArithmeticException mid-run.
    private static Duration fitting(String text, Duration d) {
        if (d.compareTo(LONGEST) > 0) {
            throw tooLong(text);
        }
        return d;
    }

    private static IllegalArgumentException tooLong(String text) {
        return new IllegalArgumentException("'" + text + "' is too long a duration (at most " + LONGEST.toDays() + " days)");
    }
}
