package dev.flows.demostore;

import dev.flows.demostore.catalogue.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.flows.demostore.Markup.attributes;
import static dev.flows.demostore.Markup.has;
import static dev.flows.demostore.Markup.tag;
import static dev.flows.demostore.Markup.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckoutTest {

    private DemoStore store;
    private ShopClient shopper;

    @BeforeEach
    void start() {
        store = DemoStore.builder().name("live").start();
        shopper = ShopClient.of(store);
        shopper.postJson("/cart/add.js", "{\"productId\":\"descaling-kit\",\"quantity\":2}");
    }

    @AfterEach
    void stop() {
        shopper.close();
        store.close();
    }

    static Map<String, String> address() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", "flows@example.test");
        form.put("firstName", "Flo");
        form.put("lastName", "Tester");
        form.put("street", "Kaffeestraße 1");
        form.put("postalCode", "10115");
        form.put("city", "Berlin");
        form.put("country", "DE");
        return form;
    }

    @Test
    void checkoutFormHasTheNamedFields() {
        String html = shopper.get("/checkout").body();
        assertTrue(has(html, "checkout-form"));
        for (String name : List.of("email", "firstName", "lastName", "street", "postalCode", "city")) {
            assertTrue(tag(html, name).contains("name=\"" + name + "\""), name);
        }
        assertTrue(tag(html, "country").startsWith("<select"));
        assertTrue(has(html, "continue-to-payment"));
    }

    @Test
    void emptyFormShowsAnErrorNextToEveryField() {
        var reply = shopper.postForm("/checkout", Map.of());
        assertEquals(200, reply.status(), "the form is shown again with its errors");
        assertEquals(List.of("email", "firstName", "lastName", "street", "postalCode", "city", "country"),
                attributes(reply.body(), "field-error", "data-field"));
        assertTrue(reply.body().contains("data-field=\"email\">Enter your email address<"));
    }

    @Test
    void invalidEmailAndPostalCodeAreExplained() {
        Map<String, String> form = address();
        form.put("email", "not-an-email");
        form.put("postalCode", "123");
        String html = shopper.postForm("/checkout", form).body();
        assertEquals(List.of("email", "postalCode"), attributes(html, "field-error", "data-field"));
        assertTrue(html.contains("Enter a valid postal code for Germany"));
        assertTrue(tag(html, "city").contains("value=\"Berlin\""), "typed values are kept");
    }

    @Test
    void wrongCardIsRejectedAndNoOrderIsPlaced() {
        shopper.postForm("/checkout", address());
        var reply = shopper.postForm("/checkout/payment", Map.of("cardNumber", "4111 1111 1111 1111"));
        assertEquals(200, reply.status());
        assertEquals("This card is not accepted in the sandbox. Pay with 4242 4242 4242 4242", text(reply.body(), "payment-error"));
        var declined = shopper.postForm("/checkout/payment", Map.of("cardNumber", "4000 0000 0000 0002"));
        assertEquals("Your card was declined. In the sandbox, pay with 4242 4242 4242 4242", text(declined.body(), "payment-error"));
        assertEquals(List.of(), store.orders());
    }

    @Test
    void testCardPlacesAnOrderThatTheInstanceRecords() {
        var details = shopper.postForm("/checkout", address());
        assertEquals(200, details.status());
        assertTrue(has(details.body(), "payment-form"), "redirected to the payment step");
        assertTrue(has(details.body(), "card-number"));
        assertTrue(has(details.body(), "place-order"));

        var confirmation = shopper.postForm("/checkout/payment", Map.of("cardNumber", "4242 4242 4242 4242"));
        assertEquals(200, confirmation.status());
        assertTrue(has(confirmation.body(), "order-confirmation"));
        assertEquals("FL-100001", text(confirmation.body(), "order-number"));

        List<Order> orders = store.orders();
        assertEquals(1, orders.size());
        Order order = orders.get(0);
        assertEquals("FL-100001", order.number());
        assertEquals("flows@example.test", order.email());
        assertEquals(Money.parse("€45.70"), order.total(), "2 × €19.90 + €5.90 shipping");
        assertEquals(List.of(new OrderLine("descaling-kit", "Descaling Kit", "", 2, Money.parse("€19.90"), Money.parse("€39.80"))),
                order.lines());
        assertEquals("0", text(shopper.get("/").body(), "cart-count"), "the cart is empty after the order");
    }

    @Test
    void paymentNeedsTheDetailsFirstAndCheckoutNeedsACart() {
        try (ShopClient noRedirects = ShopClient.withoutRedirects(store)) {
            assertEquals("/cart", noRedirects.get("/checkout").header("Location"), "empty cart");
        }
        var payment = shopper.get("/checkout/payment");
        assertTrue(has(payment.body(), "checkout-form"), "sent back to the details step");
    }

    @Test
    void anotherShopperCannotSeeTheConfirmation() {
        shopper.postForm("/checkout", address());
        shopper.postForm("/checkout/payment", Map.of("cardNumber", "4242424242424242"));
        try (ShopClient stranger = ShopClient.of(store)) {
            assertEquals(404, stranger.get("/checkout/confirmation/FL-100001").status());
        }
        assertEquals(200, shopper.get("/checkout/confirmation/FL-100001").status());
    }
}
