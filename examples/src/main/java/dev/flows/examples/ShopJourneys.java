package dev.flows.examples;

import dev.flows.dsl.Address;
import dev.flows.dsl.JourneySuite;
import dev.flows.dsl.Pick;
import dev.flows.dsl.Storefront;
import dev.flows.journey.Journey;

import java.time.Duration;
import java.util.List;

/**
 * The journeys a coffee-equipment shop cares about, written as a shopper would do them. {@code examples/flows.yaml}
 * names this class under {@code journeys}; it is also registered in {@code META-INF/services}, so the
 * {@code flows} command runs it on the demo store without a config.
 */
public final class ShopJourneys implements JourneySuite {

    @Override
    public List<Journey> journeys(Storefront shop) {
        return List.of(guestCheckout(shop), browseProductDetails(shop), cartEditing(shop), search(shop), accountLogin(shop));
    }

    /** Land, pick a machine, add two, check out as a guest up to the payment step. */
    public Journey guestCheckout(Storefront shop) {
        return shop.journey("guest checkout")
                .feature("checkout")
                .landing().within(Duration.ofSeconds(3))
                .category("Espresso Machines")
                .product(Pick.firstInStock())
                .addToCart(2)
                .expectCartCount(2)
                .checkout(co -> co.guest("flows-monitor@example.test").shipping(Address.TEST))
                .build();
    }

    /** Browse a category, open a product and check what a shopper reads there. */
    public Journey browseProductDetails(Storefront shop) {
        return shop.journey("browse category and product details")
                .feature("browse")
                .landing()
                .category("Grinders")
                .expectProducts(4)
                .product("Flat Burr 64")
                .expectPrice("€549.00")
                .expectStock("In stock")
                .build();
    }

    /** Fill a cart, change a quantity, remove a line, and check the totals follow. */
    public Journey cartEditing(Storefront shop) {
        return shop.journey("cart editing")
                .feature("cart")
                .productAt("/product/descaling-kit")
                .addToCart()
                .productAt("/product/tamper-58")
                .addToCart(2)
                .cart(cart -> cart.changeQuantity(2, 1).remove("Descaling Kit"))
                .expectCartLines("Tamper 58 mm")
                .expectCartCount(1)
                .expectCartTotal("€54.90")
                .build();
    }

    /** Search, open a hit, add it. */
    public Journey search(Storefront shop) {
        return shop.journey("search")
                .feature("browse")
                .landing()
                .search("grinder")
                .expectProducts(3)
                .product(Pick.randomInStock(7))
                .addToCart()
                .expectCartCount(1)
                .build();
    }

    /** Sign in with the shop's test account and see the greeting. */
    public Journey accountLogin(Storefront shop) {
        return shop.journey("account login")
                .feature("account")
                .login("shopper@example.test", "flows-demo")
                .expectText("Welcome back, Sam Shopper")
                .build();
    }
}
