package dev.flows.browser;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of request the browser port watches at the network level, on every engine: one that places an order, or
 * one to a host the monitor must not touch (a payment provider's script, analytics, ads). A blocking rule stops
 * the request before it leaves the browser; a watching rule only records it.
 *
 * <pre>{@code
 * RequestRule order = RequestRule.order(URI.create("https://shop.example.com/"), RequestPattern.parse("POST /checkout/payment"), true);
 * RequestRule ads = RequestRule.host("doubleclick.net");   // and its subdomains
 * order.matches("POST", "https://shop.example.com/checkout/payment");   // true
 * }</pre>
 *
 * @param kind   what the request is
 * @param method the HTTP method, upper case, or "*" for any
 * @param url    the whole URL must match this
 * @param block  stop it (true), or only record it (false)
 * @param shown  how the rule reads in messages: "POST /checkout/payment", "host doubleclick.net"
 */
public record RequestRule(Kind kind, String method, Pattern url, boolean block, String shown) {

    /** What a matched request is. */
    public enum Kind {
        /** A request that places an order. */
        ORDER("order placement"),
        /** A request to a host the monitor must not load from. */
        BLOCKED_HOST("blocked host");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    public RequestRule {
        Objects.requireNonNull(kind, "kind");
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(shown, "shown");
    }

    /** The order request {@code pattern} on the site at {@code base}: blocked where orders are not allowed, else watched. */
    public static RequestRule order(URI base, RequestPattern pattern, boolean block) {
        String root = base.toString().replaceAll("/+$", "");
        String regex = Pattern.quote(root) + RequestPattern.globToRegex(pattern.path()) + "(?:[?#].*)?";
        return new RequestRule(Kind.ORDER, pattern.method(), Pattern.compile(regex), block, pattern.toString());
    }

    /**
     * Every request to {@code host} or one of its subdomains, any scheme, port and method ("doubleclick.net",
     * "js.stripe.com"); a leading "*." is allowed and means the same.
     */
    public static RequestRule host(String host) {
        String h = Objects.requireNonNull(host, "host").strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("*.")) {
            h = h.substring(2);
        }
        if (!h.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
            throw new IllegalArgumentException("not a host name: '" + host + "' (write e.g. js.stripe.com or *.doubleclick.net)");
        }
        Pattern url = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://([^/?#@]*@)?([^/?#]*\\.)?" + Pattern.quote(h) + "(:\\d+)?([/?#].*)?$");
        return new RequestRule(Kind.BLOCKED_HOST, "*", url, true, "host " + h);
    }

    /**
     * Where an engine that can only intercept by URL shape should look, as {@code scheme}, {@code host},
     * {@code port} (or null for any) and {@code path} (or null for any path): the site's order path when it has no
     * wildcard, the blocked host otherwise. The rule itself ({@link #matches}) still decides.
     */
    public java.util.Map<String, String> urlShape() {
        java.util.Map<String, String> shape = new java.util.LinkedHashMap<>();
        if (kind == Kind.BLOCKED_HOST) {
            shape.put("host", shown.substring("host ".length()));
            return shape;
        }
        // An order rule's pattern starts with the site's root, quoted: \Qhttp://host:port\E.
        String p = url.pattern();
        int from = p.indexOf("\\Q");
        int to = p.indexOf("\\E");
        if (from == 0 && to > from) {
            URI root = URI.create(p.substring(from + 2, to));
            shape.put("scheme", root.getScheme());
            shape.put("host", root.getHost());
            if (root.getPort() != -1) {
                shape.put("port", String.valueOf(root.getPort()));
            }
            String path = shown.substring(shown.indexOf(' ') + 1);
            if (!path.contains("*")) {
                shape.put("path", (root.getRawPath() == null ? "" : root.getRawPath()) + path);
            }
        }
        return shape;
    }

    /** Whether a request with this method and URL falls under the rule. */
    public boolean matches(String requestMethod, String requestUrl) {
        return (method.equals("*") || method.equalsIgnoreCase(requestMethod)) && url.matcher(requestUrl).matches();
    }

    @Override
    public String toString() {
        return kind + " " + shown + (block ? " (blocked)" : " (watched)");
    }
}
