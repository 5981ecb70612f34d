package dev.flows.run;

import dev.flows.browser.Messages;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one journey on one site and engine, with every attempt.
 *
 * <pre>{@code
 * result.key();                // journey 'add to cart' on live [playwright]
 * result.outcome();            // FAILED
 * result.failingStep();        // step 4 'add to cart'
 * result.message();            // the whole story: cause, where the screenshot and trace are
 * }</pre>
 *
 * @param key      which journey (or page check) on which site with which engine
 * @param feature  the journey's group
 * @param role     the site's role ("primary", "fallback", ...)
 * @param outcome  the verdict
 * @param took     all attempts together
 * @param attempts every attempt, the first failure first; for FLAKY the last one passed
 * @param prices   product -> price as the shopper saw it on this site (from the last attempt)
 */
public record JourneyResult(ResultKey key, String feature, String role, Outcome outcome, Duration took,
                            List<Attempt> attempts, Map<String, String> prices) {

    public JourneyResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome of " + key);
        attempts = List.copyOf(attempts);
        if (attempts.isEmpty()) {
            throw new IllegalArgumentException(key + " has no attempt");
        }
        prices = Map.copyOf(prices);
    }

    /** The row name: the journey's name, or "page: landing" for a page check. */
    public String journey() {
        return key.title();
    }

    /** The site's name. */
    public String site() {
        return key.site();
    }

    /** The engine's id, or "" for a page check. */
    public String engine() {
        return key.engine();
    }

    /** A journey or a page check. */
    public ResultKey.Kind kind() {
        return key.kind();
    }

    /** When the first attempt began, on the wall clock. */
    public Instant started() {
        return attempts.get(0).started();
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
