package dev.flows.journey;

/**
 * What a step does, given the page and the run's context.
 *
 * <pre>{@code
 * StepAction openCart = ctx -> ctx.page().open("/cart");
 * }</pre>
 */
@FunctionalInterface
public interface StepAction {

    void run(StepContext context) throws Exception;
}
