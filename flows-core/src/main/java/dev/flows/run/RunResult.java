package dev.flows.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run found: a result per journey, site and engine, in journey, site, engine order.
 *
 * @param runId   the run's id, also its output folder's name
 * @param output  the run's output folder ({@code <output>/<run-id>})
 * @param took    how long the run took
 * @param results every journey on every site and engine that reached a verdict
 * @param notRun  the journeys that did not, because the run's time limit was reached first:
 *                "'guest checkout' on live [playwright]" (default none)
 */
public record RunResult(String runId, Path output, Duration took, List<JourneyResult> results, List<String> notRun) {

    public RunResult {
        results = List.copyOf(results);
        notRun = List.copyOf(notRun == null ? List.of() : notRun);
    }

    /** A run in which every journey reached its verdict. */
    public RunResult(String runId, Path output, Duration took, List<JourneyResult> results) {
        this(runId, output, took, results, List.of());
    }

    public boolean allPassed() {
        return results.stream().allMatch(r -> r.outcome().isSuccess());
    }

    /** 0 when every journey worked (flaky and degraded included), 2 when any is BROKEN, else 1. */
    public int exitCode() {
        if (results.stream().anyMatch(r -> r.outcome() == Outcome.BROKEN)) {
            return 2;
        }
        return allPassed() ? 0 : 1;
    }

    /** The one result for this journey, site and engine. */
    public JourneyResult result(String journey, String site, String engine) {
        return result(ResultKey.journey(journey, site, engine));
    }

    /** The one result with this key. */
    public JourneyResult result(ResultKey key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("no result for " + key));
    }

    /** The result with this key, if the run has one. */
    public Optional<JourneyResult> find(ResultKey key) {
        return results.stream().filter(r -> r.key().equals(key)).findFirst();
    }
}
