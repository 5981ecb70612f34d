package dev.flows.benchmarks;

import dev.flows.dsl.Address;

/**
 * The benchmark journey, in the shop's words, for every variant: land, open "Espresso Machines", open the first
 * product in stock, add 2 to the cart, open the cart and change line 1 to 1, expect a cart count of 1, then check
 * out as a guest up to the payment step (card field and place-order button visible and enabled).
 */
final class Shop {

    static final String CATEGORY = "Espresso Machines";
    static final String EMAIL = "flows-bench@example.test";
    static final Address ADDRESS = Address.TEST;

    /** A CSS selector for a data-testid hook of the demo store. */
    static String id(String testId) {
        return "[data-testid='" + testId + "']";
    }

    static final String IN_STOCK_CARD = "[data-testid='product-card'][data-stock='in']";
    static final String PRODUCT_PRICE = ".product__info [data-testid='product-price']";

    private Shop() {
    }
}
