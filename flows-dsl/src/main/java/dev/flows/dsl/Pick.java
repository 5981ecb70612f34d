package dev.flows.dsl;

import java.util.Objects;

/**
 * Which product a journey opens from the listing it is on.
 *
 * <pre>{@code
 * .product(Pick.named("Barista Pro"))
 * .product(Pick.firstInStock())
 * .product(Pick.randomInStock(42))   // the same seed picks the same card on every site with the same listing
 * }</pre>
 */
public sealed interface Pick {

    static Pick named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("product name must not be blank");
        }
        return new Named(name.strip());
    }

    static Pick firstInStock() {
        return new FirstInStock();
    }

    /** A card in stock, chosen by a random generator with this seed: reproducible, yet not always the first one. */
    static Pick randomInStock(long seed) {
        return new RandomInStock(seed);
    }

    /** The card whose name is exactly {@code name}. */
    record Named(String name) implements Pick {
        public Named {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "'" + name + "'";
        }
    }

    /** The first card in stock. */
    record FirstInStock() implements Pick {
        @Override
        public String toString() {
            return "first in stock";
        }
    }

    /** A seeded random card in stock. */
    record RandomInStock(long seed) implements Pick {
        @Override
        public String toString() {
            return "random in stock (seed " + seed + ")";
        }
    }
}
