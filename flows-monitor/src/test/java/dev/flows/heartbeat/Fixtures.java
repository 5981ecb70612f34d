package dev.flows.heartbeat;

import dev.flows.heartbeat.RunSummary.Outcome;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

/** The runs the heartbeat tests report: one that passed, one that failed on the live site. */
final class Fixtures {

    static final String RUN_ID = "run-2026-11-21T10:00Z-42";
    /** healthchecks' rid for {@link #RUN_ID}: the name-based UUID of "flows-run:" + run id. */
    static final String RID = UUID.nameUUIDFromBytes(("flows-run:" + RUN_ID).getBytes(StandardCharsets.UTF_8))
            .toString();

    static final RunSummary PASSED = RunSummary.builder()
            .duration(Duration.ofMillis(42_500))
            .check("guest checkout", "live", Outcome.PASSED, null)
            .check("guest checkout", "fallback", Outcome.FLAKY, null)
            .reportLink(URI.create("https://reports.example/42/"))
            .build();

    static final RunSummary FAILED = RunSummary.builder()
            .duration(Duration.ofMillis(61_000))
            .check("guest checkout", "live", Outcome.FAILED, "step 4 'add to cart': button not found")
            .check("guest checkout", "fallback", Outcome.PASSED, null)
            .reportLink(URI.create("https://reports.example/42/"))
            .build();

    static final String PASSED_TEXT = "2 checks: 1 passed, 1 flaky. Report: https://reports.example/42/";
    static final String PASSED_BODY = PASSED_TEXT + "\n"
            + "run " + RUN_ID + ", 42.5 s\n"
            + "PASSED guest checkout on live\n"
            + "FLAKY guest checkout on fallback\n";

    static final String FAILED_TEXT = "2 checks: 1 passed, 1 failed. First failure: guest checkout on live, "
            + "step 4 'add to cart': button not found. Report: https://reports.example/42/";
    static final String FAILED_BODY = FAILED_TEXT + "\n"
            + "run " + RUN_ID + ", 1 min 1 s\n"
            + "FAILED guest checkout on live: step 4 'add to cart': button not found\n"
            + "PASSED guest checkout on fallback\n";

    private Fixtures() {
    }

    /** Quick settings for tests against the local receiver. */
    static Heartbeat.Builder quick() {
        return Heartbeat.builder()
                .connectTimeout(Duration.ofMillis(500))
                .requestTimeout(Duration.ofSeconds(1))
                .retries(2)
                .backoff(Duration.ofMillis(20))
                .cap(Duration.ofSeconds(3));
    }
}
