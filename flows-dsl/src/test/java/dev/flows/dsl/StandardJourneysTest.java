package dev.flows.dsl;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.profile.StorefrontProfile;
import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The five standard journeys, written with verbs only (no raw step), on both demo-store shapes and both engines:
 * listing; product and add; cart edit with remove; checkout up to the overview or payment; sort and listing prices.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandardJourneysTest {

    private static final Path OUTPUT = Path.of("target", "flows-test-output", "standard");
    private static final Address CANADA = new Address("Flo", "Monitor", "1 Main Street", "M5V 2T6", "Toronto", "Canada");

    private DemoStore classic;
    private DemoStore express;
    private DemoStore onePage;
    private Browser playwright;
    private Browser selenium;

    @BeforeAll
    void start() {
        classic = DemoStore.builder().name("classic").start();
        express = DemoStore.builder().name("express").shape(DemoStore.Shape.SINGLE_PAGE).start();
        onePage = DemoStore.builder().name("onepage").shape(DemoStore.Shape.SINGLE_PAGE)
                .checkoutFlow(DemoStore.CheckoutFlow.ONE_PAGE).start();
        playwright = Browser.launch(BrowserConfig.playwright().build());
        selenium = Browser.launch(BrowserConfig.selenium().build());
    }

    @AfterAll
    void stop() {
        playwright.close();
        selenium.close();
        classic.close();
        express.close();
        onePage.close();
    }

    private RunResult run(DemoStore store, List<Journey> journeys) {
        return Run.builder().site(Site.builder(store.name()).url(store.baseUrl()).build()).journeys(journeys)
                .browser(playwright).browser(selenium).retries(0).output(OUTPUT).parallelSites(2).build().execute();
    }

    private static void assertAllPassed(RunResult result, int expected) {
        assertEquals(expected, result.results().size());
        String failures = result.results().stream().filter(r -> r.outcome() != Outcome.PASSED)
                .map(JourneyResult::message).collect(Collectors.joining("\n\n"));
        assertEquals("", failures, "every standard journey passes");
    }

    @Test
    void classic_shape_with_verbs_only() {
        Storefront shop = Storefront.demoStore();
        List<Journey> journeys = List.of(
                shop.journey("listing").landing().category("Espresso Machines")
                        .expectProductCount(classic.catalogue().inCategory("espresso-machines").size()).build(),
                shop.journey("product and add").landing().category("Espresso Machines").product("Compact One")
                        .addToCart(2).expectCartCount(2).openCart().expectLinePrices().build(),
                shop.journey("cart edit with remove").landing().category("Accessories").product("Descaling Kit").addToCart()
                        .category("Accessories").product("Tamper 58 mm").addToCart()
                        .cart(c -> c.changeQuantity(2, 3).remove("Descaling Kit"))
                        .expectCartLines("Tamper 58 mm").expectCartCount(3).build(),
                shop.journey("checkout to payment").landing().category("Grinders").product(Pick.firstInStock()).addToCart()
                        .checkout(co -> co.guest("flows@example.test").shipping(Address.TEST)).build(),
                shop.journey("sort and listing prices").landing().category("Grinders").sort("Price, low to high")
                        .expectListingOrder(ListingOrder.PRICE_ASCENDING).expectListedPrice("Conical Mini", "€189.00").build());
        assertAllPassed(run(classic, journeys), 10);
    }

    @Test
    void single_page_shape_with_verbs_only() {
        Storefront shop = Storefront.of(StorefrontProfile.demoStoreExpress());
        List<Journey> journeys = List.of(
                shop.journey("listing").login("shopper", "flows-demo").landing()
                        .expectProductCount(express.catalogue().products().size()).build(),
                shop.journey("product and add").login("shopper", "flows-demo").landing().product("Barista Pro")
                        .addToCart(2, "Stainless steel").expectCartCount(2).openCart().expectLinePrices().build(),
                shop.journey("cart edit with remove").login("shopper", "flows-demo").landing().product("Descaling Kit").addToCart()
                        .landing().product("Tamper 58 mm").addToCart()
                        .cart(c -> c.changeQuantity(1, 3).remove("Descaling Kit"))
                        .expectCartLines("Tamper 58 mm").expectCartCount(3).build(),
                shop.journey("checkout to overview").login("shopper", "flows-demo").landing().product(Pick.firstInStock()).addToCart()
                        .checkout(co -> co.shipping(Address.TEST)).build(),
                shop.journey("sort and listing prices").login("shopper", "flows-demo").landing().sort("Price (low to high)")
                        .expectListingOrder(ListingOrder.PRICE_ASCENDING).expectListedPrice("Blade Grinder Basic", "€29.90").build());
        assertAllPassed(run(express, journeys), 10);
        assertEquals(List.of(), express.orders(), "checking out up to the overview places no order");
    }

    @Test
    void one_page_checkout_with_cash_on_delivery_places_an_order() {
        Storefront shop = Storefront.of(StorefrontProfile.demoStoreExpressOnePage());
        int before = onePage.orders().size();
        List<Journey> journeys = List.of(
                shop.journey("one-page checkout").login("shopper", "flows-demo").landing().product("Compact One").addToCart()
                        .expectCartCount(1)
                        .checkout(co -> co.guest("flows@example.test").shipping(CANADA).phone("+1 555 0100").province("Ontario")
                                .shippingMethod("Standard").paymentMethod("Cash on delivery").placeOrder()).build());
        assertAllPassed(run(onePage, journeys), 2);
        assertEquals(before + 2, onePage.orders().size(), "one order per engine");
        assertEquals("flows@example.test", onePage.orders().get(before).email());
    }
}
