package dev.flows.browser;

import java.time.Duration;

/**
 * An element did not reach the expected condition in time. The message says which locator, what was expected,
 * what was found, how long Flows waited, on which page and engine.
 */
public final class WaitTimeoutException extends BrowserException {

    private final String subject;
    private final String expected;
    private final String found;
    private final Duration waited;
    private final String pageUrl;
    private final String engine;

    /**
     * @param subject what was waited for: a locator, or "the page URL"
     */
    public WaitTimeoutException(String subject, String expected, String found, Duration waited, String pageUrl,
                                String engine, String recentActions, Throwable lastError) {
        super(message(subject, expected, found, waited, pageUrl, engine, recentActions), lastError);
        this.subject = subject;
        this.expected = expected;
        this.found = found;
        this.waited = waited;
        this.pageUrl = pageUrl;
        this.engine = engine;
    }

    private static String message(String subject, String expected, String found, Duration waited, String pageUrl,
                                  String engine, String recentActions) {
        StringBuilder m = new StringBuilder()
                .append("Timed out after ").append(Durations.say(waited))
                .append(" waiting for ").append(subject).append(" to ").append(expected)
                .append("\n  found:  ").append(found)
                .append("\n  page:   ").append(pageUrl)
                .append("\n  engine: ").append(engine);
        if (recentActions != null && !recentActions.isBlank()) {
            m.append("\n  recent actions:\n").append(recentActions.indent(4).stripTrailing());
        }
        return m.toString();
    }

    /** What was waited for: a locator in words, or "the page URL". */
    public String subject() {
        return subject;
    }

    /** The condition, in words: "be visible", "have text '2'". */
    public String expected() {
        return expected;
    }

    /** What was there instead at the last look: "hidden", "text '1'", "no element". */
    public String found() {
        return found;
    }

    public Duration waited() {
        return waited;
    }

    public String pageUrl() {
        return pageUrl;
    }

    public String engine() {
        return engine;
    }
}
