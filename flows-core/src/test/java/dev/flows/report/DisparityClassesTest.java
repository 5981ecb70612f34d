package dev.flows.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flows.run.Attempt;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.ResultKey;
import dev.flows.run.RunResult;
import dev.flows.run.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Live failing, fallback passing" and its siblings, in the model, the console table and the JSON. */
class DisparityClassesTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir
    Path dir;

    private static JourneyResult checkout(String site, String role, Outcome outcome) {
        boolean ok = outcome.isSuccess();
        String failure = ok ? null : "button not found";
        StepResult step = new StepResult(4, "add to cart", ok, T0, Duration.ofSeconds(2), null, failure);
        return new JourneyResult(ResultKey.journey("guest checkout", site, "playwright"), "checkout", role, outcome,
                Duration.ofSeconds(2), List.of(new Attempt(1, outcome, T0, List.of(step), Duration.ofSeconds(2), failure,
                List.of(), null)), Map.of());
    }

    @Test
    void classifiesByTheRoleOfTheFailingSites() {
        assertEquals(Disparity.LIVE_FAILING, Disparity.of(List.of(
                checkout("live", "primary", Outcome.FAILED), checkout("fallback", "fallback", Outcome.PASSED))));
        assertEquals(Disparity.FALLBACK_FAILING, Disparity.of(List.of(
                checkout("live", "primary", Outcome.FLAKY), checkout("fallback", "fallback", Outcome.BROKEN))));
        assertEquals(Disparity.ALL_FAILING, Disparity.of(List.of(
                checkout("live", "primary", Outcome.FAILED), checkout("fallback", "fallback", Outcome.BROKEN))));
        assertEquals(Disparity.NONE, Disparity.of(List.of(
                checkout("live", "primary", Outcome.PASSED), checkout("fallback", "fallback", Outcome.DEGRADED))));
        assertEquals(Disparity.SOME_FAILING, Disparity.of(List.of(
                checkout("eu", "fallback", Outcome.FAILED), checkout("us", "fallback", Outcome.PASSED))));
    }

    @Test
    void theTableAndTheJsonSayLiveFailingFallbackPassing() throws IOException {
        RunResult run = new RunResult("r", dir, Duration.ofSeconds(4), List.of(
                checkout("live", "primary", Outcome.FAILED), checkout("fallback", "fallback", Outcome.PASSED)));
        DisparityReport report = DisparityReport.of(run);
        assertEquals(List.of("'guest checkout' (live failing, fallback passing): live FAILED at step 4 'add to cart', fallback PASSED"),
                report.differences());
        assertEquals(Disparity.LIVE_FAILING, report.disparity(ResultKey.journey("guest checkout", "fallback", "playwright")));
        JsonNode json = new ObjectMapper().readTree(report.writeJson(dir.resolve("d.json")).toFile());
        assertEquals("LIVE_FAILING", json.at("/journeys/0/disparity/playwright").asText());
        assertEquals("2026-11-21T10:00:00Z", json.at("/journeys/0/sites/live/steps/0/started").asText());
    }

    @Test
    void failingOnEverySiteIsCalledOutThoughTheOutcomesAgree() {
        RunResult run = new RunResult("r", dir, Duration.ofSeconds(4), List.of(
                checkout("live", "primary", Outcome.FAILED), checkout("fallback", "fallback", Outcome.FAILED)));
        assertEquals(List.of("'guest checkout' (failing on every site): live FAILED at step 4 'add to cart', "
                + "fallback FAILED at step 4 'add to cart'"), DisparityReport.of(run).differences());
    }
}
