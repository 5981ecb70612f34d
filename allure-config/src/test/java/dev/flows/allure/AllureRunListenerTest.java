package dev.flows.allure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Timeouts;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.Storefront;
import dev.flows.journey.Journey;
import dev.flows.run.Attempt;
import dev.flows.run.Run;
import dev.flows.run.RunListener;
import dev.flows.site.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.flows.allure.AllureFiles.category;
import static dev.flows.allure.AllureFiles.label;
import static dev.flows.allure.AllureFiles.labels;
import static dev.flows.allure.AllureFiles.named;
import static dev.flows.allure.AllureFiles.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Journeys on the demo store with injected faults, written as Allure results by {@link AllureRunListener}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllureRunListenerTest {

    private static final Storefront SHOP = Storefront.demoStore();
    private static final Path OUTPUT = Path.of("target", "flows-test-output");

    private Browser playwright;
    private Browser selenium;

    @BeforeAll
    void launch() {
        playwright = Browser.launch(BrowserConfig.playwright().build());
        selenium = Browser.launch(BrowserConfig.selenium().build());
    }

    @AfterAll
    void close() {
        playwright.close();
        selenium.close();
    }

    private static Journey grinder() {
        return SHOP.journey("buy a grinder")
                .feature("checkout")
                .landing()
                .category("Grinders")
                .product("Flat Burr 64")
                .expectPrice("€549.00")
                .addToCart()
                .expectCartCount(1)
                .build();
    }

    private Run.Builder run(Browser browser, Path results) {
        return Run.builder().browser(browser).journey(grinder()).output(OUTPUT)
                .pageTimeouts(Timeouts.DEFAULT.withWaitFor(Duration.ofSeconds(2)))
                .listener(new AllureRunListener(results).browser(browser.engine(), browser.describe()));
    }

    @ParameterizedTest
    @EnumSource(BrowserConfig.EngineType.class)
    void a_failure_carries_its_steps_and_the_whole_diagnostics_bundle(BrowserConfig.EngineType engine, @TempDir Path results)
            throws IOException {
        Browser browser = engine == BrowserConfig.EngineType.PLAYWRIGHT ? playwright : selenium;
        dev.flows.run.JourneyResult verdict;
        try (DemoStore store = DemoStore.builder().name("live").start()) {
            store.faults().hideElement("/product/*", "add-to-cart");
            verdict = run(browser, results).site(Site.builder("live").url(store.baseUrl()).build()).retries(0).build().execute()
                    .results().get(0);
        }

        List<JsonNode> all = AllureFiles.results(results);
        assertEquals(1, all.size());
        JsonNode result = named(all, "buy a grinder on live [" + engine.id() + "]");
        assertEquals("failed", result.path("status").asText());
        assertEquals("checkout", label(result, "feature"));
        assertEquals("buy a grinder", label(result, "story"));
        assertEquals("live", label(result, "site"));
        assertEquals("primary", label(result, "role"));
        assertEquals(engine.id(), label(result, "engine"));
        assertTrue(label(result, "browser").startsWith(engine.id() + ", chromium"), label(result, "browser"));
        assertEquals("live (primary)", label(result, "parentSuite"));
        assertEquals(List.of("step 1 'landing'", "step 2 'category 'Grinders''", "step 3 'product 'Flat Burr 64''",
                "step 4 'expect price €549.00'", "step 5 'add to cart'"), names(result.path("steps")));
        assertTrue(result.path("statusDetails").path("message").asText()
                .startsWith("'buy a grinder' on live [" + engine.id() + "]: step 5 'add to cart' FAILED after "));
        for (int i = 0; i < 5; i++) {
            JsonNode step = result.path("steps").get(i);
            dev.flows.run.StepResult ran = verdict.last().steps().get(i);
            assertEquals(ran.started().toEpochMilli(), step.path("start").asLong(), "the step's own start instant: " + step);
            assertEquals(ran.stopped().toEpochMilli(), step.path("stop").asLong(), step.toString());
        }

        JsonNode failing = result.path("steps").get(4);
        assertEquals("failed", failing.path("status").asText());
        assertTrue(failing.path("statusDetails").path("message").asText().startsWith("Timed out after 2 s waiting for testId 'add-to-cart' to "),
                failing.path("statusDetails").path("message").asText());
        assertEquals(List.of("failure message", "screenshot", "page source", "console errors", "failed requests", "trace (trace.zip)"),
                names(failing.path("attachments")));
        Map<String, String> types = new LinkedHashMap<>();
        failing.path("attachments").forEach(a -> types.put(a.path("name").asText(), a.path("type").asText()));
        assertEquals("image/png", types.get("screenshot"));
        assertEquals("text/html", types.get("page source"));
        assertEquals("application/zip", types.get("trace (trace.zip)"));
        for (JsonNode a : failing.path("attachments")) {
            assertTrue(Files.size(results.resolve(a.path("source").asText())) > 0, a.toString());
        }
        assertEquals(verdict.message() + "\n", Files.readString(results.resolve(failing.path("attachments").get(0).path("source").asText())),
                "the failure message comes from the result, not from a file read back");
        assertMagic(results.resolve(failing.path("attachments").get(1).path("source").asText()), new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        assertMagic(results.resolve(failing.path("attachments").get(5).path("source").asText()), new byte[]{'P', 'K', 3, 4});
        assertTrue(Files.readString(results.resolve(failing.path("attachments").get(2).path("source").asText())).contains("Flat Burr 64"));
    }

    @Test
    void every_injected_fault_lands_in_its_defect_category(@TempDir Path results) {
        List<DemoStore> stores = new ArrayList<>();
        try {
            DemoStore live = start(stores, "live");
            DemoStore fallback = start(stores, "fallback");
            fallback.faults().hideElement("/product/*", "add-to-cart");
            start(stores, "down").faults().down();
            start(stores, "scripted").faults().scriptError("/", "Boom from the demo store");
            start(stores, "missing").faults().hideElement("/product/*", "add-to-cart");
            start(stores, "stale").faults().staleCatalogue(true);
            DemoStore flaky = start(stores, "flaky");
            flaky.faults().hideElement("/product/*", "add-to-cart");
            RunListener repairFlaky = new RunListener() {
                @Override
                public void attemptFailed(Journey journey, Site site, String engine, Attempt attempt) {
                    if (site.name().equals("flaky")) {
                        flaky.faults().clear();
                    }
                }
            };
            Run.Builder run = run(playwright, results).retries(1).parallelSites(4).listener(repairFlaky);
            for (DemoStore store : stores) {
                run.site(Site.builder(store.name()).url(store.baseUrl()).role(store == fallback ? "fallback" : "primary").build());
            }
            run.build().execute();
            // A budget no step can keep: DEGRADED without depending on how fast this machine is.
            Journey overBudget = SHOP.journey("buy a grinder").feature("checkout").landing().category("Grinders")
                    .within(Duration.ofNanos(1)).build();
            Run.builder().browser(playwright).journey(overBudget).output(OUTPUT)
                    .site(Site.builder("slow").url(live.baseUrl()).build())
                    .listener(new AllureRunListener(results)).build().execute();
            // A monitor that cannot start its browser is broken, not the shop.
            Run.builder().engine(BrowserConfig.playwright().browserPath(Path.of("/nonexistent/chromium")).downloads(false).build())
                    .site(Site.builder("nobrowser").url(live.baseUrl()).build()).journey(grinder()).output(OUTPUT)
                    .listener(new AllureRunListener(results)).build().execute();
        } finally {
            stores.forEach(DemoStore::close);
        }

        List<JsonNode> all = AllureFiles.results(results);
        Map<String, String> categories = new LinkedHashMap<>();
        all.forEach(r -> categories.put(label(r, "site"), category(r)));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("live", "(none)");
        expected.put("fallback", "Fallback-only failure");
        expected.put("down", "Site unreachable");
        expected.put("scripted", "JavaScript error");
        expected.put("missing", "Element missing");
        expected.put("stale", "Assertion failed");
        expected.put("flaky", "Flaky (passed on a retry)");
        expected.put("slow", "Degraded (passed, over a step budget)");
        expected.put("nobrowser", "Monitor broken (not the shop)");
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(categories),
                () -> all.stream().map(r -> label(r, "site") + ": " + r.path("status").asText() + " " + r.path("statusDetails")).toList().toString());

        JsonNode flaky = named(all, "buy a grinder on flaky [playwright]");
        assertEquals("passed", flaky.path("status").asText());
        assertTrue(flaky.path("statusDetails").path("flaky").asBoolean());
        assertEquals(List.of("attempt 1 of 2: FAILED at step 5 'add to cart'", "attempt 2 of 2: PASSED"), names(flaky.path("steps")));
        // The first failure keeps its bundle; with one retry the default trace policy traces the retry only, so the
        // first attempt's bundle has no trace.zip (TracePolicy.ON_FIRST_RETRY).
        List<String> bundle = new java.util.ArrayList<>();
        flaky.path("steps").get(0).path("steps").get(4).path("attachments").forEach(a -> bundle.add(a.path("name").asText()));
        assertEquals(5, bundle.size(), "the first failure keeps its bundle: " + bundle);
        assertTrue(bundle.stream().noneMatch(name -> name.contains("trace")), bundle.toString());
        assertTrue(labels(flaky, "tag").contains("flaky"));
        JsonNode slow = named(all, "buy a grinder on slow [playwright]");
        assertTrue(labels(slow, "tag").contains("degraded"));
        assertTrue(slow.path("statusDetails").path("message").asText().startsWith("degraded: step 2 'category 'Grinders'' took "), slow.toString());
        assertTrue(named(all, "buy a grinder on fallback [playwright]").path("statusDetails").path("message").asText()
                .startsWith("fallback only: live passed, this fallback failed\n'buy a grinder' on fallback [playwright]: step 5 'add to cart' FAILED"));
        assertEquals(all.size(), all.stream().map(r -> r.path("historyId").asText()).distinct().count(), "one history per journey, site and engine");
    }

    private static DemoStore start(List<DemoStore> stores, String name) {
        DemoStore store = DemoStore.builder().name(name).start();
        stores.add(store);
        return store;
    }

    private static void assertMagic(Path file, byte[] magic) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            assertArrayEquals(magic, in.readNBytes(magic.length), file.toString());
        }
    }
}
