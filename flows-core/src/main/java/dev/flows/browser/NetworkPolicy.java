package dev.flows.browser;

import dev.flows.secret.BasicAuth;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What a page's network layer does besides fetching: answer the site's basic-auth challenge, and block or watch
 * requests ({@link RequestRule}). Both engines apply it at the network level, so no step can get around it.
 *
 * <pre>{@code
 * NetworkPolicy policy = new NetworkPolicy(new BasicAuth("shop", password), URI.create("https://shop.example.com"),
 *     List.of(RequestRule.host("doubleclick.net")));
 * }</pre>
 *
 * @param basicAuth  credentials for the basic-auth challenge of {@code authOrigin}, or null
 * @param authOrigin the only origin ({@code scheme://host:port}) the credentials are sent to, or null with no credentials
 * @param rules      requests to block or watch (default none)
 */
public record NetworkPolicy(BasicAuth basicAuth, URI authOrigin, List<RequestRule> rules) {

    public static final NetworkPolicy NONE = new NetworkPolicy(null, null, List.of());

    public NetworkPolicy {
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        if (basicAuth != null && authOrigin == null) {
            throw new IllegalArgumentException("basic-auth credentials need the origin they are for");
        }
    }

    /** The first rule that catches this request, or null. */
    public RequestRule ruleFor(String method, String url) {
        for (RequestRule rule : rules) {
            if (rule.matches(method, url)) {
                return rule;
            }
        }
        return null;
    }

    /** Whether the credentials go to {@code url}'s origin. */
    public boolean authFor(String url) {
        if (basicAuth == null) {
            return false;
        }
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return origin(u).equals(origin(authOrigin));
    }

    /** {@code scheme://host:port} of a URL, with the default port spelled out. */
    public static String origin(URI url) {
        String scheme = String.valueOf(url.getScheme()).toLowerCase(java.util.Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + String.valueOf(url.getHost()).toLowerCase(java.util.Locale.ROOT) + ":" + port;
    }

    public boolean isEmpty() {
        return basicAuth == null && rules.isEmpty();
    }
}
