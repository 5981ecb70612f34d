package dev.flows.demostore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flows.demostore.fault.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;

import static dev.flows.demostore.Markup.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminEndpointTest {

    private static final String TOKEN = "test-admin-token";
    private final ObjectMapper json = new ObjectMapper();
    private DemoStore store;
    private ShopClient admin;

    @BeforeEach
    void start() {
        store = DemoStore.builder().name("fallback").adminToken(TOKEN).start();
        admin = ShopClient.of(store);
    }

    @AfterEach
    void stop() {
        admin.close();
        store.close();
    }

    private ShopClient.Reply post(String body) {
        return admin.postJson("/__admin/faults", body, "X-Admin-Token", TOKEN);
    }

    private JsonNode read(ShopClient.Reply reply) {
        try {
            return json.readTree(reply.body());
        } catch (Exception e) {
            throw new AssertionError(reply.body(), e);
        }
    }

    @Test
    void withoutTheRightTokenEverythingIsForbidden() {
        var none = admin.postJson("/__admin/faults", "{\"kind\":\"down\"}");
        assertEquals(403, none.status());
        assertEquals("missing or wrong X-Admin-Token header", read(none).path("message").asText());
        assertEquals(403, admin.get("/__admin/orders", "X-Admin-Token", "wrong-token").status());
        assertEquals(403, admin.delete("/__admin/faults").status());
        assertFalse(store.faults().isDown());
        assertEquals(TOKEN, store.adminToken());
    }

    @Test
    void defaultTokenIsRandomPerInstance() {
        try (DemoStore a = DemoStore.builder().start(); DemoStore b = DemoStore.builder().start()) {
            assertTrue(a.adminToken().length() >= 32);
            assertFalse(a.adminToken().equals(b.adminToken()));
        }
    }

    @Test
    void appliesAFaultAndClearsIt() {
        var applied = post("{\"kind\":\"latency\",\"route\":\"/product/*\",\"fixedMs\":300,\"jitterMs\":100}");
        assertEquals(200, applied.status(), applied.body());
        JsonNode fault = read(applied).path("active").get(0);
        assertEquals("latency", fault.path("kind").asText());
        assertEquals(300, fault.path("fixedMs").asInt());
        assertInstanceOf(Fault.Latency.class, store.faults().active().get(0));
        long started = System.nanoTime();
        admin.get("/product/casa-uno");
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);

        post("{\"kind\":\"hideElement\",\"route\":\"/product/*\",\"testId\":\"add-to-cart\"}");
        assertFalse(has(admin.get("/product/casa-uno").body(), "add-to-cart"));
        assertEquals(2, read(admin.get("/__admin/faults", "X-Admin-Token", TOKEN)).path("active").size());

        var cleared = admin.delete("/__admin/faults", "X-Admin-Token", TOKEN);
        assertEquals(200, cleared.status());
        assertEquals(0, read(cleared).path("active").size());
        assertTrue(has(admin.get("/product/casa-uno").body(), "add-to-cart"));
    }

    @Test
    void everyKindCanBeSwitchedOn() {
        post("{\"kind\":\"serverError\",\"route\":\"/cart\"}");
        post("{\"kind\":\"scriptError\",\"route\":\"/\",\"message\":\"Boom from demo store\"}");
        post("{\"kind\":\"lateElement\",\"route\":\"/product/*\",\"testId\":\"add-to-cart\",\"delayMs\":1500}");
        JsonNode state = read(post("{\"kind\":\"staleCatalogue\",\"stale\":true}"));
        assertEquals(3, state.path("active").size());
        assertTrue(state.path("staleCatalogue").asBoolean());
        assertEquals(500, admin.get("/cart").status());
        assertTrue(admin.get("/").body().contains("throw new Error(\"Boom from demo store\")"));
        assertEquals(0, read(post("{\"kind\":\"clear\"}")).path("active").size());
        assertFalse(store.faults().isStaleCatalogue());
    }

    @Test
    void faultsNeverBlockTheAdminEndpoint() {
        store.faults().serverError("*").latency("*", Duration.ofSeconds(5));
        long started = System.nanoTime();
        assertEquals(200, admin.delete("/__admin/faults", "X-Admin-Token", TOKEN).status());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "no latency on /__admin");
        assertEquals(200, admin.get("/").status());
    }

    @Test
    void badRequestsNameTheProblem() {
        var unknown = post("{\"kind\":\"explode\"}");
        assertEquals(400, unknown.status());
        assertEquals("unknown fault kind: \"explode\" (one of latency, serverError, hideElement, scriptError, lateElement, "
                + "status, wrongProductLink, deadAddToCart, listingPrice, slowListing, dialog, brokenImages, droppingField, thirdPartyScript, "
                + "someServerErrors, reprice, down, up, staleCatalogue, clear)", read(unknown).path("message").asText());
        assertEquals("route pattern matches no demo-store route: \"/prodcut/*\"",
                read(post("{\"kind\":\"serverError\",\"route\":\"/prodcut/*\"}")).path("message").asText());
        assertEquals("latency fixed must not be negative: PT-0.3S",
                read(post("{\"kind\":\"latency\",\"route\":\"*\",\"fixedMs\":-300}")).path("message").asText());
        assertEquals("request body is not valid JSON", read(post("{kind")).path("message").asText());
        assertEquals("third-party script must be an absolute http(s) URL: \"/static/pay.js\"",
                read(post("{\"kind\":\"thirdPartyScript\",\"route\":\"/checkout\",\"src\":\"/static/pay.js\"}")).path("message").asText());
        assertEquals(0, store.faults().active().size());
    }

    @Test
    void downForAWhileComesBackByItself() throws Exception {
        var reply = post("{\"kind\":\"down\",\"forMs\":1500}");
        assertEquals(200, reply.status(), "answered before going down");
        assertTrue(read(reply).path("down").asBoolean());
        awaitDown();
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", store.port()).close());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (store.faults().isDown() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        try (ShopClient fresh = ShopClient.of(store)) {
            assertEquals(200, fresh.get("/").status());
        }
    }

    @Test
    void downWithoutDurationNeedsTheJavaApiToComeBack() throws Exception {
        post("{\"kind\":\"down\"}");
        awaitDown();
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", store.port()).close());
        store.faults().up();
        try (ShopClient fresh = ShopClient.of(store)) {
            assertEquals(200, fresh.get("/__admin/faults", "X-Admin-Token", TOKEN).status());
        }
    }

    /** The admin "down" takes effect right after its response went out. */
    private void awaitDown() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!store.faults().isDown() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(store.faults().isDown());
    }

    @Test
    void ordersAreListed() {
        admin.postJson("/cart/add.js", "{\"productId\":\"descaling-kit\",\"quantity\":1}");
        admin.postForm("/checkout", CheckoutTest.address());
        admin.postForm("/checkout/payment", Map.of("cardNumber", "4242 4242 4242 4242"));
        JsonNode orders = read(admin.get("/__admin/orders", "X-Admin-Token", TOKEN)).path("orders");
        assertEquals(1, orders.size());
        assertEquals("FL-100001", orders.get(0).path("number").asText());
        assertEquals("€25.80", orders.get(0).path("total").asText());
        assertEquals("descaling-kit", orders.get(0).path("lines").get(0).path("productId").asText());
    }
}
