package dev.flows.dsl;

import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Locator;
import dev.flows.browser.Timeouts;
import dev.flows.demostore.DemoStore;
import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A production site never receives an order unless the run allows it; an allowed run places exactly one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeCheckoutTest {

    private static final Path OUTPUT = Path.of("target", "flows-test-output", "safe-checkout");
    private static final Storefront SHOP = Storefront.demoStore();
    private static final String REFUSED = "refused to place an order on production site 'shop': allow orders for it in the run "
            + "(allowOrders(\"shop\")) or mark it non-production";

    private DemoStore store;
    private Site production;
    private Engines engines;

    @BeforeAll
    void start() {
        store = DemoStore.builder().name("shop").start();
        production = Site.builder("shop").url(store.baseUrl()).production(true).build();
        engines = new Engines();
    }

    @AfterAll
    void stop() {
        engines.close();
        store.close();
    }

    @AfterEach
    void forgetOrders() {
        store.faults().clear();
    }

    static java.util.stream.Stream<BrowserConfig.EngineType> engines() {
        return Engines.both();
    }

    private static Journey buy() {
        return SHOP.journey("buy a descaling kit")
                .productAt("/product/descaling-kit")
                .addToCart()
                .checkout(co -> co.guest("flows@example.test").shipping(Address.TEST).card("4242 4242 4242 4242").placeOrder())
                .build();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void production_never_receives_an_order_whatever_the_journey_does(BrowserConfig.EngineType engine) {
        int before = store.orders().size();
        Journey sneaky = SHOP.journey("click place order directly")
                .productAt("/product/descaling-kit")
                .addToCart()
                .checkout(co -> co.guest("flows@example.test"))
                .step("place order by hand", ctx -> ctx.placeOrder(() -> {
                    ctx.page().find(Locator.testId("card-number")).fill("4242 4242 4242 4242");
                    ctx.page().find(Locator.testId("place-order")).click();
                }))
                .build();

        RunResult run = Run.builder().browser(engines.get(engine)).site(production).journey(buy()).journey(sneaky)
                .retries(2).output(OUTPUT).build().execute();

        for (JourneyResult result : run.results()) {
            assertEquals(Outcome.BROKEN, result.outcome(), result.message());
            // The refusal ends the journey: no attempt follows it (an earlier, ordinary failure may have been retried).
            assertTrue(result.last().failure().contains(REFUSED), result.last().failure());
            assertEquals(1, result.attempts().stream().filter(a -> a.failure().contains(REFUSED)).count());
            assertTrue(result.message().contains("\n  " + REFUSED + "\n"), result.message());
        }
        assertEquals("step 5 'place order'", run.results().get(0).failingStep().orElseThrow().label());
        assertEquals("step 5 'place order by hand'", run.results().get(1).failingStep().orElseThrow().label());
        assertEquals(before, store.orders().size(), "no order reached the production site");
        assertEquals(2, run.exitCode());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void a_raw_click_on_place_order_is_blocked_at_the_network_and_never_retried(BrowserConfig.EngineType engine) {
        int before = store.orders().size();
        Journey raw = SHOP.journey("raw click on place order")
                .productAt("/product/descaling-kit")
                .addToCart()
                .checkout(co -> co.guest("flows@example.test"))
                .step("click place order, bypassing placeOrder", ctx -> {
                    ctx.page().find(Locator.testId("card-number")).fill("4242 4242 4242 4242");
                    ctx.page().find(Locator.testId("place-order")).click();
                    ctx.page().find(Locator.testId("order-number")).should(dev.flows.browser.Condition.visible());
                })
                .build();

        JourneyResult result = Run.builder().browser(engines.get(engine)).site(production).journey(raw)
                .retries(2).output(OUTPUT).build().execute().results().get(0);

        assertEquals(Outcome.BROKEN, result.outcome(), result.message());
        assertEquals(1, result.attempts().size(), "a blocked order is never retried: " + result.message());
        String blocked = "refused to place an order on production site 'shop': POST " + store.baseUrl()
                + "checkout/payment (the profile's order request POST /checkout/payment) was blocked at the network;";
        assertTrue(result.message().contains(blocked), result.message());
        assertEquals(before, store.orders().size(), "no order reached the production site");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void the_default_checkout_on_production_stops_at_a_reachable_payment_step(BrowserConfig.EngineType engine) {
        int before = store.orders().size();
        Journey upToPayment = SHOP.journey("checkout up to payment")
                .productAt("/product/descaling-kit")
                .addToCart()
                .checkout(co -> co.guest("flows@example.test"))
                .build();

        JourneyResult result = Run.builder().browser(engines.get(engine)).site(production).journey(upToPayment).output(OUTPUT)
                .build().execute().results().get(0);

        assertEquals(Outcome.PASSED, result.outcome(), result.message());
        assertEquals("checkout: payment step reachable", result.last().steps().get(result.last().steps().size() - 1).name());
        assertEquals(before, store.orders().size());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void a_run_that_allows_orders_places_exactly_one(BrowserConfig.EngineType engine) {
        int before = store.orders().size();

        JourneyResult result = Run.builder().browser(engines.get(engine)).site(production).allowOrders("shop").journey(buy())
                .output(OUTPUT).build().execute().results().get(0);

        assertEquals(Outcome.PASSED, result.outcome(), result.message());
        assertEquals(before + 1, store.orders().size());
        assertEquals("flows@example.test", store.orders().get(store.orders().size() - 1).email());
    }
}
