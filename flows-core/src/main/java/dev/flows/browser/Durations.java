package dev.flows.browser;

import java.time.Duration;

/** Durations as people say them: "850 ms", "5 s", "1.5 s", "2 min 5 s". */
public final class Durations {

    private Durations() {
    }

    public static String say(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
}
