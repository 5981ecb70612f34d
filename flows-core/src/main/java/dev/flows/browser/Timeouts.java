package dev.flows.browser;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the browser port waits.
 *
 * @param waitFor    how long an element action or {@code should(...)} retries before it fails (default 5 s)
 * @param navigation how long opening a page may take until its load event (default 30 s)
 */
public record Timeouts(Duration waitFor, Duration navigation) {

    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));

    public Timeouts {
        requirePositive(waitFor, "waitFor");
        requirePositive(navigation, "navigation");
    }

    public Timeouts withWaitFor(Duration waitFor) {
        return new Timeouts(waitFor, navigation);
    }

    public Timeouts withNavigation(Duration navigation) {
        return new Timeouts(waitFor, navigation);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name + " timeout");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " timeout must be positive: " + d);
        }
    }
}
