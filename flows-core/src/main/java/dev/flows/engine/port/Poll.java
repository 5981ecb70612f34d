package dev.flows.engine.port;

import dev.flows.browser.*;

import java.time.Duration;

/**
 * One look during a wait: either the wait is over (with a value), or not yet, with what was found instead.
 * Waiting itself lives in {@link EnginePage#await}.
 */
record Poll<T>(boolean done, T value, String found, Throwable error) {

    static <T> Poll<T> done(T value) {
        return new Poll<>(true, value, null, null);
    }

    static <T> Poll<T> notYet(String found) {
        return new Poll<>(false, null, found, null);
    }

    static <T> Poll<T> notYet(String found, Throwable error) {
        return new Poll<>(false, null, found, error);
    }

    /** Pauses between looks: quick at first, so a ready page costs nothing, then every 250 ms. */
    static Duration pause(int attempt) {
        return switch (attempt) {
            case 0 -> Duration.ZERO;
            case 1 -> Duration.ofMillis(20);
            case 2 -> Duration.ofMillis(50);
            case 3, 4 -> Duration.ofMillis(100);
            default -> Duration.ofMillis(250);
        };
    }
}
