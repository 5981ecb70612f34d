package dev.flows.heartbeat;

import static dev.flows.heartbeat.Fixtures.FAILED;
import static dev.flows.heartbeat.Fixtures.FAILED_BODY;
import static dev.flows.heartbeat.Fixtures.PASSED;
import static dev.flows.heartbeat.Fixtures.PASSED_BODY;
import static dev.flows.heartbeat.Fixtures.RID;
import static dev.flows.heartbeat.Fixtures.RUN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact requests a run sends to healthchecks.io. */
class HealthchecksHeartbeatTest {

    private static final String UUID_PATH = "/hc/5f8b2c1e-0a7d-4c3b-9e21-6d4f8a9b0c1d";

    private final HeartbeatReceiver receiver = HeartbeatReceiver.start();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private Heartbeat heartbeat(HeartbeatTarget target) {
        return Fixtures.quick().target(target).build();
    }

    @Test
    void successRun() {
        try (Heartbeat heartbeat = heartbeat(HeartbeatTarget.healthchecks(receiver.url(UUID_PATH)));
             HeartbeatRun run = heartbeat.start(RUN_ID)) {
            run.finish(PASSED);
        }
        List<HeartbeatReceiver.Request> got = receiver.requests();
        assertEquals(List.of(
                "POST " + UUID_PATH + "/start?rid=" + RID,
                "POST " + UUID_PATH + "?rid=" + RID), receiver.lines());
        assertEquals("Flows run " + RUN_ID + " started", got.get(0).body());
        assertEquals(PASSED_BODY, got.get(1).body());
        assertEquals("text/plain; charset=UTF-8", got.get(1).header("Content-Type"));
        assertEquals("flows-heartbeat/dev", got.get(1).header("User-Agent"));
    }

    @Test
    void failedRun() {
        try (Heartbeat heartbeat = heartbeat(HeartbeatTarget.healthchecks(receiver.url(UUID_PATH)));
             HeartbeatRun run = heartbeat.start(RUN_ID)) {
            run.finish(FAILED);
        }
        assertEquals(List.of(
                "POST " + UUID_PATH + "/start?rid=" + RID,
                "POST " + UUID_PATH + "/fail?rid=" + RID), receiver.lines());
        assertEquals(FAILED_BODY, receiver.requests().get(1).body());
    }

    @Test
    @SuppressWarnings("try") // the run is open only to crash inside it
    void runThatCrashesMidway() {
        try (Heartbeat heartbeat = heartbeat(HeartbeatTarget.healthchecks(receiver.url(UUID_PATH)))) {
            try (HeartbeatRun run = heartbeat.start(RUN_ID)) {
                throw new IllegalStateException("browser died");
            } catch (IllegalStateException expected) {
                // the run's own exception is the run's business; the heartbeat has already pinged
            }
        }
        assertEquals(List.of(
                "POST " + UUID_PATH + "/start?rid=" + RID,
                "POST " + UUID_PATH + "/fail?rid=" + RID), receiver.lines());
        String body = receiver.requests().get(1).body();
        assertTrue(body.matches("Monitor broken: run ended without a result\\.\nrun " + RUN_ID + ", [0-9.]+ m?s\n"), body);
    }

    @Test
    void exitStatusMode() {
        HeartbeatTarget target = HeartbeatTarget.healthchecks(receiver.url(UUID_PATH)).exitStatus(true);
        try (Heartbeat heartbeat = heartbeat(target)) {
            heartbeat.start(RUN_ID).finish(PASSED);
            heartbeat.start(RUN_ID).finish(FAILED);
            heartbeat.start(RUN_ID).close();
        }
        assertEquals(List.of(
                "POST " + UUID_PATH + "/start?rid=" + RID, "POST " + UUID_PATH + "/0?rid=" + RID,
                "POST " + UUID_PATH + "/start?rid=" + RID, "POST " + UUID_PATH + "/1?rid=" + RID,
                "POST " + UUID_PATH + "/start?rid=" + RID, "POST " + UUID_PATH + "/2?rid=" + RID), receiver.lines());
    }

    @Test
    void slugFormKeepsItsQuery() {
        String slug = "/hc/fQk4ZpL2mN8xYw3v/flows-live";
        try (Heartbeat heartbeat = heartbeat(HeartbeatTarget.healthchecks(receiver.url(slug + "?create=1")));
             HeartbeatRun run = heartbeat.start(RUN_ID)) {
            run.log("site live checked");
            run.finish(PASSED);
        }
        assertEquals(List.of(
                "POST " + slug + "/start?create=1&rid=" + RID,
                "POST " + slug + "/log?create=1&rid=" + RID,
                "POST " + slug + "?create=1&rid=" + RID), receiver.lines());
        assertEquals("site live checked", receiver.requests().get(1).body());
    }

    @Test
    void aUuidRunIdIsItsOwnRid() {
        String uuid = "0b0d3c2e-1f4a-4b5c-8d6e-7f8091a2b3c4";
        try (Heartbeat heartbeat = heartbeat(HeartbeatTarget.healthchecks(receiver.url(UUID_PATH)));
             HeartbeatRun run = heartbeat.start(uuid)) {
            run.finish(PASSED);
        }
        assertEquals("POST " + UUID_PATH + "?rid=" + uuid, receiver.lines().get(1));
    }

    @Test
    void pingBodyLimitFromTheStartPingTrimsTheFinishBody() {
        receiver.bodyLimit(120);
        RunSummary.Builder big = RunSummary.builder().duration(java.time.Duration.ofSeconds(3));
        for (int i = 0; i < 50; i++) {
            big.check("journey " + i, "live", RunSummary.Outcome.FAILED, "step 1 'open': ünïcödé timeout " + i);
        }
        try (Heartbeat heartbeat = heartbeat(HeartbeatTarget.healthchecks(receiver.url(UUID_PATH)));
             HeartbeatRun run = heartbeat.start(RUN_ID)) {
            run.finish(big.build());
        }
        String body = receiver.requests().get(1).body();
        assertTrue(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 120, body);
        assertTrue(body.startsWith("50 checks: 50 failed. First failure: journey 0 on live"), body);
        assertTrue(body.endsWith(BodyText.TRIMMED), body);
    }
}
