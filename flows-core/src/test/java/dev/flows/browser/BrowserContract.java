package dev.flows.browser;

import dev.flows.engine.port.PortProbe;

import dev.flows.demostore.DemoStore;
import dev.flows.demostore.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every engine behind the browser port must do, run unchanged against each engine on the demo store.
 * A subclass only says which engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserContract {

    static final Duration WAIT = Duration.ofSeconds(3);

    DemoStore store;
    Browser browser;
    Page page;

    abstract BrowserConfig.Builder engine();

    /**
     * Contract tests of the port's own logic (queries, conditions, their messages), which runs the same whichever
     * way the driver reaches its browser. A remote variant (Grid, Playwright server) skips them, saving a browser
     * session each; it runs every test that crosses the wire: navigation and statuses, clicks that load pages,
     * isolation, headers, basic auth, request rules, screenshots, console and failed-request capture, the call log.
     */
    static final java.util.Set<String> PORT_LOGIC = java.util.Set.of(
            "relativePathsKeepTheBaseUrlsPrefix", "readsTextAttributesAndCounts", "findsElementsByTheirText",
            "showsFormErrorsNextToTheirFields", "aSelectThatOpensASlowPageIsSentOnce", "waitsForAnElementThatAppearsLate",
            "aFailedWaitSaysWhatWhereAndHowLong", "aFailedConditionSaysWhatItFoundInstead",
            "aMissingOptionListsTheOptionsThereAre", "anActionOnSeveralElementsIsRefused", "hiddenAndVisibleConditions");

    /** Whether this variant reaches its browser over the network (see {@link #PORT_LOGIC}). */
    boolean remote() {
        return false;
    }

    @BeforeAll
    void launch() {
        store = DemoStore.builder().name("live").start();
        browser = Browser.launch(engine().timeouts(Timeouts.DEFAULT.withWaitFor(WAIT)).build());
    }

    @AfterAll
    void shutDown() {
        if (browser != null) {
            browser.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @BeforeEach
    void openPage(org.junit.jupiter.api.TestInfo test) {
        org.junit.jupiter.api.Assumptions.assumeFalse(remote() && PORT_LOGIC.contains(test.getTestMethod().orElseThrow().getName()),
                "port logic: covered by the local variant of this engine");
        store.faults().clear();
        page = browser.newPage(PageOptions.builder().baseUrl(store.baseUrl()).build());
    }

    @AfterEach
    void closePage() {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    private String engineName() {
        return browser.engine();
    }

    // --- navigation ---

    @Test
    void opensAPageAndReportsItsStatus() {
        Navigation navigation = page.open("/");
        assertEquals(200, navigation.status());
        assertEquals(store.baseUrl().toString(), navigation.url());
        assertEquals("Served by live", page.find(Locator.testId("served-by")).text());
        assertTrue(page.title().contains("Bean & Burr"), page.title());
    }

    @Test
    void reportsTheStatusOfAServerErrorPage() {
        store.faults().serverError("/cart");
        assertEquals(500, page.open("/cart").status());
        assertTrue(page.failedRequests().stream().anyMatch(r -> r.status() == 500 && r.url().endsWith("/cart")),
                page.failedRequests().toString());
    }

    @Test
    void followsALinkByClickingIt() {
        page.open("/");
        page.find(Locator.css("[data-testid='category-link'][data-category='grinders']")).click();
        page.shouldHaveUrl("/category/grinders");
        page.find(Locator.testId("category-title")).should(Condition.exactText("Grinders"));
    }

    @Test
    void anUnreachableSiteFailsAtOnceAndSaysSo() {
        store.faults().down();
        long start = System.nanoTime();
        SiteUnreachableException e = assertThrows(SiteUnreachableException.class, () -> page.open("/"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals("Site unreachable: " + store.baseUrl() + " (net::ERR_CONNECTION_REFUSED) [" + engineName() + "]",
                e.getMessage());
        assertEquals("net::ERR_CONNECTION_REFUSED", e.reason());
        // Not a figure to tune, just far below the 30 s a navigation timeout would take.
        assertTrue(tookMs < 15_000, "took " + tookMs + " ms");
    }

    @Test
    void relativePathsKeepTheBaseUrlsPrefix() {
        assertEquals(store.baseUrl().resolve("cart"), PortProbe.resolve(page, "/cart"));
        assertEquals(store.baseUrl().resolve("cart"), PortProbe.resolve(page, "cart"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> page.open("ftp://example.test/"));
        assertEquals("cannot open a ftp: URL: ftp://example.test/", bad.getMessage());
    }

    // --- reading ---

    @Test
    void readsTextAttributesAndCounts() {
        page.open("/category/grinders");
        Elements cards = page.findAll(Locator.testId("product-card"));
        int expected = store.catalogue().inCategory("grinders").size();
        assertEquals(expected, cards.count());
        cards.shouldHaveSize(expected);
        assertEquals(expected, cards.first().attribute("data-product-id").isEmpty() ? -1 : expected);
        Element first = cards.first();
        assertTrue(first.find(Locator.testId("product-price")).text().startsWith("€"));
        assertEquals("in", page.find(Locator.css("[data-product-id='flat-burr-64']")).attribute("data-stock"));
        assertEquals("out", page.find(Locator.css("[data-product-id='single-dose-sd48']")).attribute("data-stock"));
        assertEquals(null, first.attribute("data-no-such-attribute"));
        assertEquals(expected, page.findAll(Locator.testId("product-card").find(Locator.testId("product-name"))).texts().size());
    }

    @Test
    void anElementInsideSeveralMatchesOfTheOuterLocatorIsFoundOnceInPageOrder() {
        page.open("/category/grinders");
        List<String> names = page.findAll(Locator.testId("product-name")).texts();
        // Every name sits inside several nested elements, each a match of "body *": one match per name, in order.
        Locator nested = Locator.css("body *").find(Locator.testId("product-name"));
        assertTrue(names.size() > 1, "the category should list several products: " + names);
        assertEquals(names, page.findAll(nested).texts());
        assertEquals(names.size(), page.findAll(nested).count());
        // The action acts on the element the look saw: the second name's link opens the second product.
        String second = names.get(1);
        page.find(nested.nth(1)).click();
        page.find(Locator.testId("product-title")).should(Condition.exactText(second));
    }

    @Test
    void findsElementsByTheirText() {
        page.open("/product/tamper-58");
        assertEquals("Tamper 58 mm", page.find(Locator.text("Tamper 58 mm").first()).text());
        assertTrue(page.find(Locator.testId("add-to-cart")).exists());
        assertFalse(page.find(Locator.testId("no-such-hook")).exists());
        assertTrue(page.find(Locator.testId("add-to-cart")).isVisible());
    }

    // --- acting ---

    @Test
    void selectsAnOptionByValueOrLabelAndTheShopSortsByIt() {
        page.open("/category/espresso-machines");
        page.find(Locator.testId("sort")).select("price-asc");
        page.shouldHaveUrl("sort=price-asc");
        List<Long> prices = page.findAll(Locator.testId("product-price")).texts().stream()
                .map(t -> Long.parseLong(t.replaceAll("[^0-9]", ""))).toList();
        List<Long> sorted = new ArrayList<>(prices);
        sorted.sort(null);
        assertEquals(sorted, prices);

        page.find(Locator.testId("sort")).select("Name, A to Z");
        page.shouldHaveUrl("sort=name");
        page.find(Locator.testId("sort")).should(Condition.value("name"));
    }

    @Test
    void actsOnAPageOnlyOnceItsScriptsHaveRun() {
        page.open("/category/espresso-machines");
        // From here the shop's script comes 1 s after its page: the sort menu of the next page shows before the
        // (deferred) script that submits it on a change has run, as a shop's controls show before it hydrates.
        store.faults().latency("/static/app.js", Duration.ofSeconds(1));
        page.find(Locator.testId("sort")).select("price-asc");
        page.shouldHaveUrl("sort=price-asc");

        page.find(Locator.testId("sort")).select("Name, A to Z");

        page.shouldHaveUrl("sort=name");
    }

    @Test
    void addsToTheCartWithoutAReload() {
        page.open("/product/tamper-58");
        page.find(Locator.testId("quantity")).fill("2");
        page.find(Locator.testId("quantity")).should(Condition.value("2"));
        page.find(Locator.testId("add-to-cart")).click();
        page.find(Locator.testId("cart-count")).should(Condition.exactText("2"));
        page.find(Locator.testId("cart-notice")).should(Condition.visible(), Condition.text("Added 2 × Tamper 58 mm"));
        page.open("/cart");
        page.findAll(Locator.testId("cart-line")).shouldHaveSize(1);
        page.find(Locator.testId("cart-total")).should(Condition.exactText("€98.00"));
    }

    @Test
    void showsFormErrorsNextToTheirFields() {
        page.open("/product/tamper-58");
        page.find(Locator.testId("add-to-cart")).click();
        page.find(Locator.testId("cart-count")).should(Condition.exactText("1"));
        page.open("/checkout");
        page.find(Locator.testId("email")).fill("not-an-email");
        page.find(Locator.testId("continue-to-payment")).click();
        page.find(Locator.css("[data-testid='field-error'][data-field='email']")).should(Condition.visible());
        page.find(Locator.testId("email")).should(Condition.value("not-an-email"));
    }

    @Test
    void pagesDoNotShareCookies() {
        page.open("/product/tamper-58");
        page.find(Locator.testId("add-to-cart")).click();
        page.find(Locator.testId("cart-count")).should(Condition.exactText("1"));
        try (Page other = browser.newPage(PageOptions.builder().baseUrl(store.baseUrl()).build())) {
            other.open("/cart");
            other.find(Locator.testId("cart-empty")).should(Condition.visible());
            other.find(Locator.testId("cart-count")).should(Condition.exactText("0"));
        }
    }

    @Test
    void marksEveryRequestWithHeadersAndUserAgentSuffix() {
        store.clearRequestLog();
        try (Page marked = browser.newPage(PageOptions.builder().baseUrl(store.baseUrl())
                .header("X-Flows-Synthetic", "contract-test").userAgentSuffix("FlowsMonitor/test").build())) {
            marked.open("/product/tamper-58");
            marked.find(Locator.testId("add-to-cart")).click();
            marked.find(Locator.testId("cart-count")).should(Condition.exactText("1"));
        }
        List<RecordedRequest> log = store.requestLog();
        assertTrue(log.stream().anyMatch(r -> r.path().startsWith("/cart/add.js")), log.toString());
        for (RecordedRequest request : log) {
            assertEquals("contract-test", request.header("X-Flows-Synthetic").orElse(null), request.path());
            assertTrue(request.header("User-Agent").orElse("").endsWith(" FlowsMonitor/test"), request.path());
        }
    }

    @Test
    void answersTheSitesBasicAuthChallengeWithoutTheUrlCarryingIt() {
        try (DemoStore guarded = DemoStore.builder().name("staging").basicAuth("shop", "s3cret-pass").start()) {
            assertEquals(401, statusWithoutCredentials(guarded));
            NetworkPolicy auth = new NetworkPolicy(new dev.flows.secret.BasicAuth("shop", "s3cret-pass"),
                    guarded.baseUrl(), List.of());
            try (Page with = browser.newPage(PageOptions.builder().baseUrl(guarded.baseUrl()).network(auth).build())) {
                assertEquals(200, with.open("/").status());
                // Every page of the guarded site, not only the first, is answered.
                assertEquals(200, with.open("/cart").status());
                assertFalse(with.url().contains("s3cret"), with.url());
            }
        }
    }

    // Engines report intercepted requests as the browser pauses them, which may be just after a click returns.
    private static List<InterceptedRequest> waitForIntercepted(Page page) {
        return waitForIntercepted(page, 1);
    }

    private static List<InterceptedRequest> waitForIntercepted(Page page, int count) {
        waitUntil(() -> page.interceptedRequests().size() >= count);
        return page.interceptedRequests();
    }

    /** Looks again every 20 ms, up to {@link #WAIT}: spinning would take a core from the browser on 2 cores. */
    private static void waitUntil(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int statusWithoutCredentials(DemoStore store) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(store.baseUrl()).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void blocksARequestARuleNamesAtTheNetworkWhateverThePageDoes() {
        RequestRule cart = RequestRule.order(store.baseUrl(), RequestPattern.parse("GET /cart"), true);
        try (Page guarded = browser.newPage(PageOptions.builder().baseUrl(store.baseUrl())
                .network(new NetworkPolicy(null, null, List.of(cart))).build())) {
            guarded.open("/product/tamper-58");
            store.clearRequestLog();
            try {
                guarded.find(Locator.testId("cart-link")).click();
            } catch (BrowserException e) {
                // An engine may report the blocked navigation as a failed click: the block is what counts.
            }
            List<InterceptedRequest> caught = waitForIntercepted(guarded);
            assertEquals(1, caught.size(), caught.toString());
            assertEquals("blocked GET " + store.baseUrl() + "cart (order placement: GET /cart)", caught.get(0).toString());
            assertTrue(store.requestLog().stream().noneMatch(r -> r.path().equals("/cart")), store.requestLog().toString());
        }
    }

    @Test
    void aRuleForAnotherMethodLetsANavigationToTheSameUrlThroughAtOnce() {
        // An order is POST /checkout/payment; the payment page itself is GET /checkout/payment. A click that opens
        // the page must not be held back by the rule (once, on Selenium, it waited for the renderer to time out).
        RequestRule postCart = RequestRule.order(store.baseUrl(), RequestPattern.parse("POST /cart"), true);
        try (Page guarded = browser.newPage(PageOptions.builder().baseUrl(store.baseUrl())
                .network(new NetworkPolicy(null, null, List.of(postCart))).build())) {
            guarded.open("/product/tamper-58");
            guarded.find(Locator.testId("cart-link")).click();
            guarded.find(Locator.testId("cart-empty")).should(Condition.visible());
            assertEquals(List.of(), guarded.interceptedRequests());
        }
    }

    @Test
    void aWatchingRuleRecordsTheRequestAndLetsItThrough() {
        RequestRule cart = RequestRule.order(store.baseUrl(), RequestPattern.parse("GET /cart"), false);
        try (Page watched = browser.newPage(PageOptions.builder().baseUrl(store.baseUrl())
                .network(new NetworkPolicy(null, null, List.of(cart))).build())) {
            watched.open("/product/tamper-58");
            watched.find(Locator.testId("cart-link")).click();
            watched.find(Locator.testId("cart-empty")).should(Condition.visible());
            assertEquals(List.of("sent GET " + store.baseUrl() + "cart (order placement: GET /cart)"),
                    watched.interceptedRequests().stream().map(Object::toString).toList());
        }
    }

    @Test
    void blocksAThirdPartyHostAndItsSubdomainsAndThePageStillWorks() {
        // Two scripts from other hosts than the page's 127.0.0.1, as a payment provider's and an analytics script:
        // both are this store again (Chrome resolves localhost and its subdomains to the loopback address).
        int port = store.baseUrl().getPort();
        java.net.URI payments = java.net.URI.create("http://localhost:" + port + "/static/payments.js");
        java.net.URI analytics = java.net.URI.create("http://tag.localhost:" + port + "/static/analytics.js");
        store.faults().thirdPartyScript("/product/*", payments).thirdPartyScript("/product/*", analytics);
        java.util.function.Predicate<RecordedRequest> script = r -> r.path().startsWith("/static/payments")
                || r.path().startsWith("/static/analytics");

        // Without a rule the page sends both: what follows can only pass because the rule stopped them.
        store.clearRequestLog();
        page.open("/product/tamper-58");
        waitUntil(() -> store.requestLog().stream().filter(script).count() >= 2);
        assertEquals(2, store.requestLog().stream().filter(script).count(), store.requestLog().toString());

        try (Page guarded = browser.newPage(PageOptions.builder().baseUrl(store.baseUrl())
                .network(new NetworkPolicy(null, null, List.of(RequestRule.host("localhost")))).build())) {
            store.clearRequestLog();
            guarded.open("/product/tamper-58");
            guarded.find(Locator.testId("add-to-cart")).should(Condition.visible());
            List<InterceptedRequest> caught = waitForIntercepted(guarded, 2);
            assertEquals(java.util.Set.of("blocked GET " + payments + " (blocked host: host localhost)",
                            "blocked GET " + analytics + " (blocked host: host localhost)"),
                    caught.stream().map(Object::toString).collect(java.util.stream.Collectors.toSet()), caught.toString());
            assertTrue(store.requestLog().stream().noneMatch(script), store.requestLog().toString());
        }
    }

    @Test
    void aClickThatOpensASlowPageIsSentOnceAndTheNextStepSeesTheNewPage() {
        store.faults().latency("/cart", Duration.ofMillis(1500));
        page.open("/product/tamper-58");
        store.clearRequestLog();
        page.find(Locator.testId("cart-link")).click();
        // Straight after the click, with no wait of our own: this must find the cart page, not the product page.
        assertTrue(page.find(Locator.testId("cart-empty")).exists(), "the click returned before the cart page was there");
        assertEquals(1, store.requestLog().stream().filter(r -> r.path().equals("/cart")).count(),
                store.requestLog().toString());
    }

    @Test
    void aSelectThatOpensASlowPageIsSentOnce() {
        page.open("/category/grinders");
        store.faults().latency("/category/*", Duration.ofMillis(1500));
        store.clearRequestLog();
        page.find(Locator.testId("sort")).select("price-desc");
        page.find(Locator.testId("sort")).should(Condition.value("price-desc"));
        assertTrue(page.url().endsWith("sort=price-desc"), page.url());
        assertEquals(1, store.requestLog().stream().filter(r -> r.path().startsWith("/category/grinders")).count(),
                store.requestLog().toString());
    }

    // --- waiting ---

    @Test
    void waitsForAnElementThatAppearsLate() {
        // A delay well above how long the page takes to load even on a busy machine, and a wait above the delay.
        store.faults().lateElement("/product/*", "add-to-cart", Duration.ofSeconds(4));
        try (Page patient = browser.newPage(PageOptions.builder().baseUrl(store.baseUrl())
                .timeouts(Timeouts.DEFAULT.withWaitFor(Duration.ofSeconds(12))).build())) {
            patient.open("/product/tamper-58");
            assertFalse(patient.find(Locator.testId("add-to-cart")).exists(), "the button should not be there at first");
            patient.find(Locator.testId("add-to-cart")).click();
            patient.find(Locator.testId("cart-count")).should(Condition.exactText("1"));
        }
    }

    @Test
    void aFailedWaitSaysWhatWhereAndHowLong() {
        store.faults().hideElement("/product/*", "add-to-cart");
        page.open("/product/tamper-58");
        String url = store.baseUrl() + "product/tamper-58";
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> page.find(Locator.testId("add-to-cart")).click());
        assertEquals("Timed out after 3 s waiting for testId 'add-to-cart' to be clickable (visible and enabled)\n"
                + "  found:  no element\n"
                + "  page:   " + url + "\n"
                + "  engine: " + browser.describe() + "\n"
                + "  recent actions:\n"
                + "    open " + url + " (" + Durations.say(page.actions().get(0).took()) + ")", e.getMessage());
        assertEquals("no element", e.found());
        assertEquals(WAIT, e.waited());
        Page.Action failed = page.actions().get(page.actions().size() - 1);
        assertEquals("click testId 'add-to-cart'", failed.what());
        assertTrue(failed.failure().startsWith("Timed out after 3 s"), failed.failure());
    }

    @Test
    void aFailedConditionSaysWhatItFoundInstead() {
        page.open("/product/tamper-58");
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
                () -> page.find(Locator.testId("cart-count")).should(Condition.exactText("3"), Duration.ofMillis(400)));
        assertTrue(e.getMessage().startsWith("Timed out after 400 ms waiting for testId 'cart-count' to have text '3'\n"
                + "  found:  text '0'\n"), e.getMessage());
    }

    @Test
    void aMissingOptionListsTheOptionsThereAre() {
        Page quick = browser.newPage(PageOptions.builder().baseUrl(store.baseUrl())
                .timeouts(Timeouts.DEFAULT.withWaitFor(Duration.ofMillis(1500))).build());
        try (quick) {
            quick.open("/category/grinders");
            WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
                    () -> quick.find(Locator.testId("sort")).select("cheapest"));
            assertTrue(e.getMessage().startsWith("Timed out after 1.5 s waiting for testId 'sort' to offer option 'cheapest'\n"
                    + "  found:  no option \"cheapest\"; options are \"featured\" (Featured), "), e.getMessage());
        }
    }

    @Test
    void aFillOnAnElementThatIsNoFieldFailsAtOnce() {
        page.open("/product/tamper-58");
        // Not a WaitTimeoutException after the wait: a <button> never becomes a field.
        NotAFieldException e = assertThrows(NotAFieldException.class, () -> page.find(Locator.testId("add-to-cart")).fill("2"));
        assertEquals("button", e.tag());
        assertEquals("cannot fill testId 'add-to-cart': it is a <button>, not an <input>, a <textarea> or a contenteditable "
                + "element\n  page:   " + store.baseUrl() + "product/tamper-58\n  engine: " + browser.describe(), e.getMessage());
    }

    @Test
    void anActionOnSeveralElementsIsRefused() {
        page.open("/category/grinders");
        AmbiguousLocatorException e = assertThrows(AmbiguousLocatorException.class,
                () -> page.find(Locator.testId("product-card")).click());
        int count = store.catalogue().inCategory("grinders").size();
        assertEquals("testId 'product-card' matched " + count + " elements, but click needs one: use .first(), .nth(i) "
                + "or a narrower locator\n  page:   " + store.baseUrl() + "category/grinders\n  engine: " + browser.describe(),
                e.getMessage());
    }

    @Test
    void hiddenAndVisibleConditions() {
        page.open("/product/tamper-58");
        page.find(Locator.testId("cart-notice")).should(Condition.hidden());
        page.find(Locator.testId("cart-notice")).should(Condition.absent());
        page.find(Locator.testId("add-to-cart")).should(Condition.visible(), Condition.enabled());
        page.open("/product/single-dose-sd48");
        page.find(Locator.testId("add-to-cart")).should(Condition.disabled());
        page.find(Locator.testId("stock-status")).should(Condition.exactText("Out of stock"));
    }

    // --- diagnostics ---

    @Test
    void screenshotsArePngsAndTheSourceIsTheDom() {
        page.open("/");
        byte[] png = page.screenshot();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertTrue(png.length > 10_000, "a shop page is more than a blank PNG: " + png.length);
        String source = page.pageSource();
        assertTrue(source.contains("data-testid=\"served-by\""), source.substring(0, Math.min(200, source.length())));
    }

    @Test
    void capturesUncaughtErrorsAndConsoleErrors() {
        store.faults().scriptError("/", "Boom from demo store");
        page.open("/");
        page.find(Locator.testId("served-by")).should(Condition.visible());
        // The error is thrown by a script while the page loads; no sleeping, but the event may trail the load.
        ConsoleError error = waitForError();
        assertEquals(ConsoleError.Kind.UNCAUGHT, error.kind());
        assertEquals("Error: Boom from demo store", error.message());
        assertEquals(store.baseUrl().toString(), error.pageUrl());
    }

    private ConsoleError waitForError() {
        return PortProbe.awaitUncaughtError(page, WAIT);
    }

    @Test
    void capturesFailedRequestsOfThePage() {
        store.faults().serverError("/cart/add.js");
        page.open("/product/tamper-58");
        page.find(Locator.testId("add-to-cart")).click();
        page.find(Locator.testId("cart-error")).should(Condition.visible());
        FailedRequest failed = page.failedRequests().stream().filter(r -> r.url().endsWith("/cart/add.js")).findFirst()
                .orElseThrow(() -> new AssertionError(page.failedRequests().toString()));
        assertEquals("POST", failed.method());
        assertEquals(500, failed.status());
    }

    @Test
    void recordsATraceZip(@TempDir Path dir) throws Exception {
        page.startTrace();
        page.open("/product/tamper-58");
        page.find(Locator.testId("add-to-cart")).click();
        page.find(Locator.testId("cart-count")).should(Condition.exactText("1"));
        Path zip = page.stopTrace(dir.resolve("trace.zip"));
        assertTrue(Files.size(zip) > 1000, "trace size " + Files.size(zip));
        List<String> entries = new ArrayList<>();
        String traceJson = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.add(entry.getName());
                if (entry.getName().equals("trace.json")) {
                    traceJson = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        if (browser.engine().equals("playwright")) {
            assertTrue(entries.stream().anyMatch(n -> n.endsWith(".trace")), entries.toString());
        } else {
            // One picture per action (PNG, or JPEG where the engine takes them beside its commands), each with the
            // page's address.
            assertTrue(entries.containsAll(List.of("trace.json", "index.html")), entries.toString());
            assertEquals(3, entries.stream().filter(n -> n.matches("00[123]\\.(png|jpg)")).count(), entries.toString());
            com.fasterxml.jackson.databind.JsonNode actions = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(traceJson).path("actions");
            assertEquals(3, actions.size(), traceJson);
            for (com.fasterxml.jackson.databind.JsonNode action : actions) {
                assertTrue(action.path("url").asText().endsWith("/product/tamper-58"), traceJson);
                assertTrue(entries.contains(action.path("screenshot").asText()), traceJson);
            }
        }
    }

    @Test
    void recordsWhatThePageWasAskedToDo() {
        page.open("/product/tamper-58");
        page.find(Locator.testId("quantity")).fill("3");
        page.find(Locator.testId("add-to-cart")).click();
        List<String> actions = page.actions().stream().map(Page.Action::what).toList();
        assertEquals(List.of("open " + store.baseUrl() + "product/tamper-58", "fill testId 'quantity' with '3'",
                "click testId 'add-to-cart'"), actions);
    }
}
