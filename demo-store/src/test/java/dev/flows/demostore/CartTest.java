package dev.flows.demostore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static dev.flows.demostore.Markup.attributes;
import static dev.flows.demostore.Markup.count;
import static dev.flows.demostore.Markup.has;
import static dev.flows.demostore.Markup.text;
import static dev.flows.demostore.Markup.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CartTest {

    private final ObjectMapper json = new ObjectMapper();
    private DemoStore store;
    private ShopClient shopper;

    @BeforeAll
    void start() {
        store = DemoStore.builder().name("live").start();
    }

    @AfterAll
    void stop() {
        store.close();
    }

    @BeforeEach
    void newShopper() {
        shopper = ShopClient.of(store);
    }

    @AfterEach
    void closeShopper() {
        shopper.close();
    }

    private JsonNode add(String body) {
        var reply = shopper.postJson("/cart/add.js", body);
        assertEquals(200, reply.status(), reply.body());
        return read(reply.body());
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    @Test
    void addToCartXhrReturnsTheCartAndTheHeaderBadgeFollows() {
        JsonNode cart = add("{\"productId\":\"barista-pro\",\"variant\":\"black\",\"quantity\":2}");
        assertEquals("Added 2 × Barista Pro to your cart", cart.path("added").path("message").asText());
        assertEquals(2, cart.path("item_count").asInt());
        JsonNode line = cart.path("items").get(0);
        assertEquals("barista-pro", line.path("product_id").asText());
        assertEquals("Black", line.path("variant_title").asText());
        assertEquals("€2,498.00", line.path("line_price").asText());
        assertEquals("€2,498.00", cart.path("total").asText(), "free shipping over the threshold");

        assertEquals("2", text(shopper.get("/").body(), "cart-count"));
        JsonNode again = read(shopper.get("/cart.js").body());
        assertEquals(2, again.path("item_count").asInt());
    }

    @Test
    void addAcceptsAFormEncodedBodyAndSameLineAccumulates() {
        var reply = shopper.postForm("/cart/add.js", Map.of("productId", "descaling-kit", "quantity", "1"));
        assertEquals(200, reply.status(), reply.body());
        JsonNode cart = add("{\"productId\":\"descaling-kit\",\"quantity\":\"2\"}");
        assertEquals(1, cart.path("items").size());
        assertEquals(3, cart.path("items").get(0).path("quantity").asInt());
    }

    @Test
    void variantsWithTheirOwnPriceMakeSeparateLines() {
        add("{\"productId\":\"house-espresso\",\"variant\":\"250g\",\"quantity\":1}");
        JsonNode cart = add("{\"productId\":\"house-espresso\",\"variant\":\"1kg\",\"quantity\":1}");
        assertEquals(2, cart.path("items").size());
        assertEquals("€12.50", cart.path("items").get(0).path("price").asText());
        assertEquals("€39.00", cart.path("items").get(1).path("price").asText());
    }

    @Test
    void quantityOutsideOneToNinetyNineIsRefused() {
        var zero = shopper.postJson("/cart/add.js", "{\"productId\":\"descaling-kit\",\"quantity\":0}");
        assertEquals(422, zero.status());
        assertEquals("Quantity must be between 1 and 99: 0", read(zero.body()).path("message").asText());
        var hundred = shopper.postJson("/cart/add.js", "{\"productId\":\"descaling-kit\",\"quantity\":100}");
        assertEquals("Quantity must be between 1 and 99: 100", read(hundred.body()).path("message").asText());
        var words = shopper.postJson("/cart/add.js", "{\"productId\":\"descaling-kit\",\"quantity\":\"two\"}");
        assertEquals("Quantity must be a whole number: \"two\"", read(words.body()).path("message").asText());
        assertEquals(0, read(shopper.get("/cart.js").body()).path("item_count").asInt());
    }

    @Test
    void outOfStockIsRefusedWith422() {
        var reply = shopper.postJson("/cart/add.js", "{\"productId\":\"dual-boiler-db9\",\"quantity\":1}");
        assertEquals(422, reply.status());
        assertEquals("Dual Boiler DB-9 is out of stock", read(reply.body()).path("message").asText());
    }

    @Test
    void moreThanTheStockIsRefused() {
        var reply = shopper.postJson("/cart/add.js", "{\"productId\":\"lever-classica\",\"quantity\":4}");
        assertEquals(422, reply.status());
        assertEquals("Only 3 × Lever Classica left in stock", read(reply.body()).path("message").asText());
    }

    @Test
    void missingOrUnknownVariantAndUnknownProductAreRefused() {
        var noVariant = shopper.postJson("/cart/add.js", "{\"productId\":\"barista-pro\",\"quantity\":1}");
        assertEquals("Choose a colour for Barista Pro", read(noVariant.body()).path("message").asText());
        var badVariant = shopper.postJson("/cart/add.js", "{\"productId\":\"barista-pro\",\"variant\":\"pink\",\"quantity\":1}");
        assertEquals("Unknown colour for Barista Pro: \"pink\"", read(badVariant.body()).path("message").asText());
        var unknown = shopper.postJson("/cart/add.js", "{\"productId\":\"teapot\",\"quantity\":1}");
        assertEquals(404, unknown.status());
        assertEquals("Unknown product: \"teapot\"", read(unknown.body()).path("message").asText());
    }

    @Test
    void changeJsSetsQuantityAndZeroRemoves() {
        add("{\"productId\":\"descaling-kit\",\"quantity\":1}");
        add("{\"productId\":\"tamper-58\",\"quantity\":1}");
        JsonNode changed = read(shopper.postJson("/cart/change.js", "{\"line\":1,\"quantity\":3}").body());
        assertEquals(3, changed.path("items").get(0).path("quantity").asInt());
        assertEquals("€59.70", changed.path("items").get(0).path("line_price").asText());
        JsonNode removed = read(shopper.postJson("/cart/change.js", "{\"line\":1,\"quantity\":0}").body());
        assertEquals(1, removed.path("items").size());
        assertEquals("tamper-58", removed.path("items").get(0).path("product_id").asText());
        var bad = shopper.postJson("/cart/change.js", "{\"line\":5,\"quantity\":1}");
        assertEquals(422, bad.status());
        assertEquals("There is no cart line 5: the cart has 1 line", read(bad.body()).path("message").asText());
    }

    @Test
    void emptyCartPageShowsTheEmptyState() {
        String html = shopper.get("/cart").body();
        assertTrue(has(html, "cart-empty"));
        assertFalse(has(html, "cart-line"));
        assertFalse(has(html, "checkout-button"));
        JsonNode cart = read(shopper.get("/cart.js").body());
        assertEquals(0, cart.path("item_count").asInt());
        assertEquals("€0.00", cart.path("total").asText());
    }

    @Test
    void cartPageShowsLinesAndTotalsWithShippingBelowTheThreshold() {
        add("{\"productId\":\"descaling-kit\",\"quantity\":2}");
        add("{\"productId\":\"house-espresso\",\"variant\":\"250g\",\"quantity\":1}");
        String html = shopper.get("/cart").body();
        assertEquals(List.of("descaling-kit", "house-espresso"), attributes(html, "cart-line", "data-product-id"));
        assertEquals(List.of("Descaling Kit", "House Espresso Blend"), texts(html, "line-name"));
        assertEquals(List.of("250 g"), texts(html, "line-variant"));
        assertEquals(List.of("€39.80", "€12.50"), texts(html, "line-total"));
        assertEquals(2, count(html, "line-quantity"));
        assertEquals(2, count(html, "line-update"));
        assertEquals(2, count(html, "line-remove"));
        assertEquals("€52.30", text(html, "cart-subtotal"));
        assertEquals("€5.90", text(html, "cart-shipping"));
        assertEquals("€58.20", text(html, "cart-total"));
        assertTrue(has(html, "checkout-button"));
        assertEquals("3", text(html, "cart-count"));
    }

    @Test
    void cartFormsChangeAndRemoveLinesAndRecalculate() {
        add("{\"productId\":\"descaling-kit\",\"quantity\":1}");
        add("{\"productId\":\"tamper-58\",\"quantity\":1}");
        String updated = shopper.postForm("/cart/change", Map.of("line", "2", "quantity", "2")).body();
        assertEquals(List.of("€19.90", "€98.00"), texts(updated, "line-total"));
        assertEquals("€117.90", text(updated, "cart-subtotal"));
        assertEquals("€0.00", text(updated, "cart-shipping"), "free from €75.00");
        assertEquals("€117.90", text(updated, "cart-total"));
        String removed = shopper.postForm("/cart/change", Map.of("line", "2", "quantity", "2", "remove", "1")).body();
        assertEquals(List.of("descaling-kit"), attributes(removed, "cart-line", "data-product-id"));
        assertEquals("€25.80", text(removed, "cart-total"));
        String empty = shopper.postForm("/cart/change", Map.of("line", "1", "remove", "1")).body();
        assertTrue(has(empty, "cart-empty"));
    }

    @Test
    void cartFormRefusesABadQuantityVisibly() {
        add("{\"productId\":\"descaling-kit\",\"quantity\":1}");
        var reply = shopper.postForm("/cart/change", Map.of("line", "1", "quantity", "150"));
        assertEquals(200, reply.status(), "shown again with the error, like the other forms");
        assertEquals("Quantity must be between 0 and 99: 150", text(reply.body(), "cart-error"));
    }

    @Test
    void addFormWithoutJavaScriptRedirectsToTheCart() {
        try (ShopClient noRedirects = ShopClient.withoutRedirects(store)) {
            var reply = noRedirects.postForm("/cart/add", Map.of("productId", "descaling-kit", "quantity", "1"));
            assertEquals(303, reply.status());
            assertEquals("/cart", reply.header("Location"));
            assertTrue(reply.header("Set-Cookie").contains("HttpOnly"));
        }
        var refused = shopper.postForm("/cart/add", Map.of("productId", "descaling-kit", "quantity", "0"));
        assertEquals(200, refused.status());
        assertEquals("Quantity must be between 1 and 99: 0", text(refused.body(), "cart-error"));
    }
}
