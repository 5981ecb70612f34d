package dev.flows.demostore;

import dev.flows.demostore.fault.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import static dev.flows.demostore.Markup.has;
import static dev.flows.demostore.Markup.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsTest {

    private DemoStore store;
    private Faults faults;
    private ShopClient shopper;

    @BeforeEach
    void start() {
        store = DemoStore.builder().name("live").start();
        faults = store.faults();
        shopper = ShopClient.of(store);
    }

    @AfterEach
    void stop() {
        shopper.close();
        store.close();
    }

    @Test
    void latencyDelaysMatchingRoutesOnly() {
        faults.latency("/product/*", Duration.ofMillis(300), Duration.ofMillis(100));
        long started = System.nanoTime();
        assertEquals(200, shopper.get("/product/barista-pro").status());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300, "at least the fixed latency");
        assertEquals(List.of(new Fault.Latency(dev.flows.demostore.fault.RoutePattern.of("/product/*"),
                Duration.ofMillis(300), Duration.ofMillis(100))), faults.active());

        faults.latency("/product/*", Duration.ofMillis(150));
        assertEquals(1, faults.active().size(), "the same fault on the same route replaces the earlier one");

        faults.clear();
        assertEquals(List.of(), faults.active());
        assertEquals(200, shopper.get("/product/barista-pro").status());
    }

    @Test
    void serverErrorAnswers500WithAnErrorPageUntilCleared() {
        faults.serverError("/cart");
        var broken = shopper.get("/cart");
        assertEquals(500, broken.status());
        assertTrue(has(broken.body(), "server-error"));
        assertEquals("Served by live", text(broken.body(), "served-by"));
        assertEquals("live", broken.header("X-Flows-Instance"));
        assertEquals(200, shopper.get("/cart.js").status(), "exact pattern: /cart only");
        assertEquals(200, shopper.get("/").status());

        faults.clear();
        assertEquals(200, shopper.get("/cart").status());
    }

    @Test
    void hiddenElementIsNotRenderedOnMatchingPages() {
        faults.hideElement("/product/*", "add-to-cart");
        String product = shopper.get("/product/barista-pro").body();
        assertFalse(has(product, "add-to-cart"));
        assertTrue(has(product, "quantity"), "only that element goes");
        assertTrue(product.contains("</form>"), "the page stays well formed");

        faults.hideElement("*", "product-card");
        assertEquals(0, Markup.count(shopper.get("/category/grinders").body(), "product-card"));

        faults.clear();
        assertTrue(has(shopper.get("/product/barista-pro").body(), "add-to-cart"));
    }

    @Test
    void scriptErrorInjectsAThrowingScript() {
        faults.scriptError("/", "Boom from demo store");
        String landing = shopper.get("/").body();
        assertTrue(landing.contains("<script>throw new Error(\"Boom from demo store\");</script>"), landing);
        assertFalse(shopper.get("/cart").body().contains("throw new Error"), "exact pattern: / only");

        faults.clear();
        assertFalse(shopper.get("/").body().contains("throw new Error"));
    }

    @Test
    void scriptErrorMessageIsEscapedForJavaScriptAndHtml() {
        faults.scriptError("/", "</script><b>\"quoted\"</b>");
        String landing = shopper.get("/").body();
        assertTrue(landing.contains("throw new Error(\"\\u003c/script\\u003e\\u003cb\\u003e\\u0022quoted\\u0022\\u003c/b\\u003e\");"));
    }

    @Test
    void lateElementIsMissingFromTheInitialHtmlAndInsertedByScript() {
        faults.lateElement("/product/*", "add-to-cart", Duration.ofMillis(1500));
        String product = shopper.get("/product/barista-pro").body();
        assertFalse(has(product, "add-to-cart"), "not in the initial DOM");
        assertTrue(product.contains("<template data-flows-late=\"late-0\"></template>"));
        assertTrue(product.contains("setTimeout(function ()"));
        assertTrue(product.contains("}, 1500);</script>"));
        assertTrue(product.contains("data-testid=\\u0022add-to-cart\\u0022"), "the element travels inside the script");

        faults.clear();
        assertTrue(has(shopper.get("/product/barista-pro").body(), "add-to-cart"));
    }

    @Test
    void downRefusesConnectionsAndUpListensAgainOnTheSamePort() {
        int port = store.port();
        faults.down();
        assertTrue(faults.isDown());
        ConnectException refused = assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
        try (ShopClient fresh = ShopClient.of(store)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> fresh.get("/"));
            assertInstanceOf(ConnectException.class, e.getCause());
        }

        faults.up();
        assertEquals(port, store.port());
        try (ShopClient fresh = ShopClient.of(store)) {
            assertEquals(200, fresh.get("/").status());
        }

        faults.down();
        faults.clear();
        assertFalse(faults.isDown(), "clear brings the instance up");
        try (ShopClient fresh = ShopClient.of(store)) {
            assertEquals(200, fresh.get("/").status());
        }
    }

    @Test
    void staleCatalogueServesOlderPricesAndMissesNewArrivals() {
        assertEquals("€1,249.00", text(shopper.get("/product/barista-pro").body(), "product-price"));
        faults.staleCatalogue(true);
        assertEquals("€1,124.10", text(shopper.get("/product/barista-pro").body(), "product-price"));
        assertEquals(404, shopper.get("/product/barista-pro-touch").status(), "the newest product is missing");

        faults.staleCatalogue(false);
        assertEquals("€1,249.00", text(shopper.get("/product/barista-pro").body(), "product-price"));
        assertEquals(200, shopper.get("/product/barista-pro-touch").status());
    }

    @Test
    void staleCataloguePricesTheSameCartDifferently() {
        shopper.postJson("/cart/add.js", "{\"productId\":\"descaling-kit\",\"quantity\":1}");
        faults.staleCatalogue(true);
        assertEquals("€17.91", text(shopper.get("/cart").body(), "line-total"));
    }

    @Test
    void faultsCombineOnOnePage() {
        faults.hideElement("/product/*", "stock-status")
                .lateElement("/product/*", "add-to-cart", Duration.ofMillis(200))
                .scriptError("/product/*", "Late and broken");
        String product = shopper.get("/product/descaling-kit").body();
        assertFalse(has(product, "stock-status"));
        assertFalse(has(product, "add-to-cart"));
        assertTrue(product.contains("throw new Error(\"Late and broken\")"));
        assertTrue(product.indexOf("throw new Error") < product.indexOf("</body>"));
        assertEquals(3, faults.active().size());
    }
}
