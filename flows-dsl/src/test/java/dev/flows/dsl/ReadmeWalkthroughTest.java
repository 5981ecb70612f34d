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
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's profile walkthrough for the single-page shape loads as written and its journey runs on both engines. */
class ReadmeWalkthroughTest {

    private static final String MARKER = "<!-- walkthrough-profile -->\n```yaml\n";

    static String walkthroughYaml() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf(MARKER);
        if (start < 0) {
            throw new AssertionError("README.md has no walkthrough profile (" + MARKER.strip() + ")");
        }
        start += MARKER.length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void the_walkthrough_profile_loads_and_its_journey_runs_as_written() throws IOException {
        StorefrontProfile profile = StorefrontProfile.parse(walkthroughYaml(), "README.md walkthrough");
        assertEquals("bean-and-burr-express", profile.name());
        Storefront shop = Storefront.of(profile);
        // The README's journey, with the sandbox credentials where it reads them from the environment.
        Journey buy = shop.journey("sort, add and check out")
                .login("shopper", "flows-demo")
                .landing()
                .sort("Price (low to high)").expectListingOrder(ListingOrder.PRICE_ASCENDING)
                .product("Barista Pro").addToCart(1, "Stainless steel")
                .cart(cart -> cart.changeQuantity(1, 2))
                .checkout(co -> co.shipping(Address.TEST))
                .build();
        assertEquals(List.of(), shop.journey("check").login("u", "p").landing().product("Barista Pro").build().steps().stream()
                .filter(s -> s.name().startsWith("check the journey")).map(s -> s.name()).toList(), "the profile has every hook its verbs need");
        try (DemoStore store = DemoStore.builder().name("express").shape(DemoStore.Shape.SINGLE_PAGE).start();
             Browser playwright = Browser.launch(BrowserConfig.playwright().build());
             Browser selenium = Browser.launch(BrowserConfig.selenium().build())) {
            RunResult result = Run.builder().site(Site.builder("express").url(store.baseUrl()).build()).journey(buy)
                    .browser(playwright).browser(selenium).retries(0).parallelSites(2)
                    .output(Path.of("target", "flows-test-output", "walkthrough")).build().execute();
            assertEquals("", result.results().stream().filter(r -> r.outcome() != Outcome.PASSED).map(JourneyResult::message)
                    .collect(Collectors.joining("\n\n")));
            assertEquals(2, result.results().size());
            assertEquals(List.of(), store.orders(), "the walkthrough stops before placing the order");
        }
    }
}
