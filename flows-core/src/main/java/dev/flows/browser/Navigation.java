package dev.flows.browser;

import java.time.Duration;

/**
 * The outcome of opening a page.
 *
 * @param url      the URL that was finally shown (after redirects)
 * @param status   the HTTP status of the main document, or 0 when the engine could not tell
 * @param took     from the request until the load event
 */
public record Navigation(String url, int status, Duration took) {
}
