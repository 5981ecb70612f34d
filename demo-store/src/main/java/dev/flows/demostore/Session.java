package dev.flows.demostore;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One shopper's server-side state, found by the session cookie. Mutable, because it is the shop's memory of a
 * visitor; every access is synchronized since a browser sends parallel requests.
 */
final class Session {

    private final String id;
    private Cart cart = Cart.EMPTY;
    private ShippingDetails shipping;
    private String customerEmail;
    private final Set<String> placedOrders = new LinkedHashSet<>();
    private volatile Instant lastSeen;

    Session(String id, Instant now) {
        this.id = id;
        this.lastSeen = now;
    }

    String id() {
        return id;
    }

    synchronized Cart cart() {
        return cart;
    }

    synchronized void cart(Cart next) {
        this.cart = next;
    }

    synchronized ShippingDetails shipping() {
        return shipping;
    }

    synchronized void shipping(ShippingDetails details) {
        this.shipping = details;
    }

    /** The logged-in customer's email, or null for a guest. */
    synchronized String customerEmail() {
        return customerEmail;
    }

    synchronized void customerEmail(String email) {
        this.customerEmail = email;
    }

    synchronized void placed(String orderNumber) {
        placedOrders.add(orderNumber);
    }

    synchronized boolean hasPlaced(String orderNumber) {
        return placedOrders.contains(orderNumber);
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void touch(Instant now) {
        lastSeen = now;
    }

    /** A copy under a new id, for login: a session id known before login must not be worth anything after it. */
    synchronized Session renamed(String newId, Instant now) {
        Session copy = new Session(newId, now);
        copy.cart = cart;
        copy.shipping = shipping;
        copy.customerEmail = customerEmail;
        copy.placedOrders.addAll(placedOrders);
        return copy;
    }
}
