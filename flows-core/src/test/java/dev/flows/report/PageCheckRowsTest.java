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

/** Page checks (results without an engine) in the disparity table beside the journeys. */
class PageCheckRowsTest {

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private static JourneyResult page(String type, String site, Outcome outcome, long ms) {
        return result(ResultKey.pageCheck(type, site), outcome, ms);
    }

    private static JourneyResult journey(String name, String site, String engine, Outcome outcome, long ms) {
        return result(ResultKey.journey(name, site, engine), outcome, ms);
    }

    private static JourneyResult result(ResultKey key, Outcome outcome, long ms) {
        String name = key.title();
        String site = key.site();
        boolean ok = outcome.isSuccess();
        String failure = ok ? null : name + " on " + site + ": expected status 200, got 500";
        StepResult step = new StepResult(1, "GET /", ok, T0, Duration.ofMillis(ms), null, failure);
        return new JourneyResult(key, "f", site.equals("live") ? "primary" : "fallback", outcome, Duration.ofMillis(ms),
                List.of(new Attempt(1, outcome, T0, List.of(step), Duration.ofMillis(ms), failure, List.of(), null)), Map.of());
    }

    @Test
    void withOneEngineThePageRowsShareTheSiteColumns() {
        RunResult run = new RunResult("r", dir, Duration.ofSeconds(1), List.of(
                page("landing", "live", Outcome.FAILED, 12),
                page("landing", "fallback", Outcome.PASSED, 8),
                journey("guest checkout", "live", "playwright", Outcome.PASSED, 3000),
                journey("guest checkout", "fallback", "playwright", Outcome.PASSED, 2000)));
        assertEquals("""
                journey        | live                      | fallback
                -------------- | ------------------------- | -----------
                page: landing  | FAILED 12 ms at 1 'GET /' | PASSED 8 ms
                guest checkout | PASSED 3 s                | PASSED 2 s

                Differences:
                  - 'page: landing' (live failing, fallback passing): live FAILED at step 1 'GET /', fallback PASSED
                """, DisparityReport.of(run).table());
    }

    @Test
    void withTwoEnginesAPageRowShowsInEveryColumnOfItsSite() throws IOException {
        RunResult run = new RunResult("r", dir, Duration.ofSeconds(1), List.of(
                page("cart", "live", Outcome.PASSED, 5),
                journey("guest checkout", "live", "playwright", Outcome.PASSED, 3000),
                journey("guest checkout", "live", "selenium", Outcome.PASSED, 4000)));
        DisparityReport report = DisparityReport.of(run);
        assertEquals("""
                journey        | live [playwright] | live [selenium]
                -------------- | ----------------- | ---------------
                page: cart     | PASSED 5 ms       | PASSED 5 ms
                guest checkout | PASSED 3 s        | PASSED 4 s
                """, report.table());
        JsonNode json = new ObjectMapper().readTree(report.writeJson(dir.resolve("d.json")).toFile());
        assertEquals("", json.path("journeys").get(0).path("sites").path("live [selenium]").path("engine").asText());
        assertEquals("PASSED", json.path("journeys").get(0).path("sites").path("live [playwright]").path("outcome").asText());
    }

    @Test
    void pageChecksAloneMakeOneColumnPerSite() {
        RunResult run = new RunResult("r", dir, Duration.ofSeconds(1), List.of(
                page("cart", "live", Outcome.PASSED, 5),
                page("cart", "fallback", Outcome.DEGRADED, 2500)));
        assertEquals("""
                journey    | live        | fallback
                ---------- | ----------- | --------------
                page: cart | PASSED 5 ms | DEGRADED 2.5 s

                Differences:
                  - 'page: cart': live PASSED, fallback DEGRADED
                """, DisparityReport.of(run).table());
    }
}
