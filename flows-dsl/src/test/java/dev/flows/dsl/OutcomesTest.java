package dev.flows.dsl;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Timeouts;
import dev.flows.demostore.DemoStore;
import dev.flows.diagnostics.Diagnostics;
import dev.flows.dsl.profile.Hook;
import dev.flows.dsl.profile.StorefrontProfile;
import dev.flows.journey.Journey;
import dev.flows.run.Attempt;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.Run;
import dev.flows.run.RunListener;
import dev.flows.site.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every outcome, produced by a real demo-store fault, on both engines. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomesTest {

    private static final Path OUTPUT = Path.of("target", "flows-test-output", "outcomes");
    private static final Storefront SHOP = Storefront.demoStore();

    private DemoStore store;
    private Site live;
    private Browser playwright;
    private Browser selenium;

    @BeforeAll
    void start() {
        store = DemoStore.builder().name("live").start();
        live = Site.builder("live").url(store.baseUrl()).build();
        playwright = Browser.launch(BrowserConfig.playwright().build());
        selenium = Browser.launch(BrowserConfig.selenium().build());
    }

    @AfterAll
    void stop() {
        playwright.close();
        selenium.close();
        store.close();
    }

    @AfterEach
    void clearFaults() {
        store.faults().clear();
    }

    // Engines, not browsers, are the parameters: JUnit closes AutoCloseable arguments after each test.
    static Stream<BrowserConfig.EngineType> engines() {
        return Stream.of(BrowserConfig.EngineType.PLAYWRIGHT, BrowserConfig.EngineType.SELENIUM);
    }

    private Browser browser(BrowserConfig.EngineType engine) {
        return engine == BrowserConfig.EngineType.PLAYWRIGHT ? playwright : selenium;
    }

    private static Journey addToCart() {
        return SHOP.journey("add to cart")
                .landing()
                .category("Espresso Machines")
                .product("Barista Pro")
                .addToCart()
                .expectCartCount(1)
                .build();
    }

    private Run.Builder run(Browser browser) {
        return Run.builder().browser(browser).site(live).output(OUTPUT).retries(1)
                .pageTimeouts(Timeouts.DEFAULT.withWaitFor(Duration.ofSeconds(2)));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void passes_when_the_shop_works(BrowserConfig.EngineType engine) {
        Browser browser = browser(engine);
        JourneyResult result = run(browser).journey(addToCart()).build().execute().results().get(0);

        assertEquals(Outcome.PASSED, result.outcome(), result.message());
        assertEquals(1, result.attempts().size());
        assertEquals(List.of("landing", "category 'Espresso Machines'", "product 'Barista Pro'", "add to cart", "expect cart count 1"),
                result.last().steps().stream().map(s -> s.name()).toList());
        assertEquals("€1,249.00", result.prices().get("Barista Pro"));
        assertEquals("", result.message());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void fails_at_add_to_cart_when_the_button_is_gone(BrowserConfig.EngineType engine) throws IOException {
        Browser browser = browser(engine);
        store.faults().hideElement("/product/*", "add-to-cart");

        JourneyResult result = run(browser).journey(addToCart()).build().execute().results().get(0);

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals(2, result.attempts().size(), "a failed step is retried once");
        assertEquals("step 4 'add to cart'", result.failingStep().orElseThrow().label());
        String message = result.message();
        assertTrue(message.startsWith("'add to cart' on live [" + browser.engine() + "]: step 4 'add to cart' FAILED after "), message);
        assertTrue(message.contains("(attempt 2 of 2)"), message);
        assertTrue(message.contains("Timed out after 2 s waiting for testId 'add-to-cart' to "), message);
        Path folder = result.last().diagnostics().folder();
        assertTrue(message.contains("diagnostics: " + folder.toAbsolutePath() + "/ (screenshot.png, page.html, console-errors.txt, failed-requests.txt, trace.zip)"), message);
        assertMagic(folder.resolve(Diagnostics.SCREENSHOT), new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        assertMagic(folder.resolve(Diagnostics.TRACE), new byte[]{'P', 'K', 3, 4});
        assertTrue(Files.readString(folder.resolve(Diagnostics.PAGE_SOURCE)).contains("Barista Pro"));
        assertTrue(Files.size(folder.resolve(Diagnostics.CONSOLE_ERRORS)) > 0);
        assertTrue(Files.size(folder.resolve(Diagnostics.FAILED_REQUESTS)) > 0);
        assertTrue(folder.toString().endsWith(Path.of("live", browser.engine(), "add-to-cart", "attempt-2").toString()), folder.toString());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void is_flaky_when_only_the_first_attempt_fails(BrowserConfig.EngineType engine) {
        Browser browser = browser(engine);
        store.faults().hideElement("/product/*", "add-to-cart");
        RunListener repairAfterFirstFailure = new RunListener() {
            @Override
            public void attemptFailed(Journey journey, Site site, String engine, Attempt attempt) {
                store.faults().clear();
            }
        };

        JourneyResult result = run(browser).journey(addToCart()).listener(repairAfterFirstFailure).build().execute().results().get(0);

        assertEquals(Outcome.FLAKY, result.outcome(), result.message());
        assertEquals(2, result.attempts().size());
        assertEquals(Outcome.FAILED, result.attempts().get(0).outcome());
        assertEquals(Outcome.PASSED, result.attempts().get(1).outcome());
        assertEquals("step 4 'add to cart'", result.failingStep().orElseThrow().label(), "the first failure is kept");
        assertTrue(result.message().contains("(attempt 1 of 2)"), result.message());
        assertTrue(Files.exists(result.attempts().get(0).diagnostics().folder().resolve(Diagnostics.SCREENSHOT)));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void is_degraded_when_a_step_goes_over_its_budget(BrowserConfig.EngineType engine) {
        Browser browser = browser(engine);
        store.faults().latency("/category/*", Duration.ofMillis(700));
        Journey slowProduct = SHOP.journey("slow category")
                .landing()
                .categoryAt("/category/grinders").within(Duration.ofMillis(400))
                .build();

        JourneyResult result = run(browser).journey(slowProduct).build().execute().results().get(0);

        assertEquals(Outcome.DEGRADED, result.outcome(), result.message());
        assertEquals(1, result.notes().size());
        assertTrue(result.notes().get(0).matches("step 2 'category /category/grinders' took [0-9.]+ (s|ms), over its 400 ms budget"),
                result.notes().get(0));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void is_broken_when_the_profile_lacks_a_verb(BrowserConfig.EngineType engine) {
        Browser browser = browser(engine);
        StorefrontProfile noCategories = StorefrontProfile.builder("no-categories")
                .from(StorefrontProfile.demoStore()).without(Hook.CATEGORY_LINK).build();
        Journey journey = Storefront.of(noCategories).journey("add to cart")
                .landing().category("Espresso Machines").product("Barista Pro").addToCart().build();

        JourneyResult result = run(browser).journey(journey).build().execute().results().get(0);

        assertEquals(Outcome.BROKEN, result.outcome());
        assertEquals(1, result.attempts().size(), "a broken monitor is not retried");
        // Checked when the journey is built: BROKEN at once, before anything is typed on the shop.
        assertEquals("step 1 'check the journey against profile 'no-categories''", result.failingStep().orElseThrow().label());
        assertEquals("'add to cart' on live [" + browser.engine() + "]: step 1 'check the journey against profile 'no-categories'' BROKEN"
                        + " (monitor problem, not retried) after " + result.failingStep().orElseThrow().took().toMillis() + " ms (attempt 1 of 2)",
                result.summaryLine());
        assertTrue(result.message().contains("\n  the journey does not fit storefront profile 'no-categories':\n"
                + "    - step 'category 'Espresso Machines'' needs hooks.categoryLink (a link to a category in "
                + "the navigation (its text is the category's name))\n"), result.message());
        assertEquals(1, result.last().steps().size(), "no step of the shop ran");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void is_broken_when_the_browser_cannot_start(BrowserConfig.EngineType engine) {
        Browser browser = browser(engine);
        BrowserConfig missing = BrowserConfig.builder(browser.config().engine())
                .browserPath(Path.of("/nonexistent/chromium")).downloads(false).build();

        JourneyResult result = Run.builder().engine(missing).site(live).output(OUTPUT).journey(addToCart()).build()
                .execute().results().get(0);

        assertEquals(Outcome.BROKEN, result.outcome());
        assertTrue(result.message().startsWith("'add to cart' on live [" + browser.engine() + "]: BROKEN before step 1: the "
                + browser.engine() + " browser could not start (monitor problem, not retried)\n"), result.message());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void fails_at_once_when_the_site_is_unreachable(BrowserConfig.EngineType engine) {
        Browser browser = browser(engine);
        try (DemoStore down = DemoStore.builder().name("down").start()) {
            down.faults().down();
            Site site = Site.builder("down").url(down.baseUrl()).role("fallback").build();

            JourneyResult result = Run.builder().browser(browser).site(site).output(OUTPUT).journey(addToCart()).build()
                    .execute().results().get(0);

            assertEquals(Outcome.FAILED, result.outcome());
            assertEquals(1, result.attempts().size(), "an unreachable site is not retried");
            // The refused connection is the verdict, not the navigation timeout: the step ended before that timeout
            // (how fast is the benchmark's detection figure; a wall clock here would measure the machine's load).
            Duration stepTook = result.failingStep().orElseThrow().took();
            assertTrue(stepTook.compareTo(browser.config().timeouts().navigation()) < 0,
                    "the step waited for the navigation timeout: " + stepTook);
            assertTrue(result.summaryLine().startsWith("'add to cart' on down [" + browser.engine() + "]: step 1 'landing' FAILED: site 'down' is unreachable at "
                    + down.baseUrl() + " (not retried) after "), result.summaryLine());
            assertTrue(result.message().contains("Site unreachable: " + down.baseUrl()), result.message());
        }
    }

    private static void assertMagic(Path file, byte[] magic) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            assertArrayEquals(magic, in.readNBytes(magic.length), file + " starts with " + Arrays.toString(magic));
        }
    }
}
