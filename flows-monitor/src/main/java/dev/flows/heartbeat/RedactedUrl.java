package dev.flows.heartbeat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ping URL as it may be shown to people: scheme, host and port, a leading run of well-known path words, and
 * {@code ****} for everything that could be a key.
 *
 * <p>Ping URLs are bearer secrets (whoever knows one can silence the alarm), so this is the only form in which a
 * URL ever reaches a log line, a {@code toString()} or an exception message. {@link #scrub(String)} removes the
 * secret parts from text that someone else wrote, such as an HTTP client's exception message.
 */
final class RedactedUrl {

    static final String MASK = "****";

    // Path words that are part of each service's fixed URL shape and therefore never a key. Only a leading run of
    // them is shown: "/api/push/<token>" keeps "api/push", but a word after a key is masked with the key.
    private static final Set<String> PUBLIC_PATH_WORDS =
            Set.of("p", "api", "v1", "v2", "push", "heartbeat", "heartbeats", "ping", "hooks", "webhook", "webhooks");

    // Deliberately lenient (not java.net.URI) so that a malformed URL still redacts instead of failing.
    private static final Pattern SHAPE =
            Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9+.-]*)://([^/?#@]*@)?([^/?#]*)([^?#]*)(\\?[^#]*)?(#.*)?$");

    private final String shown;
    private final List<String> secrets;

    private RedactedUrl(String shown, List<String> secrets) {
        this.shown = shown;
        this.secrets = List.copyOf(secrets);
    }

    static RedactedUrl of(String raw) {
        if (raw == null || raw.isBlank()) {
            return new RedactedUrl("(no url)", List.of());
        }
        Matcher m = SHAPE.matcher(raw);
        if (!m.matches()) {
            // Nothing recognisable: the whole string may be a key.
            return new RedactedUrl(MASK, List.of(raw.strip()));
        }
        List<String> secrets = new ArrayList<>();
        StringBuilder out = new StringBuilder(m.group(1)).append("://");
        if (m.group(2) != null) {
            String userInfo = m.group(2).substring(0, m.group(2).length() - 1);
            secrets.add(userInfo);
            out.append(MASK).append('@');
        }
        out.append(m.group(3));

        String path = m.group(4);
        boolean masked = false;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (!masked && PUBLIC_PATH_WORDS.contains(segment.toLowerCase(java.util.Locale.ROOT))) {
                out.append('/').append(segment);
            } else {
                if (!masked) {
                    out.append('/').append(MASK);
                    masked = true;
                }
                secrets.add(segment);
            }
        }
        if (m.group(5) != null && m.group(5).length() > 1) {
            StringBuilder query = new StringBuilder();
            for (String pair : m.group(5).substring(1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.append(query.length() == 0 ? '?' : '&').append(name);
                if (!value.isEmpty()) {
                    query.append('=').append(MASK);
                    secrets.add(value);
                }
            }
            out.append(query);
        }
        if (m.group(6) != null && m.group(6).length() > 1) {
            secrets.add(m.group(6).substring(1));
        }
        return new RedactedUrl(out.toString(), secrets);
    }

    /** Replaces every secret part of this URL that occurs in {@code text} with {@code ****}. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        // Longest first, so that a key containing a shorter secret is masked whole.
        List<String> bySize = new ArrayList<>(secrets);
        bySize.sort((a, b) -> b.length() - a.length());
        for (String secret : bySize) {
            if (secret.length() >= 3) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return shown;
    }
}
