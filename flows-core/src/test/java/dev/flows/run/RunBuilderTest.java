package dev.flows.run;

import dev.flows.browser.BrowserConfig;
import dev.flows.heartbeat.RunSummary;
import dev.flows.journey.Journey;
import dev.flows.site.Site;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunBuilderTest {

    private static final Journey SMOKE = Journey.builder("smoke").step("open", ctx -> ctx.page().open("/")).build();
    private static final Site LIVE = Site.builder("live").url("http://127.0.0.1:1/").production(true).build();

    @Test
    void allow_orders_must_name_a_site_of_the_run() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Run.builder().site(LIVE).journey(SMOKE)
                .engine(BrowserConfig.playwright().build()).allowOrders("lvie").output(Path.of("target", "run-builder")).build());
        assertEquals("allowOrders names an unknown site 'lvie': the run's sites are live", e.getMessage());
    }

    @Test
    void a_run_needs_an_engine_and_unique_journeys() {
        assertEquals("a run needs a browser or an engine: browser(Browser) or engine(BrowserConfig)",
                assertThrows(IllegalArgumentException.class, () -> Run.builder().site(LIVE).journey(SMOKE).build()).getMessage());
        assertEquals("journey name used twice in a run: 'smoke'",
                assertThrows(IllegalArgumentException.class, () -> Run.builder().site(LIVE).journey(SMOKE).journey(SMOKE)
                        .engine(BrowserConfig.playwright().build()).build()).getMessage());
        assertEquals("retries must be 0..5: 9", assertThrows(IllegalArgumentException.class, () -> Run.builder().retries(9)).getMessage());
    }

    @Test
    void the_default_user_agent_suffix_names_the_version() {
        assertTrue(Run.defaultUserAgentSuffix().matches("FlowsMonitor/\\d+\\.\\d+\\.\\d+.*"), Run.defaultUserAgentSuffix());
    }

    @Test
    void results_map_onto_the_heartbeat_summary_and_exit_codes() {
        Attempt failed = new Attempt(1, Outcome.FAILED, List.of(new StepResult(1, "open", false, Duration.ofSeconds(2), null, "boom")),
                Duration.ofSeconds(2), "'smoke' on live [playwright]: step 1 'open' FAILED after 2 s (attempt 1 of 2)\n  boom", List.of(), null);
        Attempt passed = new Attempt(2, Outcome.PASSED, List.of(new StepResult(1, "open", true, Duration.ofSeconds(1), null, null)),
                Duration.ofSeconds(1), null, List.of(), null);
        JourneyResult flaky = new JourneyResult("smoke", "journeys", "live", "primary", "playwright", Outcome.FLAKY,
                Duration.ofSeconds(3), List.of(failed, passed), Map.of());
        JourneyResult broken = new JourneyResult("smoke", "journeys", "fallback", "fallback", "playwright", Outcome.BROKEN,
                Duration.ZERO, List.of(failed), Map.of());

        assertEquals("step 1 'open'", flaky.failingStep().orElseThrow().label(), "FLAKY keeps the first failure");
        assertEquals(RunSummary.Outcome.FLAKY, flaky.toCheck().outcome());
        assertEquals(0, new RunResult("r", Path.of("x"), Duration.ZERO, List.of(flaky)).exitCode());
        RunResult both = new RunResult("r", Path.of("x"), Duration.ofSeconds(3), List.of(flaky, broken));
        assertEquals(2, both.exitCode());
        assertEquals("2 checks: 1 flaky, 1 broken. First failure: smoke on fallback [playwright], "
                + "'smoke' on live [playwright]: step 1 'open' FAILED after 2 s (attempt 1 of 2).", both.toSummary().text());
    }
}
