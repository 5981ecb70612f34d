package dev.flows.browser;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A method and a path under a site, as a storefront profile names the requests that place an order:
 * {@code "POST /checkout/payment"}, {@code "* /api/orders/**"}. In the path, {@code *} stands for any characters
 * but '/', {@code **} for any characters; a query string never matters.
 *
 * <pre>{@code
 * RequestPattern placeOrder = RequestPattern.parse("POST /checkout/payment");
 * }</pre>
 *
 * @param method an HTTP method in upper case, or "*" for any
 * @param path   a path starting with '/'
 */
public record RequestPattern(String method, String path) {

    private static final Pattern METHOD = Pattern.compile("\\*|[A-Z]+");

    public RequestPattern {
        if (method == null || !METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("request method must be an HTTP method such as POST, or *: '" + method + "'");
        }
        if (path == null || !path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("request path must start with '/' and hold no spaces: '" + path + "'");
        }
    }

    /** "POST /checkout/payment": a method, one space, a path. */
    public static RequestPattern parse(String text) {
        String t = text == null ? "" : text.strip();
        int space = t.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("'" + t + "' is not a request: write a method and a path, e.g. 'POST /checkout/payment'");
        }
        return new RequestPattern(t.substring(0, space).toUpperCase(Locale.ROOT), t.substring(space + 1).strip());
    }

    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/?#]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
