package dev.flows.demostore;

import dev.flows.demostore.catalogue.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArgumentsTest {

    private DemoStore store;
    private Faults faults;

    @BeforeAll
    void start() {
        store = DemoStore.builder().name("live").start();
        faults = store.faults();
    }

    @AfterAll
    void stop() {
        store.close();
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void routePatternsMustBeKnownPaths() {
        assertMessage("route pattern must not be blank: \"\"", () -> faults.serverError(""));
        assertMessage("route pattern must not be blank: \"\"", () -> faults.serverError(null));
        assertMessage("route pattern must be \"*\" or start with \"/\": \"product/*\"", () -> faults.hideElement("product/*", "add-to-cart"));
        assertMessage("route pattern matches no demo-store route: \"/prodcut/*\"", () -> faults.serverError("/prodcut/*"));
        assertMessage("route pattern must be a path without query, fragment or spaces: \"/search?q=x\"", () -> faults.serverError("/search?q=x"));
        assertEquals(List.of(), faults.active(), "a refused fault is not switched on");
    }

    @Test
    void knownPatternsAreAccepted() {
        faults.serverError("*").serverError("/").serverError("/product/barista-pro").serverError("/cart*")
                .serverError("/checkout/*").serverError("/static/*");
        assertEquals(6, faults.active().size());
        faults.clear();
    }

    @Test
    void durationsMustNotBeNegative() {
        assertMessage("latency fixed must not be negative: PT-0.3S",
                () -> faults.latency("/product/*", Duration.ofMillis(-300), Duration.ZERO));
        assertMessage("latency jitter must not be negative: PT-0.1S",
                () -> faults.latency("/product/*", Duration.ofMillis(300), Duration.ofMillis(-100)));
        assertMessage("latency fixed must not be null", () -> faults.latency("/product/*", null));
        assertMessage("late element delay must not be negative: PT-1S",
                () -> faults.lateElement("/product/*", "add-to-cart", Duration.ofSeconds(-1)));
    }

    @Test
    void testIdsAndMessagesMustBeGiven() {
        assertMessage("test id must be letters, digits, '-' or '_': \"\"", () -> faults.hideElement("/product/*", ""));
        assertMessage("test id must be letters, digits, '-' or '_': \"add to cart\"", () -> faults.lateElement("/", "add to cart", Duration.ZERO));
        assertMessage("script error message must not be blank: \" \"", () -> faults.scriptError("/", " "));
    }

    @Test
    void builderChecksItsValues() {
        assertMessage("port must be between 0 and 65535: 70000", () -> DemoStore.builder().port(70000));
        assertMessage("port must be between 0 and 65535: -1", () -> DemoStore.builder().port(-1));
        assertMessage("instance name must be 1 to 40 letters, digits, '.', '-' or '_': \"li ve\"", () -> DemoStore.builder().name("li ve"));
        assertMessage("instance name must be 1 to 40 letters, digits, '.', '-' or '_': \"\"", () -> DemoStore.builder().name(""));
        assertMessage("admin token must be at least 8 visible ASCII characters, got 5 characters", () -> DemoStore.builder().adminToken("short"));
    }

    @Test
    void pricesParseOnlyInTheShopFormat() {
        assertEquals(124900, Money.parse("€1,249.00").cents());
        assertEquals("€1,249.00", Money.euros("1249").toString());
        assertEquals("€0.50", Money.euros("0.5").toString());
        assertMessage("not a price in the form €1,249.00: \"12.5\"", () -> Money.parse("12.5"));
        assertMessage("not a euro amount with at most two decimals: \"1.999\"", () -> Money.euros("1.999"));
    }

    @Test
    void portInUseIsReportedWithTheAddress() {
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> DemoStore.builder().name("twin").port(store.port()).start());
        assertEquals("demo store twin could not listen on 127.0.0.1:" + store.port() + ": Address already in use", e.getMessage());
    }
}
