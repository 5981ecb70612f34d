package dev.flows.demostore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.flows.demostore.catalogue.Catalogue;
import dev.flows.demostore.catalogue.Category;
import dev.flows.demostore.catalogue.Product;
import dev.flows.demostore.catalogue.Variant;
import dev.flows.demostore.fault.Fault;
import dev.flows.demostore.fault.PageEdits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers every request of one instance: faults first, then the shop's routes.
 *
 * <p>A form filled in wrongly is shown again with its errors and status 200, as most shops do: Chromium logs
 * every 4xx document as a console error, and a monitor's console-error check should stay quiet when a
 * shopper merely mistyped. The JSON cart API answers 422, like Shopify's.
 */
final class Storefront implements HttpHandler {

    static final String CUSTOMER_EMAIL = "shopper@example.test";
    static final String CUSTOMER_PASSWORD = "flows-demo";
    static final String CUSTOMER_NAME = "Sam Shopper";
    static final String TEST_CARD = "4242424242424242";
    static final String DECLINED_CARD = "4000000000000002";

    /** Larger bodies are cut off: no form of the shop comes near it. */
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Map<String, String> STATIC_TYPES = Map.of(
            "app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "spa.css", "text/css; charset=utf-8",
            "spa.js", "text/javascript; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    private final String name;
    private final Catalogue current;
    private final Catalogue stale;
    private final Faults faults;
    private final Sessions sessions;
    private final OrderBook orders;
    private final RequestLog log;
    private final AdminEndpoint admin;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, byte[]> statics;
    /** The single-page shape's routes, or null for the classic shape. */
    private final SinglePageShop singlePage;
    /** The expected Authorization header (basic auth), or null for an open shop. */
    private final String authorization;

    Storefront(String name, Catalogue catalogue, Faults faults, Sessions sessions, OrderBook orders, RequestLog log,
               AdminEndpoint admin, ObjectMapper json, Clock clock) {
        this(name, catalogue, faults, sessions, orders, log, admin, json, clock, DemoStore.Shape.CLASSIC,
                DemoStore.CheckoutFlow.SHORT, null);
    }

    Storefront(String name, Catalogue catalogue, Faults faults, Sessions sessions, OrderBook orders, RequestLog log,
               AdminEndpoint admin, ObjectMapper json, Clock clock, DemoStore.Shape shape, DemoStore.CheckoutFlow checkout,
               String authorization) {
        this.singlePage = shape == DemoStore.Shape.SINGLE_PAGE ? new SinglePageShop(name, checkout, faults, orders, json, clock) : null;
        this.authorization = authorization;
        this.name = name;
        this.current = catalogue;
        this.stale = catalogue.older();
        this.faults = faults;
        this.sessions = sessions;
        this.orders = orders;
        this.log = log;
        this.admin = admin;
        this.json = json;
        this.clock = clock;
        Map<String, byte[]> files = new LinkedHashMap<>();
        STATIC_TYPES.keySet().forEach(file -> files.put(file, resource(file)));
        this.statics = Map.copyOf(files);
    }

    @Override
    public void handle(HttpExchange exchange) {
        Instant time = clock.instant();
        Visit visit = null;
        boolean logged = false;
        try {
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES);
            visit = new Visit(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders(), body, sessions);
            Response response;
            try {
                response = answer(visit);
            } catch (RuntimeException bug) {
                // A bug in the demo store must still look like a server error to the monitor, not a hung request.
                response = Response.html(500, Pages.serverError(name, visit.target()));
            }
            // Logged before answering, so that a client that got its response always finds its request in the log.
            record(exchange, visit, time, response.status());
            logged = true;
            write(exchange, visit, response);
        } catch (IOException clientGone) {
            // The client disconnected or the instance went down mid-response: nothing left to answer.
        } finally {
            if (!logged) {
                record(exchange, visit, time, 500);
            }
            exchange.close();
            if (visit != null) {
                visit.afterResponse().forEach(Runnable::run);
            }
        }
    }

    private void record(HttpExchange exchange, Visit visit, Instant time, int status) {
        log.add(new RecordedRequest(exchange.getRequestMethod(), visit == null ? exchange.getRequestURI().toString() : visit.target(),
                AdminEndpoint.redacted(exchange.getRequestHeaders()), time, status));
    }

    private void write(HttpExchange exchange, Visit visit, Response response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("X-Flows-Instance", name);
        response.headers().forEach(headers::set);
        visit.setCookies().forEach(c -> headers.add("Set-Cookie", c));
        boolean head = visit.method().equals("HEAD");
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private Response answer(Visit visit) {
        String path = visit.path();
        // (path is used by the fault switch below too)
        if (path.equals("/__admin") || path.startsWith("/__admin/")) {
            return admin.answer(visit);
        }
        if (authorization != null && !authorization.equals(visit.header("Authorization"))) {
            // A staging shop behind basic auth: every page asks for it, as a web server in front of the shop would.
            return new Response(401, "text/plain; charset=utf-8", "Unauthorized".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Map.of("WWW-Authenticate", "Basic realm=\"" + name + "\""));
        }
        List<Fault> matching = faults.matching(path);
        Fault.Latency latency = null;
        List<Fault> pageFaults = new ArrayList<>();
        int errorStatus = 0;
        for (Fault f : matching) {
            if (f instanceof Fault.Latency l) {
                latency = l;
            } else if (f instanceof Fault.ServerError) {
                errorStatus = 500;
            } else if (f instanceof Fault.Status st) {
                errorStatus = errorStatus == 0 ? st.status() : errorStatus;
            } else if (f instanceof Fault.SlowListing slow) {
                if (path.startsWith("/category/")) {
                    // A listing that renders late: the product list arrives after the rest of the page.
                    pageFaults.add(new Fault.LateElement(f.route(), "product-list", slow.delay()));
                }
            } else if (f instanceof Fault.SomeServerErrors some) {
                if (errorStatus == 0 && faults.failsNow(some)) {
                    errorStatus = 500;
                }
            } else {
                pageFaults.add(f);
            }
        }
        if (latency != null) {
            pause(latency);
        }
        if (errorStatus != 0) {
            return errorResponse(errorStatus, visit);
        }
        if (path.startsWith("/static/img/")) {
            return image(path.substring("/static/img/".length()));
        }
        Response response = singlePage == null ? null : singlePage.route(visit, catalogue());
        if (response != null) {
            // The single-page shape applies page faults in the browser, on every route it renders.
            return response;
        }
        response = route(visit);
        if (response.isHtml()) {
            response = response.withBody(listingFaults(response.bodyText()));
            if (!pageFaults.isEmpty()) {
                response = response.withBody(PageEdits.apply(response.bodyText(), pageFaults));
            }
        }
        return response;
    }

    private Response errorResponse(int status, Visit visit) {
        if (visit.path().startsWith("/api/") || visit.path().endsWith(".js") && !visit.path().startsWith("/static/")) {
            return Response.json(status, "{\"status\":" + status + ",\"message\":\"HTTP " + status + "\"}");
        }
        return Response.html(status, status == 500 ? Pages.serverError(name, visit.target()) : Pages.httpError(name, status, visit.target()));
    }

    /** A product image as an SVG file; anything else under /static/img/ (the broken-images fault's links) is 404. */
    private Response image(String file) {
        String slug = file.endsWith(".svg") ? file.substring(0, file.length() - 4) : "";
        return catalogue().product(slug)
                .map(p -> new Response(200, "image/svg+xml", Icons.product(p).replaceFirst("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("Cache-Control", "no-cache")))
                .orElseGet(() -> Response.text(404, "No image " + file));
    }

    /** The listing faults of the classic shape: wrong product links and listing prices that differ from the product page. */
    private String listingFaults(String html) {
        String page = html;
        Catalogue cat = catalogue();
        for (Fault.WrongProductLink wrong : faults.all(Fault.WrongProductLink.class)) {
            Product p = cat.product(wrong.productId()).orElse(null);
            if (p != null) {
                page = page.replace("href=\"/product/" + p.slug() + "\"", "href=\"/product/" + SinglePageShop.next(cat, p).slug() + "\"");
            }
        }
        int percent = faults.find(Fault.ListingPrice.class).map(Fault.ListingPrice::percent).orElse(0);
        if (percent != 0) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "(data-testid=\"product-card\" data-product-id=\"([a-z0-9-]+)\"[\\s\\S]*?data-testid=\"product-price\">)([^<]+)(<)").matcher(page);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String shown = cat.product(m.group(2)).map(p -> p.price().percent(100 + percent).toString()).orElse(m.group(3));
                m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + shown + m.group(4)));
            }
            page = m.appendTail(out).toString();
        }
        return page;
    }

    private boolean deadAddToCart(String productId) {
        return faults.all(Fault.DeadAddToCart.class).stream().anyMatch(f -> f.productId().equals(productId));
    }

    private static void pause(Fault.Latency latency) {
        long jitter = latency.jitter().toMillis();
        long millis = latency.fixed().toMillis() + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    private Catalogue catalogue() {
        Catalogue served = faults.isStaleCatalogue() ? stale : current;
        Map<String, Integer> repriced = faults.repriced();
        return repriced.isEmpty() ? served : served.repriced(repriced);
    }

    private Layout layout(Visit visit, Catalogue catalogue, String search, String activeCategory) {
        int count = visit.session().map(s -> PricedCart.of(s.cart(), catalogue).itemCount()).orElse(0);
        String customer = visit.session().map(Session::customerEmail).orElse(null);
        return new Layout(name, catalogue, count, customer, search, activeCategory);
    }

    private Layout layout(Visit visit, Catalogue catalogue) {
        return layout(visit, catalogue, "", "");
    }

    private Response route(Visit v) {
        String path = v.path();
        String method = v.method().equals("HEAD") ? "GET" : v.method();
        Catalogue cat = catalogue();
        if (path.equals("/")) {
            return get(method, () -> Response.html(200, Pages.landing(layout(v, cat))));
        }
        if (path.startsWith("/category/")) {
            return get(method, () -> categoryPage(v, cat, path.substring("/category/".length())));
        }
        if (path.startsWith("/product/")) {
            return get(method, () -> productPage(v, cat, path.substring("/product/".length())));
        }
        if (path.startsWith("/static/")) {
            return get(method, () -> staticFile(path.substring("/static/".length())));
        }
        if (path.startsWith("/checkout/confirmation/")) {
            return get(method, () -> confirmation(v, cat, path.substring("/checkout/confirmation/".length())));
        }
        return switch (method + " " + path) {
            case "GET /search" -> Response.html(200, Pages.search(layout(v, cat, v.query("q"), ""), v.query("q"),
                    cat.search(v.query("q"))));
            case "GET /cart" -> Response.html(200, Pages.cart(layout(v, cat), pricedCart(v, cat), null));
            case "GET /cart.js" -> cartJson(200, pricedCart(v, cat), null);
            case "POST /cart/add.js" -> addJson(v, cat);
            case "POST /cart/change.js" -> changeJson(v, cat);
            case "POST /cart/add" -> addForm(v, cat);
            case "POST /cart/change" -> changeForm(v, cat);
            case "GET /checkout" -> checkoutPage(v, cat);
            case "POST /checkout" -> checkoutSubmit(v, cat);
            case "GET /checkout/payment" -> paymentPage(v, cat);
            case "POST /checkout/payment" -> paymentSubmit(v, cat);
            case "GET /account" -> accountPage(v, cat);
            case "GET /account/login" -> v.session().map(Session::customerEmail).isPresent()
                    ? Response.redirect("/account") : Response.html(200, Pages.login(layout(v, cat), "", null));
            case "POST /account/login" -> login(v, cat);
            case "POST /account/logout" -> logout(v);
            default -> knownPath(path)
                    ? Response.text(405, "Method " + v.method() + " not allowed on " + path)
                    : Response.html(404, Pages.notFound(layout(v, cat), "There is no page at " + path + "."));
        };
    }

    private static boolean knownPath(String path) {
        return List.of("/search", "/cart", "/cart.js", "/cart/add.js", "/cart/change.js", "/cart/add", "/cart/change",
                "/checkout", "/checkout/payment", "/account", "/account/login", "/account/logout").contains(path);
    }

    private static Response get(String method, java.util.function.Supplier<Response> page) {
        return method.equals("GET") ? page.get() : Response.text(405, "Method " + method + " not allowed");
    }

    // ---- catalogue pages

    private Response categoryPage(Visit v, Catalogue cat, String slug) {
        return cat.category(slug)
                .map(c -> {
                    Catalogue.Sort sort = Catalogue.Sort.fromKey(v.query("sort"));
                    return Response.html(200, Pages.category(layout(v, cat, "", c.slug()), c, sort.apply(cat.inCategory(c.slug())), sort));
                })
                .orElseGet(() -> Response.html(404, Pages.notFound(layout(v, cat), "We have no category \"" + slug + "\".")));
    }

    private Response productPage(Visit v, Catalogue cat, String slug) {
        return cat.product(slug)
                .map(p -> Response.html(200, Pages.product(layout(v, cat, "", p.categorySlug()), p, category(cat, p), null,
                        v.query("variant"), 1)))
                .orElseGet(() -> Response.html(404, Pages.notFound(layout(v, cat), "We have no product \"" + slug + "\".")));
    }

    private static Category category(Catalogue cat, Product p) {
        return cat.category(p.categorySlug()).orElseThrow();
    }

    private Response staticFile(String file) {
        byte[] body = statics.get(file);
        if (body == null) {
            return Response.text(404, "No static file " + file);
        }
        return new Response(200, STATIC_TYPES.get(file), body, Map.of("Cache-Control", "no-cache"));
    }

    private static byte[] resource(String file) {
        try (InputStream in = Storefront.class.getResourceAsStream("static/" + file)) {
            if (in == null) {
                throw new IllegalStateException("static resource missing from the jar: dev/flows/demostore/static/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- cart

    /** A refused cart change, with the status and the message the shopper sees. */
    private static final class Refusal extends Exception {
        private final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private record Added(Product product, Variant variant, int quantity) {
    }

    private PricedCart pricedCart(Visit v, Catalogue cat) {
        return PricedCart.of(v.session().map(Session::cart).orElse(Cart.EMPTY), cat);
    }

    private Added add(Visit v, Catalogue cat, String productId, String variantId, String quantityText) throws Refusal {
        Product p = cat.product(productId).orElseThrow(() -> new Refusal(404, "Unknown product: \"" + productId + "\""));
        int quantity = quantity(quantityText, 1);
        if (quantity < 1 || quantity > Cart.MAX_QUANTITY) {
            throw new Refusal(422, "Quantity must be between 1 and 99: " + quantity);
        }
        if (!p.inStock()) {
            throw new Refusal(422, p.name() + " is out of stock");
        }
        Variant variant = null;
        if (p.hasVariants()) {
            String label = p.variantLabel().toLowerCase(java.util.Locale.ROOT);
            if (variantId.isBlank()) {
                throw new Refusal(422, "Choose a " + label + " for " + p.name());
            }
            variant = p.variant(variantId).orElseThrow(() -> new Refusal(422, "Unknown " + label + " for " + p.name() + ": \"" + variantId + "\""));
        }
        Session session = v.requireSession();
        synchronized (session) {
            Cart cart = session.cart();
            int inCart = cart.quantityOf(p.slug());
            if (inCart + quantity > p.stock()) {
                throw new Refusal(422, inCart == 0
                        ? "Only " + p.stock() + " × " + p.name() + " left in stock"
                        : "Only " + p.stock() + " × " + p.name() + " left in stock, and " + inCart + " already in your cart");
            }
            String vid = variant == null ? "" : variant.id();
            int lineQuantity = cart.lines().stream().filter(l -> l.productId().equals(p.slug()) && l.variantId().equals(vid))
                    .mapToInt(Cart.Line::quantity).sum();
            if (lineQuantity + quantity > Cart.MAX_QUANTITY) {
                throw new Refusal(422, "A cart line holds at most 99 items: " + (lineQuantity + quantity));
            }
            session.cart(cart.add(p.slug(), vid, quantity));
        }
        return new Added(p, variant, quantity);
    }

    private void change(Visit v, Catalogue cat, String lineText, String quantityText) throws Refusal {
        Session session = v.session().orElse(null);
        int lines = session == null ? 0 : session.cart().lines().size();
        int line = number("line", lineText);
        int quantity = quantity(quantityText, -1);
        if (line < 1 || line > lines) {
            throw new Refusal(422, "There is no cart line " + line + ": the cart has " + lines + (lines == 1 ? " line" : " lines"));
        }
        if (quantity < 0 || quantity > Cart.MAX_QUANTITY) {
            throw new Refusal(422, "Quantity must be between 0 and 99: " + quantity);
        }
        synchronized (session) {
            Cart cart = session.cart();
            Cart.Line target = cart.lines().get(line - 1);
            Product p = cat.product(target.productId()).orElse(null);
            int others = cart.quantityOf(target.productId()) - target.quantity();
            if (p != null && quantity > 0 && others + quantity > p.stock()) {
                throw new Refusal(422, "Only " + p.stock() + " × " + p.name() + " left in stock");
            }
            session.cart(cart.change(line, quantity));
        }
    }

    private static int quantity(String text, int whenBlank) throws Refusal {
        if (text == null || text.isBlank()) {
            if (whenBlank >= 0) {
                return whenBlank;
            }
            throw new Refusal(422, "Quantity must be a whole number: \"\"");
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new Refusal(422, "Quantity must be a whole number: \"" + text + "\"");
        }
    }

    private static int number(String what, String text) throws Refusal {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new Refusal(422, "Cart " + what + " must be a whole number: \"" + (text == null ? "" : text) + "\"");
        }
    }

    /** Fields of a JSON or form-encoded body, as text. */
    private Map<String, String> fields(Visit v) {
        if (!v.isJson()) {
            return v.form();
        }
        Map<String, String> out = new LinkedHashMap<>();
        try {
            JsonNode node = json.readTree(v.bodyText());
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
            }
        } catch (IOException badJson) {
            out.put("__error", "Request body is not valid JSON");
        }
        return out;
    }

    private Response addJson(Visit v, Catalogue cat) {
        Map<String, String> f = fields(v);
        if (f.containsKey("__error")) {
            return error(400, f.get("__error"));
        }
        if (deadAddToCart(f.getOrDefault("productId", f.getOrDefault("id", "")))) {
            // The fault: a 200 that changes nothing and says nothing.
            return cartJson(200, pricedCart(v, cat), null);
        }
        try {
            Added added = add(v, cat, f.getOrDefault("productId", f.getOrDefault("id", "")), f.getOrDefault("variant", ""),
                    f.get("quantity"));
            Map<String, Object> addedJson = new LinkedHashMap<>();
            addedJson.put("product_id", added.product().slug());
            addedJson.put("title", added.product().name());
            addedJson.put("variant", added.variant() == null ? null : added.variant().id());
            addedJson.put("variant_title", added.variant() == null ? null : added.variant().label());
            addedJson.put("quantity", added.quantity());
            addedJson.put("message", "Added " + added.quantity() + " × " + added.product().name() + " to your cart");
            return cartJson(200, pricedCart(v, cat), addedJson);
        } catch (Refusal r) {
            return error(r.status, r.getMessage());
        }
    }

    private Response changeJson(Visit v, Catalogue cat) {
        Map<String, String> f = fields(v);
        if (f.containsKey("__error")) {
            return error(400, f.get("__error"));
        }
        try {
            change(v, cat, f.get("line"), f.get("quantity"));
            return cartJson(200, pricedCart(v, cat), null);
        } catch (Refusal r) {
            return error(r.status, r.getMessage());
        }
    }

    private Response addForm(Visit v, Catalogue cat) {
        Map<String, String> f = v.form();
        String productId = f.getOrDefault("productId", "");
        if (deadAddToCart(productId)) {
            return Response.redirect("/cart");
        }
        try {
            add(v, cat, productId, f.getOrDefault("variant", ""), f.get("quantity"));
            return Response.redirect("/cart");
        } catch (Refusal r) {
            return cat.product(productId)
                    .map(p -> Response.html(200, Pages.product(layout(v, cat, "", p.categorySlug()), p, category(cat, p),
                            r.getMessage(), f.getOrDefault("variant", ""), 1)))
                    .orElseGet(() -> Response.html(404, Pages.notFound(layout(v, cat), r.getMessage())));
        }
    }

    private Response changeForm(Visit v, Catalogue cat) {
        Map<String, String> f = v.form();
        try {
            change(v, cat, f.get("line"), f.containsKey("remove") ? "0" : f.get("quantity"));
            return Response.redirect("/cart");
        } catch (Refusal r) {
            return Response.html(200, Pages.cart(layout(v, cat), pricedCart(v, cat), r.getMessage()));
        }
    }

    private Response error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        return Response.json(status, write(body));
    }

    private Response cartJson(int status, PricedCart cart, Map<String, Object> added) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (PricedCart.Line l : cart.lines()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("line", l.number());
            item.put("product_id", l.product().slug());
            item.put("title", l.product().name());
            item.put("variant", l.variant() == null ? null : l.variant().id());
            item.put("variant_title", l.variant() == null ? null : l.variant().label());
            item.put("quantity", l.quantity());
            item.put("price", l.unitPrice().toString());
            item.put("price_cents", l.unitPrice().cents());
            item.put("line_price", l.lineTotal().toString());
            item.put("line_price_cents", l.lineTotal().cents());
            item.put("url", "/product/" + l.product().slug());
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (added != null) {
            body.put("added", added);
        }
        body.put("item_count", cart.itemCount());
        body.put("currency", "EUR");
        body.put("items", items);
        body.put("subtotal", cart.subtotal().toString());
        body.put("subtotal_cents", cart.subtotal().cents());
        body.put("shipping", cart.shipping().toString());
        body.put("shipping_cents", cart.shipping().cents());
        body.put("total", cart.total().toString());
        body.put("total_cents", cart.total().cents());
        return Response.json(status, write(body));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- checkout

    private Response checkoutPage(Visit v, Catalogue cat) {
        PricedCart cart = pricedCart(v, cat);
        if (cart.isEmpty()) {
            return Response.redirect("/cart");
        }
        Session s = v.requireSession();
        ShippingDetails d = s.shipping() != null ? s.shipping()
                : ShippingDetails.BLANK.withEmail(s.customerEmail() == null ? "" : s.customerEmail());
        return Response.html(200, Pages.checkout(layout(v, cat), cart, d, Map.of()));
    }

    private Response checkoutSubmit(Visit v, Catalogue cat) {
        PricedCart cart = pricedCart(v, cat);
        if (cart.isEmpty()) {
            return Response.redirect("/cart");
        }
        ShippingDetails d = ShippingDetails.fromForm(v.form());
        Map<String, String> errors = d.errors();
        if (!errors.isEmpty()) {
            return Response.html(200, Pages.checkout(layout(v, cat), cart, d, errors));
        }
        v.requireSession().shipping(d);
        return Response.redirect("/checkout/payment");
    }

    private Response paymentPage(Visit v, Catalogue cat) {
        PricedCart cart = pricedCart(v, cat);
        if (cart.isEmpty()) {
            return Response.redirect("/cart");
        }
        ShippingDetails d = v.session().map(Session::shipping).orElse(null);
        if (d == null) {
            return Response.redirect("/checkout");
        }
        return Response.html(200, Pages.payment(layout(v, cat), cart, d, null, ""));
    }

    private Response paymentSubmit(Visit v, Catalogue cat) {
        PricedCart cart = pricedCart(v, cat);
        if (cart.isEmpty()) {
            return Response.redirect("/cart");
        }
        Session session = v.session().orElseThrow();
        ShippingDetails d = session.shipping();
        if (d == null) {
            return Response.redirect("/checkout");
        }
        String typed = v.form().getOrDefault("cardNumber", "");
        String digits = typed.replaceAll("[\\s-]", "");
        String problem;
        if (digits.isEmpty()) {
            problem = "Enter a card number";
        } else if (!digits.matches("\\d{12,19}")) {
            problem = "A card number has 12 to 19 digits: \"" + typed.strip() + "\"";
        } else if (digits.equals(DECLINED_CARD)) {
            problem = "Your card was declined. In the sandbox, pay with 4242 4242 4242 4242";
        } else if (!digits.equals(TEST_CARD)) {
            problem = "This card is not accepted in the sandbox. Pay with 4242 4242 4242 4242";
        } else {
            problem = null;
        }
        if (problem != null) {
            return Response.html(200, Pages.payment(layout(v, cat), cart, d, problem, typed));
        }
        List<OrderLine> lines = cart.lines().stream()
                .map(l -> new OrderLine(l.product().slug(), l.product().name(), l.variantLabel(), l.quantity(), l.unitPrice(), l.lineTotal()))
                .toList();
        Order order = orders.place(d.email(), lines, cart.total(), clock.instant());
        synchronized (session) {
            session.cart(Cart.EMPTY);
            session.placed(order.number());
        }
        return Response.redirect("/checkout/confirmation/" + order.number());
    }

    private Response confirmation(Visit v, Catalogue cat, String number) {
        Session s = v.session().orElse(null);
        return orders.find(number)
                .filter(o -> s != null && (s.hasPlaced(o.number()) || o.email().equalsIgnoreCase(String.valueOf(s.customerEmail()))))
                .map(o -> Response.html(200, Pages.confirmation(layout(v, cat), o)))
                .orElseGet(() -> Response.html(404, Pages.notFound(layout(v, cat), "We have no order " + number + " for you.")));
    }

    // ---- account

    private Response accountPage(Visit v, Catalogue cat) {
        String email = v.session().map(Session::customerEmail).orElse(null);
        if (email == null) {
            return Response.redirect("/account/login");
        }
        List<Order> mine = orders.all().stream().filter(o -> o.email().equalsIgnoreCase(email)).toList();
        return Response.html(200, Pages.account(layout(v, cat), CUSTOMER_NAME, email, mine));
    }

    private Response login(Visit v, Catalogue cat) {
        Map<String, String> f = v.form();
        String email = f.getOrDefault("email", "").strip();
        String password = f.getOrDefault("password", "");
        if (email.isEmpty() || password.isEmpty()) {
            return Response.html(200, Pages.login(layout(v, cat), email, "Enter your email address and password"));
        }
        if (!email.equalsIgnoreCase(CUSTOMER_EMAIL) || !password.equals(CUSTOMER_PASSWORD)) {
            return Response.html(200, Pages.login(layout(v, cat), email, "Wrong email or password"));
        }
        v.renewSession().customerEmail(CUSTOMER_EMAIL);
        return Response.redirect("/account");
    }

    private Response logout(Visit v) {
        if (v.session().isPresent()) {
            v.renewSession().customerEmail(null);
        }
        return Response.redirect("/");
    }
}
