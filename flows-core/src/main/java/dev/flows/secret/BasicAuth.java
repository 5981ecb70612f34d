package dev.flows.secret;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * HTTP basic-auth credentials of a site: given to the browser and the page checks the proper way (the engine's
 * HTTP credentials, the HTTP client's credentials provider), never as a URL's user info, and never printed.
 *
 * <pre>{@code
 * BasicAuth auth = BasicAuth.fromUserInfo("shop:s3cret");   // from http://shop:s3cret@host/
 * auth.toString();                                         // "shop:****"
 * }</pre>
 *
 * @param user     the user name (not a secret, shown in messages)
 * @param password the password
 */
public record BasicAuth(String user, String password) {

    public BasicAuth {
        Objects.requireNonNull(user, "basic-auth user");
        Objects.requireNonNull(password, "basic-auth password");
        if (user.contains(":")) {
            throw new IllegalArgumentException("a basic-auth user name cannot contain ':'");
        }
    }

    /** {@code user:password} as a URL writes it (percent-encoded), decoded. */
    public static BasicAuth fromUserInfo(String rawUserInfo) {
        int colon = rawUserInfo.indexOf(':');
        String user = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
        String password = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
        return new BasicAuth(decode(user), decode(password));
    }

    /** The value of an {@code Authorization} header: {@code Basic <base64>}. */
    public String header() {
        return "Basic " + base64();
    }

    /** What must never appear in an artefact: the password, the user-info text and the header's Base64. */
    public Secrets secrets() {
        return Secrets.of(List.of(password, user + ":" + password, base64()));
    }

    private String base64() {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    @Override
    public String toString() {
        return user + ":" + Secrets.MASK;
    }
}
