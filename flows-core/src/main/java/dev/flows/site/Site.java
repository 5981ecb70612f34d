package dev.flows.site;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A deployment of the shop that journeys run against: a name, a base URL and a role.
 *
 * <pre>{@code
 * Site live = Site.builder("live").url("https://shop.example.com/").role("primary").production(true).build();
 * Site fallback = Site.builder("fallback").url("https://shop-fallback.example.net/").role("fallback").build();
 * }</pre>
 *
 * <p>Whether orders may be placed is a decision of the run ({@code Run.Builder#allowOrders}), not of the site:
 * a production site never receives an order unless the run says so.
 *
 * @param name       short name used in reports and folder names: letters, digits, '-' and '_'
 * @param baseUrl    absolute http(s) URL that journey paths resolve against; always ends in '/'
 * @param role       what the site is for, in the team's words: "primary", "fallback", "canary"... (default "primary")
 * @param production whether real shoppers buy here (default false); production sites are checked out up to the
 *                   payment step only
 * @param headers    extra HTTP headers for every request to this site (default none)
 */
public record Site(String name, URI baseUrl, String role, boolean production, Map<String, String> headers) {

    /** The default role: the live site that shoppers use; every other role is a fallback of it in reports. */
    public static final String PRIMARY_ROLE = "primary";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    public Site {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("site name must be 1-40 letters, digits, '-' or '_': \"" + name + "\"");
        }
        Objects.requireNonNull(baseUrl, "site '" + name + "' needs a url");
        String scheme = String.valueOf(baseUrl.getScheme()).toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("site '" + name + "' url must be an absolute http(s) URL: " + baseUrl);
        }
        if (!baseUrl.toString().endsWith("/")) {
            baseUrl = URI.create(baseUrl + "/");
        }
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("site '" + name + "' role must not be blank");
        }
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Whether this is the live site ({@value #PRIMARY_ROLE}), not a fallback. */
    public boolean primary() {
        return PRIMARY_ROLE.equals(role);
    }

    @Override
    public String toString() {
        return name + " (" + role + (production ? ", production" : "") + ", " + baseUrl + ")";
    }

    /** Builds a {@link Site}; {@code url} is required. */
    public static final class Builder {
        private final String name;
        private URI url;
        private String role = PRIMARY_ROLE;
        private boolean production;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder url(URI url) {
            this.url = url;
            return this;
        }

        public Builder url(String url) {
            try {
                return url(URI.create(Objects.requireNonNull(url, "url").strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("site '" + name + "' url is not a URL: \"" + url + "\"");
            }
        }

        public Builder role(String role) {
            this.role = role;
            return this;
        }

        public Builder production(boolean production) {
            this.production = production;
            return this;
        }

        public Builder header(String name, String value) {
            if (name == null || name.isBlank() || value == null) {
                throw new IllegalArgumentException("site '" + this.name + "' header needs a name and a value: " + name + "=" + value);
            }
            headers.put(name, value);
            return this;
        }

        public Site build() {
            if (url == null) {
                throw new IllegalArgumentException("site '" + name + "' needs a url");
            }
            return new Site(name, url, role, production, headers);
        }
    }
}
