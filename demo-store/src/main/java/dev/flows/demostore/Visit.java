package dev.flows.demostore;

import com.sun.net.httpserver.Headers;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request being answered: the parsed request plus the session, which is created only when a route needs one
 * (browsing creates no sessions), and anything to do after the response went out.
 */
final class Visit {

    private final String method;
    private final URI uri;
    private final Headers headers;
    private final byte[] body;
    private final Sessions sessions;
    private final Map<String, String> query;
    private Session session;
    private boolean sessionLooked;
    private final List<String> setCookies = new ArrayList<>();
    private final List<Runnable> afterResponse = new ArrayList<>();

    Visit(String method, URI uri, Headers headers, byte[] body, Sessions sessions) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.body = body;
        this.sessions = sessions;
        this.query = parseForm(uri.getRawQuery());
    }

    String method() {
        return method;
    }

    String path() {
        return uri.getPath();
    }

    /** The path with the query, as it appears in the request line. */
    String target() {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    String query(String name) {
        return query.getOrDefault(name, "");
    }

    String header(String name) {
        String v = headers.getFirst(name);
        return v == null ? "" : v;
    }

    Headers headers() {
        return headers;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean isJson() {
        return header("Content-Type").toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    /** The body as an HTML form ({@code application/x-www-form-urlencoded}). */
    Map<String, String> form() {
        return parseForm(bodyText());
    }

    /** The shopper's session if the cookie names a live one. */
    Optional<Session> session() {
        if (!sessionLooked) {
            sessionLooked = true;
            session = sessions.find(cookie(sessions.cookieName())).orElse(null);
        }
        return Optional.ofNullable(session);
    }

    /** The shopper's session, started (and its cookie set) if there is none yet. */
    Session requireSession() {
        return session().orElseGet(() -> {
            session = sessions.create();
            setCookies.add(sessions.setCookie(session));
            return session;
        });
    }

    /** Gives the session a fresh id, e.g. on login. */
    Session renewSession() {
        if (session().isEmpty()) {
            return requireSession();
        }
        session = sessions.renew(session);
        setCookies.add(sessions.setCookie(session));
        return session;
    }

    List<String> setCookies() {
        return setCookies;
    }

    void afterResponse(Runnable action) {
        afterResponse.add(action);
    }

    List<Runnable> afterResponse() {
        return afterResponse;
    }

    private String cookie(String name) {
        List<String> all = headers.get("Cookie");
        if (all == null) {
            return null;
        }
        for (String header : all) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                    return pair.substring(eq + 1).strip();
                }
            }
        }
        return null;
    }

    static Map<String, String> parseForm(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                // A malformed %-escape from a hand-written request: ignore that pair, as browsers never send it.
            }
        }
        return values;
    }
}
