package dev.flows.journey;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One named thing a shopper does or checks; the name is what reports show ("add to cart").
 *
 * <pre>{@code
 * Step openCart = Step.of("open the cart", ctx -> ctx.page().open("/cart")).withBudget(Duration.ofSeconds(2));
 * }</pre>
 *
 * @param name   readable name, shown in reports and failure messages
 * @param budget how long the step may take before the journey counts as DEGRADED, or null for the run's default
 * @param action what the step does
 */
public record Step(String name, Duration budget, StepAction action) {

    public Step {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("step name must not be blank");
        }
        name = name.strip();
        Objects.requireNonNull(action, "step '" + name + "' needs an action");
        if (budget != null && (budget.isNegative() || budget.isZero())) {
            throw new IllegalArgumentException("step '" + name + "' budget must be positive: " + budget);
        }
    }

    public static Step of(String name, StepAction action) {
        return new Step(name, null, action);
    }

    /** This step with a time budget: over it, a passing journey is DEGRADED. */
    public Step withBudget(Duration budget) {
        return new Step(name, Objects.requireNonNull(budget, "budget"), action);
    }

    public Optional<Duration> budgetIfSet() {
        return Optional.ofNullable(budget);
    }

    @Override
    public String toString() {
        return "'" + name + "'";
    }
}
