package dev.flows.demostore;

import dev.flows.demostore.catalogue.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Comparator;
import java.util.List;

import static dev.flows.demostore.Markup.attributes;
import static dev.flows.demostore.Markup.count;
import static dev.flows.demostore.Markup.has;
import static dev.flows.demostore.Markup.tag;
import static dev.flows.demostore.Markup.text;
import static dev.flows.demostore.Markup.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorefrontPagesTest {

    private DemoStore store;
    private ShopClient shopper;

    @BeforeAll
    void start() {
        store = DemoStore.builder().name("live").start();
        shopper = ShopClient.of(store);
    }

    @AfterAll
    void stop() {
        shopper.close();
        store.close();
    }

    @Test
    void landingHasHeaderNavSearchCartBadgeFeaturedAndFooter() {
        var page = shopper.get("/");
        assertEquals(200, page.status());
        String html = page.body();
        assertTrue(tag(html, "logo").contains("href=\"/\""));
        assertTrue(has(html, "nav"));
        assertEquals(List.of("espresso-machines", "grinders", "brewing", "accessories", "coffee-beans"),
                attributes(html, "category-link", "data-category"));
        assertTrue(tag(html, "search-form").contains("action=\"/search\""));
        assertTrue(tag(html, "search-input").contains("name=\"q\""));
        assertTrue(has(html, "search-submit"));
        assertEquals("0", text(html, "cart-count"));
        assertTrue(tag(html, "cart-link").contains("href=\"/cart\""));
        assertTrue(has(html, "featured"));
        assertTrue(count(html, "product-card") >= 4, "featured product cards");
        assertEquals("Served by live", text(html, "served-by"));
    }

    @Test
    void everyResponseNamesTheInstanceInAHeader() {
        for (String path : List.of("/", "/category/grinders", "/cart.js", "/static/app.css", "/no-such-page", "/__admin/faults")) {
            assertEquals("live", shopper.get(path).header("X-Flows-Instance"), path);
        }
    }

    @Test
    void categoryPageListsItsProductsWithPriceAndStock() {
        String html = shopper.get("/category/espresso-machines").body();
        assertEquals("Espresso Machines", text(html, "category-title"));
        assertEquals(8, count(html, "product-card"));
        List<String> stock = attributes(html, "product-card", "data-stock");
        assertTrue(stock.contains("in") && stock.contains("out"), "some in stock, some out: " + stock);
        assertEquals(List.of("featured", "price-asc", "price-desc", "name"), optionValues(html));
        List<String> prices = texts(html, "product-price");
        prices.forEach(p -> assertTrue(p.matches("€\\d{1,3}(,\\d{3})*\\.\\d{2}"), "price format: " + p));
        assertTrue(texts(html, "stock-badge").contains("Out of stock"));
        assertTrue(texts(html, "product-name").contains("Barista Pro"));
    }

    private static List<String> optionValues(String html) {
        String select = html.substring(html.indexOf("data-testid=\"sort\""), html.indexOf("</select>", html.indexOf("data-testid=\"sort\"")));
        return java.util.regex.Pattern.compile("<option value=\"([^\"]+)\"").matcher(select).results().map(r -> r.group(1)).toList();
    }

    @Test
    void sortByPriceAscendingIsSorted() {
        List<Money> prices = prices("/category/grinders?sort=price-asc");
        assertEquals(prices.stream().sorted().toList(), prices);
        assertTrue(tag(shopper.get("/category/grinders?sort=price-asc").body(), "sort").contains("data-navigate-on-change"));
    }

    @Test
    void sortByPriceDescendingIsSorted() {
        List<Money> prices = prices("/category/brewing?sort=price-desc");
        assertEquals(prices.stream().sorted(Comparator.reverseOrder()).toList(), prices);
    }

    @Test
    void sortByNameIsAlphabetical() {
        List<String> names = texts(shopper.get("/category/accessories?sort=name").body(), "product-name");
        assertEquals(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), names);
        assertEquals(9, names.size());
        assertTrue(names.contains("Descaling Kit"));
    }

    @Test
    void sortSelectShowsTheChosenOrder() {
        String html = shopper.get("/category/grinders?sort=name").body();
        assertTrue(html.contains("<option value=\"name\" selected>"));
    }

    private List<Money> prices(String path) {
        return texts(shopper.get(path).body(), "product-price").stream().map(Money::parse).toList();
    }

    @Test
    void productPageWithVariantsHasTheBuyingHooks() {
        String html = shopper.get("/product/barista-pro").body();
        assertEquals("Barista Pro", text(html, "product-title"));
        assertEquals("€1,249.00", text(html, "product-price"));
        assertEquals("In stock", text(html, "stock-status"));
        assertTrue(tag(html, "variant").startsWith("<select"));
        String quantity = tag(html, "quantity");
        assertTrue(quantity.contains("type=\"number\"") && quantity.contains("value=\"1\""), quantity);
        assertFalse(tag(html, "add-to-cart").contains("disabled"));
        assertFalse(has(html, "cart-notice"), "the notice appears only after adding");
    }

    @Test
    void productWithoutVariantsHasNoVariantSelect() {
        String html = shopper.get("/product/descaling-kit").body();
        assertEquals("Descaling Kit", text(html, "product-title"));
        assertFalse(has(html, "variant"));
    }

    @Test
    void outOfStockProductCannotBeAdded() {
        String html = shopper.get("/product/dual-boiler-db9").body();
        assertEquals("Out of stock", text(html, "stock-status"));
        assertTrue(tag(html, "add-to-cart").contains("disabled"));
    }

    @Test
    void searchFindsProductsIgnoringCaseInNameAndDescription() {
        String html = shopper.get("/search?q=DESCALING").body();
        assertTrue(has(html, "search-results"));
        assertEquals(List.of("descaling-kit"), attributes(html, "product-card", "data-product-id"));
        assertFalse(has(html, "no-results"));
        String byDescription = shopper.get("/search?q=pid%20temperature").body();
        assertEquals(List.of("barista-pro"), attributes(byDescription, "product-card", "data-product-id"));
        assertTrue(tag(byDescription, "search-input").contains("value=\"pid temperature\""));
    }

    @Test
    void searchWithoutHitsShowsTheNoResultsState() {
        String html = shopper.get("/search?q=teapot").body();
        assertTrue(has(html, "no-results"));
        assertEquals(0, count(html, "product-card"));
    }

    @Test
    void unknownPagesAnswer404InTheShopLayout() {
        var reply = shopper.get("/category/teapots");
        assertEquals(404, reply.status());
        assertTrue(has(reply.body(), "cart-count"));
        assertEquals(404, shopper.get("/product/nope").status());
        assertEquals(404, shopper.get("/nowhere").status());
    }

    @Test
    void staticResourcesAreServed() {
        var css = shopper.get("/static/app.css");
        assertEquals(200, css.status());
        assertTrue(css.header("Content-Type").startsWith("text/css"));
        var js = shopper.get("/static/app.js");
        assertTrue(js.body().contains("/cart/add.js"));
    }

    @Test
    void catalogueHasEnoughRange() {
        var catalogue = store.catalogue();
        assertTrue(catalogue.categories().size() >= 4);
        assertTrue(catalogue.products().size() >= 30);
        assertTrue(catalogue.product("descaling-kit").orElseThrow().categorySlug().equals("accessories"));
        assertTrue(catalogue.products().stream().anyMatch(p -> !p.inStock()));
        assertTrue(catalogue.products().stream().anyMatch(p -> p.hasVariants()
                && p.variants().stream().map(v -> v.price()).distinct().count() > 1));
    }
}
