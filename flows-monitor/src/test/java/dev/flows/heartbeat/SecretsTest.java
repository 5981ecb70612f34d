package dev.flows.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ping URLs are secrets: no log line, toString or exception message may hold one, whatever goes wrong. */
class SecretsTest {

    private static final String SECRET = "S3cr3tT0k3nXyZ";

    private static List<HeartbeatTarget> targets(String base) {
        return List.of(
                HeartbeatTarget.healthchecks(base + "/hc/" + SECRET + "/flows-live"),
                HeartbeatTarget.cronitor(base + "/cronitor/p/" + SECRET + "/flows").env("production"),
                HeartbeatTarget.uptimeKuma(base + "/kuma/api/push/" + SECRET),
                HeartbeatTarget.betterStack(base + "/betterstack/api/v1/heartbeat/" + SECRET),
                HeartbeatTarget.webhook(base + "/hook?token=" + SECRET));
    }

    @Test
    void noLogLineHoldsTheSecretWhateverTheReceiverDoes() {
        List<String> lines = new ArrayList<>();
        try (CapturedLog log = new CapturedLog(); HeartbeatReceiver receiver = HeartbeatReceiver.start()) {
            // Dead, then failing with 500s, then 404, then slow past the cap, then well.
            String dead = HeartbeatReceiver.deadUrl("");
            exercise(dead);
            receiver.respond(500, 1000);
            exercise(receiver.url(""));
            receiver.respond(500, 0);
            try (HeartbeatReceiver empty = HeartbeatReceiver.start()) {
                exercise(empty.url("/nowhere"));
            }
            receiver.slow(Duration.ofSeconds(3));
            exercise(receiver.url(""));
            lines.addAll(log.all());
            assertTrue(receiver.requests().size() > 10, "the receiver saw the pings");
        }
        assertTrue(lines.size() >= 20, "expected a warning per lost ping: " + lines);
        for (String line : lines) {
            assertFalse(line.contains(SECRET), "secret in log line: " + line);
        }
        // The receiver's route prefixes (/hc, /kuma...) are not known words, so the whole path is masked.
        for (String type : List.of("healthchecks", "cronitor", "uptime-kuma", "betterstack")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("heartbeat " + type + " http://127.0.0.1:")
                    && l.contains("/****: ")), type + " " + lines);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("/****?token=****: ")), lines.toString());
    }

    private static void exercise(String base) {
        try (Heartbeat heartbeat = Fixtures.quick().retries(1).requestTimeout(Duration.ofMillis(300))
                .cap(Duration.ofMillis(800)).targets(targets(base)).build()) {
            try (HeartbeatRun run = heartbeat.start("secret-run")) {
                run.log("halfway");
            }
            heartbeat.start("secret-run-2").finish(Fixtures.FAILED);
        }
    }

    @Test
    void targetsAndRunsPrintRedacted() {
        List<HeartbeatTarget> targets = targets("https://example.com");
        assertEquals(List.of(
                "healthchecks https://example.com/****",
                "cronitor https://example.com/**** env=production",
                "uptime-kuma https://example.com/****",
                "betterstack https://example.com/****",
                "webhook https://example.com/****?token=****"),
                targets.stream().map(HeartbeatTarget::toString).toList());
        try (Heartbeat heartbeat = Heartbeat.builder().targets(targets).build()) {
            assertFalse(heartbeat.targets().toString().contains(SECRET));
        }
    }

    @Test
    void configErrorsNeverShowTheSecret() {
        List<Runnable> bad = List.of(
                () -> HeartbeatTarget.of("healthchecks", "ftp://hc-ping.com/" + SECRET, Map.of()),
                () -> HeartbeatTarget.of("healthchecks", "https://hc-ping.com/" + SECRET + " x", Map.of()),
                () -> HeartbeatTarget.of("cronitor", "https://cronitor.link/p/" + SECRET + "/m", Map.of("zone", "eu")),
                () -> HeartbeatTarget.of("pagerduty", "https://x.example/" + SECRET, Map.of()),
                () -> HeartbeatTarget.of("webhook", "https://" + SECRET + "@x.example/h", Map.of("env", "prod")),
                () -> HeartbeatTarget.of("webhook", SECRET, Map.of()));
        for (Runnable r : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
