package dev.flows.demostore;

import dev.flows.demostore.catalogue.Catalogue.Sort;
import dev.flows.demostore.catalogue.Category;
import dev.flows.demostore.catalogue.Product;
import dev.flows.demostore.catalogue.Variant;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.flows.demostore.Html.esc;

/** The shop's pages as HTML, each inside the shared {@link Layout}. */
final class Pages {

    private static final DateTimeFormatter ORDER_DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Pages() {
    }

    static String landing(Layout l) {
        StringBuilder tiles = new StringBuilder();
        for (Category c : l.catalogue().categories()) {
            tiles.append("<a class=\"tile\" href=\"/category/").append(esc(c.slug())).append("\"><strong>")
                    .append(esc(c.name())).append("</strong><span>").append(esc(c.blurb())).append("</span></a>");
        }
        return l.page("Coffee equipment for home baristas", """
                <section class="hero">
                  <div class="hero__text">
                    <p class="eyebrow">New season, new machines</p>
                    <h1>Dial in the perfect espresso at home</h1>
                    <p>Espresso machines, grinders and beans roasted this week, picked and tested by baristas.</p>
                    <a class="button" href="/category/espresso-machines">Shop espresso machines</a>
                    <a class="button button--ghost" href="/category/coffee-beans">Fresh coffee beans</a>
                  </div>
                  <div class="hero__art" aria-hidden="true">%s</div>
                </section>
                <section class="tiles" aria-label="Categories">%s</section>
                <section class="featured" data-testid="featured">
                  <h2>Featured products</h2>
                  %s
                </section>
                <section class="usps">
                  <div><strong>Free shipping</strong><span>on orders from €75.00</span></div>
                  <div><strong>30-day returns</strong><span>no questions asked</span></div>
                  <div><strong>Barista support</strong><span>help with dialling in</span></div>
                  <div><strong>2-year warranty</strong><span>on all machines</span></div>
                </section>
                """.formatted(l.catalogue().featured().stream().findFirst().map(Icons::product).orElse(""),
                tiles, Layout.grid(l.catalogue().featured())));
    }

    static String category(Layout l, Category c, List<Product> products, Sort sort) {
        StringBuilder options = new StringBuilder();
        for (Sort s : Sort.values()) {
            options.append("<option value=\"").append(s.key()).append('"').append(s == sort ? " selected" : "")
                    .append('>').append(esc(s.label())).append("</option>");
        }
        return l.page(c.name(), """
                <nav class="crumbs" aria-label="Breadcrumb"><a href="/">Home</a> / <span>%1$s</span></nav>
                <div class="listing__head">
                  <div>
                    <h1 data-testid="category-title">%1$s</h1>
                    <p class="muted">%2$s · <span data-testid="product-count">%3$d</span> products</p>
                  </div>
                  <form class="sort" method="get" action="/category/%4$s">
                    <label for="sort">Sort by</label>
                    <select id="sort" name="sort" data-testid="sort" data-navigate-on-change>%5$s</select>
                    <noscript><button type="submit">Sort</button></noscript>
                  </form>
                </div>
                <section class="listing" data-testid="product-list">%6$s</section>
                """.formatted(esc(c.name()), esc(c.blurb()), products.size(), esc(c.slug()), options, Layout.grid(products)));
    }

    /**
     * @param error    a refused add-to-cart when JavaScript is off (the form posts to {@code /cart/add}), else null
     * @param variant  the variant to preselect, or "" for the first
     */
    static String product(Layout l, Product p, Category c, String error, String variant, int quantity) {
        Variant chosen = p.variant(variant).orElse(p.hasVariants() ? p.variants().get(0) : null);
        String price = (chosen == null ? p.price() : chosen.price()).toString();
        StringBuilder select = new StringBuilder();
        if (p.hasVariants()) {
            select.append("<div class=\"field\"><label for=\"variant\">").append(esc(p.variantLabel()))
                    .append("</label><select id=\"variant\" name=\"variant\" data-testid=\"variant\">");
            for (Variant v : p.variants()) {
                select.append("<option value=\"").append(esc(v.id())).append("\" data-price=\"").append(v.price())
                        .append('"').append(v == chosen ? " selected" : "").append('>').append(esc(v.label()))
                        .append(" – ").append(v.price()).append("</option>");
            }
            select.append("</select></div>");
        }
        String stockHint = !p.inStock() ? "Sold out: back soon" : p.stock() <= 5 ? "Only " + p.stock() + " left" : "Ships within 1–2 working days";
        String errorHtml = error == null ? "" : "<p class=\"notice notice--error\" data-testid=\"cart-error\" role=\"alert\">" + esc(error) + "</p>";
        return l.page(p.name(), """
                <nav class="crumbs" aria-label="Breadcrumb"><a href="/">Home</a> / <a href="/category/%1$s">%2$s</a> / <span>%3$s</span></nav>
                <article class="product" data-product-id="%4$s">
                  <div class="product__media">%5$s</div>
                  <div class="product__info">
                    <h1 data-testid="product-title">%3$s</h1>
                    <p class="product__price"><span class="price price--large" data-testid="product-price">%6$s</span> <span class="muted">incl. VAT</span></p>
                    <p class="stock stock--%7$s"><span data-testid="stock-status">%8$s</span> <span class="muted">· %9$s</span></p>
                    <p class="product__desc">%10$s</p>
                    <form class="buy" data-testid="add-to-cart-form" data-cart-add method="post" action="/cart/add" novalidate>
                      <input type="hidden" name="productId" value="%4$s">
                      %11$s
                      <div class="buy__row">
                        <div class="field field--qty"><label for="quantity">Quantity</label>
                          <input id="quantity" type="number" name="quantity" data-testid="quantity" value="%12$d" min="1" max="99" inputmode="numeric"></div>
                        <button class="button button--buy" type="submit" data-testid="add-to-cart"%13$s>Add to cart</button>
                      </div>
                      <div class="buy__messages" data-cart-messages aria-live="polite">%14$s</div>
                    </form>
                    <ul class="product__facts"><li>Free shipping from €75.00</li><li>30-day returns</li><li>2-year warranty</li></ul>
                  </div>
                </article>
                """.formatted(esc(c.slug()), esc(c.name()), esc(p.name()), esc(p.slug()), Icons.product(p), price,
                p.inStock() ? "in" : "out", p.inStock() ? "In stock" : "Out of stock", esc(stockHint),
                esc(p.description()), select, quantity, p.inStock() ? "" : " disabled", errorHtml));
    }

    static String search(Layout l, String q, List<Product> hits) {
        String body;
        if (hits.isEmpty()) {
            body = q.isBlank()
                    ? "<div class=\"empty\" data-testid=\"no-results\"><p>Type what you are looking for, e.g. <a href=\"/search?q=grinder\">grinder</a>.</p></div>"
                    : "<div class=\"empty\" data-testid=\"no-results\"><p>No products match “" + esc(q) + "”.</p>"
                    + "<p class=\"muted\">Check the spelling or try a broader word such as “espresso” or “kettle”.</p></div>";
        } else {
            body = Layout.grid(hits);
        }
        return l.page(q.isBlank() ? "Search" : "Search: " + q, """
                <section class="search-page" data-testid="search-results">
                  <h1>%s</h1>
                  <p class="muted">%s</p>
                  %s
                </section>
                """.formatted(q.isBlank() ? "Search" : "Search results for “" + esc(q) + "”",
                hits.size() == 1 ? "1 product" : hits.size() + " products", body));
    }

    static String cart(Layout l, PricedCart cart, String error) {
        String errorHtml = error == null ? "" : "<p class=\"notice notice--error\" data-testid=\"cart-error\" role=\"alert\">" + esc(error) + "</p>";
        if (cart.isEmpty()) {
            return l.page("Your cart", """
                    <h1>Your cart</h1>%s
                    <div class="empty" data-testid="cart-empty">
                      <p>Your cart is empty.</p>
                      <a class="button" href="/">Continue shopping</a>
                    </div>
                    """.formatted(errorHtml));
        }
        StringBuilder lines = new StringBuilder();
        for (PricedCart.Line line : cart.lines()) {
            Product p = line.product();
            lines.append("""
                    <li class="line" data-testid="cart-line" data-product-id="%1$s" data-line="%2$d">
                      <a class="line__media" href="/product/%1$s" tabindex="-1" aria-hidden="true">%3$s</a>
                      <div class="line__info">
                        <a class="line__name" data-testid="line-name" href="/product/%1$s">%4$s</a>
                        %5$s
                        <span class="muted" data-testid="line-price">%6$s each</span>
                      </div>
                      <form class="line__form" method="post" action="/cart/change" novalidate>
                        <input type="hidden" name="line" value="%2$d">
                        <label class="visually-hidden" for="qty-%2$d">Quantity of %4$s</label>
                        <input id="qty-%2$d" type="number" name="quantity" min="0" max="99" value="%7$d" data-testid="line-quantity">
                        <button type="submit" class="button button--small" data-testid="line-update">Update</button>
                        <button type="submit" class="link-button" name="remove" value="1" data-testid="line-remove">Remove</button>
                      </form>
                      <span class="line__total" data-testid="line-total">%8$s</span>
                    </li>
                    """.formatted(esc(p.slug()), line.number(), Icons.product(p), esc(p.name()),
                    line.variant() == null ? "" : "<span class=\"line__variant\" data-testid=\"line-variant\">" + esc(line.variantLabel()) + "</span>",
                    line.unitPrice(), line.quantity(), line.lineTotal()));
        }
        return l.page("Your cart", """
                <h1>Your cart</h1>%s
                <div class="cart">
                  <ul class="lines">%s</ul>
                  <aside class="summary">
                    <h2>Order summary</h2>
                    %s
                    <a class="button button--wide" data-testid="checkout-button" href="/checkout">Checkout</a>
                    <a class="muted continue" href="/">Continue shopping</a>
                  </aside>
                </div>
                """.formatted(errorHtml, lines, totals(cart)));
    }

    private static String totals(PricedCart cart) {
        String hint = cart.shipping().cents() == 0 ? "" : "<p class=\"muted small\">Free shipping from " + PricedCart.FREE_SHIPPING_FROM + "</p>";
        return """
                <dl class="totals">
                  <dt>Subtotal</dt><dd data-testid="cart-subtotal">%s</dd>
                  <dt>Shipping</dt><dd data-testid="cart-shipping">%s</dd>
                  <dt class="grand">Total</dt><dd class="grand" data-testid="cart-total">%s</dd>
                </dl>%s
                """.formatted(cart.subtotal(), cart.shipping(), cart.total(), hint);
    }

    private static String miniSummary(PricedCart cart) {
        StringBuilder lines = new StringBuilder();
        for (PricedCart.Line line : cart.lines()) {
            lines.append("<li><span>").append(line.quantity()).append(" × ").append(esc(line.product().name()))
                    .append(line.variant() == null ? "" : " <span class=\"muted\">(" + esc(line.variantLabel()) + ")</span>")
                    .append("</span><span>").append(line.lineTotal()).append("</span></li>");
        }
        return "<aside class=\"summary\"><h2>Order summary</h2><ul class=\"mini\">" + lines + "</ul>" + totals(cart) + "</aside>";
    }

    static String checkout(Layout l, PricedCart cart, ShippingDetails d, Map<String, String> errors) {
        StringBuilder countries = new StringBuilder("<option value=\"\">Choose a country</option>");
        ShippingDetails.COUNTRIES.forEach((code, name) -> countries.append("<option value=\"").append(code).append('"')
                .append(code.equals(d.country()) ? " selected" : "").append('>').append(esc(name)).append("</option>"));
        String summaryError = errors.isEmpty() ? "" : "<p class=\"notice notice--error\" role=\"alert\" data-testid=\"checkout-errors\">Please correct the "
                + (errors.size() == 1 ? "field" : errors.size() + " fields") + " marked below.</p>";
        return l.page("Checkout", """
                <ol class="steps"><li class="done">Cart</li><li class="current">Details</li><li>Payment</li><li>Confirmation</li></ol>
                <div class="checkout">
                  <form class="panel" data-testid="checkout-form" method="post" action="/checkout" novalidate>
                    <h1>Contact and shipping</h1>
                    %s
                    <fieldset><legend>Contact</legend>%s</fieldset>
                    <fieldset><legend>Shipping address</legend>
                      <div class="row">%s%s</div>
                      %s
                      <div class="row">%s%s</div>
                      <div class="field%s"><label for="country">Country</label><select id="country" name="country" data-testid="country" autocomplete="country">%s</select>%s</div>
                    </fieldset>
                    <button class="button button--wide" type="submit" data-testid="continue-to-payment">Continue to payment</button>
                  </form>
                  %s
                </div>
                """.formatted(summaryError,
                input("email", "Email", "email", d.email(), errors, "email"),
                input("firstName", "First name", "text", d.firstName(), errors, "given-name"),
                input("lastName", "Last name", "text", d.lastName(), errors, "family-name"),
                input("street", "Street and house number", "text", d.street(), errors, "street-address"),
                input("postalCode", "Postal code", "text", d.postalCode(), errors, "postal-code"),
                input("city", "City", "text", d.city(), errors, "address-level2"),
                errors.containsKey("country") ? " field--invalid" : "", countries, fieldError("country", errors),
                miniSummary(cart)));
    }

    private static String input(String name, String label, String type, String value, Map<String, String> errors, String autocomplete) {
        boolean bad = errors.containsKey(name);
        return "<div class=\"field" + (bad ? " field--invalid" : "") + "\"><label for=\"" + name + "\">" + label + "</label>"
                + "<input id=\"" + name + "\" name=\"" + name + "\" type=\"" + type + "\" data-testid=\"" + name + "\" value=\""
                + esc(value) + "\" autocomplete=\"" + autocomplete + "\"" + (bad ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"" : "")
                + ">" + fieldError(name, errors) + "</div>";
    }

    private static String fieldError(String name, Map<String, String> errors) {
        String message = errors.get(name);
        return message == null ? "" : "<p class=\"field-error\" id=\"" + name + "-error\" data-testid=\"field-error\" data-field=\"" + name + "\">" + esc(message) + "</p>";
    }

    static String payment(Layout l, PricedCart cart, ShippingDetails d, String error, String cardNumber) {
        return l.page("Payment", """
                <ol class="steps"><li class="done">Cart</li><li class="done">Details</li><li class="current">Payment</li><li>Confirmation</li></ol>
                <div class="checkout">
                  <form class="panel" data-testid="payment-form" method="post" action="/checkout/payment" novalidate>
                    <h1>Payment</h1>
                    <div class="ship-to"><strong>Ship to</strong><span>%s, %s, %s %s, %s</span><span class="muted">%s</span> <a href="/checkout">Change</a></div>
                    <p class="sandbox">Sandbox: pay with the test card <code>4242 4242 4242 4242</code>. Nothing is charged.</p>
                    %s
                    <div class="field"><label for="cardNumber">Card number</label>
                      <input id="cardNumber" name="cardNumber" data-testid="card-number" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" value="%s"></div>
                    <div class="row">
                      <div class="field"><label for="expiry">Expiry</label><input id="expiry" name="expiry" placeholder="MM / YY" value="12 / 30"></div>
                      <div class="field"><label for="cvc">CVC</label><input id="cvc" name="cvc" placeholder="123" value="123"></div>
                    </div>
                    <button class="button button--wide button--buy" type="submit" data-testid="place-order">Place order · %s</button>
                  </form>
                  %s
                </div>
                """.formatted(esc(d.fullName()), esc(d.street()), esc(d.postalCode()), esc(d.city()),
                esc(ShippingDetails.COUNTRIES.getOrDefault(d.country(), d.country())), esc(d.email()),
                error == null ? "" : "<p class=\"notice notice--error\" data-testid=\"payment-error\" role=\"alert\">" + esc(error) + "</p>",
                esc(cardNumber), cart.total(), miniSummary(cart)));
    }

    static String confirmation(Layout l, Order order) {
        StringBuilder lines = new StringBuilder();
        for (OrderLine line : order.lines()) {
            lines.append("<li><span>").append(line.quantity()).append(" × ").append(esc(line.name()))
                    .append(line.variant().isEmpty() ? "" : " <span class=\"muted\">(" + esc(line.variant()) + ")</span>")
                    .append("</span><span>").append(line.lineTotal()).append("</span></li>");
        }
        return l.page("Order " + order.number(), """
                <ol class="steps"><li class="done">Cart</li><li class="done">Details</li><li class="done">Payment</li><li class="current">Confirmation</li></ol>
                <section class="panel confirmation" data-testid="order-confirmation">
                  <h1>Thank you for your order!</h1>
                  <p>Your order number is <strong data-testid="order-number">%s</strong>.</p>
                  <p class="muted">A confirmation is on its way to %s. Sandbox order: nothing will ship.</p>
                  <ul class="mini">%s</ul>
                  <p class="grand-line">Total paid <strong data-testid="order-total">%s</strong></p>
                  <a class="button" href="/">Continue shopping</a>
                </section>
                """.formatted(esc(order.number()), esc(order.email()), lines, order.total()));
    }

    static String login(Layout l, String email, String error) {
        return l.page("Sign in", """
                <section class="panel narrow">
                  <h1>Sign in</h1>
                  <p class="muted">Test account: shopper@example.test / flows-demo</p>
                  %s
                  <form data-testid="login-form" method="post" action="/account/login" novalidate>
                    <div class="field"><label for="login-email">Email</label><input id="login-email" name="email" type="email" autocomplete="username" data-testid="login-email" value="%s"></div>
                    <div class="field"><label for="login-password">Password</label><input id="login-password" name="password" type="password" autocomplete="current-password" data-testid="login-password"></div>
                    <button class="button button--wide" type="submit" data-testid="login-submit">Sign in</button>
                  </form>
                </section>
                """.formatted(error == null ? "" : "<p class=\"notice notice--error\" data-testid=\"login-error\" role=\"alert\">" + esc(error) + "</p>",
                esc(email)));
    }

    static String account(Layout l, String name, String email, List<Order> orders) {
        StringBuilder rows = new StringBuilder();
        for (Order o : orders) {
            rows.append("<tr data-testid=\"account-order\" data-order-number=\"").append(esc(o.number())).append("\"><td>")
                    .append(esc(o.number())).append("</td><td>").append(ORDER_DATE.format(o.placedAt())).append("</td><td>")
                    .append(o.lines().stream().mapToInt(OrderLine::quantity).sum()).append("</td><td>").append(o.total()).append("</td></tr>");
        }
        String table = orders.isEmpty()
                ? "<p class=\"muted\" data-testid=\"no-orders\">You have not placed any orders yet.</p>"
                : "<table class=\"orders\"><thead><tr><th>Order</th><th>Placed</th><th>Items</th><th>Total</th></tr></thead><tbody>" + rows + "</tbody></table>";
        return l.page("My account", """
                <section class="panel">
                  <div class="account__head">
                    <div><h1 data-testid="account-greeting">Welcome back, %s</h1><p class="muted">Signed in as %s</p></div>
                    <form method="post" action="/account/logout"><button class="button button--ghost" type="submit" data-testid="logout">Sign out</button></form>
                  </div>
                  <h2>Your orders</h2>
                  <div data-testid="account-orders">%s</div>
                </section>
                """.formatted(esc(name), esc(email), table));
    }

    static String notFound(Layout l, String what) {
        return l.page("Not found", """
                <section class="empty" data-testid="not-found">
                  <h1>Page not found</h1>
                  <p>%s</p>
                  <a class="button" href="/">Back to the shop</a>
                </section>
                """.formatted(esc(what)));
    }

    /** The page of a failing back end: deliberately without the shop's header, as a crashed app has none. */
    static String serverError(String instanceName, String target) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>500 Internal Server Error</title>
                <link rel="stylesheet" href="/static/app.css"></head>
                <body class="error-page">
                <main class="panel narrow" data-testid="server-error">
                <h1>500 · Something went wrong</h1>
                <p>We could not load <code>%s</code>. Please try again in a few minutes.</p>
                </main>
                <footer class="footer__bottom container"><span class="served-by" data-testid="served-by">Served by %s</span></footer>
                </body></html>
                """.formatted(esc(target), esc(instanceName));
    }

    /** The page of another HTTP error status (the fault {@code httpStatus}), without the shop's header like the 500 page. */
    static String httpError(String instanceName, int status, String target) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%1$d Error</title>
                <link rel="stylesheet" href="/static/app.css"></head>
                <body class="error-page">
                <main class="panel narrow" data-testid="http-error" data-test="http-error">
                <h1>%1$d · This page is not available</h1>
                <p>We could not load <code>%2$s</code>.</p>
                </main>
                <footer class="footer__bottom container"><span class="served-by" data-testid="served-by">Served by %3$s</span></footer>
                </body></html>
                """.formatted(status, esc(target), esc(instanceName));
    }
}
