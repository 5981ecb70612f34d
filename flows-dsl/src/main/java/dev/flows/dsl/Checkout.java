package dev.flows.dsl;

import java.util.Objects;

/**
 * How a journey checks out. By default it stops at the payment step and proves it is reachable: no order is placed.
 * {@link #placeOrder()} places it, which the run refuses on a production site it does not allow orders on.
 *
 * <pre>{@code
 * .checkout(co -> co.guest("flows@example.test").shipping(Address.TEST))                       // stops at payment
 * .checkout(co -> co.guest("flows@example.test").shipping(Address.TEST).card("4242 4242 4242 4242").placeOrder())
 * }</pre>
 */
public final class Checkout {

    private String email;
    private boolean account;
    private Address address = Address.TEST;
    private String card;
    private boolean placeOrder;

    Checkout() {
    }

    /** Checks out as a guest with this contact e-mail. */
    public Checkout guest(String email) {
        if (email == null || !email.contains("@")) {
            throw new IllegalArgumentException("guest checkout needs an e-mail address: " + email);
        }
        this.email = email.strip();
        this.account = false;
        return this;
    }

    /** Checks out as the shopper who logged in earlier in the journey (the shop knows the e-mail). */
    public Checkout account() {
        this.account = true;
        this.email = null;
        return this;
    }

    /** Where to ship (default {@link Address#TEST}). */
    public Checkout shipping(Address address) {
        this.address = Objects.requireNonNull(address, "address");
        return this;
    }

    /** The sandbox card number to pay with; needed to place an order. */
    public Checkout card(String number) {
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("card number must not be blank");
        }
        this.card = number.strip();
        return this;
    }

    /** Places the order, where the run allows orders on the site. */
    public Checkout placeOrder() {
        this.placeOrder = true;
        return this;
    }

    String email() {
        return email;
    }

    boolean isAccount() {
        return account;
    }

    Address address() {
        return address;
    }

    String cardNumber() {
        return card;
    }

    boolean placesOrder() {
        return placeOrder;
    }

    void validate() {
        if (email == null && !account) {
            throw new IllegalArgumentException("checkout needs guest(email) or account()");
        }
        if (placeOrder && card == null) {
            throw new IllegalArgumentException("placing an order needs a card: card(\"4242 4242 4242 4242\")");
        }
    }
}
