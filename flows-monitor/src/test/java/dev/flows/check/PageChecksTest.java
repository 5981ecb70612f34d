package dev.flows.check;

import dev.flows.demostore.DemoStore;
import dev.flows.demostore.RecordedRequest;
import dev.flows.heartbeat.RunSummary;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.site.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Page checks against the real demo store, with its faults switched on. */
class PageChecksTest {

    private static DemoStore store;
    private static Site live;
    private static PageChecks checks;

    @BeforeAll
    static void start() {
        store = DemoStore.builder().name("live").start();
        live = Site.builder("live").url(store.baseUrl()).header("X-Shop-Test", "yes").build();
        checks = PageChecks.builder().timeout(Duration.ofSeconds(10)).userAgentSuffix("FlowsMonitor/test").build();
    }

    @AfterAll
    static void stop() {
        checks.close();
        store.close();
    }

    @BeforeEach
    void healthy() {
        store.faults().clear();
        store.clearRequestLog();
    }

    private String url(String path) {
        return store.baseUrl().resolve(path.substring(1)).toString();
    }

    /** The measured time in a message is the one thing that changes from run to run. */
    private static String timeless(String message) {
        return message.replaceAll("\\d+(\\.\\d)? (ms|s)\\b", "<t>");
    }

    @Test
    void aHealthyPagePasses() {
        PageCheckResult r = checks.run(new PageCheck(live, "landing", "/", 200, "Bean & Burr", Duration.ofSeconds(10)));
        assertEquals(Outcome.PASSED, r.outcome(), r.message());
        assertEquals(200, r.status());
        assertNull(r.message());
        assertTrue(r.took().compareTo(Duration.ofSeconds(10)) < 0, "well under the budget: " + r.took());
        assertTrue(r.progressLine().matches("\\[live] page landing PASSED \\d+(\\.\\d)? m?s"), r.progressLine());
    }

    @Test
    void aServerErrorFailsWithTheStatusAndUrl() {
        store.faults().serverError("/cart");
        PageCheckResult r = checks.run(new PageCheck(live, "cart", "/cart", 200, null, null));
        assertEquals(Outcome.FAILED, r.outcome());
        assertEquals(500, r.status());
        assertEquals("cart on live: expected status 200, got 500 (GET " + url("/cart") + ", <t>)", timeless(r.message()));
    }

    @Test
    void aMissingMarkerFails() {
        PageCheckResult r = checks.run(new PageCheck(live, "cart", "/cart", 200, "Espresso for free", null));
        assertEquals(Outcome.FAILED, r.outcome());
        assertEquals("cart on live: marker 'Espresso for free' not found in the page (GET " + url("/cart") + ", 200, <t>)",
                timeless(r.message()));
    }

    @Test
    void aSlowPageIsDegraded() {
        store.faults().latency("/product/*", Duration.ofMillis(400));
        PageCheckResult r = checks.run(new PageCheck(live, "product", "/product/barista-pro", 200, "Barista Pro",
                Duration.ofMillis(100)));
        assertEquals(Outcome.DEGRADED, r.outcome(), r.message());
        assertEquals("product on live: took <t>, over its <t> budget (GET " + url("/product/barista-pro") + ")",
                timeless(r.message()));
        assertTrue(r.message().contains("over its 100 ms budget"), r.message());
    }

    @Test
    void anUnreachableSiteFails() {
        store.faults().down();
        PageCheckResult r = checks.run(new PageCheck(live, "landing", "/", 200, null, null));
        assertEquals(Outcome.FAILED, r.outcome());
        assertEquals(0, r.status());
        assertTrue(timeless(r.message()).matches("landing on live: unreachable: \\w+: .+ \\(GET "
                + java.util.regex.Pattern.quote(url("/")) + ", <t>\\)"), r.message());
        assertTrue(r.took().compareTo(Duration.ofSeconds(10)) < 0, "refused, not timed out: " + r.took());
    }

    @Test
    void aRedirectIsNotFollowed() {
        // /checkout with an empty cart sends the shopper elsewhere: a check expecting 200 must see that.
        PageCheckResult r = checks.run(new PageCheck(live, "checkout", "/checkout", 200, null, null));
        assertEquals(Outcome.FAILED, r.outcome(), String.valueOf(r.message()));
        assertTrue(r.status() >= 300 && r.status() < 400, r.message());
        assertTrue(r.message().contains("got " + r.status() + " to "), r.message());
    }

    @Test
    void requestsAreMarkedAsSyntheticTrafficLikeTheBrowsers() {
        checks.run(new PageCheck(live, "landing", "/", 200, null, null));
        RecordedRequest request = store.requestLog().stream().filter(q -> q.path().equals("/")).findFirst().orElseThrow();
        assertEquals("1", request.header("X-Flows-Synthetic").orElse(null));
        assertEquals("yes", request.header("X-Shop-Test").orElse(null));
        assertTrue(request.header("User-Agent").orElse("").endsWith("FlowsMonitor/test"), request.headers().toString());
    }

    @Test
    void aResultBecomesAOneStepJourneyResultWithoutEngine() {
        store.faults().serverError("/cart");
        List<PageCheckResult> results = checks.run(List.of(
                new PageCheck(live, "landing", "/", 200, null, null),
                new PageCheck(live, "cart", "/cart", 200, null, null)), r -> { });
        JourneyResult cart = results.get(1).toJourneyResult();
        assertEquals("page: cart", cart.journey());
        assertEquals("", cart.engine());
        assertEquals(Outcome.FAILED, cart.outcome());
        assertEquals("step 1 'GET /cart'", cart.failingStep().orElseThrow().label());
        assertEquals(results.get(1).message(), cart.summaryLine());
        assertEquals("live", RunSummary.Check.of(cart).site());
    }

    @Test
    void badChecksAreRefusedWithOneLine() {
        assertEquals("page check 'cart' path must start with /: cart",
                assertThrows(IllegalArgumentException.class, () -> new PageCheck(live, "cart", "cart", 200, null, null)).getMessage());
        assertEquals("page check 'cart' status must be 100-599: 99",
                assertThrows(IllegalArgumentException.class, () -> new PageCheck(live, "cart", "/cart", 99, null, null)).getMessage());
        assertEquals("page check 'cart' budget must be positive: PT0S",
                assertThrows(IllegalArgumentException.class, () -> new PageCheck(live, "cart", "/cart", 200, null, Duration.ZERO)).getMessage());
    }

    @Test
    void aPathResolvesUnderASiteWithAPath() {
        Site shop = Site.builder("shop").url("https://example.test/de/").build();
        assertEquals("https://example.test/de/cart", new PageCheck(shop, "cart", "/cart", 200, null, null).url().toString());
    }
}
