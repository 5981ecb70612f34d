package dev.flows.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Timeouts;
import dev.flows.demostore.DemoStore;
import dev.flows.journey.Journey;
import dev.flows.report.DisparityReport;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The disparity report calls out a live-only failure and a stale fallback's prices. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisparityTest {

    private static final Storefront SHOP = Storefront.demoStore();

    private DemoStore live;
    private DemoStore fallback;
    private Browser browser;

    @BeforeAll
    void start() {
        live = DemoStore.builder().name("live").start();
        fallback = DemoStore.builder().name("fallback").start();
        browser = Browser.launch(BrowserConfig.playwright().build());
    }

    @AfterAll
    void stop() {
        browser.close();
        live.close();
        fallback.close();
    }

    @Test
    void calls_out_a_live_failure_and_a_price_difference() throws Exception {
        live.faults().hideElement("/product/*", "add-to-cart");
        fallback.faults().staleCatalogue(true);
        Journey addToCart = SHOP.journey("add to cart")
                .landing().category("Espresso Machines").product("Barista Pro").addToCart().build();
        Journey browse = SHOP.journey("browse").landing().categoryAt("/category/espresso-machines").build();

        RunResult run = Run.builder().browser(browser).output(Path.of("target", "flows-test-output", "disparity")).retries(0)
                .pageTimeouts(Timeouts.DEFAULT.withWaitFor(Duration.ofSeconds(2)))
                .site(Site.builder("live").url(live.baseUrl()).build())
                .site(Site.builder("fallback").url(fallback.baseUrl()).role("fallback").build())
                .parallelSites(2).journey(addToCart).journey(browse).build().execute();
        DisparityReport report = DisparityReport.of(run);

        assertEquals(List.of("'add to cart' (live failing, fallback passing): live FAILED at step 4 'add to cart', fallback PASSED",
                "'Barista Pro' costs €1,249.00 on live, €1,124.10 on fallback"), report.differences());
        String[] table = report.table().split("\n");
        assertTrue(table[0].matches("journey +\\| live +\\| fallback"), table[0]);
        assertTrue(table[2].matches("add to cart \\| FAILED [0-9.]+ m?s at 4 'add to cart' \\| PASSED [0-9.]+ m?s"), table[2]);
        assertTrue(table[3].matches("browse +\\| PASSED [0-9.]+ m?s +\\| PASSED [0-9.]+ m?s"), table[3]);
        assertTrue(report.table().contains("\nDifferences:\n  - 'add to cart' (live failing, fallback passing): live FAILED at step 4 'add to cart', fallback PASSED\n"));

        JsonNode json = new ObjectMapper().readTree(report.writeJson(run.output().resolve("disparity.json")).toFile());
        JsonNode cell = json.at("/journeys/0/sites/live");
        assertEquals("FAILED", cell.get("outcome").asText());
        assertEquals(4, cell.get("failingStep").asInt());
        assertEquals("add to cart", cell.get("failingStepName").asText());
        assertTrue(cell.get("message").asText().contains("diagnostics: "));
        assertEquals("PASSED", json.at("/journeys/0/sites/fallback/outcome").asText());
        assertEquals("LIVE_FAILING", json.at("/journeys/0/disparity/playwright").asText());
        assertEquals(2, json.get("differences").size());
    }
}
