package dev.flows.demostore.fault;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One injected misbehaviour of a demo-store instance, bound to the routes it breaks.
 * Instances are immutable; switch them on and off through {@code DemoStore.faults()}.
 */
public sealed interface Fault {

    RoutePattern route();

    /** The name used by the admin endpoint's {@code kind} field. */
    String kind();

    /** Whether this fault and {@code other} would break the same thing, so the newer one replaces the older. */
    default boolean sameTarget(Fault other) {
        return kind().equals(other.kind()) && route().equals(other.route()) && target().equals(other.target());
    }

    /** The element a fault is about, or "" for faults that concern the whole response. */
    default String target() {
        return "";
    }

    /** Responses on matching routes wait {@code fixed} plus a uniform random 0..{@code jitter}. */
    record Latency(RoutePattern route, Duration fixed, Duration jitter) implements Fault {
        public Latency {
            Objects.requireNonNull(route, "route");
            requireNotNegative("latency fixed", fixed);
            requireNotNegative("latency jitter", jitter);
        }

        @Override
        public String kind() {
            return "latency";
        }
    }

    /** Matching routes answer HTTP 500 with an error page. */
    record ServerError(RoutePattern route) implements Fault {
        public ServerError {
            Objects.requireNonNull(route, "route");
        }

        @Override
        public String kind() {
            return "serverError";
        }
    }

    /** The element carrying {@code data-testid=testId} is left out of matching pages. */
    record HiddenElement(RoutePattern route, String testId) implements Fault {
        public HiddenElement {
            Objects.requireNonNull(route, "route");
            requireTestId(testId);
        }

        @Override
        public String kind() {
            return "hideElement";
        }

        @Override
        public String target() {
            return testId;
        }
    }

    /**
     * Matching routes answer HTTP 500 for a fraction of their requests, spread evenly and deterministically: with
     * {@code fraction} 0.5 every second request fails, with 0.25 every fourth. A random draw would make a test of
     * "the gate catches a failing canary" pass or fail by luck; an even spread gives the same count every run.
     *
     * @param fraction of the matching requests that fail, above 0 and at most 1
     */
    record SomeServerErrors(RoutePattern route, double fraction) implements Fault {
        public SomeServerErrors {
            Objects.requireNonNull(route, "route");
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("failing fraction must be above 0 and at most 1: " + fraction);
            }
        }

        @Override
        public String kind() {
            return "someServerErrors";
        }
    }

    /** Matching pages throw an uncaught JavaScript {@code Error(message)} while loading. */
    record ScriptError(RoutePattern route, String message) implements Fault {
        public ScriptError {
            Objects.requireNonNull(route, "route");
            if (message == null || message.isBlank()) {
                throw new IllegalArgumentException("script error message must not be blank: \"" + (message == null ? "" : message) + "\"");
            }
        }

        @Override
        public String kind() {
            return "scriptError";
        }
    }

    /** The element carrying {@code data-testid=testId} is missing from the served HTML and inserted by script after {@code delay}. */
    record LateElement(RoutePattern route, String testId, Duration delay) implements Fault {
        public LateElement {
            Objects.requireNonNull(route, "route");
            requireTestId(testId);
            requireNotNegative("late element delay", delay);
        }

        @Override
        public String kind() {
            return "lateElement";
        }

        @Override
        public String target() {
            return testId;
        }
    }

    /** Matching routes answer {@code status} (400-599) with an error page, or a JSON error on the shop's API. */
    record Status(RoutePattern route, int status) implements Fault {
        public Status {
            Objects.requireNonNull(route, "route");
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("fault status must be an HTTP error status (400-599): " + status);
            }
        }

        @Override
        public String kind() {
            return "status";
        }
    }

    /** Every listing link to {@code productId} opens the next product of the catalogue instead. */
    record WrongProductLink(String productId) implements Fault {
        public WrongProductLink {
            requireProduct(productId);
        }

        @Override
        public RoutePattern route() {
            return RoutePattern.of("*");
        }

        @Override
        public String kind() {
            return "wrongProductLink";
        }

        @Override
        public String target() {
            return productId;
        }
    }

    /** Adding {@code productId} to the cart looks fine and silently does nothing. */
    record DeadAddToCart(String productId) implements Fault {
        public DeadAddToCart {
            requireProduct(productId);
        }

        @Override
        public RoutePattern route() {
            return RoutePattern.of("*");
        }

        @Override
        public String kind() {
            return "deadAddToCart";
        }

        @Override
        public String target() {
            return productId;
        }
    }

    /** Listings show every price changed by {@code percent} (e.g. 10 = 10% higher); product pages and the cart do not. */
    record ListingPrice(int percent) implements Fault {
        public ListingPrice {
            if (percent == 0 || percent < -90 || percent > 500) {
                throw new IllegalArgumentException("listing price change must be -90..500 percent and not 0: " + percent);
            }
        }

        @Override
        public RoutePattern route() {
            return RoutePattern.of("*");
        }

        @Override
        public String kind() {
            return "listingPrice";
        }
    }

    /** The product listing renders {@code delay} after the rest of the page. */
    record SlowListing(Duration delay) implements Fault {
        public SlowListing {
            requireNotNegative("slow listing delay", delay);
        }

        @Override
        public RoutePattern route() {
            return RoutePattern.of("*");
        }

        @Override
        public String kind() {
            return "slowListing";
        }
    }

    /** On matching pages, using the element with test id {@code testId} (a click, or a change of a field) opens {@code alert(message)}. */
    record Dialog(RoutePattern route, String testId, String message) implements Fault {
        public Dialog {
            Objects.requireNonNull(route, "route");
            requireTestId(testId);
            if (message == null || message.isBlank()) {
                throw new IllegalArgumentException("dialog message must not be blank: \"" + (message == null ? "" : message) + "\"");
            }
        }

        @Override
        public String kind() {
            return "dialog";
        }

        @Override
        public String target() {
            return testId;
        }
    }

    /** On matching pages, product images point at files that do not exist (404). */
    record BrokenImages(RoutePattern route) implements Fault {
        public BrokenImages {
            Objects.requireNonNull(route, "route");
        }

        @Override
        public String kind() {
            return "brokenImages";
        }
    }

    /** On matching pages, the field with test id {@code testId} drops whatever is typed into it. */
    record DroppingField(RoutePattern route, String testId) implements Fault {
        public DroppingField {
            Objects.requireNonNull(route, "route");
            requireTestId(testId);
        }

        @Override
        public String kind() {
            return "droppingField";
        }

        @Override
        public String target() {
            return testId;
        }
    }

    /**
     * Matching pages load a script from another host, as a shop's pages load a payment provider's, an analytics or
     * an ad script ({@code https://js.stripe.com/v3}). Server-rendered pages only.
     */
    record ThirdPartyScript(RoutePattern route, java.net.URI src) implements Fault {
        public ThirdPartyScript {
            Objects.requireNonNull(route, "route");
            if (src == null || !src.isAbsolute() || !List.of("http", "https").contains(src.getScheme()) || src.getHost() == null) {
                throw new IllegalArgumentException("third-party script must be an absolute http(s) URL: \"" + (src == null ? "" : src) + "\"");
            }
        }

        @Override
        public String kind() {
            return "thirdPartyScript";
        }

        @Override
        public String target() {
            return src.toString();
        }
    }

    private static void requireProduct(String productId) {
        if (productId == null || !productId.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("product id must be lower-case letters, digits and '-': \"" + (productId == null ? "" : productId) + "\"");
        }
    }

    private static void requireNotNegative(String what, Duration d) {
        if (d == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + d);
        }
    }

    private static void requireTestId(String testId) {
        if (testId == null || !testId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("test id must be letters, digits, '-' or '_': \"" + (testId == null ? "" : testId) + "\"");
        }
    }
}
