package dev.flows.journey;

import dev.flows.browser.Page;
import dev.flows.site.Site;

import java.util.Optional;

/**
 * What a step can use: the page, the site, the run's policies, and a memory shared by the steps of one attempt.
 * Every attempt gets a fresh context; nothing is shared between sites or attempts.
 *
 * <pre>{@code
 * Step rememberPrice = Step.of("read the price", ctx -> {
 *     String price = ctx.page().find(Locator.testId("product-price")).text();
 *     ctx.recordPrice(ctx.recall("product", String.class), price);
 * });
 * }</pre>
 */
public interface StepContext {

    Page page();

    Site site();

    /** "playwright" or "selenium". */
    String engine();

    /** The journey's name. */
    String journey();

    /** 1 for the first attempt, 2 for the first retry, and so on. */
    int attempt();

    /** Whether the run allows placing orders on this site: true for non-production sites and allowed ones. */
    boolean ordersAllowed();

    /**
     * Runs {@code action}, the one action that places an order, if the run allows orders on this site; otherwise
     * throws {@link OrderRefusedException} and never runs it. Every order-placing click must go through here.
     */
    void placeOrder(Runnable action);

    /** Keeps a value for later steps of this attempt, e.g. the picked product. */
    void remember(String key, Object value);

    /** A value an earlier step remembered. */
    <T> Optional<T> recall(String key, Class<T> type);

    /** A value an earlier step must have remembered; a missing one is the journey's own bug (BROKEN). */
    default <T> T require(String key, Class<T> type) {
        return recall(key, type).orElseThrow(() -> new BrokenMonitorException(
                "nothing was remembered as '" + key + "': an earlier step must pick it first"));
    }

    /**
     * Fails this step as a shop defect (FAILED, retried like any failed check), with {@code message} as its cause.
     * Throwing {@link ExpectationFailedException} or an {@link AssertionError} (JUnit, AssertJ) does the same;
     * any other exception from a step is the journey's own bug (BROKEN).
     *
     * <pre>{@code
     * if (!banner.isVisible()) ctx.fail("the cookie banner is missing on " + ctx.page().url());
     * }</pre>
     */
    default void fail(String message) {
        throw new ExpectationFailedException(message);
    }

    /** Notes what a product costs on this site, for the disparity report's price comparison. */
    void recordPrice(String product, String price);
}
