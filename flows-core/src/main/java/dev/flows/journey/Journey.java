package dev.flows.journey;

import dev.flows.browser.RequestPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named, ordered list of steps: what the runner executes on every site. The storefront DSL builds these;
 * plain steps work too.
 *
 * <pre>{@code
 * Journey smoke = Journey.builder("landing smoke")
 *     .feature("browse")
 *     .step("open the landing page", ctx -> ctx.page().open("/"))
 *     .step("see the cart badge", ctx -> ctx.page().find(Locator.testId("cart-count")).should(Condition.visible()))
 *     .build();
 * }</pre>
 *
 * @param name    readable name, unique within a run
 * @param feature the group it belongs to in reports ("checkout", "browse"), default "journeys"
 * @param steps   at least one step, in order
 * @param orderRequests the requests that place an order on the shop ({@code POST /checkout/payment}): blocked at
 *                the network on a production site that does not allow orders, whatever a step does (default none)
 */
public record Journey(String name, String feature, List<Step> steps, List<RequestPattern> orderRequests) {

    public Journey {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("journey name must not be blank");
        }
        name = name.strip();
        feature = feature == null || feature.isBlank() ? "journeys" : feature.strip();
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("journey '" + name + "' has no steps");
        }
        orderRequests = List.copyOf(orderRequests == null ? List.of() : orderRequests);
    }

    /** A journey whose shop names no order requests. */
    public Journey(String name, String feature, List<Step> steps) {
        this(name, feature, steps, List.of());
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Lower-case words joined by '-': the journey's folder name in the output. */
    public String slug() {
        String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "journey" : slug;
    }

    /** Builds a {@link Journey}; sub-journeys are lists of steps added with {@link #steps(List)}. */
    public static final class Builder {
        private final String name;
        private String feature;
        private final List<Step> steps = new ArrayList<>();
        private final List<RequestPattern> orderRequests = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder feature(String feature) {
            this.feature = feature;
            return this;
        }

        public Builder step(String name, StepAction action) {
            return step(Step.of(name, action));
        }

        public Builder step(Step step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /** Inserts a sub-journey: its steps, in order, at this point. */
        public Builder steps(List<Step> subJourney) {
            subJourney.forEach(this::step);
            return this;
        }

        /** The requests that place an order on the shop, e.g. {@code RequestPattern.parse("POST /checkout/payment")}. */
        public Builder orderRequests(List<RequestPattern> patterns) {
            orderRequests.addAll(patterns);
            return this;
        }

        public Journey build() {
            return new Journey(name, feature, steps, orderRequests);
        }
    }
}
