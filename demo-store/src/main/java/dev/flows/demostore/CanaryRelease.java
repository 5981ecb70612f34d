package dev.flows.demostore;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A "new version" of the shop, as a canary deployment would serve it: slower on some routes, failing a fraction of
 * some requests, with changed prices. A demo store started with it behaves so from its first request, through the
 * same faults as {@link Faults} (so {@code faults().clear()} turns the canary back into the stable version).
 *
 * <pre>{@code
 * CanaryRelease slower = CanaryRelease.builder().slower("/product/*", Duration.ofMillis(400)).build();
 * try (DemoStore canary = DemoStore.builder().name("canary").release(slower).start()) { ... }
 *
 * CanaryRelease.healthy();                                       // the same code as stable
 * CanaryRelease.builder().failing("/cart/add*", 0.5).build();    // every second add-to-cart answers 500
 * CanaryRelease.builder().price("barista-pro", 110).build();     // Barista Pro 10% dearer
 * }</pre>
 *
 * @param slower  route pattern to extra latency
 * @param failing route pattern to the fraction of its requests that answer 500
 * @param prices  product slug to percent of today's price
 */
public record CanaryRelease(Map<String, Duration> slower, Map<String, Double> failing, Map<String, Integer> prices) {

    public CanaryRelease {
        slower = Map.copyOf(slower);
        failing = Map.copyOf(failing);
        prices = Map.copyOf(prices);
    }

    /** A canary with nothing changed: what the stable version serves. */
    public static CanaryRelease healthy() {
        return new CanaryRelease(Map.of(), Map.of(), Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A named canary for the command line: {@code healthy}, {@code slower} (400 ms more on product pages),
     * {@code failing} (every second add-to-cart answers 500) or {@code repriced} (Barista Pro 10% dearer).
     */
    public static CanaryRelease named(String name) {
        return switch (name == null ? "" : name) {
            case "healthy" -> healthy();
            case "slower" -> builder().slower("/product/*", Duration.ofMillis(400)).build();
            case "failing" -> builder().failing("/cart/add*", 0.5).build();
            case "repriced" -> builder().price("barista-pro", 110).build();
            default -> throw new IllegalArgumentException("unknown canary release \"" + name
                    + "\" (one of healthy, slower, failing, repriced)");
        };
    }

    /** Switches this release's changes on in {@code faults}. */
    public void applyTo(Faults faults) {
        slower.forEach((route, extra) -> faults.latency(route, extra));
        failing.forEach(faults::someServerErrors);
        prices.forEach(faults::reprice);
    }

    /** Builds a {@link CanaryRelease}; every change is checked when added, so a typo in a route fails at once. */
    public static final class Builder {
        private final Map<String, Duration> slower = new LinkedHashMap<>();
        private final Map<String, Double> failing = new LinkedHashMap<>();
        private final Map<String, Integer> prices = new LinkedHashMap<>();

        private Builder() {
        }

        /** Matching routes answer {@code extra} later, e.g. {@code slower("/product/*", Duration.ofMillis(400))}. */
        public Builder slower(String route, Duration extra) {
            Objects.requireNonNull(extra, "extra latency");
            new dev.flows.demostore.fault.Fault.Latency(dev.flows.demostore.fault.RoutePattern.of(route), extra, Duration.ZERO);
            slower.put(route, extra);
            return this;
        }

        /** {@code fraction} of the matching requests answer 500, evenly spread (0.5: every second one). */
        public Builder failing(String route, double fraction) {
            new dev.flows.demostore.fault.Fault.SomeServerErrors(dev.flows.demostore.fault.RoutePattern.of(route), fraction);
            failing.put(route, fraction);
            return this;
        }

        /** The product costs {@code percent} of today's price (110: 10% dearer). */
        public Builder price(String productSlug, int percent) {
            if (productSlug == null || !productSlug.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("product slug must be lower-case letters, digits or '-': \"" + productSlug + "\"");
            }
            if (percent < 1 || percent > 1000) {
                throw new IllegalArgumentException("price percent must be 1..1000: " + percent);
            }
            prices.put(productSlug, percent);
            return this;
        }

        public CanaryRelease build() {
            return new CanaryRelease(slower, failing, prices);
        }
    }
}
