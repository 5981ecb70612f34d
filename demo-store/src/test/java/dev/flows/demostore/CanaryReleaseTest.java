package dev.flows.demostore;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.flows.demostore.Markup.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanaryReleaseTest {

    @Test
    void slowerCanaryAnswersLaterOnItsRoutesOnly() {
        try (DemoStore canary = DemoStore.builder().name("canary").release(CanaryRelease.named("slower")).start();
             ShopClient shopper = ShopClient.of(canary)) {
            long start = System.nanoTime();
            assertEquals(200, shopper.get("/product/barista-pro").status());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 400, "product pages wait 400 ms");
            canary.faults().clear();
            start = System.nanoTime();
            assertEquals(200, shopper.get("/product/barista-pro").status());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 400, "cleared: the stable version again");
        }
    }

    @Test
    void failingCanaryFailsExactlyItsFractionOfAddToCartEvenlySpread() {
        try (DemoStore canary = DemoStore.builder().name("canary").release(CanaryRelease.named("failing")).start();
             ShopClient shopper = ShopClient.of(canary)) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(shopper.postJson("/cart/add.js", "{\"productId\":\"descaling-kit\",\"quantity\":1}").status());
            }
            assertEquals(List.of(200, 500, 200, 500, 200, 500), statuses);
            assertEquals(200, shopper.get("/product/barista-pro").status(), "other routes are untouched");
        }
    }

    @Test
    void aQuarterFailsEveryFourthRequest() {
        try (DemoStore canary = DemoStore.builder().name("canary")
                .release(CanaryRelease.builder().failing("/cart", 0.25).build()).start();
             ShopClient shopper = ShopClient.of(canary)) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(shopper.get("/cart").status());
            }
            assertEquals(List.of(200, 200, 200, 500, 200, 200, 200, 500), statuses);
        }
    }

    @Test
    void repricedCanaryChangesOneProductsPriceOnly() {
        try (DemoStore canary = DemoStore.builder().name("canary").release(CanaryRelease.named("repriced")).start();
             ShopClient shopper = ShopClient.of(canary)) {
            assertEquals("€1,373.90", text(shopper.get("/product/barista-pro").body(), "product-price"));
            assertEquals("€549.00", text(shopper.get("/product/flat-burr-64").body(), "product-price"));
            canary.faults().reprice("barista-pro", 100);
            assertEquals("€1,249.00", text(shopper.get("/product/barista-pro").body(), "product-price"));
        }
    }

    @Test
    void badReleasesAreRefusedWithOneLine() {
        assertEquals("unknown canary release \"faster\" (one of healthy, slower, failing, repriced)",
                assertThrows(IllegalArgumentException.class, () -> CanaryRelease.named("faster")).getMessage());
        assertEquals("failing fraction must be above 0 and at most 1: 1.5",
                assertThrows(IllegalArgumentException.class, () -> CanaryRelease.builder().failing("/cart/add*", 1.5)).getMessage());
        assertEquals("route pattern matches no demo-store route: \"/crat/add\"",
                assertThrows(IllegalArgumentException.class, () -> CanaryRelease.builder().failing("/crat/add", 0.5)).getMessage());
    }
}
