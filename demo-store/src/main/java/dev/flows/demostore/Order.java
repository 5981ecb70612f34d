package dev.flows.demostore;

import dev.flows.demostore.catalogue.Money;

import java.time.Instant;
import java.util.List;

/**
 * An order placed in the sandbox checkout of one instance; tests use it to prove that a journey did (or did not)
 * place an order.
 *
 * @param number e.g. {@code FL-100001}, counting up per instance
 * @param total  lines plus shipping
 */
public record Order(String number, String email, List<OrderLine> lines, Money total, Instant placedAt) {

    public Order {
        lines = List.copyOf(lines);
    }
}
