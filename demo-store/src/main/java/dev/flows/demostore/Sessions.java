package dev.flows.demostore;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of one instance, in memory. The cookie name carries the instance name because browsers do not
 * separate cookies by port: live and fallback on 127.0.0.1 would otherwise overwrite each other's session.
 */
final class Sessions {

    /** Sessions idle for longer are dropped, so a monitor that starts a new session every minute cannot fill memory. */
    private static final Duration IDLE_LIMIT = Duration.ofHours(2);

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final String cookieName;

    Sessions(String instanceName, Clock clock) {
        this.clock = clock;
        this.cookieName = "flows_session_" + instanceName;
    }

    String cookieName() {
        return cookieName;
    }

    Optional<Session> find(String id) {
        Session s = id == null ? null : byId.get(id);
        if (s != null) {
            s.touch(clock.instant());
        }
        return Optional.ofNullable(s);
    }

    Session create() {
        var now = clock.instant();
        byId.values().removeIf(s -> s.lastSeen().plus(IDLE_LIMIT).isBefore(now));
        Session s = new Session(newId(), now);
        byId.put(s.id(), s);
        return s;
    }

    /** Replaces a session by a copy under a new id (after login). */
    Session renew(Session old) {
        Session s = old.renamed(newId(), clock.instant());
        byId.put(s.id(), s);
        byId.remove(old.id());
        return s;
    }

    String setCookie(Session s) {
        return cookieName + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Lax";
    }

    private String newId() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
