package dev.flows.heartbeat;

import static dev.flows.heartbeat.Fixtures.FAILED;
import static dev.flows.heartbeat.Fixtures.PASSED;
import static dev.flows.heartbeat.Fixtures.RUN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact JSON a run posts to a generic webhook. */
class WebhookHeartbeatTest {

    private final HeartbeatReceiver receiver = HeartbeatReceiver.start();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private HeartbeatRun start() {
        return Fixtures.quick().target(HeartbeatTarget.webhook(receiver.url("/hook"))).build().start(RUN_ID);
    }

    @Test
    void successRun() {
        try (HeartbeatRun run = start()) {
            run.finish(PASSED);
        }
        assertEquals(List.of("POST /hook", "POST /hook"), receiver.lines());
        assertEquals("{\"event\":\"start\",\"runId\":\"" + RUN_ID + "\"}", receiver.requests().get(0).body());
        assertEquals("{\"event\":\"finish\",\"runId\":\"" + RUN_ID + "\",\"status\":\"PASSED\",\"durationMs\":42500,"
                + "\"summary\":\"2 checks: 1 passed, 1 flaky. Report: https://reports.example/42/\","
                + "\"firstFailure\":null,\"reportLink\":\"https://reports.example/42/\",\"checks\":["
                + "{\"journey\":\"guest checkout\",\"site\":\"live\",\"outcome\":\"PASSED\",\"failure\":null},"
                + "{\"journey\":\"guest checkout\",\"site\":\"fallback\",\"outcome\":\"FLAKY\",\"failure\":null}]}",
                receiver.requests().get(1).body());
        assertEquals("application/json; charset=UTF-8", receiver.requests().get(1).header("Content-Type"));
    }

    @Test
    void failedRun() {
        try (HeartbeatRun run = start()) {
            run.finish(FAILED);
        }
        assertEquals("{\"event\":\"finish\",\"runId\":\"" + RUN_ID + "\",\"status\":\"FAILED\",\"durationMs\":61000,"
                + "\"summary\":\"" + Fixtures.FAILED_TEXT + "\","
                + "\"firstFailure\":\"guest checkout on live, step 4 'add to cart': button not found\","
                + "\"reportLink\":\"https://reports.example/42/\",\"checks\":["
                + "{\"journey\":\"guest checkout\",\"site\":\"live\",\"outcome\":\"FAILED\","
                + "\"failure\":\"step 4 'add to cart': button not found\"},"
                + "{\"journey\":\"guest checkout\",\"site\":\"fallback\",\"outcome\":\"PASSED\",\"failure\":null}]}",
                receiver.requests().get(1).body());
    }

    @Test
    void runThatCrashesMidway() throws Exception {
        try (HeartbeatRun run = start()) {
            run.log("live done ✓");
            throw new IllegalStateException("browser died");
        } catch (IllegalStateException expected) {
            // reported as broken
        }
        assertEquals(3, receiver.requests().size());
        assertEquals("{\"event\":\"log\",\"runId\":\"" + RUN_ID + "\",\"message\":\"live done ✓\"}",
                receiver.requests().get(1).body());
        JsonNode end = new ObjectMapper().readTree(receiver.requests().get(2).body());
        assertEquals("finish", end.get("event").asText());
        assertEquals("BROKEN", end.get("status").asText());
        assertEquals("Monitor broken: run ended without a result.", end.get("summary").asText());
        assertTrue(end.get("checks").isEmpty());
    }
}
