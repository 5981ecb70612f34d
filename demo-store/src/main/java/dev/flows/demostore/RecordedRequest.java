package dev.flows.demostore;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request as the instance received it, for tests that check what a monitor sent (e.g. a synthetic-traffic
 * header). The admin token is recorded as {@code <redacted>}.
 *
 * @param path    the path with its query string, e.g. {@code /category/grinders?sort=name}
 * @param headers look-up ignores case: {@code headers().get("x-synthetic")} finds {@code X-Synthetic}
 * @param status  the HTTP status answered
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, Instant time, int status) {

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of a header, looked up ignoring case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
