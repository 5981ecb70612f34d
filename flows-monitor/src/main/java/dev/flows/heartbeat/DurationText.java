package dev.flows.heartbeat;

import java.time.Duration;

/** Durations the way a person reads them in a log line: "500ms", "2s", "1m 3s". */
final class DurationText {

    private DurationText() {
    }

    static String of(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return ms % 1000 == 0 ? (ms / 1000) + "s" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        return (s / 60) + "m " + (s % 60) + "s";
    }
}
