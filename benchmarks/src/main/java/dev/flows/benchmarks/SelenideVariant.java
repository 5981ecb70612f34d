package dev.flows.benchmarks;

import static com.codeborne.selenide.Condition.enabled;
import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.visible;

import com.codeborne.selenide.SelenideConfig;
import com.codeborne.selenide.SelenideDriver;
import com.codeborne.selenide.SelenideElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;

/**
 * The journey in Selenide 7.12, through a {@link SelenideDriver} instance (not the static API) on its own
 * ChromeDriver with the same switches as bare Selenium; cookies cleared between journeys.
 */
final class SelenideVariant implements Variant {

    private SelenideDriver selenide;
    private ChromeDriver chrome;

    @Override
    public String name() {
        return "selenide";
    }

    @Override
    public void start() {
        SelenideConfig config = new SelenideConfig().timeout(5000).screenshots(false).savePageSource(false)
                .reopenBrowserOnFail(false);
        chrome = BareSelenium.chrome();
        selenide = new SelenideDriver(config, chrome, null);
    }

    @Override
    public void journey(URI base) {
        selenide.clearCookies();
        selenide.open(base.toString());
        selenide.$$(Shop.id("category-link")).findBy(exactText(Shop.CATEGORY)).click();
        selenide.$$(Shop.IN_STOCK_CARD).first().$(Shop.id("product-name")).click();
        selenide.$(Shop.id("product-title")).shouldBe(visible).text();
        selenide.$(Shop.PRODUCT_PRICE).text();
        selenide.$(Shop.id("quantity")).setValue("2");
        selenide.$(Shop.id("add-to-cart")).click();
        selenide.$(Shop.id("cart-count")).shouldHave(exactText("2"));
        selenide.open(base.resolve("cart").toString());
        SelenideElement line = selenide.$$(Shop.id("cart-line")).first();
        line.$(Shop.id("line-quantity")).setValue("1");
        line.$(Shop.id("line-update")).click();
        selenide.$(Shop.id("cart-count")).shouldHave(exactText("1"));
        selenide.open(base.resolve("cart").toString());
        selenide.$(Shop.id("checkout-button")).click();
        selenide.$(Shop.id("email")).setValue(Shop.EMAIL);
        selenide.$(Shop.id("firstName")).setValue(Shop.ADDRESS.firstName());
        selenide.$(Shop.id("lastName")).setValue(Shop.ADDRESS.lastName());
        selenide.$(Shop.id("street")).setValue(Shop.ADDRESS.street());
        selenide.$(Shop.id("postalCode")).setValue(Shop.ADDRESS.postalCode());
        selenide.$(Shop.id("city")).setValue(Shop.ADDRESS.city());
        selenide.$(Shop.id("country")).selectOptionByValue(Shop.ADDRESS.country());
        selenide.$(Shop.id("continue-to-payment")).click();
        selenide.$(Shop.id("card-number")).shouldBe(visible, enabled);
        selenide.$(Shop.id("place-order")).shouldBe(visible, enabled);
    }

    @Override
    public void close() {
        if (selenide != null) {
            // The driver Selenide was given: quit, and the browser ChromeDriver leaves running ended too.
            BareSelenium.quit(chrome);
        }
    }
}
