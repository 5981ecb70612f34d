package dev.flows.demostore;

import dev.flows.demostore.catalogue.Catalogue;
import dev.flows.demostore.catalogue.Money;
import dev.flows.demostore.catalogue.Product;
import dev.flows.demostore.catalogue.Variant;

import java.util.ArrayList;
import java.util.List;

/** A cart with prices and totals from one catalogue; shipping is free from {@link #FREE_SHIPPING_FROM}. */
record PricedCart(List<Line> lines, Money subtotal, Money shipping, Money total, int itemCount) {

    static final Money FREE_SHIPPING_FROM = Money.euros("75.00");
    static final Money FLAT_SHIPPING = Money.euros("5.90");

    /** @param variant null for a product without variants */
    record Line(int number, Product product, Variant variant, int quantity, Money unitPrice, Money lineTotal) {
        String variantLabel() {
            return variant == null ? "" : variant.label();
        }
    }

    PricedCart {
        lines = List.copyOf(lines);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /**
     * Lines whose product the catalogue does not have (a stale fallback missing a new arrival) are left out of the
     * prices but keep their line numbers, so that line numbers always match {@link Cart#change(int, int)}.
     */
    static PricedCart of(Cart cart, Catalogue catalogue) {
        List<Line> lines = new ArrayList<>();
        Money subtotal = Money.ZERO;
        int count = 0;
        for (int i = 0; i < cart.lines().size(); i++) {
            Cart.Line l = cart.lines().get(i);
            Product p = catalogue.product(l.productId()).orElse(null);
            if (p == null) {
                continue;
            }
            Variant v = p.variant(l.variantId()).orElse(null);
            Money unit = v == null ? p.price() : v.price();
            Money lineTotal = unit.times(l.quantity());
            lines.add(new Line(i + 1, p, v, l.quantity(), unit, lineTotal));
            subtotal = subtotal.plus(lineTotal);
            count += l.quantity();
        }
        Money shipping = lines.isEmpty() || subtotal.compareTo(FREE_SHIPPING_FROM) >= 0 ? Money.ZERO : FLAT_SHIPPING;
        return new PricedCart(lines, subtotal, shipping, subtotal.plus(shipping), count);
    }
}
