package dev.flows.heartbeat;

import static dev.flows.heartbeat.Fixtures.FAILED;
import static dev.flows.heartbeat.Fixtures.FAILED_BODY;
import static dev.flows.heartbeat.Fixtures.PASSED;
import static dev.flows.heartbeat.Fixtures.PASSED_BODY;
import static dev.flows.heartbeat.Fixtures.RUN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact requests a run sends to a Better Stack heartbeat: no start ping, the URL or /fail with a body. */
class BetterStackHeartbeatTest {

    private static final String PATH = "/betterstack/api/v1/heartbeat/Bs7TokQ2wE9";

    private final HeartbeatReceiver receiver = HeartbeatReceiver.start();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private HeartbeatRun start() {
        return Fixtures.quick().target(HeartbeatTarget.betterStack(receiver.url(PATH))).build().start(RUN_ID);
    }

    @Test
    void successRun() {
        try (HeartbeatRun run = start()) {
            run.finish(PASSED);
        }
        assertEquals(List.of("POST " + PATH), receiver.lines());
        assertEquals(PASSED_BODY, receiver.requests().get(0).body());
    }

    @Test
    void failedRun() {
        try (HeartbeatRun run = start()) {
            run.finish(FAILED);
        }
        assertEquals(List.of("POST " + PATH + "/fail"), receiver.lines());
        assertEquals(FAILED_BODY, receiver.requests().get(0).body());
    }

    @Test
    @SuppressWarnings("try") // the run is open only to crash inside it
    void runThatCrashesMidway() {
        try (HeartbeatRun run = start()) {
            throw new IllegalStateException("browser died");
        } catch (IllegalStateException expected) {
            // reported as a failure
        }
        assertEquals(List.of("POST " + PATH + "/fail"), receiver.lines());
        assertTrue(receiver.requests().get(0).body().startsWith("Monitor broken: run ended without a result.\n"));
    }
}
