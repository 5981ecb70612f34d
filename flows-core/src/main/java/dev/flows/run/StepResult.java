package dev.flows.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of one attempt.
 *
 * @param index      1-based position in the journey
 * @param name       the step's readable name
 * @param passed     whether the step worked
 * @param started    when the step began, on the wall clock
 * @param took       how long it took
 * @param budget     its time budget, or null when it has none
 * @param failure    why it failed (the cause, without the journey's heading), or null
 */
public record StepResult(int index, String name, boolean passed, Instant started, Duration took, Duration budget,
                         String failure) {

    public StepResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(took, "took");
    }

    /** When the step ended: {@link #started()} plus {@link #took()}. */
    public Instant stopped() {
        return started.plus(took);
    }

    /** Passed, but slower than its budget. */
    public boolean overBudget() {
        return budget != null && took.compareTo(budget) > 0;
    }

    /** "step 4 'add to cart'". */
    public String label() {
        return "step " + index + " '" + name + "'";
    }
}
