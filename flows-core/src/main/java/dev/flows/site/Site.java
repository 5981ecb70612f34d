package dev.flows.site;

import dev.flows.secret.BasicAuth;
import dev.flows.secret.Secrets;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * @param basicAuth  HTTP basic-auth credentials, or null; a URL's user info ({@code http://user:pass@host/}) ends
 *                   up here and never in {@code baseUrl}, so no report, log or ping shows it
 * @param secretHeaders names of the headers whose values are secrets (masked in every artefact)
 * @param credentials named secrets for journeys ({@code login} takes them by name), never shown
 */
public record Site(String name, URI baseUrl, String role, boolean production, Map<String, String> headers,
                   BasicAuth basicAuth, Set<String> secretHeaders, Map<String, String> credentials) {

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
            throw new IllegalArgumentException("site '" + name + "' url must be an absolute http(s) URL: " + Secrets.none().scrub(String.valueOf(baseUrl)));
        }
        if (baseUrl.getRawUserInfo() != null) {
            // The browser and the page checks get the credentials the proper way; the URL keeps none, so a
            // report or a log line built from it leaks nothing.
            if (basicAuth == null) {
                basicAuth = BasicAuth.fromUserInfo(baseUrl.getRawUserInfo());
            }
            baseUrl = withoutUserInfo(baseUrl);
        }
        if (!baseUrl.toString().endsWith("/")) {
            baseUrl = URI.create(baseUrl + "/");
        }
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("site '" + name + "' role must not be blank");
        }
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        secretHeaders = Set.copyOf(secretHeaders == null ? Set.of() : secretHeaders);
        for (String secret : secretHeaders) {
            if (!headers.containsKey(secret)) {
                throw new IllegalArgumentException("site '" + name + "' marks header '" + secret + "' secret, but has no such header");
            }
        }
        credentials = Map.copyOf(credentials == null ? Map.of() : credentials);
    }

    /** A site without secrets. */
    public Site(String name, URI baseUrl, String role, boolean production, Map<String, String> headers) {
        this(name, baseUrl, role, production, headers, null, Set.of(), Map.of());
    }

    /** The credential named {@code name} (from the config's {@code credentials}), for a login step. */
    public Optional<String> credential(String name) {
        return Optional.ofNullable(credentials.get(name));
    }

    /** Every secret of this site: basic-auth password, secret header values and credentials. */
    public Secrets secrets() {
        List<String> values = new ArrayList<>(credentials.values());
        secretHeaders.forEach(h -> values.add(headers.get(h)));
        Secrets secrets = Secrets.of(values);
        return basicAuth == null ? secrets : secrets.and(basicAuth.secrets());
    }

    private static URI withoutUserInfo(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), url.getQuery(), url.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("site url is not a URL: " + Secrets.none().scrub(url.toString()));
        }
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
        private final Set<String> secretHeaders = new LinkedHashSet<>();
        private final Map<String, String> credentials = new LinkedHashMap<>();
        private BasicAuth basicAuth;

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
                throw new IllegalArgumentException("site '" + name + "' url is not a URL: \"" + Secrets.none().scrub(url) + "\"");
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

        /** A header whose value is a secret (a bearer token, an API key): sent, but masked in every artefact. */
        public Builder secretHeader(String name, String value) {
            header(name, value);
            secretHeaders.add(name);
            return this;
        }

        /** HTTP basic auth for this site (also taken from a URL's user info). */
        public Builder basicAuth(String user, String password) {
            this.basicAuth = new BasicAuth(user, password);
            return this;
        }

        /** A named secret for journeys, e.g. {@code credential("password", System.getenv("SHOP_PASSWORD"))}. */
        public Builder credential(String name, String value) {
            if (name == null || name.isBlank() || value == null || value.isEmpty()) {
                throw new IllegalArgumentException("site '" + this.name + "' credential needs a name and a value: " + name);
            }
            credentials.put(name, value);
            return this;
        }

        public Site build() {
            if (url == null) {
                throw new IllegalArgumentException("site '" + name + "' needs a url");
            }
            return new Site(name, url, role, production, headers, basicAuth, secretHeaders, credentials);
        }
    }
}
