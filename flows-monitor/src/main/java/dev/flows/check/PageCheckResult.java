package dev.flows.check;

import dev.flows.browser.Durations;
import dev.flows.run.Attempt;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.ResultKey;
import dev.flows.run.StepResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one page check found.
 *
 * @param check   the check
 * @param outcome PASSED, DEGRADED (over budget) or FAILED (wrong status, marker missing, unreachable)
 * @param started when the request was sent, on the wall clock
 * @param status  the HTTP status received, or 0 when nothing came back
 * @param took    from sending the request to reading the whole body
 * @param message one line saying what went wrong or what was slow, or null when PASSED
 */
public record PageCheckResult(PageCheck check, Outcome outcome, Instant started, int status, Duration took, String message) {

    /** The feature that groups page checks in reports. */
    public static final String FEATURE = "page check";

    public PageCheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(took, "took");
    }

    /** "[live] page landing PASSED 12 ms": a progress line. */
    public String progressLine() {
        return "[" + check.site().name() + "] page " + check.type() + " " + outcome + " " + Durations.say(took)
                + (message == null ? "" : ": " + message);
    }

    /**
     * The same result in the runner's model, so that run results, the disparity report, the heartbeat and the
     * alert threshold treat a page check like a journey of one step ("GET /cart"). Its key is a
     * {@link ResultKey.Kind#PAGE_CHECK}, without an engine.
     */
    public JourneyResult toJourneyResult() {
        boolean worked = outcome.isSuccess();
        StepResult step = new StepResult(1, "GET " + check.path(), worked, started, took, check.budget(), worked ? null : message);
        Attempt attempt = new Attempt(1, outcome, started, List.of(step), took, worked ? null : message,
                outcome == Outcome.DEGRADED && message != null ? List.of(message) : List.of(), null);
        return new JourneyResult(check.key(), FEATURE, check.site().role(), outcome, took, List.of(attempt), Map.of());
    }
}
