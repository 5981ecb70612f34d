package dev.flows.check;

import dev.flows.browser.Durations;
import dev.flows.run.Attempt;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.StepResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one page check found.
 *
 * @param check   the check
 * @param outcome PASSED, DEGRADED (over budget) or FAILED (wrong status, marker missing, unreachable)
 * @param status  the HTTP status received, or 0 when nothing came back
 * @param took    from sending the request to reading the whole body
 * @param message one line saying what went wrong or what was slow, or null when PASSED
 */
public record PageCheckResult(PageCheck check, Outcome outcome, int status, Duration took, String message) {

    /** A page check has no engine: its results have this one, so reports can tell them from journeys. */
    public static final String NO_ENGINE = "";

    /** The feature that groups page checks in reports. */
    public static final String FEATURE = "page check";

    public PageCheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(took, "took");
    }

    /** "[live] page landing PASSED 12 ms": a progress line. */
    public String progressLine() {
        return "[" + check.site().name() + "] page " + check.type() + " " + outcome + " " + Durations.say(took)
                + (message == null ? "" : ": " + message);
    }

    /**
     * The same result in the runner's model, so that run results, the disparity report, the heartbeat and the
     * alert threshold treat a page check like a journey of one step ("GET /cart"). Its engine is
     * {@link #NO_ENGINE}.
     */
    public JourneyResult toJourneyResult() {
        boolean worked = outcome.isSuccess();
        StepResult step = new StepResult(1, "GET " + check.path(), worked, took, check.budget(), worked ? null : message);
        Attempt attempt = new Attempt(1, outcome, List.of(step), took, worked ? null : message,
                outcome == Outcome.DEGRADED && message != null ? List.of(message) : List.of(), null);
        return new JourneyResult(check.name(), FEATURE, check.site().name(), check.site().role(), NO_ENGINE, outcome,
                took, List.of(attempt), Map.of());
    }
}
