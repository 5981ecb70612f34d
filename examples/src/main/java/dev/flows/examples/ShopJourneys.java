package dev.flows.examples;

import dev.flows.dsl.Address;
import dev.flows.dsl.Pick;
import dev.flows.dsl.Storefront;
import dev.flows.journey.Journey;

import java.time.Duration;
import java.util.List;

/** The journeys a coffee-equipment shop cares about, written as a shopper would do them. */
public final class ShopJourneys {

    private final Storefront shop;

    public ShopJourneys(Storefront shop) {
        this.shop = shop;
    }

    /** Land, pick a machine, add two, check out as a guest up to the payment step. */
    public Journey guestCheckout() {
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
    public Journey browseProductDetails() {
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
    public Journey cartEditing() {
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
    public Journey search() {
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
    public Journey accountLogin() {
        return shop.journey("account login")
                .feature("account")
                .login("shopper@example.test", "flows-demo")
                .expectText("Welcome back, Sam Shopper")
                .build();
    }

    public List<Journey> all() {
        return List.of(guestCheckout(), browseProductDetails(), cartEditing(), search(), accountLogin());
    }
}
