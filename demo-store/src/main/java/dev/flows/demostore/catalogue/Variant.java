package dev.flows.demostore.catalogue;

import java.util.Objects;

/** One choosable version of a product (a colour, a bag size) with its own price. */
public record Variant(String id, String label, Money price) {

    public Variant {
        Objects.requireNonNull(price, "variant price");
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("variant id must be lower-case letters, digits and '-': \"" + id + "\"");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("variant label must not be blank: \"" + label + "\"");
        }
    }
}
