package dev.flows.demostore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.flows.demostore.catalogue.Catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded coffee-equipment webshop on 127.0.0.1, with its own sessions, carts, orders, request log and
 * faults: two instances in one JVM (a "live" and a "fallback") know nothing of each other.
 *
 * <pre>{@code
 * try (DemoStore live = DemoStore.builder().name("live").start()) {
 *     URI base = live.baseUrl();                       // http://127.0.0.1:PORT/
 *     live.faults().serverError("/cart");
 *     ...
 *     assertEquals(1, live.orders().size());
 * }
 * }</pre>
 */
public final class DemoStore implements AutoCloseable {

    static {
        // The JDK server writes headers and body as two small TCP segments; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK, adding ~40 ms to every response. A shop that is slow for no reason
        // would spoil every latency budget, so switch Nagle off unless the user decided otherwise. This is read
        // once, when the JDK's server configuration loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final int THREADS = 16;
    private static final int BACKLOG = 64;

    private final String name;
    private final String adminToken;
    private final Catalogue catalogue;
    private final InetSocketAddress address;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Faults faults;
    private final OrderBook orders = new OrderBook();
    private final RequestLog log = new RequestLog();
    private final Storefront storefront;
    private final Shape shape;
    private final CheckoutFlow checkoutFlow;
    private HttpServer server;
    private boolean closed;

    private DemoStore(Builder b) {
        this.name = b.name;
        this.adminToken = b.adminToken != null ? b.adminToken : randomToken();
        this.catalogue = b.catalogue;
        this.workers = Executors.newFixedThreadPool(THREADS, threads("demo-store-" + name));
        this.timer = Executors.newSingleThreadScheduledExecutor(threads("demo-store-" + name + "-timer"));
        this.faults = new Faults(new Faults.Availability() {
            @Override
            public void goDown() {
                stopListening();
            }

            @Override
            public void comeUp() {
                listen();
            }
        });
        ObjectMapper json = new ObjectMapper();
        Clock clock = Clock.systemUTC();
        Sessions sessions = new Sessions(name, clock);
        AdminEndpoint admin = new AdminEndpoint(adminToken, faults, orders, json, timer);
        this.shape = b.shape;
        this.checkoutFlow = b.checkoutFlow;
        this.storefront = new Storefront(name, catalogue, faults, sessions, orders, log, admin, json, clock, b.shape,
                b.checkoutFlow, b.basicAuth);
        try {
            this.server = bind(new InetSocketAddress(loopback(), b.port));
        } catch (RuntimeException e) {
            // No half-started instance: its threads would outlive the failed start.
            timer.shutdownNow();
            workers.shutdownNow();
            throw e;
        }
        this.address = new InetSocketAddress(loopback(), server.getAddress().getPort());
        if (b.release != null) {
            b.release.applyTo(faults);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT/}, always ending in {@code /}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + address.getPort() + "/");
    }

    public String name() {
        return name;
    }

    /** Which kind of shop this instance is. */
    public Shape shape() {
        return shape;
    }

    /** Which checkout the single-page shape shows (the classic shape always has its own two-step checkout). */
    public CheckoutFlow checkoutFlow() {
        return checkoutFlow;
    }

    /** The shop shapes an instance can take; each has its own markup, routes and test hooks (see HOOKS.md). */
    public enum Shape {
        /** Server-rendered pages, categories, a session cart, {@code data-testid} hooks, a two-step checkout with a card. */
        CLASSIC,
        /**
         * A client-rendered app with JS routing: login wall (username), no categories but a sort control, a cart in
         * {@code localStorage} with a badge absent when empty and a mini-cart, -/+ steppers, swatch variants,
         * {@code data-test} hooks, and a short or one-page checkout.
         */
        SINGLE_PAGE;

        /** "classic" or "single-page", as the command line writes it. */
        public static Shape of(String text) {
            return switch (String.valueOf(text)) {
                case "classic" -> CLASSIC;
                case "single-page" -> SINGLE_PAGE;
                default -> throw new IllegalArgumentException("shop shape must be classic or single-page: " + text);
            };
        }
    }

    /** The single-page shape's checkout. */
    public enum CheckoutFlow {
        /** Contact (first name, last name, postal code), then an overview with item total, tax and total, then finish. */
        SHORT,
        /** One page: contact, address with phone and province, shipping and payment method (cash on delivery or card), place order. */
        ONE_PAGE;

        /** "short" or "one-page", as the command line writes it. */
        public static CheckoutFlow of(String text) {
            return switch (String.valueOf(text)) {
                case "short" -> SHORT;
                case "one-page" -> ONE_PAGE;
                default -> throw new IllegalArgumentException("checkout must be short or one-page: " + text);
            };
        }
    }

    public int port() {
        return address.getPort();
    }

    /** The token that the admin endpoint {@code /__admin/*} expects in {@code X-Admin-Token}. */
    public String adminToken() {
        return adminToken;
    }

    /** The catalogue served while the stale-catalogue fault is off. */
    public Catalogue catalogue() {
        return catalogue;
    }

    public Faults faults() {
        return faults;
    }

    /** The orders placed so far on this instance, oldest first; an immutable snapshot. */
    public List<Order> orders() {
        return orders.all();
    }

    /** The last 1000 requests, oldest first; an immutable snapshot. */
    public List<RecordedRequest> requestLog() {
        return log.snapshot();
    }

    /** Forgets the requests recorded so far, e.g. between tests sharing an instance. */
    public void clearRequestLog() {
        log.clear();
    }

    /** Stops listening and ends every thread of this instance; the port is free afterwards. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }
        timer.shutdownNow();
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "DemoStore[" + name + " at " + baseUrl() + "]";
    }

    private synchronized void stopListening() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private synchronized void listen() {
        if (server == null && !closed) {
            server = bind(address);
        }
    }

    private HttpServer bind(InetSocketAddress at) {
        try {
            HttpServer s = HttpServer.create(at, BACKLOG);
            s.createContext("/", storefront);
            s.setExecutor(workers);
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("demo store " + name + " could not listen on " + at.getAddress().getHostAddress() + ":" + at.getPort()
                    + ": " + e.getMessage(), e);
        }
    }

    private static InetAddress loopback() {
        try {
            // Literally 127.0.0.1: getLoopbackAddress() may answer ::1, and the base URL promises IPv4.
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Configures and starts a {@link DemoStore}. Defaults: name {@code demo}, port 0 (the OS picks a free one),
     * {@link Catalogue#current()}, a random admin token.
     */
    public static final class Builder {
        private String name = "demo";
        private int port;
        private Catalogue catalogue = Catalogue.current();
        private String adminToken;
        private Shape shape = Shape.CLASSIC;
        private CheckoutFlow checkoutFlow = CheckoutFlow.SHORT;
        private CanaryRelease release;
        private String basicAuth;

        private Builder() {
        }

        /** The kind of shop (default {@link Shape#CLASSIC}). */
        public Builder shape(Shape shape) {
            this.shape = Objects.requireNonNull(shape, "shape");
            return this;
        }

        /** Puts the shop behind HTTP basic auth (every page but the admin endpoint answers 401 without it). */
        public Builder basicAuth(String user, String password) {
            this.basicAuth = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return this;
        }

        /** The single-page shape's checkout (default {@link CheckoutFlow#SHORT}). */
        public Builder checkoutFlow(CheckoutFlow checkoutFlow) {
            this.checkoutFlow = Objects.requireNonNull(checkoutFlow, "checkoutFlow");
            return this;
        }

        /** Shown in the {@code X-Flows-Instance} header and the footer: letters, digits, '.', '-', '_'. */
        public Builder name(String name) {
            if (name == null || !name.matches("[A-Za-z0-9._-]{1,40}")) {
                throw new IllegalArgumentException("instance name must be 1 to 40 letters, digits, '.', '-' or '_': \""
                        + (name == null ? "" : name) + "\"");
            }
            this.name = name;
            return this;
        }

        /** 0 lets the OS pick a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder catalogue(Catalogue catalogue) {
            this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
            return this;
        }

        public Builder adminToken(String token) {
            if (token == null || token.length() < 8 || !token.matches("[\\x21-\\x7e]+")) {
                throw new IllegalArgumentException("admin token must be at least 8 visible ASCII characters, got "
                        + (token == null ? "none" : token.length() + " characters"));
            }
            this.adminToken = token;
            return this;
        }

        /** Serves a "new version" from the first request: slower routes, failing requests, changed prices. */
        public Builder release(CanaryRelease release) {
            this.release = Objects.requireNonNull(release, "release");
            return this;
        }

        /** Starts listening on 127.0.0.1 and returns the running store. */
        public DemoStore start() {
            return new DemoStore(this);
        }
    }
}
