package dev.flows.metrics;

import dev.flows.check.PageCheck;
import dev.flows.check.PageCheckResult;
import dev.flows.run.Attempt;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.ResultKey;
import dev.flows.run.RunResult;
import dev.flows.run.StepResult;
import dev.flows.site.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the metrics say for made-up results, without a server. */
class FlowsMetricsTest {

    @TempDir
    Path dir;

    private static JourneyResult journey(Outcome outcome) {
        StepResult step = new StepResult(1, "landing", outcome.isSuccess(), java.time.Instant.EPOCH, Duration.ofMillis(300), null, null);
        Attempt attempt = new Attempt(1, outcome, java.time.Instant.EPOCH, List.of(step), Duration.ofMillis(300), null, List.of(), null);
        return new JourneyResult(ResultKey.journey("guest checkout", "live", "selenium"), "checkout", "primary", outcome,
                Duration.ofMillis(1500), List.of(attempt), Map.of());
    }

    @Test
    void journeysPageChecksAndTheLastRunAreCounted() throws Exception {
        Site live = Site.builder("live").url("http://127.0.0.1:9/").build();
        PageCheckResult cart = new PageCheckResult(new PageCheck(live, "cart", "/cart", 200, null, null), Outcome.FAILED, Instant.EPOCH, 500,
                Duration.ofMillis(40), "cart on live: expected status 200, got 500");
        Path file = dir.resolve("flows.prom");
        try (FlowsMetrics metrics = FlowsMetrics.builder().textfile(file)
                .clock(Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC)).build()) {
            metrics.record(new RunResult("r1", dir, Duration.ofSeconds(2),
                    List.of(journey(Outcome.PASSED), journey(Outcome.FAILED), journey(Outcome.PASSED), cart.toJourneyResult())));
            String text = Files.readString(file);
            assertTrue(text.contains("flows_journeys_total{engine=\"selenium\",journey=\"guest checkout\",outcome=\"passed\",role=\"primary\",site=\"live\"} 2.0\n"), text);
            assertTrue(text.contains("flows_journeys_total{engine=\"selenium\",journey=\"guest checkout\",outcome=\"failed\",role=\"primary\",site=\"live\"} 1.0\n"), text);
            assertTrue(text.contains("flows_journey_duration_seconds_bucket{engine=\"selenium\",journey=\"guest checkout\",role=\"primary\",site=\"live\",le=\"2.0\"} 3\n"), text);
            assertTrue(text.contains("flows_step_duration_seconds_count{engine=\"selenium\",journey=\"guest checkout\",role=\"primary\",site=\"live\",step=\"landing\"} 3\n"), text);
            assertTrue(text.contains("flows_page_checks_total{outcome=\"failed\",page=\"cart\",role=\"primary\",site=\"live\"} 1.0\n"), text);
            assertTrue(text.contains("flows_page_check_duration_seconds_sum{page=\"cart\",role=\"primary\",site=\"live\"} 0.04\n"), text);
            assertTrue(text.contains("flows_last_run_timestamp_seconds{role=\"primary\",site=\"live\"} 1.7962056E9\n"), text);
            assertTrue(metrics.openMetrics().endsWith("# EOF\n"), "OpenMetrics ends with # EOF");
            assertEquals(-1, metrics.port());
        }
    }

    @Test
    void aTextfileMustEndInProm() {
        assertEquals("metrics textfile must end in .prom (the textfile collector reads only those): flows.txt",
                assertThrows(IllegalArgumentException.class, () -> FlowsMetrics.builder().textfile(Path.of("flows.txt"))).getMessage());
    }
}
