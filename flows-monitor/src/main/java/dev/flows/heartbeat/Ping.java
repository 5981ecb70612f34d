package dev.flows.heartbeat;

import java.net.URI;

/**
 * One HTTP request to a heartbeat service, before it is sent.
 *
 * @param kind        what the ping means, for log lines: "start", "success", "fail", "log"
 * @param body        the request body, or null for a bodiless GET
 * @param contentType the body's media type, or null without a body
 */
record Ping(String kind, String method, URI uri, String body, String contentType) {

    static final String TEXT = "text/plain; charset=UTF-8";
    static final String JSON = "application/json; charset=UTF-8";

    static Ping get(String kind, URI uri) {
        return new Ping(kind, "GET", uri, null, null);
    }

    static Ping post(String kind, URI uri, String body, String contentType) {
        return new Ping(kind, "POST", uri, body, contentType);
    }

    @Override
    public String toString() {
        // The URI holds the secret; a Ping never prints it.
        return kind + " " + method;
    }
}
