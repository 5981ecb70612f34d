package dev.flows.demostore;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.util.Map;

import static dev.flows.demostore.Markup.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionIsolationTest {

    @Test
    void twoShoppersOnOneInstanceHaveTheirOwnCarts() {
        try (DemoStore live = DemoStore.builder().name("live").start();
             ShopClient alice = ShopClient.of(live);
             ShopClient bob = ShopClient.of(live)) {
            alice.postJson("/cart/add.js", "{\"productId\":\"descaling-kit\",\"quantity\":3}");
            bob.postJson("/cart/add.js", "{\"productId\":\"tamper-58\",\"quantity\":1}");
            assertEquals("3", text(alice.get("/").body(), "cart-count"));
            assertEquals("1", text(bob.get("/").body(), "cart-count"));
        }
    }

    @Test
    void liveAndFallbackRunSideBySideWithSeparateState() {
        try (DemoStore live = DemoStore.builder().name("live").start();
             DemoStore fallback = DemoStore.builder().name("fallback").start();
             ShopClient onLive = ShopClient.of(live);
             ShopClient onFallback = ShopClient.of(fallback)) {
            assertNotEquals(live.port(), fallback.port());
            assertTrue(live.baseUrl().toString().matches("http://127\\.0\\.0\\.1:\\d+/"));
            assertEquals("Served by fallback", text(onFallback.get("/").body(), "served-by"));
            assertEquals("fallback", onFallback.get("/").header("X-Flows-Instance"));

            onLive.postJson("/cart/add.js", "{\"productId\":\"descaling-kit\",\"quantity\":1}");
            assertEquals("live", onLive.get("/cart.js").header("X-Flows-Instance"));
            assertEquals("0", text(onFallback.get("/").body(), "cart-count"), "the fallback knows nothing of the live cart");

            // Even the live session cookie, replayed against the fallback, opens no cart there.
            try (ShopClient probe = ShopClient.withoutRedirects(live)) {
                String setCookie = probe.postJson("/cart/add.js", "{\"productId\":\"descaling-kit\",\"quantity\":1}").header("Set-Cookie");
                String pair = setCookie.substring(0, setCookie.indexOf(';'));
                try (ShopClient replay = ShopClient.of(fallback)) {
                    assertEquals("0", text(replay.get("/", "Cookie", pair).body(), "cart-count"));
                }
            }

            live.faults().serverError("*");
            assertEquals(500, onLive.get("/").status());
            assertEquals(200, onFallback.get("/").status(), "faults are per instance");
            live.faults().clear();

            onLive.postJson("/cart/add.js", "{\"productId\":\"descaling-kit\",\"quantity\":1}");
            onLive.postForm("/checkout", CheckoutTest.address());
            onLive.postForm("/checkout/payment", Map.of("cardNumber", "4242424242424242"));
            assertEquals(1, live.orders().size());
            assertEquals(0, fallback.orders().size());
            assertTrue(fallback.requestLog().stream().noneMatch(r -> r.path().startsWith("/checkout")));
        }
    }

    @Test
    void closeFreesThePort() throws Exception {
        DemoStore store = DemoStore.builder().name("live").start();
        int port = store.port();
        store.close();
        store.close();
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }
}
