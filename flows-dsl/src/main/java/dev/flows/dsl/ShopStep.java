package dev.flows.dsl;

import dev.flows.journey.StepContext;

/**
 * A step of your own that uses the profile's hooks, so that it needs no hard-coded selectors.
 *
 * <pre>{@code
 * import dev.flows.browser.Condition;
 * import dev.flows.dsl.profile.Hook;
 *
 * .step("badge shows 2", (ctx, hooks) -> ctx.page().find(hooks.locator(Hook.CART_COUNT)).should(Condition.exactText("2")))
 * }</pre>
 *
 * <p>Fail the step as a shop defect with {@code ctx.fail("...")}, an {@code ExpectationFailedException} or an
 * {@code AssertionError} (FAILED, retried); any other exception is the journey's own bug (BROKEN).
 */
@FunctionalInterface
public interface ShopStep {

    void run(StepContext ctx, ShopHooks hooks) throws Exception;
}
