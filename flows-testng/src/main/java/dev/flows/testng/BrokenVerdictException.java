package dev.flows.testng;

/**
 * Thrown by the TestNG glue when a journey's verdict is BROKEN: the monitor itself failed (a browser that could not start, a profile without a hook, the
 * journey's own bug), so nobody knows how the shop is. Not an {@link AssertionError}: Allure shows it as broken.
 * A journey signals such a problem with {@link dev.flows.journey.BrokenMonitorException}; this one only reports
 * the verdict to TestNG.
 */
public final class BrokenVerdictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokenVerdictException(String message) {
        super(message);
    }
}
