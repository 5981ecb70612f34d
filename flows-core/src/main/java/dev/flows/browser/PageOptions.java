package dev.flows.browser;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to open a page.
 *
 * <pre>{@code
 * PageOptions options = PageOptions.builder()
 *     .baseUrl(URI.create("https://shop.example.com/"))
 *     .header("X-Synthetic-Monitor", "flows")
 *     .build();
 * }</pre>
 *
 * @param baseUrl         where relative paths given to {@link Page#open(String)} resolve, or null
 * @param width           viewport width in CSS pixels (default 1366)
 * @param height          viewport height in CSS pixels (default 900)
 * @param extraHeaders    HTTP headers sent with every request of the page (default none)
 * @param userAgentSuffix appended to the browser's user agent (default none)
 * @param timeouts        this page's waits, or null for the browser's
 * @param network         basic auth and request blocking (default {@link NetworkPolicy#NONE})
 */
public record PageOptions(URI baseUrl, int width, int height, Map<String, String> extraHeaders, String userAgentSuffix,
                          Timeouts timeouts, NetworkPolicy network) {

    public static final PageOptions DEFAULT = builder().build();

    public PageOptions {
        if (baseUrl != null) {
            String scheme = String.valueOf(baseUrl.getScheme()).toLowerCase();
            if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
            }
            if (baseUrl.getRawPath() == null || !baseUrl.getRawPath().endsWith("/")) {
                baseUrl = URI.create(baseUrl + (baseUrl.getRawPath() == null || baseUrl.getRawPath().isEmpty() ? "/" : "/"));
            }
        }
        if (width < 200 || height < 200) {
            throw new IllegalArgumentException("viewport must be at least 200x200: " + width + "x" + height);
        }
        extraHeaders = Map.copyOf(Objects.requireNonNull(extraHeaders, "extraHeaders"));
        userAgentSuffix = userAgentSuffix == null ? "" : userAgentSuffix.strip();
        network = network == null ? NetworkPolicy.NONE : network;
    }

    /** Options without a network policy. */
    public PageOptions(URI baseUrl, int width, int height, Map<String, String> extraHeaders, String userAgentSuffix,
                       Timeouts timeouts) {
        this(baseUrl, width, height, extraHeaders, userAgentSuffix, timeouts, NetworkPolicy.NONE);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PageOptions}. */
    public static final class Builder {
        private URI baseUrl;
        private int width = 1366;
        private int height = 900;
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private String userAgentSuffix = "";
        private Timeouts timeouts;
        private NetworkPolicy network = NetworkPolicy.NONE;

        private Builder() {
        }

        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder viewport(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder header(String name, String value) {
            if (name == null || name.isBlank() || value == null) {
                throw new IllegalArgumentException("header needs a name and a value: " + name + "=" + value);
            }
            extraHeaders.put(name, value);
            return this;
        }

        public Builder headers(Map<String, String> headers) {
            headers.forEach(this::header);
            return this;
        }

        public Builder userAgentSuffix(String suffix) {
            this.userAgentSuffix = suffix;
            return this;
        }

        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = timeouts;
            return this;
        }

        /** Basic auth and request rules for the page's network layer. */
        public Builder network(NetworkPolicy network) {
            this.network = java.util.Objects.requireNonNull(network, "network");
            return this;
        }

        public PageOptions build() {
            return new PageOptions(baseUrl, width, height, extraHeaders, userAgentSuffix, timeouts, network);
        }
    }
}
