package dev.flows.run;

import dev.flows.browser.BrowserException;
import dev.flows.browser.BrowserLaunchException;
import dev.flows.browser.SiteUnreachableException;
import dev.flows.journey.BrokenMonitorException;
import dev.flows.journey.ExpectationFailedException;
import dev.flows.journey.OrderRefusedException;
import dev.flows.site.Site;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every rule of the failure classification, without a browser. */
class FailureClassifierTest {

    private static final Site LIVE = Site.builder("live").url("http://127.0.0.1:8080/").build();
    private static final ResultKey KEY = ResultKey.journey("add to cart", "live", "playwright");

    private static FailureClassifier.Verdict classify(Throwable error) {
        return FailureClassifier.classify(error, LIVE);
    }

    @Test
    void anUnreachableSiteFailsAtOnceWithoutARetry() {
        FailureClassifier.Verdict v = classify(new SiteUnreachableException("http://127.0.0.1:8080/", "net::ERR_CONNECTION_REFUSED", "playwright"));
        assertEquals(new FailureClassifier.Verdict(Outcome.FAILED, false,
                "FAILED: site 'live' is unreachable at http://127.0.0.1:8080/ (not retried)",
                "Site unreachable: http://127.0.0.1:8080/ (net::ERR_CONNECTION_REFUSED) [playwright]"), v);
    }

    @Test
    void whatAShopperWouldMeetFailsAndIsRetried() {
        for (Throwable error : new Throwable[]{new BrowserException("no button"), new ExpectationFailedException("price differs"),
                new AssertionError("cart count 0"), new StepTimeout("too slow"), new PageErrorFailure("uncaught")}) {
            FailureClassifier.Verdict v = classify(error);
            assertEquals(Outcome.FAILED, v.outcome(), error.toString());
            assertEquals(true, v.retryable(), error.toString());
            assertEquals("FAILED", v.says());
            assertEquals(error.getMessage(), v.cause());
        }
    }

    @Test
    void aMonitorProblemIsBrokenAndNotRetried() {
        for (Throwable error : new Throwable[]{new BrokenMonitorException("no hook 'category'"), new OrderRefusedException("live"),
                new BrowserLaunchException("no chromium")}) {
            FailureClassifier.Verdict v = classify(error);
            assertEquals(new FailureClassifier.Verdict(Outcome.BROKEN, false, "BROKEN (monitor problem, not retried)",
                    error.getMessage()), v, error.toString());
        }
    }

    @Test
    void theJourneysOwnBugIsBrokenWithItsClassNamed() {
        assertEquals(new FailureClassifier.Verdict(Outcome.BROKEN, false, "BROKEN (the journey's own code threw, not retried)",
                "java.lang.NullPointerException: price was null"), classify(new NullPointerException("price was null")));
    }

    @Test
    void theMessageNamesJourneySiteEngineStepAttemptCauseAndDiagnostics() {
        StepResult step = new StepResult(4, "add to cart", false, Instant.EPOCH, Duration.ofMillis(2100), null, "no button");
        FailureClassifier.Verdict v = classify(new BrowserException("Timed out after 2 s waiting for testId 'add-to-cart'\nfound: nothing"));
        assertEquals("""
                'add to cart' on live [playwright]: step 4 'add to cart' FAILED after 2.1 s (attempt 1 of 2)
                  Timed out after 2 s waiting for testId 'add-to-cart'
                  found: nothing
                  diagnostics: /out/ (screenshot.png)""",
                FailureClassifier.message(KEY, step, v, 1, 2, "diagnostics: /out/ (screenshot.png)"));
    }

    @Test
    void brokenBeforeStepOneSaysWhy() {
        assertEquals("'add to cart' on live [playwright]: BROKEN before step 1: the playwright browser could not start"
                + " (monitor problem, not retried)\n  no chromium", FailureClassifier.launchFailed(KEY, "no chromium"));
        assertEquals("'add to cart' on live [playwright]: BROKEN before step 1: the browser could not open a page"
                + " (monitor problem, not retried)\n  context closed", FailureClassifier.pageFailed(KEY, "context closed"));
    }
}
