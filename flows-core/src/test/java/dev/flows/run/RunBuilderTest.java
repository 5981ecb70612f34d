package dev.flows.run;

import dev.flows.browser.BrowserConfig;
import dev.flows.journey.Journey;
import dev.flows.site.Site;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

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
}
