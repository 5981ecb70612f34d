package dev.flows.run;

import java.util.Map;

/**
 * How a monitor's requests say that they are a monitor's: one header on every request and a suffix on the user
 * agent, so that a shop can allowlist them at its firewall and leave them out of its analytics. Browsers and page
 * checks mark their traffic the same way.
 *
 * @param header          the header's name (default {@code X-Flows-Synthetic})
 * @param value           the header's value (default {@code 1})
 * @param userAgentSuffix appended to the user agent (default {@code FlowsMonitor/<version>})
 */
public record TrafficMark(String header, String value, String userAgentSuffix) {

    public TrafficMark {
        if (header == null || header.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("traffic header needs a name and a value: " + header + "=" + value);
        }
        if (userAgentSuffix == null || userAgentSuffix.isBlank()) {
            throw new IllegalArgumentException("userAgentSuffix must not be blank: shops allowlist monitors by it");
        }
        userAgentSuffix = userAgentSuffix.strip();
    }

    /** {@code X-Flows-Synthetic: 1} and {@code FlowsMonitor/<version>}. */
    public static TrafficMark defaults() {
        return new TrafficMark(Run.DEFAULT_TRAFFIC_HEADER, "1", Run.defaultUserAgentSuffix());
    }

    public TrafficMark withHeader(String header, String value) {
        return new TrafficMark(header, value, userAgentSuffix);
    }

    public TrafficMark withUserAgentSuffix(String suffix) {
        return new TrafficMark(header, value, suffix);
    }

    /** The header as a map, for the APIs that take headers that way. */
    public Map<String, String> headers() {
        return Map.of(header, value);
    }
}
