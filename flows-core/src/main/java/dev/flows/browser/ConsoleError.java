package dev.flows.browser;

import java.time.Instant;

/**
 * An error the page reported: an uncaught exception, or a {@code console.error} message.
 *
 * @param kind    UNCAUGHT for an exception nobody caught, CONSOLE for a message logged at error level
 * @param message the message as the browser reported it
 * @param pageUrl the page that was open when it happened
 * @param at      when Flows saw it
 */
public record ConsoleError(Kind kind, String message, String pageUrl, Instant at) {

    public enum Kind { UNCAUGHT, CONSOLE }

    @Override
    public String toString() {
        return (kind == Kind.UNCAUGHT ? "uncaught: " : "console.error: ") + message + " (" + pageUrl + ")";
    }
}
