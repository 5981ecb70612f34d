package dev.flows.examples;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.Storefront;
import dev.flows.report.DisparityReport;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example journeys pass on a healthy live (production) and fallback demo store. */
class ExampleJourneysTest {

    @Test
    void every_example_journey_passes_on_live_and_fallback() {
        try (DemoStore live = DemoStore.builder().name("live").start();
             DemoStore fallback = DemoStore.builder().name("fallback").start();
             Browser browser = Browser.launch(BrowserConfig.playwright().build())) {
            RunResult result = Run.builder()
                    .site(Site.builder("live").url(live.baseUrl()).production(true).build())
                    .site(Site.builder("fallback").url(fallback.baseUrl()).role("fallback").build())
                    .journeys(new ShopJourneys().journeys(Storefront.demoStore()))
                    .browser(browser).parallelSites(2)
                    .output(Path.of("target", "flows-test-output"))
                    .build().execute();

            for (JourneyResult r : result.results()) {
                // Not FLAKY: a retry on a healthy shop is a false failure the monitor would have counted. DEGRADED
                // is a pass over a step budget (the landing's 3 s), which says how busy this machine is, not
                // whether the journey works: under stress-ng at load 20 the landing took 9 s.
                Outcome seen = r.outcome() == Outcome.DEGRADED && r.attempts().size() == 1 ? Outcome.PASSED : r.outcome();
                assertEquals(Outcome.PASSED, seen, () -> r.failingStep()
                        .map(step -> step.label() + ": " + step.failure()).orElse(r.message())
                        + "\n" + DisparityReport.of(result).table());
            }
            assertEquals(10, result.results().size());
            assertEquals(0, result.exitCode());
            assertEquals(0, live.orders().size(), "the example checkout stops at the payment step");
        }
    }
}
