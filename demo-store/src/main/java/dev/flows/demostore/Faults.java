package dev.flows.demostore;

import dev.flows.demostore.fault.Fault;
import dev.flows.demostore.fault.RoutePattern;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

    /** The active faults that apply to a request path. */
    List<Fault> matching(String path) {
        return active.stream().filter(f -> f.route().matches(path)).toList();
    }
}
