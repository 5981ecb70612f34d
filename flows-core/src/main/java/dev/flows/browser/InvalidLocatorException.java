package dev.flows.browser;

/**
 * The browser refused a locator's syntax: a monitor problem (the journey or profile is wrong), never the shop's,
 * so a journey that meets it is BROKEN and not retried.
 */
public final class InvalidLocatorException extends BrowserException {

    public InvalidLocatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
