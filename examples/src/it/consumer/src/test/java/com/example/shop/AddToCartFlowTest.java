package com.example.shop;

import dev.flows.browser.BrowserConfig;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.Pick;
import dev.flows.dsl.Storefront;
import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import static org.testng.Assert.assertEquals;

public class AddToCartFlowTest {

    private DemoStore shop;

    @BeforeClass
    public void startShop() {
        shop = DemoStore.builder().name("staging").start();
    }

    @AfterClass(alwaysRun = true)
    public void stopShop() {
        shop.close();
    }

    @Test
    public void aShopperCanPutAMachineInTheCart() {
        Journey addToCart = Storefront.demoStore().journey("add a machine to the cart")
                .landing()
                .category("Espresso Machines")
                .product(Pick.named("Compact One"))
                .addToCart(1)
                .expectCartCount(1)
                .build();

        RunResult result = Run.builder()
                .site(Site.builder("staging").url(shop.baseUrl()).build())
                .journey(addToCart)
                .engine(BrowserConfig.playwright().build())
                .output(java.nio.file.Path.of("target", "flows-output"))
                .build()
                .execute();

        JourneyResult journey = result.results().get(0);
        assertEquals(journey.outcome(), Outcome.PASSED, journey.message());
    }
}
