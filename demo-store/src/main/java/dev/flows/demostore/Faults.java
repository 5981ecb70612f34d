package dev.flows.demostore;

import dev.flows.demostore.fault.Fault;
import dev.flows.demostore.fault.RoutePattern;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault switchboard of one demo-store instance: thread-safe, every switch takes effect for the next request
 * and returns at once.
 *
 * <pre>{@code
 * Faults f = live.faults();
 * f.latency("/product/*", Duration.ofMillis(300), Duration.ofMillis(100));
 * f.hideElement("/product/*", "add-to-cart");
 * f.clear();
 * }</pre>
 *
 * <p>Switching on a fault that breaks the same thing on the same route again (same kind, route and test id)
 * replaces the earlier one. Faults never apply to the admin endpoint {@code /__admin/*}.
 */
public final class Faults {

    /** How the switchboard reaches the listening socket of its instance. */
    interface Availability {
        void goDown();

        void comeUp();
    }

    private final CopyOnWriteArrayList<Fault> active = new CopyOnWriteArrayList<>();
    private final Availability availability;
    private final Map<Fault, AtomicLong> requestCounts = new ConcurrentHashMap<>();
    private volatile Map<String, Integer> repriced = Map.of();
    private volatile boolean staleCatalogue;
    private volatile boolean down;

    Faults(Availability availability) {
        this.availability = availability;
    }

    /** Matching routes answer after {@code fixed} plus a uniform random 0..{@code jitter}. */
    public Faults latency(String route, Duration fixed, Duration jitter) {
        return add(new Fault.Latency(RoutePattern.of(route), fixed, jitter));
    }

    /** Matching routes answer after exactly {@code fixed}. */
    public Faults latency(String route, Duration fixed) {
        return latency(route, fixed, Duration.ZERO);
    }

    /** Matching routes answer HTTP 500 with an error page. */
    public Faults serverError(String route) {
        return add(new Fault.ServerError(RoutePattern.of(route)));
    }

    /**
     * A fraction of the matching requests answer HTTP 500, evenly spread (0.5: every second one), e.g. a canary
     * whose add-to-cart fails for some shoppers: {@code someServerErrors("/cart/add*", 0.5)}.
     */
    public Faults someServerErrors(String route, double fraction) {
        return add(new Fault.SomeServerErrors(RoutePattern.of(route), fraction));
    }

    /**
     * The product (by slug) costs {@code percent} of its price, variants too: a release that changed a price.
     * {@code reprice("barista-pro", 110)} makes it 10% dearer; 100 restores it.
     */
    public Faults reprice(String productSlug, int percent) {
        if (productSlug == null || !productSlug.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("product slug must be lower-case letters, digits or '-': \"" + productSlug + "\"");
        }
        if (percent < 1 || percent > 1000) {
            throw new IllegalArgumentException("reprice percent must be 1..1000: " + percent);
        }
        synchronized (active) {
            Map<String, Integer> next = new LinkedHashMap<>(repriced);
            if (percent == 100) {
                next.remove(productSlug);
            } else {
                next.put(productSlug, percent);
            }
            repriced = Map.copyOf(next);
        }
        return this;
    }

    /** Products repriced by {@link #reprice}: slug to percent of the catalogue price. */
    public Map<String, Integer> repriced() {
        return repriced;
    }

    /** The element with {@code data-testid=testId} is not rendered on matching pages. */
    public Faults hideElement(String route, String testId) {
        return add(new Fault.HiddenElement(RoutePattern.of(route), testId));
    }

    /** Matching pages throw an uncaught {@code Error(message)} in the browser. */
    public Faults scriptError(String route, String message) {
        return add(new Fault.ScriptError(RoutePattern.of(route), message));
    }

    /** The element with {@code data-testid=testId} is absent from the served HTML and inserted by script after {@code delay}. */
    public Faults lateElement(String route, String testId, Duration delay) {
        return add(new Fault.LateElement(RoutePattern.of(route), testId, delay));
    }

    /** Matching routes answer {@code status} (400-599): an error page, or a JSON error on the API. */
    public Faults httpStatus(String route, int status) {
        return add(new Fault.Status(RoutePattern.of(route), status));
    }

    /** The listing's links to {@code productId} open the next product of the catalogue instead. */
    public Faults wrongProductLink(String productId) {
        return add(new Fault.WrongProductLink(productId));
    }

    /** Adding {@code productId} to the cart silently does nothing: no error, no change. */
    public Faults deadAddToCart(String productId) {
        return add(new Fault.DeadAddToCart(productId));
    }

    /** Listings show prices {@code percent} higher (or lower, when negative) than the product pages and the cart. */
    public Faults listingPrice(int percent) {
        return add(new Fault.ListingPrice(percent));
    }

    /** The product listing renders {@code delay} after the rest of its page. */
    public Faults slowListing(Duration delay) {
        return add(new Fault.SlowListing(delay));
    }

    /** On matching pages, using the element with this test id (click, or change of a field) opens {@code alert(message)}. */
    public Faults dialog(String route, String testId, String message) {
        return add(new Fault.Dialog(RoutePattern.of(route), testId, message));
    }

    /** On matching pages, product images fail to load (404). */
    public Faults brokenImages(String route) {
        return add(new Fault.BrokenImages(RoutePattern.of(route)));
    }

    /** On matching pages, the field with this test id drops what is typed into it. */
    public Faults droppingField(String route, String testId) {
        return add(new Fault.DroppingField(RoutePattern.of(route), testId));
    }

    /**
     * Matching pages load a script from {@code src}, another host's, as shops load a payment provider's or an
     * analytics script; a monitor that must not touch that host blocks it.
     */
    public Faults thirdPartyScript(String route, java.net.URI src) {
        return add(new Fault.ThirdPartyScript(RoutePattern.of(route), src));
    }

    /** Any fault built elsewhere, e.g. parsed by the admin endpoint. */
    public Faults add(Fault fault) {
        synchronized (active) {
            active.removeIf(fault::sameTarget);
            active.add(fault);
        }
        return this;
    }

    /**
     * Stops listening: new connections are refused. The port stays reserved for this instance, and {@link #up()}
     * listens on it again. The admin endpoint goes down with it.
     */
    public Faults down() {
        synchronized (active) {
            if (!down) {
                // Flag after the fact: whoever sees isDown() must find the port already closed.
                availability.goDown();
                down = true;
            }
        }
        return this;
    }

    /** Listens again on the same port after {@link #down()}. */
    public Faults up() {
        synchronized (active) {
            if (down) {
                availability.comeUp();
                down = false;
            }
        }
        return this;
    }

    /** Serves {@link dev.flows.demostore.catalogue.Catalogue#older()}: other prices, newest products missing. */
    public Faults staleCatalogue(boolean stale) {
        this.staleCatalogue = stale;
        return this;
    }

    /** Every fault off, stale catalogue off, and the instance up again. */
    public Faults clear() {
        synchronized (active) {
            active.clear();
            requestCounts.clear();
            repriced = Map.of();
            staleCatalogue = false;
            up();
        }
        return this;
    }

    /** The faults switched on now, oldest first (down and stale catalogue are flags, see {@link #isDown()}). */
    public List<Fault> active() {
        return List.copyOf(active);
    }

    public boolean isDown() {
        return down;
    }

    public boolean isStaleCatalogue() {
        return staleCatalogue;
    }

    /** The active fault of this type, if one is on. */
    <T extends Fault> java.util.Optional<T> find(Class<T> type) {
        return active.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The active faults of this type. */
    <T extends Fault> List<T> all(Class<T> type) {
        return active.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Whether this request is one of the failing fraction: request {@code k} (from 1) fails when
     * {@code floor(k * fraction)} steps up, so exactly {@code floor(n * fraction)} of the first n fail.
     */
    boolean failsNow(Fault.SomeServerErrors fault) {
        long k = requestCounts.computeIfAbsent(fault, f -> new AtomicLong()).incrementAndGet();
        return Math.floor(k * fault.fraction()) > Math.floor((k - 1) * fault.fraction());
    }

    /** The active faults that apply to a request path. */
    List<Fault> matching(String path) {
        return active.stream().filter(f -> f.route().matches(path)).toList();
    }
}
