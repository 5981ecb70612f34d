package dev.flows.heartbeat;

import static dev.flows.heartbeat.Fixtures.FAILED;
import static dev.flows.heartbeat.Fixtures.FAILED_TEXT;
import static dev.flows.heartbeat.Fixtures.PASSED;
import static dev.flows.heartbeat.Fixtures.PASSED_TEXT;
import static dev.flows.heartbeat.Fixtures.RUN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact requests a run sends to Cronitor's telemetry API. */
class CronitorHeartbeatTest {

    private static final String PATH = "/cronitor/p/AbC123key/flows-monitor";
    private static final String COMMON = "series=run-2026-11-21T10:00Z-42&host=ci-runner-1&env=production";

    private final HeartbeatReceiver receiver = HeartbeatReceiver.start();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private HeartbeatRun start() {
        Heartbeat heartbeat = Fixtures.quick()
                .target(HeartbeatTarget.cronitor(receiver.url(PATH)).env("production").host("ci-runner-1"))
                .build();
        return heartbeat.start(RUN_ID);
    }

    @Test
    void successRun() {
        try (HeartbeatRun run = start()) {
            run.finish(PASSED);
        }
        assertEquals(List.of(
                "GET " + PATH + "?state=run&" + COMMON,
                "GET " + PATH + "?state=complete&" + COMMON
                        + "&message=2%20checks:%201%20passed%2C%201%20flaky.%20Report:%20https:%2F%2Freports.example%2F42%2F"
                        + "&metric=duration:42.5"), receiver.lines());
        Map<String, String> params = receiver.requests().get(1).params();
        assertEquals(PASSED_TEXT, params.get("message"));
        assertEquals("", receiver.requests().get(1).body());
    }

    @Test
    void failedRun() {
        try (HeartbeatRun run = start()) {
            run.finish(FAILED);
        }
        HeartbeatReceiver.Request end = receiver.requests().get(1);
        assertEquals("GET", end.method());
        assertEquals(PATH, end.path());
        assertEquals(Map.of("state", "fail", "series", RUN_ID, "host", "ci-runner-1", "env", "production",
                "message", FAILED_TEXT, "metric", "duration:61"), end.params());
        assertTrue(end.query().startsWith("state=fail&" + COMMON + "&message="), end.query());
    }

    @Test
    @SuppressWarnings("try") // the run is open only to crash inside it
    void runThatCrashesMidway() {
        try (HeartbeatRun run = start()) {
            throw new IllegalStateException("browser died");
        } catch (IllegalStateException expected) {
            // the run fails on its own; the heartbeat has reported it
        }
        HeartbeatReceiver.Request end = receiver.requests().get(1);
        assertEquals("fail", end.params().get("state"));
        assertEquals("Monitor broken: run ended without a result.", end.params().get("message"));
        assertTrue(end.params().get("metric").matches("duration:\\d+(\\.\\d{1,3})?"), end.params().get("metric"));
    }

    @Test
    void messageIsCutTo2000Characters() {
        RunSummary.Builder big = RunSummary.builder().duration(java.time.Duration.ofSeconds(1));
        big.check("guest checkout", "live", RunSummary.Outcome.FAILED, "x".repeat(5000));
        try (HeartbeatRun run = start()) {
            run.finish(big.build());
        }
        String message = receiver.requests().get(1).params().get("message");
        assertEquals(2000, message.length());
        assertTrue(message.endsWith("xxx..."), message.substring(1990));
    }

    @Test
    void withoutEnvOrHostNeitherIsSent() {
        try (Heartbeat heartbeat = Fixtures.quick().target(HeartbeatTarget.cronitor(receiver.url(PATH))).build()) {
            heartbeat.start("r1").finish(PASSED);
        }
        assertEquals("GET " + PATH + "?state=run&series=r1", receiver.lines().get(0));
    }
}
