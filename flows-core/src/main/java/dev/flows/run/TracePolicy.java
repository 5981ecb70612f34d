package dev.flows.run;

/**
 * When an attempt records a trace, as in Playwright Test. Recording costs browser time on every traced attempt
 * (on Playwright, screenshots and DOM snapshots; on Selenium, a screenshot after every action), so the default
 * records only where a trace can still be needed.
 *
 * <pre>{@code
 * Run.builder().retries(1).trace(TracePolicy.ON_FIRST_RETRY)   // the default with retries: the retry is traced
 * }</pre>
 *
 * <p>The default of a run is {@link #ON_FIRST_RETRY} when it retries and {@link #RETAIN_ON_FAILURE} when it does
 * not, so that a journey that fails for good always ends with {@code trace.zip} in its last attempt's diagnostics,
 * and a journey that passes at once records nothing.
 */
public enum TracePolicy {

    /** Never record. */
    OFF,

    /** Record every attempt and keep every trace, also of passing attempts (what {@code keepTraces(true)} did). */
    ON,

    /** Record the first retry only (attempt 2); a first attempt that passes costs nothing. */
    ON_FIRST_RETRY,

    /** Record every attempt; keep the trace of failed attempts, throw away the others. */
    RETAIN_ON_FAILURE;

    /** Whether attempt {@code number} (from 1) records a trace. */
    public boolean records(int number) {
        return switch (this) {
            case OFF -> false;
            case ON, RETAIN_ON_FAILURE -> true;
            case ON_FIRST_RETRY -> number == 2;
        };
    }

    /** Whether a passing attempt's trace is kept. */
    public boolean keepsPassing() {
        return this == ON;
    }

    /** The policy of a run that did not choose one. */
    static TracePolicy defaultFor(int retries) {
        return retries > 0 ? ON_FIRST_RETRY : RETAIN_ON_FAILURE;
    }
}
