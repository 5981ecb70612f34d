package dev.flows.heartbeat;

import dev.flows.run.Attempt;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.ResultKey;
import dev.flows.run.RunResult;
import dev.flows.run.StepResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A run's results as the heartbeat reports them. */
class RunResultSummaryTest {

    @Test
    void results_map_onto_the_heartbeat_summary_and_exit_codes() {
        Instant t0 = Instant.parse("2026-11-21T10:00:00Z");
        Attempt failed = new Attempt(1, Outcome.FAILED, t0, List.of(new StepResult(1, "open", false, t0, Duration.ofSeconds(2), null, "boom")),
                Duration.ofSeconds(2), "'smoke' on live [playwright]: step 1 'open' FAILED after 2 s (attempt 1 of 2)\n  boom", List.of(), null);
        Attempt passed = new Attempt(2, Outcome.PASSED, t0.plusSeconds(2), List.of(new StepResult(1, "open", true, t0.plusSeconds(2), Duration.ofSeconds(1), null, null)),
                Duration.ofSeconds(1), null, List.of(), null);
        JourneyResult flaky = new JourneyResult(ResultKey.journey("smoke", "live", "playwright"), "journeys", "primary", Outcome.FLAKY,
                Duration.ofSeconds(3), List.of(failed, passed), Map.of());
        JourneyResult broken = new JourneyResult(ResultKey.journey("smoke", "fallback", "playwright"), "journeys", "fallback", Outcome.BROKEN,
                Duration.ZERO, List.of(failed), Map.of());

        assertEquals("step 1 'open'", flaky.failingStep().orElseThrow().label(), "FLAKY keeps the first failure");
        assertEquals(RunSummary.Outcome.FLAKY, RunSummary.Check.of(flaky).outcome());
        assertEquals(0, new RunResult("r", Path.of("x"), Duration.ZERO, List.of(flaky)).exitCode());
        RunResult both = new RunResult("r", Path.of("x"), Duration.ofSeconds(3), List.of(flaky, broken));
        assertEquals(2, both.exitCode());
        assertEquals("2 checks: 1 flaky, 1 broken. First failure: smoke on fallback [playwright], "
                + "'smoke' on live [playwright]: step 1 'open' FAILED after 2 s (attempt 1 of 2).", RunSummary.of(both).text());
    }
}
