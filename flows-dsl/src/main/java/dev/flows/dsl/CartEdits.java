package dev.flows.dsl;

import java.util.ArrayList;
import java.util.List;

/**
 * Changes to the cart, each a step of its own. Lines count from 1, as a shopper counts them.
 *
 * <pre>{@code .cart(cart -> cart.changeQuantity(1, 3).remove("Descaling Kit"))}</pre>
 */
public final class CartEdits {

    sealed interface Edit {
    }

    record ChangeQuantity(int line, int quantity) implements Edit {
    }

    record Remove(String product) implements Edit {
    }

    record Empty() implements Edit {
    }

    private final List<Edit> edits = new ArrayList<>();

    CartEdits() {
    }

    /** Sets line {@code line} (1 is the first) to {@code quantity} items. */
    public CartEdits changeQuantity(int line, int quantity) {
        if (line < 1) {
            throw new IllegalArgumentException("cart lines count from 1: " + line);
        }
        if (quantity < 1 || quantity > 99) {
            throw new IllegalArgumentException("quantity must be 1..99 (remove a line with remove(...)): " + quantity);
        }
        edits.add(new ChangeQuantity(line, quantity));
        return this;
    }

    /** Removes the line of the product named {@code product}. */
    public CartEdits remove(String product) {
        if (product == null || product.isBlank()) {
            throw new IllegalArgumentException("product to remove must not be blank");
        }
        edits.add(new Remove(product.strip()));
        return this;
    }

    /** Removes every line. */
    public CartEdits empty() {
        edits.add(new Empty());
        return this;
    }

    List<Edit> edits() {
        return List.copyOf(edits);
    }
}
