package dev.flows.benchmarks;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.dsl.Pick;
import dev.flows.dsl.Storefront;
import dev.flows.dsl.profile.StorefrontProfile;
import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** The journey in the Flows DSL, run by {@link Run} on one engine that stays up between journeys. */
final class FlowsVariant implements Variant {

    private final BrowserConfig.EngineType engine;
    private final Path output;
    private Browser browser;

    FlowsVariant(BrowserConfig.EngineType engine, Path output) {
        this.engine = engine;
        this.output = output;
    }

    static Journey journey() {
        return journey("guest checkout with a cart edit");
    }

    static Journey journey(String name) {
        return Storefront.of(StorefrontProfile.demoStore()).journey(name)
                .landing()
                .category(Shop.CATEGORY)
                .product(Pick.firstInStock())
                .addToCart(2)
                .cart(cart -> cart.changeQuantity(1, 1))
                .expectCartCount(1)
                .checkout(co -> co.guest(Shop.EMAIL).shipping(Shop.ADDRESS))
                .build();
    }

    @Override
    public String name() {
        return "flows-" + engine.id();
    }

    @Override
    public void start() {
        browser = Browser.launch(BrowserConfig.builder(engine).browserPath(Path.of(Bench.CHROMIUM)).build());
    }

    @Override
    public void journey(URI base) {
        RunResult result = Run.builder()
                .browser(browser)
                .site(Site.builder("live").url(base.toString()).build())
                .journey(journey())
                .output(output)
                // The other variants have no step timeout: on a busy machine a step may take longer than 1 min.
                .stepTimeout(Duration.ofMinutes(10))
                .build()
                .execute();
        JourneyResult only = result.results().get(0);
        if (only.outcome() != Outcome.PASSED) {
            throw new IllegalStateException(name() + ": " + only.outcome() + "\n" + only.attempts().get(only.attempts().size() - 1).failure());
        }
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.close();
        }
    }
}
