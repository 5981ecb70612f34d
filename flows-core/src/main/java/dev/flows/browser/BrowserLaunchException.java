package dev.flows.browser;

/** No browser could be started: none was found, or it failed to start. The monitor is broken, not the site. */
public final class BrowserLaunchException extends BrowserException {

    public BrowserLaunchException(String message) {
        super(message);
    }

    public BrowserLaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
