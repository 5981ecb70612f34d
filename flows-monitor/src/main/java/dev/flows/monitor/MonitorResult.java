package dev.flows.monitor;

import dev.flows.run.RunResult;

import java.nio.file.Path;
import java.util.List;

/**
 * What a monitor run found over all its iterations.
 *
 * @param iterations how many iterations ran
 * @param exitCode   the worst of the iterations: 0 passed (flaky and degraded included), 1 failed, 2 broken
 * @param latest     the latest result of every check (page checks first, then journeys), as one run
 * @param report     the JSON disparity report of {@code latest}
 * @param alerts     every alarm raised and recovery reported, in order
 */
public record MonitorResult(int iterations, int exitCode, RunResult latest, Path report, List<String> alerts) {

    public MonitorResult {
        alerts = List.copyOf(alerts);
    }
}
