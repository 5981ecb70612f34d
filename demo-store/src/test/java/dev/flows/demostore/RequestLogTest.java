package dev.flows.demostore;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestLogTest {

    @Test
    void recordsMethodPathWithQueryHeadersTimeAndStatus() {
        Instant before = Instant.now();
        try (DemoStore store = DemoStore.builder().name("live").start(); ShopClient monitor = ShopClient.of(store)) {
            monitor.get("/category/grinders?sort=name", "X-Synthetic", "flows-monitor/1");
            monitor.postJson("/cart/add.js", "{\"productId\":\"descaling-kit\",\"quantity\":1}");

            List<RecordedRequest> log = store.requestLog();
            assertEquals(2, log.size());
            RecordedRequest first = log.get(0);
            assertEquals("GET", first.method());
            assertEquals("/category/grinders?sort=name", first.path());
            assertEquals(200, first.status());
            assertEquals("flows-monitor/1", first.header("x-synthetic").orElseThrow(), "look-up ignores case");
            assertEquals(List.of("flows-monitor/1"), first.headers().get("X-SYNTHETIC"));
            assertFalse(first.time().isBefore(before.minusSeconds(1)));
            assertEquals("POST", log.get(1).method());
            assertTrue(log.get(1).header("X-Synthetic").isEmpty());
            assertThrows(UnsupportedOperationException.class, () -> log.get(0).headers().put("x", List.of()));

            store.clearRequestLog();
            assertEquals(List.of(), store.requestLog());
        }
    }

    @Test
    void adminTokenNeverReachesTheLog() {
        try (DemoStore store = DemoStore.builder().name("live").adminToken("secret-token-1").start(); ShopClient admin = ShopClient.of(store)) {
            admin.get("/__admin/faults", "X-Admin-Token", "secret-token-1");
            RecordedRequest logged = store.requestLog().get(0);
            assertEquals("<redacted>", logged.header("X-Admin-Token").orElseThrow());
            assertFalse(logged.toString().contains("secret-token-1"));
        }
    }

    @Test
    void keepsOnlyTheLastThousandRequests() {
        try (DemoStore store = DemoStore.builder().name("live").start(); ShopClient monitor = ShopClient.of(store)) {
            for (int i = 0; i < 1005; i++) {
                monitor.get("/cart.js?n=" + i);
            }
            List<RecordedRequest> log = store.requestLog();
            assertEquals(1000, log.size());
            assertEquals("/cart.js?n=5", log.get(0).path());
            assertEquals("/cart.js?n=1004", log.get(999).path());
        }
    }
}
