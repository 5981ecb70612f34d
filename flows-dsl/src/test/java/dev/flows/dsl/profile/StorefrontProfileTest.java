package dev.flows.dsl.profile;

import dev.flows.browser.Locator;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StorefrontProfileTest {

    @Test
    void the_demo_store_profile_maps_every_hook() {
        StorefrontProfile demo = StorefrontProfile.demoStore();

        assertEquals("demo-store", demo.name());
        // The classic shape has every hook but those of steppers, usernames, menus and the other checkouts.
        assertEquals(java.util.EnumSet.of(Hook.CATEGORY_MENU, Hook.LINE_INCREASE, Hook.LINE_DECREASE, Hook.PHONE, Hook.PROVINCE,
                        Hook.SHIPPING_METHOD, Hook.CONTINUE_TO_OVERVIEW, Hook.SUBTOTAL, Hook.SHIPPING_TOTAL, Hook.TAX, Hook.TOTAL,
                        Hook.PAYMENT_METHOD, Hook.LOGIN_USERNAME),
                java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(demo.hooks().keySet())));
        assertEquals(Locator.testId("add-to-cart"), demo.hooks().get(Hook.ADD_TO_CART));
        assertEquals(Locator.css("[data-testid='product-card'][data-stock='in']"), demo.hooks().get(Hook.IN_STOCK_CARD));
        assertEquals("/search?q={query}", demo.urls().get(ShopPage.SEARCH));
    }

    @Test
    void the_single_page_profiles_use_data_test_an_absent_badge_and_an_attribute_hook() {
        StorefrontProfile express = StorefrontProfile.demoStoreExpress();
        assertEquals("data-test", express.testIdAttribute());
        assertEquals(true, express.absentCountIsZero());
        assertEquals(Locator.css("[data-test=\"shopping-cart-badge\"]"), express.hooks().get(Hook.CART_COUNT));
        StorefrontProfile onePage = StorefrontProfile.demoStoreExpressOnePage();
        assertEquals(Locator.css("[data-test=\"shopping-cart-link\"]"), onePage.hooks().get(Hook.CART_COUNT));
        assertEquals(java.util.Optional.of("aria-label"), onePage.readsAttribute(Hook.CART_COUNT));
        assertEquals("x.yaml: cartCountWhenEmpty: must be 'absent' (no badge for an empty cart) or 'shown', got 'hidden'",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> StorefrontProfile.parse("name: x\ncartCountWhenEmpty: hidden\n", "x.yaml")).getMessage());
    }

    @Test
    void reads_chained_locators_and_defaults_the_landing_page() {
        StorefrontProfile p = StorefrontProfile.parse("name: mini\nhooks:\n  cartLine: \"css:ul.basket >> xpath://li\"\n", "mini.yaml");

        assertEquals(Locator.css("ul.basket").find(Locator.xpath("//li")), p.hooks().get(Hook.CART_LINE));
        assertEquals("/", p.urls().get(ShopPage.LANDING));
        assertFalse(p.has(Hook.CATEGORY_LINK));
    }

    @Test
    void refuses_bad_profiles_with_one_line_naming_file_and_key() {
        assertError("shop.yaml: unknown key 'hokks' (expected name, testIdAttribute, cartCountWhenEmpty, urls, hooks, orders)", "name: x\nhokks: {}\n");
        assertError("shop.yaml: name: required, a text such as 'my-shop'", "urls: {cart: /cart}\n");
        assertError("shop.yaml: hooks.addToKart: unknown hook (known: categoryLink, categoryMenu, sort, cardPrice, productCard, "
                + "inStockCard, productName, productTitle, productPrice, stockStatus, variant, quantity, addToCart, cartCount, cartLine, "
                + "lineName, lineQuantity, lineIncrease, lineDecrease, linePrice, lineUpdate, lineRemove, cartTotal, cartEmpty, "
                + "checkoutButton, email, firstName, lastName, street, postalCode, city, country, phone, province, shippingMethod, "
                + "continueToPayment, continueToOverview, subtotal, shippingTotal, tax, total, paymentMethod, cardNumber, placeOrder, "
                + "orderNumber, searchInput, searchSubmit, searchResults, loginEmail, loginUsername, loginPassword, loginSubmit, "
                + "accountGreeting)", "name: x\nhooks:\n  addToKart: testId:add\n");
        assertError("shop.yaml: hooks.cartCount: locator must start with testId:, css:, xpath: or text: \"tesId:cart-count\"",
                "name: x\nhooks:\n  cartCount: tesId:cart-count\n");
        assertError("shop.yaml: urls.search: must contain {query} where the search words go: \"/search\"",
                "name: x\nurls:\n  search: /search\n");
        assertError("shop.yaml: urls.basket: unknown page (known: landing, cart, search, login)", "name: x\nurls:\n  basket: /b\n");
        assertError("shop.yaml: hooks.cartCount: must be a non-blank text, got [\"a\"]", "name: x\nhooks:\n  cartCount: [a]\n");
        IllegalArgumentException yaml = assertThrows(IllegalArgumentException.class,
                () -> StorefrontProfile.parse("name: x\nhooks: [\n", "shop.yaml"));
        assertFalse(yaml.getMessage().contains("\n"), yaml.getMessage());
        assertEquals("shop.yaml: not valid YAML at line", yaml.getMessage().substring(0, 33));
    }

    @Test
    void a_missing_file_is_named() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StorefrontProfile.load(Path.of("no/such.yaml")));
        assertEquals("no/such.yaml: storefront profile file not found", e.getMessage());
    }

    @Test
    void the_java_builder_validates_too() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StorefrontProfile.builder("mine").url(ShopPage.CART, "basket").build());
        assertEquals("storefront profile 'mine': urls.cart: must be a path starting with / or an http(s) URL: \"basket\"", e.getMessage());
    }

    private static void assertError(String expected, String yaml) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StorefrontProfile.parse(yaml, "shop.yaml"));
        assertEquals(expected, e.getMessage());
    }
}
