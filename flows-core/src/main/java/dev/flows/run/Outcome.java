package dev.flows.run;

/** The verdict on one journey on one site. */
public enum Outcome {
    /** Every step worked within its budget on the first attempt. */
    PASSED,
    /** A step failed on every attempt, or the site was unreachable: the shop is broken for shoppers. */
    FAILED,
    /** Failed, then passed on a retry; the first failure and its diagnostics are kept. */
    FLAKY,
    /** Passed, but a step went over its time budget (or a page error was configured to degrade). */
    DEGRADED,
    /** The monitor itself failed (bad profile, refused order, browser that cannot start): nobody knows how the shop is. */
    BROKEN;

    /** The shop worked for the shopper. */
    public boolean isSuccess() {
        return this == PASSED || this == FLAKY || this == DEGRADED;
    }
}
