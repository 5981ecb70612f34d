package dev.flows.run;

import dev.flows.diagnostics.Diagnostics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One try of a journey on a site, in its own fresh page.
 *
 * @param number      1 for the first try
 * @param outcome     PASSED, DEGRADED, FAILED or BROKEN (never FLAKY: that is a verdict over attempts)
 * @param started     when the attempt began, on the wall clock
 * @param steps       the steps that ran, the failing one last
 * @param took        how long the attempt took
 * @param failure     the full failure message (journey, step, site, engine, cause, diagnostics), or null
 * @param notes       what degraded a passing attempt (over-budget steps, tolerated page errors)
 * @param diagnostics what was saved for a failure, or null
 */
public record Attempt(int number, Outcome outcome, Instant started, List<StepResult> steps, Duration took,
                      String failure, List<String> notes, Diagnostics diagnostics) {

    public Attempt {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(took, "took");
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /** The step that failed, if one did. */
    public Optional<StepResult> failingStep() {
        return steps.isEmpty() || steps.get(steps.size() - 1).passed() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
    }

    public Optional<Diagnostics> diagnosticsIfSaved() {
        return Optional.ofNullable(diagnostics);
    }
}
