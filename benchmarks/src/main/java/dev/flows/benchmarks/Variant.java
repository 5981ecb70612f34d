package dev.flows.benchmarks;

import java.net.URI;

/**
 * One way of writing the benchmark journey. The browser (or whatever the tool keeps between journeys) starts in
 * {@link #start()}, outside the measurement; {@link #journey(URI)} runs one isolated journey and is what is timed.
 */
interface Variant extends AutoCloseable {

    /** "flows-playwright", "bare-selenium", ... */
    String name();

    void start() throws Exception;

    /** Runs the journey once on the shop at {@code base}, in a fresh context; throws when it did not pass. */
    void journey(URI base) throws Exception;

    /** Milliseconds one journey took; a variant in another process reports its own figure instead. */
    default long timed(URI base) throws Exception {
        long start = System.nanoTime();
        journey(base);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    void close();
}
