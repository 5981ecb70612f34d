package dev.flows.dsl;

import dev.flows.dsl.profile.Hook;
import dev.flows.dsl.profile.StorefrontProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a journey checks out. It is made of parts, each used when the shop's profile has its hooks: contact and
 * shipping (the fields the profile has), an order overview (item total, tax, shipping and total add up), the
 * payment method, and placing the order. By default it stops before the last click and proves it is possible: no
 * order is placed.
 * {@link #placeOrder()} places it, which the run refuses on a production site it does not allow orders on.
 *
 * <pre>{@code
 * .checkout(co -> co.guest("flows@example.test").shipping(Address.TEST))                       // stops at payment
 * .checkout(co -> co.guest("flows@example.test").shipping(Address.TEST).card("4242 4242 4242 4242").placeOrder())
 * .checkout(co -> co.guest("flows@example.test").phone("+1 555 0100").province("Ontario")
 *     .shippingMethod("Standard").paymentMethod("Cash on delivery"))                             // one-page checkout
 * }</pre>
 */
public final class Checkout {

    private String email;
    private boolean account;
    private Address address = Address.TEST;
    private String card;
    private boolean placeOrder;
    private String phone;
    private String province;
    private String shippingMethod;
    private String paymentMethod;
    private String expectedTotal;

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

    /** The phone number, for a shop whose profile has {@code hooks.phone}. */
    public Checkout phone(String phone) {
        this.phone = text(phone, "phone");
        return this;
    }

    /** The province or state (its label or value), for a shop whose profile has {@code hooks.province}. */
    public Checkout province(String province) {
        this.province = text(province, "province");
        return this;
    }

    /** The shipping method to choose by its label or value ("Standard"), for {@code hooks.shippingMethod}. */
    public Checkout shippingMethod(String method) {
        this.shippingMethod = text(method, "shipping method");
        return this;
    }

    /** The payment method to choose by its label or value ("Cash on delivery"), for {@code hooks.paymentMethod}. */
    public Checkout paymentMethod(String method) {
        this.paymentMethod = text(method, "payment method");
        return this;
    }

    /** The order total the overview must show ("€1,348.92"), besides adding up. */
    public Checkout expectTotal(String total) {
        this.expectedTotal = text(total, "expected total");
        return this;
    }

    private static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
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

    String phone() {
        return phone;
    }

    String province() {
        return province;
    }

    String shippingMethod() {
        return shippingMethod;
    }

    String paymentMethod() {
        return paymentMethod;
    }

    String expectedTotal() {
        return expectedTotal;
    }

    /** What this checkout lacks for a shop with these hooks, one line each; empty when it can run. */
    List<String> problems(StorefrontProfile profile) {
        List<String> out = new ArrayList<>();
        if (profile.has(Hook.EMAIL) && email == null && !account) {
            out.add("checkout needs guest(email) or account(): the shop asks for an e-mail (hooks.email)");
        }
        if (profile.has(Hook.PHONE) && phone == null) {
            out.add("checkout needs phone(\"...\"): the shop asks for a phone number (hooks.phone)");
        }
        if (profile.has(Hook.PROVINCE) && province == null) {
            out.add("checkout needs province(\"...\"): the shop asks for a province or state (hooks.province)");
        }
        if (profile.has(Hook.SHIPPING_METHOD) && shippingMethod == null) {
            out.add("checkout needs shippingMethod(\"...\"): the shop asks for one (hooks.shippingMethod)");
        }
        if (profile.has(Hook.PAYMENT_METHOD) && paymentMethod == null) {
            out.add("checkout needs paymentMethod(\"...\"): the shop asks for one (hooks.paymentMethod)");
        }
        if (placeOrder && card == null && profile.has(Hook.CARD_NUMBER) && paymentMethod == null) {
            out.add("placing an order needs a card: card(\"4242 4242 4242 4242\")");
        }
        return out;
    }
}
