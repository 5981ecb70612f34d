package dev.flows.run;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of one attempt.
 *
 * @param index      1-based position in the journey
 * @param name       the step's readable name
 * @param passed     whether the step worked
 * @param took       how long it took
 * @param budget     its time budget, or null when it has none
 * @param failure    why it failed (the whole message), or null
 */
public record StepResult(int index, String name, boolean passed, Duration took, Duration budget, String failure) {

    public StepResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(took, "took");
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
