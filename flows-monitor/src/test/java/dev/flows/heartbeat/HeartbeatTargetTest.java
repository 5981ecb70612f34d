package dev.flows.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Targets from configuration: each mistake gets one line that names the bad value. */
class HeartbeatTargetTest {

    private static final String HC = "https://hc-ping.com/5f8b2c1e-0a7d-4c3b-9e21-6d4f8a9b0c1d";
    private static final String CRONITOR = "https://cronitor.link/p/AbC123key/flows";

    private static String error(Supplier<?> action) {
        return assertThrows(IllegalArgumentException.class, action::get).getMessage();
    }

    @Test
    void everyTypeFromConfiguration() {
        assertEquals("healthchecks https://hc-ping.com/**** site=live exit-status",
                HeartbeatTarget.of("healthchecks", HC, Map.of("site", "live", "exit-status", "true")).toString());
        assertEquals("cronitor https://cronitor.link/p/**** env=production",
                HeartbeatTarget.of("cronitor", CRONITOR, Map.of("env", "production", "host", "ci-1")).toString());
        assertEquals("uptime-kuma https://kuma.example.com/api/push/**** journey=guest checkout",
                HeartbeatTarget.of("uptime-kuma", "https://kuma.example.com/api/push/Tk9x2?status=up&msg=OK&ping=",
                        Map.of("journey", "guest checkout")).toString().replace("?status=****&msg=****&ping", ""));
        assertEquals("betterstack https://uptime.betterstack.com/api/v1/heartbeat/****",
                HeartbeatTarget.of("betterstack", "https://uptime.betterstack.com/api/v1/heartbeat/Bs7", null)
                        .toString());
        assertEquals("webhook https://hooks.example.com/****",
                HeartbeatTarget.of("webhook", "https://hooks.example.com/flows", Map.of()).toString());
        assertEquals(HeartbeatTarget.healthchecks(HC).forSite("live"),
                HeartbeatTarget.of(" healthchecks", HC, Map.of("site", "live")));
    }

    @Test
    void badTypes() {
        assertEquals("unknown heartbeat type 'pagerduty': expected one of healthchecks, cronitor, uptime-kuma, "
                + "betterstack, webhook", error(() -> HeartbeatTarget.of("pagerduty", HC, Map.of())));
        assertEquals("heartbeat type is missing: expected one of healthchecks, cronitor, uptime-kuma, betterstack, "
                + "webhook", error(() -> HeartbeatTarget.of(" ", HC, Map.of())));
    }

    @Test
    void badUrls() {
        assertEquals("heartbeat url for healthchecks is blank", error(() -> HeartbeatTarget.of("healthchecks", " ", null)));
        assertEquals("heartbeat url for cronitor is blank", error(() -> HeartbeatTarget.cronitor(null)));
        assertEquals("heartbeat url for healthchecks is not an http(s) URL: ftp://hc-ping.com/****",
                error(() -> HeartbeatTarget.healthchecks("ftp://hc-ping.com/5f8b2c1e")));
        assertEquals("heartbeat url for healthchecks is not an http(s) URL: ****",
                error(() -> HeartbeatTarget.healthchecks("hc-ping.com/5f8b2c1e")));
        assertEquals("heartbeat url for uptime-kuma is not a valid URL: https://kuma.example.com/api/push/****",
                error(() -> HeartbeatTarget.uptimeKuma("https://kuma.example.com/api/push/a b")));
        assertEquals("heartbeat url for healthchecks has an unresolved variable: ${HC_PING_URL}",
                error(() -> HeartbeatTarget.healthchecks("${HC_PING_URL}")));
        assertEquals("heartbeat url for healthchecks has no path, so no check to ping: https://hc-ping.com",
                error(() -> HeartbeatTarget.healthchecks("https://hc-ping.com/")));
    }

    @Test
    void badOptions() {
        assertEquals("unknown option 'zone' for heartbeat type cronitor: expected one of env, host, journey, site",
                error(() -> HeartbeatTarget.of("cronitor", CRONITOR, Map.of("zone", "eu"))));
        assertEquals("unknown option 'env' for heartbeat type uptime-kuma: expected one of journey, site",
                error(() -> HeartbeatTarget.of("uptime-kuma", "https://k.example/api/push/x", Map.of("env", "p"))));
        assertEquals("option exit-status for heartbeat type healthchecks must be true or false: yes",
                error(() -> HeartbeatTarget.of("healthchecks", HC, Map.of("exit-status", "yes"))));
        assertEquals("option site for heartbeat type healthchecks is blank",
                error(() -> HeartbeatTarget.of("healthchecks", HC, Map.of("site", " "))));
        assertEquals("option env is for heartbeat type cronitor, not healthchecks",
                error(() -> HeartbeatTarget.healthchecks(HC).env("production")));
        assertEquals("option exit-status is for heartbeat type healthchecks, not betterstack",
                error(() -> HeartbeatTarget.betterStack(HC).exitStatus(true)));
    }

    @Test
    void badHeartbeatSettings() {
        assertEquals("heartbeat cap must be positive: PT0S",
                error(() -> Heartbeat.builder().cap(Duration.ZERO).build()));
        assertEquals("heartbeat requestTimeout must be positive: null",
                error(() -> Heartbeat.builder().requestTimeout(null).build()));
        assertEquals("heartbeat retries must be between 0 and 10: 11",
                error(() -> Heartbeat.builder().retries(11).build()));
        assertEquals("heartbeat backoff must not be negative: PT-1S",
                error(() -> Heartbeat.builder().backoff(Duration.ofSeconds(-1)).build()));
    }
}
