package dev.flows.browser;

/** Something went wrong in the browser: the root of every error the browser port throws. */
public class BrowserException extends RuntimeException {

    public BrowserException(String message) {
        super(message);
    }

    public BrowserException(String message, Throwable cause) {
        super(message, cause);
    }
}
