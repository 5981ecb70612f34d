package dev.flows.dsl;

import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Timeouts;
import dev.flows.demostore.DemoStore;
import dev.flows.demostore.RecordedRequest;
import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.PageErrors;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Traffic marking, page errors and parallel sites, against real demo-store instances. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunPoliciesTest {

    private static final Path OUTPUT = Path.of("target", "flows-test-output", "policies");
    private static final Storefront SHOP = Storefront.demoStore();
    private static final Journey BROWSE = SHOP.journey("browse")
            .landing()
            .category("Grinders")
            .product(Pick.firstInStock())
            .addToCart()
            .expectCartCount(1)
            .build();

    private DemoStore live;
    private DemoStore fallback;
    private Site liveSite;
    private Site fallbackSite;
    private Engines engines;

    @BeforeAll
    void start() {
        live = DemoStore.builder().name("live").start();
        fallback = DemoStore.builder().name("fallback").start();
        liveSite = Site.builder("live").url(live.baseUrl()).build();
        fallbackSite = Site.builder("fallback").url(fallback.baseUrl()).role("fallback").build();
        engines = new Engines();
    }

    @AfterAll
    void stop() {
        engines.close();
        live.close();
        fallback.close();
    }

    @AfterEach
    void clear() {
        live.faults().clear();
        fallback.faults().clear();
        live.clearRequestLog();
        fallback.clearRequestLog();
    }

    static java.util.stream.Stream<BrowserConfig.EngineType> engines() {
        return Engines.both();
    }

    private Run.Builder run(BrowserConfig.EngineType engine) {
        return Run.builder().browser(engines.get(engine)).output(OUTPUT).retries(0)
                .pageTimeouts(Timeouts.DEFAULT.withWaitFor(Duration.ofSeconds(2)));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void every_request_carries_the_synthetic_header_and_user_agent_suffix(BrowserConfig.EngineType engine) {
        JourneyResult result = run(engine).site(liveSite).journey(BROWSE).build().execute().results().get(0);

        assertEquals(Outcome.PASSED, result.outcome(), result.message());
        List<RecordedRequest> requests = live.requestLog().stream().filter(r -> !r.path().startsWith("/__admin")).toList();
        assertTrue(requests.size() >= 5, "pages, assets and the cart XHR: " + requests);
        assertTrue(requests.stream().anyMatch(r -> r.path().equals("/cart/add.js")), "the XHR is logged too");
        for (RecordedRequest request : requests) {
            assertEquals("1", request.header("X-Flows-Synthetic").orElse(null), request.method() + " " + request.path());
            assertTrue(request.header("User-Agent").orElse("").endsWith(" FlowsMonitor/0.1.0-SNAPSHOT"),
                    request.path() + ": " + request.header("User-Agent").orElse(null));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void an_uncaught_page_error_fails_the_step(BrowserConfig.EngineType engine) {
        live.faults().scriptError("/category/*", "Boom from the shop");

        JourneyResult result = run(engine).site(liveSite).journey(BROWSE).build().execute().results().get(0);

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("step 2 'category 'Grinders''", result.failingStep().orElseThrow().label(), result.message());
        assertTrue(result.message().contains("\n  uncaught JavaScript error on the page: uncaught: "), result.message());
        assertTrue(result.message().contains("Boom from the shop"), result.message());
        assertTrue(result.message().contains("(ignore it with pageErrors(PageErrors.failStep().allow(\"<regex>\")) if it is third-party noise)"),
                result.message());
    }

    @Test
    void a_page_error_can_degrade_instead_or_be_allowed() {
        live.faults().scriptError("/category/*", "Boom from a tag manager");

        JourneyResult degraded = run(BrowserConfig.EngineType.PLAYWRIGHT).site(liveSite).journey(BROWSE)
                .pageErrors(PageErrors.degrade()).build().execute().results().get(0);
        JourneyResult allowed = run(BrowserConfig.EngineType.PLAYWRIGHT).site(liveSite).journey(BROWSE)
                .pageErrors(PageErrors.failStep().allow("tag manager$")).build().execute().results().get(0);

        assertEquals(Outcome.DEGRADED, degraded.outcome(), degraded.message());
        assertEquals(1, degraded.notes().size());
        assertTrue(degraded.notes().get(0).startsWith("step 2 'category 'Grinders'': uncaught JavaScript error: uncaught: "), degraded.notes().get(0));
        assertEquals(Outcome.PASSED, allowed.outcome(), allowed.message());
    }

    @Test
    void parallel_sites_and_parallel_runs_do_not_see_each_other() throws Exception {
        live.faults().hideElement("/product/*", "add-to-cart");
        CompletableFuture<RunResult> first = CompletableFuture.supplyAsync(() -> run(BrowserConfig.EngineType.PLAYWRIGHT)
                .site(liveSite).site(fallbackSite).parallelSites(2).journey(BROWSE).retries(2).trafficHeader("X-Run", "first").build().execute());
        Site fallbackAgain = Site.builder("fallback-b").url(fallback.baseUrl()).role("fallback").build();
        CompletableFuture<RunResult> second = CompletableFuture.supplyAsync(() -> run(BrowserConfig.EngineType.PLAYWRIGHT)
                .site(fallbackAgain).journey(BROWSE).retries(2).trafficHeader("X-Run", "second").userAgentSuffix("SecondMonitor/1").build().execute());

        RunResult a = first.get();
        RunResult b = second.get();

        assertEquals(Outcome.FAILED, a.result("browse", "live", "playwright").outcome());
        // Three pages at once on two cores, and still no retry: the fallback and the second run are healthy.
        JourneyResult healthy = a.result("browse", "fallback", "playwright");
        assertEquals(Outcome.PASSED, healthy.outcome(), () -> healthy.failingStep().map(s -> s.label() + ": " + s.failure()).orElse(healthy.message()));
        JourneyResult other = b.results().get(0);
        assertEquals(Outcome.PASSED, other.outcome(), () -> other.failingStep().map(s -> s.label() + ": " + s.failure()).orElse(other.message()));
        assertFalse(a.runId().equals(b.runId()));
        assertTrue(live.requestLog().stream().allMatch(r -> r.header("X-Run").orElse("").equals("first")));
        assertTrue(fallback.requestLog().stream().anyMatch(r -> r.header("X-Run").orElse("").equals("second")
                && r.header("User-Agent").orElse("").endsWith("SecondMonitor/1")));
        assertTrue(fallback.requestLog().stream().noneMatch(r -> r.header("X-Run").orElse("").equals("first")
                && r.header("User-Agent").orElse("").endsWith("SecondMonitor/1")));
    }
}
