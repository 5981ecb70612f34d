package dev.flows.testng;

/**
 * A journey was BROKEN: the monitor itself failed (a browser that could not start, a profile without a hook, the
 * journey's own bug), so nobody knows how the shop is. Not an {@link AssertionError}: Allure shows it as broken.
 */
public final class MonitorBrokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MonitorBrokenException(String message) {
        super(message);
    }
}
