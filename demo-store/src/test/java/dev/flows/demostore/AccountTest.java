package dev.flows.demostore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static dev.flows.demostore.Markup.attributes;
import static dev.flows.demostore.Markup.has;
import static dev.flows.demostore.Markup.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountTest {

    private DemoStore store;

    @BeforeAll
    void start() {
        store = DemoStore.builder().name("live").start();
    }

    @AfterAll
    void stop() {
        store.close();
    }

    @Test
    void accountPageAsksAGuestToSignIn() {
        try (ShopClient guest = ShopClient.of(store)) {
            String html = guest.get("/account").body();
            assertTrue(has(html, "login-form"));
            assertTrue(has(html, "login-email") && has(html, "login-password") && has(html, "login-submit"));
            assertFalse(has(html, "login-error"));
        }
    }

    @Test
    void wrongPasswordShowsAnError() {
        try (ShopClient guest = ShopClient.of(store)) {
            var reply = guest.postForm("/account/login", Map.of("email", "shopper@example.test", "password", "guess"));
            assertEquals(200, reply.status());
            assertEquals("Wrong email or password", text(reply.body(), "login-error"));
            assertFalse(has(guest.get("/account").body(), "account-greeting"));
        }
    }

    @Test
    void testLoginGreetsTheShopperListsTheirOrdersAndLogsOut() {
        try (ShopClient shopper = ShopClient.of(store)) {
            var account = shopper.postForm("/account/login", Map.of("email", "shopper@example.test", "password", "flows-demo"));
            assertEquals(200, account.status());
            assertEquals("Welcome back, Sam Shopper", text(account.body(), "account-greeting"));
            assertTrue(has(account.body(), "no-orders"));

            shopper.postJson("/cart/add.js", "{\"productId\":\"tamper-58\",\"quantity\":1}");
            assertTrue(shopper.get("/checkout").body().contains("value=\"shopper@example.test\""), "email prefilled");
            Map<String, String> form = CheckoutTest.address();
            form.put("email", "shopper@example.test");
            shopper.postForm("/checkout", form);
            String number = Markup.text(shopper.postForm("/checkout/payment", Map.of("cardNumber", "4242424242424242")).body(), "order-number");

            String orders = shopper.get("/account").body();
            assertEquals(List.of(number), attributes(orders, "account-order", "data-order-number"));

            String home = shopper.postForm("/account/logout", Map.of()).body();
            assertTrue(has(home, "featured"));
            assertTrue(has(shopper.get("/account").body(), "login-form"));
        }
    }
}
