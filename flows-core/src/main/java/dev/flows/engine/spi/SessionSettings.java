package dev.flows.engine.spi;

import dev.flows.browser.NetworkPolicy;

import java.util.Map;
import java.util.Objects;

/**
 * How to open a session.
 *
 * @param width           viewport width in CSS pixels
 * @param height          viewport height in CSS pixels
 * @param extraHeaders    HTTP headers added to every request the page makes (to mark synthetic traffic, say)
 * @param userAgentSuffix appended to the browser's own user agent, or empty
 * @param navigation      how long a page load may take, whether opened directly or started by a click
 * @param network         basic auth for the site, and requests to block or watch at the network level: an engine
 *                        applies it before the first request, and reports what it caught through
 *                        {@link EngineSession#interceptedRequests()}
 */
public record SessionSettings(int width, int height, Map<String, String> extraHeaders, String userAgentSuffix,
                              java.time.Duration navigation, NetworkPolicy network) {

    public static final SessionSettings DEFAULT = new SessionSettings(1366, 900, Map.of(), "", java.time.Duration.ofSeconds(30));

    public SessionSettings {
        if (width < 200 || height < 200) {
            throw new IllegalArgumentException("viewport must be at least 200x200: " + width + "x" + height);
        }
        extraHeaders = Map.copyOf(Objects.requireNonNull(extraHeaders, "extraHeaders"));
        userAgentSuffix = userAgentSuffix == null ? "" : userAgentSuffix.strip();
        Objects.requireNonNull(navigation, "navigation");
        network = network == null ? NetworkPolicy.NONE : network;
    }

    /** Settings without a network policy. */
    public SessionSettings(int width, int height, Map<String, String> extraHeaders, String userAgentSuffix,
                           java.time.Duration navigation) {
        this(width, height, extraHeaders, userAgentSuffix, navigation, NetworkPolicy.NONE);
    }
}
