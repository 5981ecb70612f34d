package dev.flows.dsl;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Condition;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.profile.Hook;
import dev.flows.dsl.profile.StorefrontProfile;
import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.Run;
import dev.flows.site.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verbs' contracts that are about outcomes: profile mistakes are BROKEN at once, shop defects FAILED. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerbContractsTest {

    private DemoStore store;
    private Browser browser;

    @BeforeAll
    void start() {
        store = DemoStore.builder().name("express").shape(DemoStore.Shape.SINGLE_PAGE).start();
        browser = Browser.launch(BrowserConfig.playwright().build());
    }

    @AfterAll
    void stop() {
        browser.close();
        store.close();
    }

    private List<JourneyResult> run(Journey... journeys) {
        return Run.builder().site(Site.builder("express").url(store.baseUrl()).build()).journeys(List.of(journeys))
                .browser(browser).retries(1).output(Path.of("target", "flows-test-output", "contracts")).build().execute().results();
    }

    @Test
    void profile_mistakes_are_broken_at_once_and_shop_defects_failed() {
        Storefront express = Storefront.of(StorefrontProfile.demoStoreExpress());
        StorefrontProfile wrongKind = StorefrontProfile.builder("wrong-kind").from(StorefrontProfile.demoStoreExpress())
                .hook(Hook.FIRST_NAME, StorefrontProfile.builder("x").testIdAttribute("data-test").testId("continue")).build();
        Storefront onePage = Storefront.of(StorefrontProfile.demoStoreExpressOnePage());
        List<JourneyResult> results = run(
                Storefront.of(wrongKind).journey("wrong kind").login("shopper", "flows-demo").landing().product("Compact One").addToCart()
                        .checkout(co -> co.shipping(Address.TEST)).build(),
                onePage.journey("spec lacks a phone").login("shopper", "flows-demo")
                        .checkout(co -> co.guest("a@b.test").province("Ontario").shippingMethod("Standard").paymentMethod("Cash on delivery")).build(),
                express.journey("assertion error").login("shopper", "flows-demo").step("assert", ctx -> {
                    throw new AssertionError("the banner is missing");
                }).build(),
                express.journey("ctx fail").login("shopper", "flows-demo").step("fail", ctx -> ctx.fail("the banner is missing")).build(),
                express.journey("hooks in a step").login("shopper", "flows-demo").landing().expectCartCount(0)
                        .product("Compact One").addToCart()
                        .step("badge", (ctx, hooks) -> ctx.page().find(hooks.locator(Hook.CART_COUNT)).should(Condition.exactText("1")))
                        .build());

        JourneyResult wrong = results.get(0);
        assertEquals(Outcome.BROKEN, wrong.outcome(), wrong.message());
        assertEquals(1, wrong.attempts().size(), "a profile mistake is not retried");
        assertEquals("step 5 'checkout: contact and shipping'", wrong.failingStep().orElseThrow().label());
        assertTrue(wrong.message().contains("storefront profile 'wrong-kind': hooks.firstName (css '[data-test=\"continue\"]') is bound to a <button>,"
                + " but checkout: first name must be a text field (<input> or <textarea>): fix hooks.firstName"), wrong.message());

        JourneyResult phone = results.get(1);
        assertEquals(Outcome.BROKEN, phone.outcome());
        assertEquals("step 1 'check the journey against profile 'demo-store-express-one-page''", phone.failingStep().orElseThrow().label());
        assertTrue(phone.message().contains("    - checkout needs phone(\"...\"): the shop asks for a phone number (hooks.phone)"), phone.message());

        for (JourneyResult r : results.subList(2, 4)) {
            assertEquals(Outcome.FAILED, r.outcome(), r.message());
            assertEquals(2, r.attempts().size(), "a shop defect is retried");
            assertTrue(r.message().contains("\n  the banner is missing"), r.message());
        }
        assertEquals(Outcome.PASSED, results.get(4).outcome(), results.get(4).message());
    }
}
