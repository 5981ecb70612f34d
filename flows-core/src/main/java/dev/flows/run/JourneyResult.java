package dev.flows.run;

import dev.flows.browser.Messages;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict on one journey on one site and engine, with every attempt.
 *
 * <pre>{@code
 * result.outcome();            // FAILED
 * result.failingStep();        // step 4 'add to cart'
 * result.message();            // the whole story: cause, where the screenshot and trace are
 * }</pre>
 *
 * @param journey  journey name
 * @param feature  the journey's group
 * @param site     site name
 * @param role     the site's role
 * @param engine   "playwright" or "selenium"
 * @param outcome  the verdict
 * @param took     all attempts together
 * @param attempts every attempt, the first failure first; for FLAKY the last one passed
 * @param prices   product -> price as the shopper saw it on this site (from the last attempt)
 */
public record JourneyResult(String journey, String feature, String site, String role, String engine, Outcome outcome,
                            Duration took, List<Attempt> attempts, Map<String, String> prices) {

    public JourneyResult {
        attempts = List.copyOf(attempts);
        prices = Map.copyOf(prices);
    }

    /** The attempt the verdict rests on: the last one. */
    public Attempt last() {
        return attempts.get(attempts.size() - 1);
    }

    /**
     * The failure that matters: for FAILED and BROKEN the last attempt's, for FLAKY the first attempt's (kept so
     * the intermittent problem can be fixed).
     */
    public Optional<Attempt> failedAttempt() {
        return attempts.stream().filter(a -> !a.outcome().isSuccess()).reduce((first, second) -> outcome == Outcome.FLAKY ? first : second);
    }

    /** The failing step, of {@link #failedAttempt()}. */
    public Optional<StepResult> failingStep() {
        return failedAttempt().flatMap(Attempt::failingStep);
    }

    /** The full failure message, or "" when nothing failed. */
    public String message() {
        if (outcome == Outcome.DEGRADED) {
            // A degraded journey says why: which step was slow (its time and budget) or what was tolerated.
            return "'" + journey + "' on " + site + " [" + engine + "]: DEGRADED: " + String.join("; ", notes());
        }
        return failedAttempt().map(Attempt::failure).orElse("");
    }

    /** The first line of {@link #message()} with the failing step: one line for tables and heartbeats. */
    public String summaryLine() {
        return Messages.firstLine(message());
    }

    /** Every diagnostics folder saved for this journey. */
    public List<Path> diagnosticsFolders() {
        return attempts.stream().flatMap(a -> a.diagnosticsIfSaved().stream()).map(d -> d.folder()).toList();
    }

    /** Notes that made a passing run DEGRADED. */
    public List<String> notes() {
        return last().notes();
    }
}
