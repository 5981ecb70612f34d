package dev.flows.testng;

/**
 * A journey FAILED on a site: the shop is broken for shoppers. An {@link AssertionError}, so that Allure and TestNG
 * report it as a failed test (a product defect) rather than a broken one.
 */
public final class JourneyFailedError extends AssertionError {

    private static final long serialVersionUID = 1L;

    public JourneyFailedError(String message) {
        super(message);
    }
}
