package dev.flows.heartbeat;

import static dev.flows.heartbeat.Fixtures.FAILED;
import static dev.flows.heartbeat.Fixtures.PASSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A heartbeat never fails or hangs a run: dead, slow and failing receivers cost at most the cap, the run's own
 * result is untouched, and each lost ping is one log line. Timing bounds are generous: build machines are noisy.
 */
class RobustnessTest {

    private static final String HC = "/hc/5f8b2c1e-0a7d-4c3b-9e21-6d4f8a9b0c1d";
    private static final Duration CAP = Duration.ofSeconds(1);
    private static final long MARGIN_MS = 2000;

    private final HeartbeatReceiver receiver = HeartbeatReceiver.start();
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void stop() {
        log.close();
        receiver.close();
    }

    /** A run as the runner will drive it: start, work, finish; returns the work's own result. */
    private static <T> T run(Heartbeat heartbeat, String runId, Supplier<T> work, RunSummary summary) {
        try (HeartbeatRun run = heartbeat.start(runId)) {
            T result = work.get();
            run.finish(summary);
            return result;
        }
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    @Test
    void deadReceiverCostsAtMostTheCapAndLeavesTheResultAlone() {
        String dead = HeartbeatReceiver.deadUrl(HC);
        String shown = dead.substring(0, dead.indexOf("/hc")) + "/****";
        try (Heartbeat heartbeat = Fixtures.quick().cap(CAP).backoff(Duration.ofMillis(100))
                .target(HeartbeatTarget.healthchecks(dead)).build()) {
            long started = System.nanoTime();
            String result = run(heartbeat, "r-dead", () -> "the run's own result", FAILED);
            assertTrue(millisSince(started) < 2 * CAP.toMillis() + MARGIN_MS, millisSince(started) + "ms");
            assertEquals("the run's own result", result);
        }
        assertEquals(List.of(
                "heartbeat healthchecks " + shown + ": start ping for run r-dead gave up after 3 attempts: "
                        + "connection refused",
                "heartbeat healthchecks " + shown + ": fail ping for run r-dead gave up after 3 attempts: "
                        + "connection refused"), log.warnings());
    }

    @Test
    void slowReceiverIsAbandonedAtTheCap() {
        receiver.slow(Duration.ofSeconds(5));
        try (Heartbeat heartbeat = Fixtures.quick().cap(CAP).requestTimeout(Duration.ofMillis(400))
                .backoff(Duration.ofMillis(50)).target(HeartbeatTarget.healthchecks(receiver.url(HC))).build()) {
            long started = System.nanoTime();
            int result = run(heartbeat, "r-slow", () -> 42, PASSED);
            assertTrue(millisSince(started) < 2 * CAP.toMillis() + MARGIN_MS, millisSince(started) + "ms");
            assertEquals(42, result);
        }
        // One line per ping, saying the cap ended it: abandoned during an attempt (on an idle machine, attempt 3), or
        // given up before a retry that could not finish in time (on a busy one, where attempts end late).
        List<String> warnings = log.warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        String shown = java.util.regex.Pattern.quote("heartbeat healthchecks " + receiver.url("/****"));
        String endedByTheCap = "(abandoned at the 1 s cap during attempt \\d( \\(before: timed out after 400 ms\\))?"
                + "|gave up after \\d attempts?: timed out after 400 ms; the next try in \\d+ ms would pass the 1 s cap)";
        assertTrue(warnings.get(0).matches(shown + ": start ping for run r-slow " + endedByTheCap), warnings.get(0));
        assertTrue(warnings.get(1).matches(shown + ": success ping for run r-slow " + endedByTheCap), warnings.get(1));
    }

    @Test
    void retriesA500AndThenDelivers() {
        receiver.respond(500, 2);
        try (Heartbeat heartbeat = Fixtures.quick().target(HeartbeatTarget.healthchecks(receiver.url(HC))).build()) {
            heartbeat.start(Fixtures.RUN_ID).finish(PASSED);
        }
        String start = "POST " + HC + "/start?rid=" + Fixtures.RID;
        assertEquals(List.of(start, start, start, "POST " + HC + "?rid=" + Fixtures.RID), receiver.lines());
        assertEquals(List.of(), log.warnings());
    }

    @Test
    void givesUpAfterTheRetriesWithOneLine() {
        receiver.respond(503, 100);
        try (Heartbeat heartbeat = Fixtures.quick().target(HeartbeatTarget.betterStack(
                receiver.url("/betterstack/api/v1/heartbeat/Bs7TokQ2wE9"))).build()) {
            heartbeat.start("r-503").finish(FAILED);
        }
        assertEquals(3, receiver.requests().size());
        assertEquals(List.of("heartbeat betterstack " + receiver.url("/****")
                + ": fail ping for run r-503 gave up after 3 attempts: HTTP 503"), log.warnings());
    }

    @Test
    void anotherClientErrorIsNotRetried() {
        try (Heartbeat heartbeat = Fixtures.quick()
                .target(HeartbeatTarget.healthchecks(receiver.url("/hc/unknown"))).build()) {
            heartbeat.start("r-404").close();
        }
        assertEquals(2, receiver.requests().size(), receiver.lines().toString());
        assertEquals(List.of(
                "heartbeat healthchecks " + receiver.url("/****") + ": start ping for run r-404 failed: HTTP 404",
                "heartbeat healthchecks " + receiver.url("/****") + ": fail ping for run r-404 failed: HTTP 404"),
                log.warnings());
    }

    @Test
    void honoursRetryAfterWhenItFitsTheCap() {
        receiver.respond(429, 1).retryAfter("1");
        try (Heartbeat heartbeat = Fixtures.quick().cap(Duration.ofSeconds(4))
                .target(HeartbeatTarget.healthchecks(receiver.url(HC))).build()) {
            long started = System.nanoTime();
            HeartbeatRun run = heartbeat.start("r-429");
            assertTrue(millisSince(started) >= 900, "waited only " + millisSince(started) + "ms");
            run.finish(PASSED);
        }
        assertEquals(3, receiver.requests().size(), receiver.lines().toString());
        assertEquals(List.of(), log.warnings());
    }

    @Test
    void givesUpAtOnceWhenRetryAfterIsPastTheCap() {
        receiver.respond(429, 1).retryAfter("30");
        try (Heartbeat heartbeat = Fixtures.quick().cap(Duration.ofSeconds(3))
                .target(HeartbeatTarget.healthchecks(receiver.url(HC))).build()) {
            long started = System.nanoTime();
            heartbeat.start("r-429").finish(PASSED);
            assertTrue(millisSince(started) < 3000, millisSince(started) + "ms");
        }
        assertEquals(List.of("heartbeat healthchecks " + receiver.url("/****") + ": start ping for run r-429 "
                + "gave up after 1 attempt: HTTP 429; the next try in 30 s would pass the 3 s cap"), log.warnings());
    }

    @Test
    void targetsArePingedInParallel() {
        receiver.slow(Duration.ofMillis(1500));
        Heartbeat.Builder builder = Fixtures.quick().requestTimeout(Duration.ofSeconds(5)).cap(Duration.ofSeconds(8));
        for (int i = 0; i < 4; i++) {
            builder.target(HeartbeatTarget.webhook(receiver.url("/hook")));
        }
        try (Heartbeat heartbeat = builder.build()) {
            long started = System.nanoTime();
            heartbeat.start("r-parallel");
            // In series this would be 6s.
            assertTrue(millisSince(started) < 4500, millisSince(started) + "ms");
        }
        assertEquals(4, receiver.requests().size());
        assertEquals(List.of(), log.warnings());
    }

    @Test
    void aDeadTargetDoesNotStopTheOthers() {
        try (Heartbeat heartbeat = Fixtures.quick()
                .target(HeartbeatTarget.healthchecks(HeartbeatReceiver.deadUrl(HC)))
                .target(HeartbeatTarget.healthchecks(receiver.url(HC))).build()) {
            heartbeat.start(Fixtures.RUN_ID).finish(FAILED);
        }
        assertEquals(List.of("POST " + HC + "/start?rid=" + Fixtures.RID, "POST " + HC + "/fail?rid=" + Fixtures.RID),
                receiver.lines());
        assertEquals(2, log.warnings().size());
    }

    @Test
    void nothingThrowsIntoTheRun() {
        Heartbeat heartbeat = Fixtures.quick().target(HeartbeatTarget.healthchecks(receiver.url(HC))).build();
        HeartbeatRun run = heartbeat.start("r-1");
        run.finish(null);
        run.finish(PASSED);
        run.close();
        run.close();
        heartbeat.close();
        HeartbeatRun late = heartbeat.start(null);
        late.log("after close");
        late.finish(PASSED);
        late.close();
        heartbeat.close();

        assertEquals(List.of("POST " + HC + "/start?rid=" + Service.rid("r-1"), "POST " + HC + "/fail?rid="
                + Service.rid("r-1")), receiver.lines());
        assertTrue(receiver.requests().get(1).body().startsWith("Monitor broken: run finished without a summary."));
        List<String> warnings = log.warnings();
        assertEquals("heartbeat run r-1 already ended: finish ignored", warnings.get(0));
        assertTrue(warnings.get(1).startsWith("heartbeat run id is blank: using "), warnings.get(1));
        assertTrue(warnings.get(2).contains(": start ping for run "), warnings.get(2));
        assertTrue(warnings.get(3).contains(": log ping for run "), warnings.get(3));
        assertTrue(warnings.get(4).contains(": success ping for run "), warnings.get(4));
        warnings.subList(2, 5).forEach(w -> assertTrue(w.endsWith(" not sent: the heartbeat is closed"), w));
        assertEquals(5, warnings.size(), warnings.toString());
    }
}
