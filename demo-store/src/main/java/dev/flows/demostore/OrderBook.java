package dev.flows.demostore;

import dev.flows.demostore.catalogue.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The orders placed on one instance, numbered FL-100001, FL-100002, ... */
final class OrderBook {

    private static final int FIRST_NUMBER = 100001;

    private final List<Order> orders = new ArrayList<>();

    synchronized Order place(String email, List<OrderLine> lines, Money total, Instant at) {
        Order order = new Order("FL-" + (FIRST_NUMBER + orders.size()), email, lines, total, at);
        orders.add(order);
        return order;
    }

    synchronized List<Order> all() {
        return List.copyOf(orders);
    }

    synchronized Optional<Order> find(String number) {
        return orders.stream().filter(o -> o.number().equals(number)).findFirst();
    }
}
