package dev.flows.browser;

import java.util.Objects;

/**
 * A request that a {@link RequestRule} caught: blocked before it left the browser, or only recorded.
 *
 * @param method  the HTTP method
 * @param url     the URL requested
 * @param rule    the rule that caught it
 * @param blocked whether the browser was stopped from sending it
 */
public record InterceptedRequest(String method, String url, RequestRule rule, boolean blocked) {

    public InterceptedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String toString() {
        return (blocked ? "blocked " : "sent ") + method + " " + url + " (" + rule.kind() + ": " + rule.shown() + ")";
    }
}
