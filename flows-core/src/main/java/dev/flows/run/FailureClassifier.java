package dev.flows.run;

import dev.flows.browser.BrowserException;
import dev.flows.browser.BrowserLaunchException;
import dev.flows.browser.Durations;
import dev.flows.browser.SiteUnreachableException;
import dev.flows.journey.ExpectationFailedException;
import dev.flows.journey.BrokenMonitorException;
import dev.flows.site.Site;

import java.util.Objects;

/**
 * What went wrong in a step, as a verdict and the words that say it: pure logic, no browser, so every rule is
 * tested on its own.
 *
 * <pre>{@code
 * Verdict verdict = FailureClassifier.classify(new SiteUnreachableException(...), live);
 * verdict.outcome();     // FAILED
 * verdict.retryable();   // false: the outage is the news
 * }</pre>
 *
 * <p>The rules: an unreachable site FAILS at once without a retry; a monitor problem (bad profile, refused order,
 * a browser that cannot start) is BROKEN and never retried; what a shopper would meet (a wait that timed out, an
 * expectation, an assertion, a step timeout, an uncaught page error) FAILS and is retried; anything else is the
 * journey's own code throwing: BROKEN, not retried, with the exception's class in the cause.
 */
final class FailureClassifier {

    private FailureClassifier() {
    }

    /**
     * A failure's verdict.
     *
     * @param outcome   FAILED or BROKEN
     * @param retryable whether another attempt in a fresh page may help
     * @param says      the verdict in words, as the message's first line says it ("FAILED", "BROKEN (monitor problem, not retried)")
     * @param cause     what went wrong: the exception's message, with its class when it is not one of ours
     */
    record Verdict(Outcome outcome, boolean retryable, String says, String cause) {
        Verdict {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(says, "says");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** Classifies what {@code error}, thrown by a step on {@code site}, means. */
    static Verdict classify(Throwable error, Site site) {
        if (error instanceof WithDialogs with) {
            Verdict inner = classify(with.getCause(), site);
            return new Verdict(inner.outcome(), inner.retryable(), inner.says(), inner.cause() + "\n" + with.getMessage());
        }
        String cause = String.valueOf(error.getMessage());
        if (error instanceof SiteUnreachableException) {
            return new Verdict(Outcome.FAILED, false,
                    "FAILED: site '" + site.name() + "' is unreachable at " + site.baseUrl() + " (not retried)", cause);
        }
        if (error instanceof BrokenMonitorException || error instanceof BrowserLaunchException
                || error instanceof dev.flows.browser.InvalidLocatorException) {
            return new Verdict(Outcome.BROKEN, false, "BROKEN (monitor problem, not retried)", cause);
        }
        if (error instanceof BrowserException || error instanceof ExpectationFailedException
                || error instanceof AssertionError || error instanceof StepTimeout || error instanceof PageErrorFailure
                || error instanceof PageHealthFailure) {
            return new Verdict(Outcome.FAILED, true, "FAILED", cause);
        }
        return new Verdict(Outcome.BROKEN, false, "BROKEN (the journey's own code threw, not retried)",
                error.getClass().getName() + ": " + cause);
    }

    /**
     * The whole failure message: "'add to cart' on live [playwright]: step 4 'add to cart' FAILED after 2.1 s
     * (attempt 1 of 2)", the cause indented below it, then where the diagnostics are.
     */
    static String message(ResultKey key, StepResult step, Verdict verdict, int attempt, int attempts, String diagnostics) {
        return key + ": " + step.label() + " " + verdict.says() + " after " + Durations.say(step.took())
                + " (attempt " + attempt + " of " + attempts + ")\n" + indent(verdict.cause()) + "\n  " + diagnostics;
    }

    /** The message of a journey whose engine could not start: BROKEN before step 1. */
    static String launchFailed(ResultKey key, String cause) {
        return key + ": BROKEN before step 1: the " + key.engine()
                + " browser could not start (monitor problem, not retried)\n" + indent(cause);
    }

    /** The message of an attempt whose browser could not open a page: BROKEN before step 1. */
    static String pageFailed(ResultKey key, String cause) {
        return key + ": BROKEN before step 1: the browser could not open a page (monitor problem, not retried)\n"
                + indent(cause);
    }

    private static String indent(String text) {
        return String.valueOf(text).strip().indent(2).stripTrailing();
    }
}
