package dev.flows.demostore.fault;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which request paths a fault applies to: an exact path ({@code /cart}), a glob where {@code *} stands for any
 * characters ({@code /product/*}), or {@code *} alone for every route. The query string is never part of the match.
 *
 * <p>A pattern that cannot match any route of the demo store is refused, so that a typo such as
 * {@code /prodcut/*} fails loudly instead of silently injecting nothing.
 */
public record RoutePattern(String glob) {

    /** One sample path per route of the shop; a pattern is known when it matches at least one of them. */
    private static final List<String> ROUTE_SAMPLES = List.of(
            "/", "/category/x", "/product/x", "/search", "/cart", "/cart.js", "/cart/add.js", "/cart/change.js",
            "/cart/add", "/cart/change", "/checkout", "/checkout/payment", "/checkout/confirmation/x",
            "/account", "/account/login", "/account/logout", "/static/x",
            // The single-page shape: its client routes (each also served as the app's page) and its JSON API.
            "/inventory", "/item/x", "/checkout/step-one", "/checkout/step-two", "/checkout/complete",
            "/api/login", "/api/products", "/api/products/x", "/api/orders", "/static/img/x");

    public RoutePattern {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("route pattern must not be blank: \"" + (glob == null ? "" : glob) + "\"");
        }
        if (!glob.equals("*") && !glob.startsWith("/")) {
            throw new IllegalArgumentException("route pattern must be \"*\" or start with \"/\": \"" + glob + "\"");
        }
        if (glob.contains("?") || glob.contains("#") || glob.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("route pattern must be a path without query, fragment or spaces: \"" + glob + "\"");
        }
        Pattern regex = toRegex(glob);
        // The sample ".../x" stands for any slug, so a pattern naming one concrete slug is also known.
        String concrete = glob.replace("*", "x");
        boolean known = ROUTE_SAMPLES.stream().anyMatch(sample -> regex.matcher(sample).matches()
                || toRegex(sample.endsWith("/x") ? sample.substring(0, sample.length() - 1) + "*" : sample)
                .matcher(concrete).matches());
        if (!known) {
            throw new IllegalArgumentException("route pattern matches no demo-store route: \"" + glob + "\"");
        }
    }

    public static RoutePattern of(String glob) {
        return new RoutePattern(glob);
    }

    public boolean matches(String path) {
        return toRegex(glob).matcher(path).matches();
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return glob;
    }
}
