package dev.flows.heartbeat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where a heartbeat goes: a service, its ping URL, and optionally the one site or journey it speaks for.
 *
 * <pre>{@code
 * HeartbeatTarget.healthchecks(System.getenv("HC_PING_URL"));
 * HeartbeatTarget.cronitor("https://cronitor.link/p/<key>/flows").env("production");
 * HeartbeatTarget.healthchecks(fallbackUrl).forSite("fallback");   // judged by the fallback site's checks only
 * }</pre>
 *
 * <p>Immutable: every option returns a new target. The URL is a secret and never appears in {@code toString()} or
 * in an exception message; both show it redacted, e.g. {@code https://hc-ping.com/****}.
 */
public final class HeartbeatTarget {

    private static final Set<String> COMMON_OPTIONS = Set.of("site", "journey");

    private final Service service;
    private final String url;
    private final RedactedUrl redacted;
    private final String site;
    private final String journey;
    private final String env;
    private final String host;
    private final boolean exitStatus;

    private HeartbeatTarget(Service service, String url, String site, String journey, String env, String host,
                            boolean exitStatus) {
        this.service = service;
        this.url = url;
        this.redacted = RedactedUrl.of(url);
        this.site = site;
        this.journey = journey;
        this.env = env;
        this.host = host;
        this.exitStatus = exitStatus;
    }

    /** healthchecks.io: the check's ping URL, {@code https://hc-ping.com/<uuid>} or {@code .../<ping-key>/<slug>}. */
    public static HeartbeatTarget healthchecks(String url) {
        return create(Service.HEALTHCHECKS, url);
    }

    /** Cronitor telemetry: {@code https://cronitor.link/p/<api-key>/<monitor-key>}. */
    public static HeartbeatTarget cronitor(String url) {
        return create(Service.CRONITOR, url);
    }

    /** Uptime Kuma push monitor: {@code https://kuma.example.com/api/push/<token>} (any query is replaced). */
    public static HeartbeatTarget uptimeKuma(String url) {
        return create(Service.UPTIME_KUMA, url);
    }

    /** Better Stack heartbeat: {@code https://uptime.betterstack.com/api/v1/heartbeat/<token>}. */
    public static HeartbeatTarget betterStack(String url) {
        return create(Service.BETTER_STACK, url);
    }

    /** Any URL that takes a JSON POST per start and finish. */
    public static HeartbeatTarget webhook(String url) {
        return create(Service.WEBHOOK, url);
    }

    /**
     * A target from configuration, e.g. {@code {type: healthchecks, url: "${HC_PING_URL}", site: live}}.
     *
     * @param type    healthchecks, cronitor, uptime-kuma, betterstack or webhook
     * @param options site, journey (any type); env, host (cronitor); exit-status: true|false (healthchecks)
     * @throws IllegalArgumentException naming the bad type, option or (redacted) URL
     */
    public static HeartbeatTarget of(String type, String url, Map<String, String> options) {
        String known = Arrays.stream(Service.values()).map(Service::type).collect(Collectors.joining(", "));
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("heartbeat type is missing: expected one of " + known);
        }
        Service service = Service.ofType(type.strip()).orElseThrow(() -> new IllegalArgumentException(
                "unknown heartbeat type '" + type + "': expected one of " + known));
        HeartbeatTarget target = create(service, url);
        for (Map.Entry<String, String> option : (options == null ? Map.<String, String>of() : options).entrySet()) {
            target = target.with(option.getKey(), option.getValue());
        }
        return target;
    }

    private static HeartbeatTarget create(Service service, String url) {
        String what = "heartbeat url for " + service.type();
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        String trimmed = url.strip();
        if (trimmed.contains("${")) {
            // An unresolved placeholder is the variable's name, not its secret value: safe to show whole.
            throw new IllegalArgumentException(what + " has an unresolved variable: " + trimmed);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a valid URL: " + RedactedUrl.of(trimmed));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.isOpaque()) {
            throw new IllegalArgumentException(what + " is not an http(s) URL: " + RedactedUrl.of(trimmed));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        if (path.isEmpty() && service != Service.WEBHOOK) {
            throw new IllegalArgumentException(what + " has no path, so no check to ping: "
                    + RedactedUrl.of(trimmed));
        }
        return new HeartbeatTarget(service, trimmed, null, null, null, null, false);
    }

    /** Judge success only by this site's checks; other sites' failures do not fail this heartbeat. */
    public HeartbeatTarget forSite(String site) {
        return new HeartbeatTarget(service, url, require("site", site), journey, env, host, exitStatus);
    }

    /** Judge success only by this journey's checks. */
    public HeartbeatTarget forJourney(String journey) {
        return new HeartbeatTarget(service, url, site, require("journey", journey), env, host, exitStatus);
    }

    /** Cronitor only: the {@code env} every ping carries, e.g. "production". */
    public HeartbeatTarget env(String env) {
        only(Service.CRONITOR, "env");
        return new HeartbeatTarget(service, url, site, journey, require("env", env), host, exitStatus);
    }

    /** Cronitor only: the {@code host} every ping carries; by default none is sent. */
    public HeartbeatTarget host(String host) {
        only(Service.CRONITOR, "host");
        return new HeartbeatTarget(service, url, site, journey, env, require("host", host), exitStatus);
    }

    /**
     * healthchecks only: finish with {@code /<exit-status>} instead of success / {@code /fail}: 0 passed,
     * 1 checks failed, 2 the monitor broke or the run ended without a result.
     */
    public HeartbeatTarget exitStatus(boolean exitStatus) {
        only(Service.HEALTHCHECKS, "exit-status");
        return new HeartbeatTarget(service, url, site, journey, env, host, exitStatus);
    }

    /** The service's name as used in configuration: healthchecks, cronitor, uptime-kuma, betterstack, webhook. */
    public String type() {
        return service.type();
    }

    private HeartbeatTarget with(String option, String value) {
        String name = option == null ? "" : option.strip();
        if (!COMMON_OPTIONS.contains(name) && !service.options().contains(name)) {
            Set<String> allowed = new TreeSet<>(COMMON_OPTIONS);
            allowed.addAll(service.options());
            throw new IllegalArgumentException("unknown option '" + option + "' for heartbeat type "
                    + service.type() + ": expected one of " + String.join(", ", allowed));
        }
        switch (name) {
            case "site":
                return forSite(value);
            case "journey":
                return forJourney(value);
            case "env":
                return env(value);
            case "host":
                return host(value);
            case "exit-status":
                String v = value == null ? "" : value.strip();
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IllegalArgumentException("option exit-status for heartbeat type "
                            + service.type() + " must be true or false: " + value);
                }
                return exitStatus(Boolean.parseBoolean(v));
            default:
                throw new IllegalStateException("option without a handler: " + name);
        }
    }

    private void only(Service required, String option) {
        if (service != required) {
            throw new IllegalArgumentException("option " + option + " is for heartbeat type " + required.type()
                    + ", not " + service.type());
        }
    }

    private String require(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("option " + option + " for heartbeat type " + service.type()
                    + " is blank");
        }
        return value.strip();
    }

    boolean judges(RunSummary.Check check) {
        return (site == null || site.equals(check.site())) && (journey == null || journey.equals(check.journey()));
    }

    boolean scoped() {
        return site != null || journey != null;
    }

    Service service() {
        return service;
    }

    /** The URL with its secret: only for building requests, never for text. */
    String rawUrl() {
        return url;
    }

    RedactedUrl redactedUrl() {
        return redacted;
    }

    String site() {
        return site;
    }

    String journey() {
        return journey;
    }

    String env() {
        return env;
    }

    String host() {
        return host;
    }

    boolean exitStatus() {
        return exitStatus;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(service.type()).append(' ').append(redacted);
        if (site != null) {
            out.append(" site=").append(site);
        }
        if (journey != null) {
            out.append(" journey=").append(journey);
        }
        if (env != null) {
            out.append(" env=").append(env);
        }
        if (exitStatus) {
            out.append(" exit-status");
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeartbeatTarget t && service == t.service && url.equals(t.url)
                && Objects.equals(site, t.site) && Objects.equals(journey, t.journey) && Objects.equals(env, t.env)
                && Objects.equals(host, t.host) && exitStatus == t.exitStatus;
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, url, site, journey, env, host, exitStatus);
    }
}
