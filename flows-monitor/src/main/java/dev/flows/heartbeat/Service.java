package dev.flows.heartbeat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The heartbeat services Flows speaks, each with its own URL scheme: which requests mean start, success, failure
 * and log, and how much body each accepts.
 */
enum Service {

    /**
     * healthchecks.io (and self-hosted Healthchecks): {@code /start}, success on the URL itself, {@code /fail} or
     * {@code /<exit-status>}, {@code /log}; {@code ?rid=} ties the pings of one run together.
     */
    HEALTHCHECKS("healthchecks", Set.of("exit-status"), 100_000) {
        @Override
        Optional<Ping> start(HeartbeatTarget t, String runId, long bodyLimit) {
            String body = BodyText.toBytes("Flows run " + runId + " started", bodyLimit);
            return Optional.of(Ping.post("start", url(t, "/start", runId), body, Ping.TEXT));
        }

        @Override
        Ping finish(HeartbeatTarget t, String runId, RunSummary summary, long bodyLimit) {
            String body = BodyText.toBytes(summary.body(runId), bodyLimit);
            RunSummary.Status status = summary.status();
            if (t.exitStatus()) {
                // 0 success, 1 checks failed, 2 the monitor itself broke: healthchecks shows the number.
                int code = status == RunSummary.Status.PASSED ? 0 : status == RunSummary.Status.FAILED ? 1 : 2;
                return Ping.post(code == 0 ? "success" : "fail", url(t, "/" + code, runId), body, Ping.TEXT);
            }
            return status == RunSummary.Status.PASSED
                    ? Ping.post("success", url(t, "", runId), body, Ping.TEXT)
                    : Ping.post("fail", url(t, "/fail", runId), body, Ping.TEXT);
        }

        @Override
        Optional<Ping> log(HeartbeatTarget t, String runId, String message, long bodyLimit) {
            return Optional.of(Ping.post("log", url(t, "/log", runId), BodyText.toBytes(message, bodyLimit), Ping.TEXT));
        }

        private java.net.URI url(HeartbeatTarget t, String suffix, String runId) {
            return PingUrl.from(t.rawUrl(), Set.of("rid")).path(suffix).param("rid", rid(runId).toString()).toUri();
        }
    },

    /** Cronitor telemetry: {@code state=run|complete|fail}, {@code series} ties a run together. */
    CRONITOR("cronitor", Set.of("env", "host"), 2000) {
        @Override
        Optional<Ping> start(HeartbeatTarget t, String runId, long bodyLimit) {
            return Optional.of(Ping.get("start", base(t, "run", runId).toUri()));
        }

        @Override
        Ping finish(HeartbeatTarget t, String runId, RunSummary summary, long bodyLimit) {
            boolean passed = summary.passed();
            return Ping.get(passed ? "success" : "fail", base(t, passed ? "complete" : "fail", runId)
                    .param("message", BodyText.toChars(summary.text(), (int) bodyLimit))
                    .param("metric", "duration:" + seconds(summary))
                    .toUri());
        }

        private PingUrl base(HeartbeatTarget t, String state, String runId) {
            return PingUrl.from(t.rawUrl(), Set.of("state", "series", "host", "env", "message", "metric"))
                    .param("state", state)
                    .param("series", runId)
                    .param("host", t.host())
                    .param("env", t.env());
        }

        private String seconds(RunSummary summary) {
            return BigDecimal.valueOf(summary.duration().toMillis(), 3).stripTrailingZeros().toPlainString();
        }
    },

    /**
     * Uptime Kuma push monitor: only a finish ping, since any push counts as "up" and a start ping would hide a
     * run that never finishes.
     */
    UPTIME_KUMA("uptime-kuma", Set.of(), 250) {
        @Override
        Ping finish(HeartbeatTarget t, String runId, RunSummary summary, long bodyLimit) {
            boolean passed = summary.passed();
            // The push URL Kuma shows ends in "?status=up&msg=OK&ping=": ours replace those.
            return Ping.get(passed ? "success" : "fail", PingUrl.from(t.rawUrl(), Set.of("status", "msg", "ping"))
                    .param("status", passed ? "up" : "down")
                    .param("msg", BodyText.toChars(summary.text(), (int) bodyLimit))
                    .param("ping", Long.toString(summary.duration().toMillis()))
                    .toUri());
        }
    },

    /** Better Stack heartbeats: success on the URL, {@code /fail} for failure, with a body; no start ping. */
    BETTER_STACK("betterstack", Set.of(), 10_000) {
        @Override
        Ping finish(HeartbeatTarget t, String runId, RunSummary summary, long bodyLimit) {
            boolean passed = summary.passed();
            String body = BodyText.toBytes(summary.body(runId), bodyLimit);
            return Ping.post(passed ? "success" : "fail",
                    PingUrl.from(t.rawUrl()).path(passed ? "" : "/fail").toUri(), body, Ping.TEXT);
        }
    },

    /** A JSON POST to any URL: {@code {"event":"start|finish|log","runId":...}}. */
    WEBHOOK("webhook", Set.of(), 1_000_000) {
        @Override
        Optional<Ping> start(HeartbeatTarget t, String runId, long bodyLimit) {
            ObjectNode json = JSON.createObjectNode().put("event", "start").put("runId", runId);
            return Optional.of(Ping.post("start", PingUrl.from(t.rawUrl()).toUri(), json.toString(), Ping.JSON));
        }

        @Override
        Ping finish(HeartbeatTarget t, String runId, RunSummary summary, long bodyLimit) {
            ObjectNode json = JSON.createObjectNode()
                    .put("event", "finish")
                    .put("runId", runId)
                    .put("status", summary.status().name())
                    .put("durationMs", summary.duration().toMillis())
                    .put("summary", summary.text())
                    .put("firstFailure", summary.firstFailure().orElse(null))
                    .put("reportLink", summary.report().map(Object::toString).orElse(null));
            ArrayNode checks = json.putArray("checks");
            for (RunSummary.Check c : summary.checks()) {
                checks.addObject()
                        .put("journey", c.journey())
                        .put("site", c.site())
                        .put("outcome", c.outcome().name())
                        .put("failure", c.failure());
            }
            String kind = summary.passed() ? "success" : "fail";
            return Ping.post(kind, PingUrl.from(t.rawUrl()).toUri(), json.toString(), Ping.JSON);
        }

        @Override
        Optional<Ping> log(HeartbeatTarget t, String runId, String message, long bodyLimit) {
            ObjectNode json = JSON.createObjectNode().put("event", "log").put("runId", runId)
                    .put("message", BodyText.toChars(message, (int) Math.min(bodyLimit, Integer.MAX_VALUE)));
            return Optional.of(Ping.post("log", PingUrl.from(t.rawUrl()).toUri(), json.toString(), Ping.JSON));
        }
    };

    // Thread-safe once built and never reconfigured.
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String type;
    private final Set<String> options;
    private final long defaultBodyLimit;

    Service(String type, Set<String> options, long defaultBodyLimit) {
        this.type = type;
        this.options = options;
        this.defaultBodyLimit = defaultBodyLimit;
    }

    /** The name used in configuration and log lines. */
    String type() {
        return type;
    }

    /** The options this service accepts besides {@code site} and {@code journey}. */
    Set<String> options() {
        return options;
    }

    /** Bytes of body (or characters of message) the service keeps, until it tells us otherwise. */
    long defaultBodyLimit() {
        return defaultBodyLimit;
    }

    Optional<Ping> start(HeartbeatTarget t, String runId, long bodyLimit) {
        return Optional.empty();
    }

    abstract Ping finish(HeartbeatTarget t, String runId, RunSummary summary, long bodyLimit);

    Optional<Ping> log(HeartbeatTarget t, String runId, String message, long bodyLimit) {
        return Optional.empty();
    }

    static Optional<Service> ofType(String type) {
        for (Service s : values()) {
            if (s.type.equals(type)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * healthchecks.io accepts only a UUID as {@code rid}. A run id that is one is used as is; any other is mapped to
     * a name-based (version 3) UUID, so the same run id always gives the same rid, in this JVM and in the next.
     */
    static UUID rid(String runId) {
        try {
            UUID parsed = UUID.fromString(runId);
            if (parsed.toString().equalsIgnoreCase(runId)) {
                return parsed;
            }
        } catch (IllegalArgumentException notAUuid) {
            // fall through to the name-based UUID
        }
        return UUID.nameUUIDFromBytes(("flows-run:" + runId).getBytes(StandardCharsets.UTF_8));
    }
}
