package dev.flows.demostore;

import dev.flows.demostore.catalogue.Money;

/**
 * One line of a placed order, priced as it was when the order was placed.
 *
 * @param variant the variant label, e.g. "Black", or "" for a product without variants
 */
public record OrderLine(String productId, String name, String variant, int quantity, Money unitPrice, Money lineTotal) {

    public OrderLine {
        variant = variant == null ? "" : variant;
    }
}
