package dev.flows.demostore;

import dev.flows.demostore.catalogue.Catalogue;
import dev.flows.demostore.catalogue.Category;
import dev.flows.demostore.catalogue.Product;

import static dev.flows.demostore.Html.esc;

/**
 * The frame every page shares: header (logo, category nav, search, account, cart badge) and footer (with the
 * "Served by" line that tells a screenshot which instance answered).
 *
 * @param customerEmail null for a guest
 */
record Layout(String instanceName, Catalogue catalogue, int cartCount, String customerEmail, String searchQuery,
              String activeCategory) {

    static final String SHOP_NAME = "Bean & Burr";

    String page(String title, String main) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · %s</title>
                <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="/static/app.css">
                <script src="/static/app.js" defer></script>
                </head>
                <body>
                %s
                <main class="main container" id="main">
                %s
                </main>
                %s
                </body>
                </html>
                """.formatted(esc(title), SHOP_NAME, header(), main, footer());
    }

    private String header() {
        StringBuilder nav = new StringBuilder();
        for (Category c : catalogue.categories()) {
            nav.append("<li><a data-testid=\"category-link\" data-category=\"").append(esc(c.slug()))
                    .append("\" href=\"/category/").append(esc(c.slug())).append('"')
                    .append(c.slug().equals(activeCategory) ? " class=\"active\" aria-current=\"page\"" : "")
                    .append('>').append(esc(c.name())).append("</a></li>");
        }
        String account = customerEmail == null
                ? "<a class=\"header__account\" href=\"/account/login\">" + Icons.USER + "<span>Sign in</span></a>"
                : "<a class=\"header__account\" href=\"/account\">" + Icons.USER + "<span>My account</span></a>";
        return """
                <div class="topbar">Free shipping on orders from €75.00 · Roasted fresh every week · 30-day returns</div>
                <header class="header">
                  <div class="container header__row">
                    <a class="logo" data-testid="logo" href="/" aria-label="%1$s home">%2$s<span>%1$s</span></a>
                    <form class="search" data-testid="search-form" role="search" method="get" action="/search">
                      <label class="visually-hidden" for="q">Search the shop</label>
                      <input id="q" type="search" name="q" data-testid="search-input" placeholder="Search machines, grinders, beans…" value="%3$s">
                      <button type="submit" data-testid="search-submit">Search</button>
                    </form>
                    <div class="header__actions">
                      %4$s
                      <a class="cart-link" data-testid="cart-link" href="/cart" aria-label="Cart">%5$s<span>Cart</span><span class="cart-count" data-testid="cart-count">%6$d</span></a>
                    </div>
                  </div>
                  <div class="container nav-toggle__row">
                    <button type="button" class="nav-toggle" data-testid="menu-button" aria-controls="nav" aria-expanded="false">Categories</button>
                  </div>
                  <nav class="nav" id="nav" data-testid="nav" aria-label="Categories">
                    <ul class="container nav__list">%7$s</ul>
                  </nav>
                </header>
                """.formatted(SHOP_NAME, Icons.LOGO, esc(searchQuery), account, Icons.CART, cartCount, nav);
    }

    private String footer() {
        StringBuilder cats = new StringBuilder();
        for (Category c : catalogue.categories()) {
            cats.append("<li><a href=\"/category/").append(esc(c.slug())).append("\">").append(esc(c.name())).append("</a></li>");
        }
        return """
                <footer class="footer">
                  <div class="container footer__grid">
                    <div><strong>%1$s</strong><p>Espresso machines, grinders and fresh coffee for home baristas since 2011.</p></div>
                    <div><h4>Shop</h4><ul>%2$s</ul></div>
                    <div><h4>Service</h4><ul><li><a href="/account">My account</a></li><li><a href="/cart">Cart</a></li><li>Shipping: free from €75.00, else €5.90</li></ul></div>
                    <div><h4>Payment</h4><p>Sandbox payments only: this is a demo store, nothing is charged.</p></div>
                  </div>
                  <div class="container footer__bottom">
                    <span>© 2026 %1$s · Demo store for Flows</span>
                    <span class="served-by" data-testid="served-by">Served by %3$s</span>
                  </div>
                </footer>
                """.formatted(SHOP_NAME, cats, esc(instanceName));
    }

    /** A product tile, the same on landing, category and search pages. */
    static String card(Product p) {
        String stock = p.inStock() ? "in" : "out";
        return """
                <article class="card" data-testid="product-card" data-product-id="%1$s" data-stock="%2$s">
                  <a class="card__media" href="/product/%1$s" tabindex="-1" aria-hidden="true">%3$s%4$s</a>
                  <div class="card__body">
                    <h3 class="card__title"><a data-testid="product-name" href="/product/%1$s">%5$s</a></h3>
                    <p class="card__meta">%6$s</p>
                    <div class="card__foot">
                      <span class="price" data-testid="product-price">%7$s</span>
                      <span class="badge badge--%2$s" data-testid="stock-badge">%8$s</span>
                    </div>
                  </div>
                </article>
                """.formatted(esc(p.slug()), stock, Icons.product(p),
                p.newArrival() ? "<span class=\"ribbon\">New</span>" : "", esc(p.name()),
                p.hasVariants() ? p.variants().size() + " " + esc(p.variantLabel().toLowerCase(java.util.Locale.ROOT)) + " options" : "&nbsp;",
                p.price(), p.inStock() ? "In stock" : "Out of stock");
    }

    static String grid(Iterable<Product> products) {
        StringBuilder out = new StringBuilder("<div class=\"grid\">");
        for (Product p : products) {
            out.append(card(p));
        }
        return out.append("</div>").toString();
    }
}
