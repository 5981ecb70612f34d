package dev.flows.run;

import dev.flows.browser.Page;
import dev.flows.journey.OrderRefusedException;
import dev.flows.journey.StepContext;
import dev.flows.site.Site;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The context of one attempt: fresh for every attempt, so nothing leaks between retries or sites. */
final class AttemptContext implements StepContext {

    private final Page page;
    private final Site site;
    private final String engine;
    private final String journey;
    private final int attempt;
    private final boolean ordersAllowed;
    // Steps run on a worker thread (for step timeouts), so the memory must be safely published between them.
    private final Map<String, Object> memory = new ConcurrentHashMap<>();
    private final Map<String, String> prices = new LinkedHashMap<>();
    private volatile boolean orderPlaced;

    AttemptContext(Page page, Site site, String engine, String journey, int attempt, boolean ordersAllowed) {
        this.page = page;
        this.site = site;
        this.engine = engine;
        this.journey = journey;
        this.attempt = attempt;
        this.ordersAllowed = ordersAllowed;
    }

    @Override
    public Page page() {
        return page;
    }

    @Override
    public Site site() {
        return site;
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public String journey() {
        return journey;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public boolean ordersAllowed() {
        return ordersAllowed;
    }

    @Override
    public void placeOrder(Runnable action) {
        Objects.requireNonNull(action, "place-order action");
        if (!ordersAllowed) {
            throw new OrderRefusedException(site.name());
        }
        // Set before the action: a click that fails half way may still have placed the order.
        orderPlaced = true;
        action.run();
    }

    @Override
    public void remember(String key, Object value) {
        memory.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value for " + key));
    }

    @Override
    public <T> Optional<T> recall(String key, Class<T> type) {
        Object value = memory.get(key);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    @Override
    public synchronized void recordPrice(String product, String price) {
        if (product == null || product.isBlank() || price == null || price.isBlank()) {
            throw new IllegalArgumentException("a recorded price needs a product and a price: " + product + "=" + price);
        }
        prices.put(product.strip(), price.strip());
    }

    /** Whether a step went through {@link #placeOrder}: such an attempt is never retried. */
    boolean orderPlaced() {
        return orderPlaced;
    }

    synchronized Map<String, String> prices() {
        return Map.copyOf(prices);
    }
}
