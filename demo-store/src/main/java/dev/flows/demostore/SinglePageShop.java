package dev.flows.demostore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flows.demostore.catalogue.Catalogue;
import dev.flows.demostore.catalogue.Money;
import dev.flows.demostore.catalogue.Product;
import dev.flows.demostore.catalogue.Variant;
import dev.flows.demostore.fault.Fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.flows.demostore.Html.esc;

/**
 * The single-page shape of the demo store ("Bean &amp; Burr Express"): one HTML page for every route, rendered and
 * routed in the browser by {@code /static/spa.js}, a JSON API for products, login and orders, and a cart kept in
 * the browser's {@code localStorage}. See HOOKS.md for its routes and {@code data-test} hooks.
 */
final class SinglePageShop {

    static final String USERNAME = "shopper";
    static final String PASSWORD = "flows-demo";
    /** Tax on the item total, in percent (both checkouts). */
    static final int TAX_PERCENT = 8;
    static final Map<String, Money> SHIPPING = Map.of("standard", Money.euros("4.90"), "express", Money.euros("14.90"));

    /** The client routes: each is answered with the app's page, which renders it. */
    private static final Set<String> PAGES = Set.of("/", "/inventory", "/cart", "/checkout", "/checkout/step-one",
            "/checkout/step-two", "/checkout/complete");

    private final String name;
    private final DemoStore.CheckoutFlow checkout;
    private final Faults faults;
    private final OrderBook orders;
    private final ObjectMapper json;
    private final Clock clock;

    SinglePageShop(String name, DemoStore.CheckoutFlow checkout, Faults faults, OrderBook orders, ObjectMapper json, Clock clock) {
        this.name = name;
        this.checkout = checkout;
        this.faults = faults;
        this.orders = orders;
        this.json = json;
        this.clock = clock;
    }

    /** The answer for a route of this shape, or null for routes both shapes share (static files). */
    Response route(Visit v, Catalogue cat) {
        String path = v.path();
        String method = v.method().equals("HEAD") ? "GET" : v.method();
        if (path.startsWith("/static/")) {
            return null;
        }
        if (path.equals("/api/products") && method.equals("GET")) {
            List<Map<String, Object>> all = new ArrayList<>();
            cat.products().forEach(p -> all.add(product(cat, p)));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("products", all);
            body.put("renderDelayMs", faults.find(Fault.SlowListing.class).map(f -> f.delay().toMillis()).orElse(0L));
            return Response.json(200, write(body));
        }
        if (path.startsWith("/api/products/") && method.equals("GET")) {
            String id = path.substring("/api/products/".length());
            return cat.product(id).map(p -> Response.json(200, write(product(cat, p))))
                    .orElseGet(() -> error(404, "Unknown product: \"" + id + "\""));
        }
        if (path.equals("/api/login") && method.equals("POST")) {
            return login(v);
        }
        if (path.equals("/api/orders") && method.equals("POST")) {
            return order(v, cat);
        }
        if (path.startsWith("/api/")) {
            return error(404, "No API route " + method + " " + path);
        }
        if (!method.equals("GET")) {
            return Response.text(405, "Method " + method + " not allowed on " + path);
        }
        boolean known = PAGES.contains(path) || path.matches("/item/[a-z0-9-]+");
        // A product page comes with its product, as server-rendered apps hand their first data to the client:
        // its first render (and its images) belong to the page load.
        Map<String, Object> initial = path.startsWith("/item/")
                ? cat.product(path.substring("/item/".length())).map(p -> product(cat, p)).orElse(null) : null;
        return Response.html(known ? 200 : 404, shell(initial));
    }

    private String shell(Map<String, Object> initialProduct) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("instance", name);
        config.put("checkout", checkout == DemoStore.CheckoutFlow.ONE_PAGE ? "one-page" : "short");
        config.put("taxPercent", TAX_PERCENT);
        List<Map<String, Object>> pageFaults = new ArrayList<>();
        for (Fault f : faults.active()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", f.kind());
            m.put("route", f.route().glob());
            if (f instanceof Fault.HiddenElement h) {
                m.put("testId", h.testId());
            } else if (f instanceof Fault.LateElement l) {
                m.put("testId", l.testId());
                m.put("delayMs", l.delay().toMillis());
            } else if (f instanceof Fault.ScriptError s) {
                m.put("message", s.message());
            } else if (f instanceof Fault.Dialog d) {
                m.put("testId", d.testId());
                m.put("message", d.message());
            } else if (f instanceof Fault.DroppingField d) {
                m.put("testId", d.testId());
            } else if (!(f instanceof Fault.BrokenImages)) {
                continue;
            }
            pageFaults.add(m);
        }
        config.put("faults", pageFaults);
        if (initialProduct != null) {
            config.put("initialProduct", initialProduct);
        }
        // "</" cannot end the script early: the JSON is written with it escaped.
        String configJson = write(config).replace("</", "<\\/");
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Bean &amp; Burr Express</title>
                <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="/static/spa.css">
                <script>window.FLOWS = %s;</script>
                <script src="/static/spa.js" defer></script>
                </head>
                <body>
                <div id="app" data-test="app"><p class="loading">Loading…</p></div>
                <footer class="footer"><span data-test="served-by">Served by %s</span></footer>
                </body>
                </html>
                """.formatted(configJson, esc(name));
    }

    private Map<String, Object> product(Catalogue cat, Product p) {
        int percent = faults.find(Fault.ListingPrice.class).map(Fault.ListingPrice::percent).orElse(0);
        String linked = faults.all(Fault.WrongProductLink.class).stream().anyMatch(f -> f.productId().equals(p.slug()))
                ? next(cat, p).slug() : p.slug();
        Money listPrice = percent == 0 ? p.price() : p.price().percent(100 + percent);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.slug());
        m.put("name", p.name());
        m.put("description", p.description());
        m.put("price", p.price().toString());
        m.put("priceCents", p.price().cents());
        m.put("listPrice", listPrice.toString());
        m.put("listPriceCents", listPrice.cents());
        m.put("href", "/item/" + linked);
        m.put("image", "/static/img/" + p.slug() + ".svg");
        m.put("inStock", p.inStock());
        m.put("stock", p.stock());
        m.put("variantLabel", p.variantLabel());
        List<Map<String, Object>> variants = new ArrayList<>();
        for (Variant variant : p.variants()) {
            variants.add(Map.of("id", variant.id(), "label", variant.label(), "price", variant.price().toString(),
                    "priceCents", variant.price().cents()));
        }
        m.put("variants", variants);
        m.put("dead", faults.all(Fault.DeadAddToCart.class).stream().anyMatch(f -> f.productId().equals(p.slug())));
        return m;
    }

    /** The product after {@code p} in the catalogue, wrapping around: where a wrong link leads. */
    static Product next(Catalogue cat, Product p) {
        List<Product> all = cat.products();
        return all.get((all.indexOf(p) + 1) % all.size());
    }

    private Response login(Visit v) {
        JsonNode body = body(v);
        String username = body.path("username").asText("").strip();
        String password = body.path("password").asText("");
        Map<String, Object> out = new LinkedHashMap<>();
        if (username.isEmpty()) {
            out.put("ok", false);
            out.put("message", "Username is required");
        } else if (password.isEmpty()) {
            out.put("ok", false);
            out.put("message", "Password is required");
        } else if (!username.equals(USERNAME) || !password.equals(PASSWORD)) {
            out.put("ok", false);
            out.put("message", "Username and password do not match any user in this service");
        } else {
            out.put("ok", true);
            out.put("username", username);
        }
        // 200 either way, as the classic shape's forms: a mistyped password is no failed request.
        return Response.json(200, write(out));
    }

    private Response order(Visit v, Catalogue cat) {
        JsonNode body = body(v);
        JsonNode contact = body.path("contact");
        List<String> problems = new ArrayList<>();
        for (String field : checkout == DemoStore.CheckoutFlow.ONE_PAGE
                ? List.of("email", "firstName", "lastName", "phone", "street", "postalCode", "city", "province")
                : List.of("firstName", "lastName", "postalCode")) {
            if (contact.path(field).asText("").isBlank()) {
                problems.add(field + " is required");
            }
        }
        List<OrderLine> lines = new ArrayList<>();
        Money subtotal = Money.ZERO;
        for (JsonNode line : body.path("lines")) {
            Product p = cat.product(line.path("id").asText("")).orElse(null);
            int quantity = line.path("quantity").asInt(0);
            if (p == null || quantity < 1 || quantity > Cart.MAX_QUANTITY) {
                problems.add("bad line " + line);
                continue;
            }
            Variant variant = p.variant(line.path("variant").asText("")).orElse(null);
            Money unit = variant == null ? p.price() : variant.price();
            lines.add(new OrderLine(p.slug(), p.name(), variant == null ? "" : variant.label(), quantity, unit, unit.times(quantity)));
            subtotal = subtotal.plus(unit.times(quantity));
        }
        if (lines.isEmpty()) {
            problems.add("the order has no lines");
        }
        Money shipping = Money.ZERO;
        if (checkout == DemoStore.CheckoutFlow.ONE_PAGE) {
            shipping = SHIPPING.get(body.path("shipping").asText(""));
            String payment = body.path("payment").asText("");
            if (shipping == null) {
                problems.add("choose a shipping method");
                shipping = Money.ZERO;
            }
            if (!payment.equals("cod") && !payment.equals("card")) {
                problems.add("choose a payment method");
            } else if (payment.equals("card") && !body.path("card").asText("").replaceAll("[\\s-]", "").equals(Storefront.TEST_CARD)) {
                problems.add("This card is not accepted in the sandbox. Pay with 4242 4242 4242 4242");
            }
        }
        if (!problems.isEmpty()) {
            return error(422, String.join("; ", problems));
        }
        Money total = subtotal.plus(subtotal.percent(TAX_PERCENT)).plus(shipping);
        String email = contact.path("email").asText("").isBlank() ? USERNAME + "@express.example.test" : contact.path("email").asText().strip();
        Order placed = orders.place(email, lines, total, clock.instant());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", placed.number());
        out.put("total", total.toString());
        return Response.json(200, write(out));
    }

    private JsonNode body(Visit v) {
        try {
            JsonNode node = json.readTree(v.bodyText());
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private Response error(int status, String message) {
        return Response.json(status, write(Map.of("status", status, "message", message)));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
