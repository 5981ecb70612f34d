package dev.flows.heartbeat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A ping URL derived from the user's URL: a path suffix such as "/fail" and query parameters, added to whatever
 * query the user's URL already has (healthchecks' "?create=1", for example).
 */
final class PingUrl {

    private final String base;
    private final List<String> query = new ArrayList<>();
    private String suffix = "";

    private PingUrl(String base, List<String> existingQuery) {
        this.base = base;
        this.query.addAll(existingQuery);
    }

    /** Starts from {@code raw}, dropping any existing query parameter named in {@code replaced}. */
    static PingUrl from(String raw, Set<String> replaced) {
        String noFragment = raw.strip();
        int hash = noFragment.indexOf('#');
        if (hash >= 0) {
            noFragment = noFragment.substring(0, hash);
        }
        int q = noFragment.indexOf('?');
        String base = q < 0 ? noFragment : noFragment.substring(0, q);
        List<String> kept = new ArrayList<>();
        if (q >= 0) {
            for (String pair : noFragment.substring(q + 1).split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !replaced.contains(name)) {
                    kept.add(pair);
                }
            }
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new PingUrl(base, kept);
    }

    static PingUrl from(String raw) {
        return from(raw, Set.of());
    }

    PingUrl path(String suffix) {
        this.suffix = suffix;
        return this;
    }

    PingUrl param(String name, String value) {
        if (value != null) {
            query.add(name + "=" + encode(value));
        }
        return this;
    }

    URI toUri() {
        return URI.create(base + suffix + (query.isEmpty() ? "" : "?" + String.join("&", query)));
    }

    // Query values use %20 for spaces: "+" is only a space in HTML forms, and not every service reads it so.
    // Colons may stand in a query (RFC 3986) and keep "metric=duration:42.5" as the services document it.
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }
}
