package dev.flows.examples;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.BrowserException;
import dev.flows.browser.Condition;
import dev.flows.browser.Locator;
import dev.flows.browser.Page;
import dev.flows.browser.PageOptions;
import dev.flows.demostore.DemoStore;

import java.util.List;

/**
 * Starts the demo store's live and fallback instances and drives one shopper's path (landing, category, product,
 * add to cart, cart) on both engines against both, printing what happened. Exits 1 if any path failed.
 */
public final class SmokeRun {

    private SmokeRun() {
    }

    public static void main(String[] args) {
        int failures = 0;
        try (DemoStore live = DemoStore.builder().name("live").start();
             DemoStore fallback = DemoStore.builder().name("fallback").start()) {
            System.out.println("demo store live:     " + live.baseUrl());
            System.out.println("demo store fallback: " + fallback.baseUrl());
            for (BrowserConfig.EngineType engine : BrowserConfig.EngineType.values()) {
                long launch = System.nanoTime();
                try (Browser browser = Browser.launch(BrowserConfig.builder(engine).build())) {
                    System.out.printf("%n%s (started in %d ms)%n", browser.describe(), (System.nanoTime() - launch) / 1_000_000);
                    for (DemoStore site : List.of(live, fallback)) {
                        failures += shop(browser, site) ? 0 : 1;
                    }
                } catch (BrowserException e) {
                    System.out.println(engine.id() + ": could not start: " + e.getMessage());
                    failures++;
                }
            }
        }
        System.out.println(failures == 0 ? "\nsmoke run passed" : "\nsmoke run: " + failures + " path(s) failed");
        System.exit(failures == 0 ? 0 : 1);
    }

    private static boolean shop(Browser browser, DemoStore site) {
        long start = System.nanoTime();
        try (Page page = browser.newPage(PageOptions.builder().baseUrl(site.baseUrl())
                .header("X-Flows-Synthetic", "smoke").build())) {
            page.open("/");
            page.find(Locator.css("[data-testid='category-link'][data-category='accessories']")).click();
            page.shouldHaveUrl("/category/accessories");
            page.find(Locator.css("[data-product-id='tamper-58']").find(Locator.testId("product-name"))).click();
            page.find(Locator.testId("product-title")).should(Condition.exactText("Tamper 58 mm"));
            String price = page.find(Locator.testId("product-price")).text();
            page.find(Locator.testId("quantity")).fill("2");
            page.find(Locator.testId("add-to-cart")).click();
            page.find(Locator.testId("cart-count")).should(Condition.exactText("2"));
            page.find(Locator.testId("cart-link")).click();
            String total = page.find(Locator.testId("cart-total")).text();
            String servedBy = page.find(Locator.testId("served-by")).text();
            System.out.printf("  %-8s PASSED in %5d ms: %s, 2 x Tamper 58 mm at %s, cart total %s, %d actions%n",
                    site.name(), (System.nanoTime() - start) / 1_000_000, servedBy, price, total, page.actions().size());
            return true;
        } catch (BrowserException e) {
            System.out.printf("  %-8s FAILED after %d ms:%n%s%n", site.name(), (System.nanoTime() - start) / 1_000_000,
                    e.getMessage().indent(4));
            return false;
        }
    }

}
