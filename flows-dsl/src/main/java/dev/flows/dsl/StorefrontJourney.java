package dev.flows.dsl;

import dev.flows.dsl.profile.StorefrontProfile;
import dev.flows.journey.Journey;
import dev.flows.journey.Step;
import dev.flows.journey.StepAction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A storefront journey being written: each verb adds a step with a readable name, in the order a shopper does it.
 * Start one with {@link Storefront#journey(String)}.
 *
 * <pre>{@code
 * Journey guestCheckout = shop.journey("guest checkout")
 *     .landing()
 *     .category("Espresso Machines")
 *     .product(Pick.firstInStock())
 *     .addToCart(2)
 *     .cart(cart -> cart.changeQuantity(1, 1))
 *     .expectCartCount(1)
 *     .checkout(co -> co.guest("flows@example.test").shipping(Address.TEST))
 *     .build();
 * }</pre>
 */
public final class StorefrontJourney {

    private final StorefrontProfile profile;
    private final String name;
    private String feature;
    private final List<Step> steps = new ArrayList<>();

    StorefrontJourney(StorefrontProfile profile, String name) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.name = name;
    }

    /** The group this journey belongs to in reports: "checkout", "browse". */
    public StorefrontJourney feature(String feature) {
        this.feature = feature;
        return this;
    }

    /** Opens the landing page. Step "landing". */
    public StorefrontJourney landing() {
        return verb("landing", Shopper::landing);
    }

    /** Clicks the category link named {@code name}. Step "category 'Espresso Machines'". */
    public StorefrontJourney category(String name) {
        requireText(name, "category name");
        return verb("category '" + name + "'", s -> s.category(name));
    }

    /** Opens a category by its link (a path such as "/category/grinders"). Step "category /category/grinders". */
    public StorefrontJourney categoryAt(String path) {
        requireText(path, "category path");
        return verb("category " + path, s -> s.categoryAt(path));
    }

    /** Searches for {@code query}. Step "search 'grinder'". */
    public StorefrontJourney search(String query) {
        requireText(query, "search query");
        return verb("search '" + query + "'", s -> s.search(query));
    }

    /** Opens the product named {@code name} from the listing on the page. Step "product 'Barista Pro'". */
    public StorefrontJourney product(String name) {
        return product(Pick.named(name));
    }

    /** Opens a product from the listing on the page. Step "product 'Barista Pro'" or "product: first in stock". */
    public StorefrontJourney product(Pick pick) {
        Objects.requireNonNull(pick, "pick");
        String step = pick instanceof Pick.Named ? "product " + pick : "product: " + pick;
        return verb(step, s -> s.product(pick));
    }

    /** Opens a product page by its link. Step "product /product/barista-pro". */
    public StorefrontJourney productAt(String path) {
        requireText(path, "product path");
        return verb("product " + path, s -> s.productAt(path));
    }

    /** Adds one of the open product to the cart. Step "add to cart". */
    public StorefrontJourney addToCart() {
        return addToCart(1);
    }

    /** Adds {@code quantity} of the open product. Step "add to cart" (quantity 1) or "add 2 to cart". */
    public StorefrontJourney addToCart(int quantity) {
        return addToCart(quantity, null);
    }

    /** Adds {@code quantity} of the variant {@code variant} (value or label). Step "add 2 to cart (Black)". */
    public StorefrontJourney addToCart(int quantity, String variant) {
        if (quantity < 1 || quantity > 99) {
            throw new IllegalArgumentException("quantity must be 1..99: " + quantity);
        }
        String step = (quantity == 1 ? "add to cart" : "add " + quantity + " to cart") + (variant == null ? "" : " (" + variant + ")");
        return verb(step, s -> s.addToCart(quantity, variant));
    }

    /** Opens the cart, then makes each edit as a step of its own: "cart: change line 1 to 3", "cart: remove 'Descaling Kit'". */
    public StorefrontJourney cart(Consumer<CartEdits> edits) {
        CartEdits cart = new CartEdits();
        edits.accept(cart);
        openCart();
        for (CartEdits.Edit edit : cart.edits()) {
            if (edit instanceof CartEdits.ChangeQuantity change) {
                verb("cart: change line " + change.line() + " to " + change.quantity(), s -> s.changeQuantity(change.line(), change.quantity()));
            } else if (edit instanceof CartEdits.Remove remove) {
                verb("cart: remove '" + remove.product() + "'", s -> s.remove(remove.product()));
            } else {
                verb("cart: empty", Shopper::empty);
            }
        }
        return this;
    }

    /** Opens the cart page. Step "open the cart". */
    public StorefrontJourney openCart() {
        return verb("open the cart", Shopper::openCart);
    }

    /** Opens the cart and removes every line. */
    public StorefrontJourney emptyCart() {
        return cart(CartEdits::empty);
    }

    /**
     * Checks out: "checkout: contact and shipping", "checkout: payment step reachable", and with
     * {@link Checkout#placeOrder()} also "place order" and "order confirmation".
     */
    public StorefrontJourney checkout(Consumer<Checkout> spec) {
        Checkout co = new Checkout();
        spec.accept(co);
        co.validate();
        verb("checkout: contact and shipping", s -> s.contactAndShipping(co));
        verb("checkout: payment step reachable", Shopper::paymentReachable);
        if (co.placesOrder()) {
            verb("place order", s -> s.placeOrder(co.cardNumber()));
            verb("order confirmation", Shopper::confirmation);
        }
        return this;
    }

    /**
     * Logs in with two of the site's credentials, taken by name when the step runs (in {@code flows.yaml}:
     * {@code credentials: { email: "${SHOP_EMAIL}", password: "${SHOP_PASSWORD}" }}), so no secret is written in the
     * journey and each site logs in with its own. A site without them makes the journey BROKEN.
     */
    public StorefrontJourney loginWith(String emailCredential, String passwordCredential) {
        requireText(emailCredential, "e-mail credential name");
        requireText(passwordCredential, "password credential name");
        steps.add(Step.of("log in with the site's credentials '" + emailCredential + "' and '" + passwordCredential + "'",
                ctx -> new Shopper(profile, ctx).login(credential(ctx, emailCredential), credential(ctx, passwordCredential))));
        return this;
    }

    private static String credential(dev.flows.journey.StepContext ctx, String name) {
        return ctx.site().credential(name).orElseThrow(() -> new dev.flows.journey.BrokenMonitorException("site '"
                + ctx.site().name() + "' has no credential '" + name + "': add it under sites[].credentials."
                + name + " as \"${ENV_VAR}\""));
    }

    /** Logs in on the login page and waits for the account greeting. Step "log in as shopper@example.test". */
    public StorefrontJourney login(String email, String password) {
        requireText(email, "login e-mail");
        requireText(password, "login password");
        return verb("log in as " + email, s -> s.login(email, password));
    }

    /** Step "expect cart count 2". */
    public StorefrontJourney expectCartCount(int count) {
        return verb("expect cart count " + count, s -> s.expectCartCount(count));
    }

    /** The cart page lists exactly these products, in order. Step "expect cart lines [A, B]". */
    public StorefrontJourney expectCartLines(String... products) {
        List<String> wanted = List.of(products);
        return verb("expect cart lines " + wanted, s -> s.expectCartLines(wanted));
    }

    /** The cart page shows this grand total, as the shop writes it ("€1,268.90"). */
    public StorefrontJourney expectCartTotal(String total) {
        requireText(total, "cart total");
        return verb("expect cart total " + total, s -> s.expectCartTotal(total));
    }

    /** The product page shows this price. */
    public StorefrontJourney expectPrice(String price) {
        requireText(price, "price");
        return verb("expect price " + price, s -> s.expectPrice(price));
    }

    /** The product page's stock message is exactly {@code text} ("In stock"). */
    public StorefrontJourney expectStock(String text) {
        requireText(text, "stock text");
        return verb("expect stock '" + text + "'", s -> s.expectStock(text));
    }

    /** The listing on the page shows at least {@code atLeast} products. */
    public StorefrontJourney expectProducts(int atLeast) {
        return verb("expect at least " + atLeast + (atLeast == 1 ? " product" : " products"), s -> s.expectProducts(atLeast));
    }

    /** The page shows {@code text} somewhere. Step "expect text 'Welcome back'". */
    public StorefrontJourney expectText(String text) {
        requireText(text, "expected text");
        return verb("expect text '" + text + "'", s -> s.expectText(text));
    }

    /** Anything the verbs do not cover, with the page and the run's context. */
    public StorefrontJourney step(String name, StepAction action) {
        steps.add(Step.of(name, action));
        return this;
    }

    /** Inserts a sub-journey's steps here. */
    public StorefrontJourney then(List<Step> subJourney) {
        steps.addAll(List.copyOf(subJourney));
        return this;
    }

    /** Inserts another journey's steps here. */
    public StorefrontJourney then(Journey subJourney) {
        return then(subJourney.steps());
    }

    /** Gives the last step a time budget: over it, a passing journey is DEGRADED. */
    public StorefrontJourney within(Duration budget) {
        if (steps.isEmpty()) {
            throw new IllegalStateException("within(" + budget + ") needs a step before it");
        }
        steps.set(steps.size() - 1, steps.get(steps.size() - 1).withBudget(budget));
        return this;
    }

    /** The steps so far, to insert into other journeys with {@link #then(List)}. */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public Journey build() {
        return new Journey(name, feature, steps, profile.orderRequests());
    }

    private StorefrontJourney verb(String stepName, Consumer<Shopper> action) {
        steps.add(Step.of(stepName, ctx -> action.accept(new Shopper(profile, ctx))));
        return this;
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
