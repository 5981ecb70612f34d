package dev.flows.demostore;

import java.util.ArrayList;
import java.util.List;

/**
 * What a shopper has put in the basket: product ids, variants and quantities, no prices. Prices come from the
 * catalogue being served at the moment of rendering (see {@link PricedCart}), so a stale fallback shows its
 * own, older prices for the same cart.
 */
record Cart(List<Line> lines) {

    static final Cart EMPTY = new Cart(List.of());
    static final int MAX_QUANTITY = 99;

    /** @param variantId "" for a product without variants */
    record Line(String productId, String variantId, int quantity) {
    }

    Cart {
        lines = List.copyOf(lines);
    }

    int itemCount() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    /** The quantity of one product already in the cart, over all its variants (stock is counted per product). */
    int quantityOf(String productId) {
        return lines.stream().filter(l -> l.productId().equals(productId)).mapToInt(Line::quantity).sum();
    }

    /** Adds to the line of the same product and variant, or appends a new line. */
    Cart add(String productId, String variantId, int quantity) {
        List<Line> next = new ArrayList<>(lines);
        for (int i = 0; i < next.size(); i++) {
            Line l = next.get(i);
            if (l.productId().equals(productId) && l.variantId().equals(variantId)) {
                next.set(i, new Line(productId, variantId, l.quantity() + quantity));
                return new Cart(next);
            }
        }
        next.add(new Line(productId, variantId, quantity));
        return new Cart(next);
    }

    /** Sets the quantity of line {@code number} (1-based, as in Shopify's cart API); 0 removes the line. */
    Cart change(int number, int quantity) {
        List<Line> next = new ArrayList<>(lines);
        Line l = next.get(number - 1);
        if (quantity == 0) {
            next.remove(number - 1);
        } else {
            next.set(number - 1, new Line(l.productId(), l.variantId(), quantity));
        }
        return new Cart(next);
    }
}
