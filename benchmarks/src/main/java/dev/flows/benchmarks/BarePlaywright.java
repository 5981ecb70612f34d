package dev.flows.benchmarks;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The journey in plain Playwright for Java, as its documentation writes it: locators and web-first assertions. */
final class BarePlaywright implements Variant {

    private Playwright playwright;
    private Browser browser;

    @Override
    public String name() {
        return "bare-playwright";
    }

    @Override
    public void start() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(Path.of(Bench.CHROMIUM)).setArgs(List.of("--no-sandbox")));
    }

    @Override
    public void journey(URI base) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = context.newPage();
            page.navigate(base.toString());
            page.locator(Shop.id("category-link")).filter(new Locator.FilterOptions()
                    .setHasText(Pattern.compile("^" + Shop.CATEGORY + "$"))).click();
            page.locator(Shop.IN_STOCK_CARD).first().locator(Shop.id("product-name")).click();
            page.locator(Shop.id("product-title")).textContent();
            page.locator(Shop.PRODUCT_PRICE).textContent();
            page.locator(Shop.id("quantity")).fill("2");
            page.locator(Shop.id("add-to-cart")).click();
            assertThat(page.locator(Shop.id("cart-count"))).hasText("2");
            page.navigate(base.resolve("cart").toString());
            Locator line = page.locator(Shop.id("cart-line")).first();
            line.locator(Shop.id("line-quantity")).fill("1");
            line.locator(Shop.id("line-update")).click();
            assertThat(page.locator(Shop.id("cart-count"))).hasText("1");
            page.navigate(base.resolve("cart").toString());
            page.locator(Shop.id("checkout-button")).click();
            page.locator(Shop.id("email")).fill(Shop.EMAIL);
            page.locator(Shop.id("firstName")).fill(Shop.ADDRESS.firstName());
            page.locator(Shop.id("lastName")).fill(Shop.ADDRESS.lastName());
            page.locator(Shop.id("street")).fill(Shop.ADDRESS.street());
            page.locator(Shop.id("postalCode")).fill(Shop.ADDRESS.postalCode());
            page.locator(Shop.id("city")).fill(Shop.ADDRESS.city());
            page.locator(Shop.id("country")).selectOption(Shop.ADDRESS.country());
            page.locator(Shop.id("continue-to-payment")).click();
            assertThat(page.locator(Shop.id("card-number"))).isVisible();
            assertThat(page.locator(Shop.id("card-number"))).isEnabled();
            assertThat(page.locator(Shop.id("place-order"))).isVisible();
            assertThat(page.locator(Shop.id("place-order"))).isEnabled();
        }
    }

    @Override
    public void close() {
        if (playwright != null) {
            playwright.close();
        }
    }
}
