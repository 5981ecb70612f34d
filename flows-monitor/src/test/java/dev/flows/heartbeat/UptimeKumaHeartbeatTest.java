package dev.flows.heartbeat;

import static dev.flows.heartbeat.Fixtures.FAILED;
import static dev.flows.heartbeat.Fixtures.FAILED_TEXT;
import static dev.flows.heartbeat.Fixtures.PASSED;
import static dev.flows.heartbeat.Fixtures.PASSED_TEXT;
import static dev.flows.heartbeat.Fixtures.RUN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact requests a run sends to an Uptime Kuma push monitor: no start ping, one finish ping. */
class UptimeKumaHeartbeatTest {

    private static final String PATH = "/kuma/api/push/Tk9x2QrLm7";

    private final HeartbeatReceiver receiver = HeartbeatReceiver.start();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private HeartbeatRun start() {
        // Pasted as Kuma shows it, with its example query; the heartbeat replaces that query.
        return Fixtures.quick().target(HeartbeatTarget.uptimeKuma(receiver.url(PATH + "?status=up&msg=OK&ping=")))
                .build().start(RUN_ID);
    }

    @Test
    void successRun() {
        try (HeartbeatRun run = start()) {
            assertEquals(List.of(), receiver.lines(), "a start ping would count as up");
            run.finish(PASSED);
        }
        assertEquals(List.of("GET " + PATH + "?status=up"
                + "&msg=2%20checks:%201%20passed%2C%201%20flaky.%20Report:%20https:%2F%2Freports.example%2F42%2F"
                + "&ping=42500"), receiver.lines());
        assertEquals(PASSED_TEXT, receiver.requests().get(0).params().get("msg"));
    }

    @Test
    void failedRun() {
        try (HeartbeatRun run = start()) {
            run.finish(FAILED);
        }
        assertEquals(1, receiver.requests().size());
        HeartbeatReceiver.Request end = receiver.requests().get(0);
        assertEquals("GET " + PATH, end.method() + " " + end.path());
        assertEquals(java.util.Map.of("status", "down", "msg", FAILED_TEXT, "ping", "61000"), end.params());
    }

    @Test
    @SuppressWarnings("try") // the run is open only to crash inside it
    void runThatCrashesMidway() {
        try (HeartbeatRun run = start()) {
            throw new IllegalStateException("browser died");
        } catch (IllegalStateException expected) {
            // reported as down
        }
        HeartbeatReceiver.Request end = receiver.requests().get(0);
        assertEquals("down", end.params().get("status"));
        assertEquals("Monitor broken: run ended without a result.", end.params().get("msg"));
        assertTrue(end.params().get("ping").matches("\\d+"), end.query());
    }
}
