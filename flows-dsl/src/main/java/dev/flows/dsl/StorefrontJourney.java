package dev.flows.dsl;

import dev.flows.dsl.profile.Hook;
import dev.flows.dsl.profile.StorefrontProfile;
import dev.flows.journey.BrokenMonitorException;
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
    /** The hooks each verb needs, by step name, checked in {@link #build()}. */
    private final java.util.Map<String, List<Hook>> needs = new java.util.LinkedHashMap<>();
    private final List<String> specProblems = new ArrayList<>();

    StorefrontJourney(StorefrontProfile profile, String name) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.name = name;
    }

    /** The group this journey belongs to in reports: "checkout", "browse". */
    public StorefrontJourney feature(String feature) {
        this.feature = feature;
        return this;
    }

    /**
     * Opens the landing page ({@code urls.landing}, default "/") and waits for its load event. Hooks: none.
     * Step "landing".
     */
    public StorefrontJourney landing() {
        return verb("landing", Shopper::landing);
    }

    /**
     * Clicks the category link named {@code name} (opening {@code hooks.categoryMenu} first when the links are
     * hidden in a menu) and waits for at least one product card. Needs {@code categoryLink}, {@code productCard};
     * uses {@code categoryMenu}. Step "category 'Espresso Machines'".
     */
    public StorefrontJourney category(String name) {
        requireText(name, "category name");
        return verb("category '" + name + "'", s -> s.category(name), Hook.CATEGORY_LINK, Hook.PRODUCT_CARD);
    }

    /** Opens a listing by its path and waits for a product card. Needs {@code productCard}. Step "category /category/grinders". */
    public StorefrontJourney categoryAt(String path) {
        requireText(path, "category path");
        return verb("category " + path, s -> s.categoryAt(path), Hook.PRODUCT_CARD);
    }

    /**
     * Searches for {@code query}: opens {@code urls.search}, or else types into {@code searchInput} and clicks
     * {@code searchSubmit}; waits for {@code searchResults} when the profile has it. Step "search 'grinder'".
     */
    public StorefrontJourney search(String query) {
        requireText(query, "search query");
        Hook[] needs = profile.urlIfPresent(dev.flows.dsl.profile.ShopPage.SEARCH).isPresent() ? new Hook[0]
                : new Hook[] {Hook.SEARCH_INPUT, Hook.SEARCH_SUBMIT};
        return verb("search '" + query + "'", s -> s.search(query), needs);
    }

    /**
     * Sorts the listing on the page by the option labelled (or valued) {@code option}, in a select, a listbox or
     * buttons, and waits for product cards. Needs {@code sort}, {@code productCard}. Step "sort by 'Price (low to high)'".
     */
    public StorefrontJourney sort(String option) {
        requireText(option, "sort option");
        return verb("sort by '" + option + "'", s -> s.sort(option), Hook.SORT, Hook.PRODUCT_CARD);
    }

    /**
     * The listing's cards are in this order (names, or prices as the cards show them), waiting for a re-sorted
     * listing to settle. FAILED with the order found. Needs {@code productCard} and {@code productName} or
     * {@code cardPrice}. Step "expect listing in order of prices low to high".
     */
    public StorefrontJourney expectListingOrder(ListingOrder order) {
        Objects.requireNonNull(order, "order");
        Hook field = order == ListingOrder.PRICE_ASCENDING || order == ListingOrder.PRICE_DESCENDING ? Hook.CARD_PRICE : Hook.PRODUCT_NAME;
        return verb("expect listing in order of " + order, s -> s.expectListingOrder(order), Hook.PRODUCT_CARD, field);
    }

    /**
     * The listing shows {@code product} at {@code price} (compared as amounts). Needs {@code productCard},
     * {@code productName}, {@code cardPrice}. Step "expect listed price of 'Barista Pro' €1,249.00".
     */
    public StorefrontJourney expectListedPrice(String product, String price) {
        requireText(product, "product");
        requireText(price, "price");
        return verb("expect listed price of '" + product + "' " + price, s -> s.expectListedPrice(product, price),
                Hook.PRODUCT_CARD, Hook.PRODUCT_NAME, Hook.CARD_PRICE);
    }

    /** The listing shows exactly {@code count} products. Needs {@code productCard}. Step "expect exactly 6 products". */
    public StorefrontJourney expectProductCount(int count) {
        return verb("expect exactly " + count + (count == 1 ? " product" : " products"), s -> s.expectProductCount(count), Hook.PRODUCT_CARD);
    }

    /** The listing shows at least {@code atLeast} products. Needs {@code productCard}. Step "expect at least 3 products". */
    public StorefrontJourney expectProducts(int atLeast) {
        return verb("expect at least " + atLeast + (atLeast == 1 ? " product" : " products"), s -> s.expectProducts(atLeast), Hook.PRODUCT_CARD);
    }

    /** Same as {@link #expectProducts(int)}: at least this many products. */
    public StorefrontJourney expectAtLeastProducts(int atLeast) {
        return expectProducts(atLeast);
    }

    /** Opens the product named {@code name} from the listing on the page (see {@link #product(Pick)}). Step "product 'Barista Pro'". */
    public StorefrontJourney product(String name) {
        return product(Pick.named(name));
    }

    /**
     * Opens a product from the listing on the page: reads the picked card's name (and {@code cardPrice}), clicks its
     * name link, and proves the page that opened shows that product ({@code productTitle}): another product is
     * FAILED at this step. Compares the listing's price with {@code productPrice} (unless the product has variants)
     * and records it for the disparity report. Needs {@code productName}, {@code productTitle} and
     * {@code productCard} (named pick) or {@code inStockCard}; uses {@code cardPrice}, {@code productPrice}.
     * Step "product 'Barista Pro'" or "product: first in stock".
     */
    public StorefrontJourney product(Pick pick) {
        Objects.requireNonNull(pick, "pick");
        String step = pick instanceof Pick.Named ? "product " + pick : "product: " + pick;
        Hook card = pick instanceof Pick.Named ? Hook.PRODUCT_CARD : Hook.IN_STOCK_CARD;
        return verb(step, s -> s.product(pick), Hook.PRODUCT_NAME, Hook.PRODUCT_TITLE, card);
    }

    /** Opens a product page by its path. Needs {@code productTitle}; uses {@code productPrice}. Step "product /product/barista-pro". */
    public StorefrontJourney productAt(String path) {
        requireText(path, "product path");
        return verb("product " + path, s -> s.productAt(path), Hook.PRODUCT_TITLE);
    }

    /** Adds one of the open product to the cart (see {@link #addToCart(int, String)}). Step "add to cart". */
    public StorefrontJourney addToCart() {
        return addToCart(1);
    }

    /** Adds {@code quantity} of the open product. Step "add to cart" (quantity 1) or "add 2 to cart". */
    public StorefrontJourney addToCart(int quantity) {
        return addToCart(quantity, null);
    }

    /**
     * Waits for {@code addToCart} to be visible, reads the cart count (a missing badge is 0 where the profile says
     * {@code cartCountWhenEmpty: absent}), chooses the variant (a select, listbox, buttons or swatches), types the
     * quantity, clicks, and waits for the count to grow by {@code quantity}. A count that does not move is FAILED
     * ("did nothing"). Needs {@code addToCart}, {@code cartCount}; {@code variant} with a variant, {@code quantity}
     * with a quantity other than 1. Step "add 2 to cart (Black)".
     */
    public StorefrontJourney addToCart(int quantity, String variant) {
        if (quantity < 1 || quantity > 99) {
            throw new IllegalArgumentException("quantity must be 1..99: " + quantity);
        }
        String step = (quantity == 1 ? "add to cart" : "add " + quantity + " to cart") + (variant == null ? "" : " (" + variant + ")");
        List<Hook> needs = new ArrayList<>(List.of(Hook.ADD_TO_CART, Hook.CART_COUNT));
        if (variant != null) {
            needs.add(Hook.VARIANT);
        }
        if (quantity != 1) {
            needs.add(Hook.QUANTITY);
        }
        return verb(step, s -> s.addToCart(quantity, variant), needs.toArray(Hook[]::new));
    }

    /**
     * Opens the cart, then makes each edit as a step of its own: "cart: change line 1 to 3" (a quantity field and
     * {@code lineUpdate}, or -/+ steppers {@code lineIncrease}/{@code lineDecrease} clicked until the line shows
     * it), "cart: remove 'Descaling Kit'", "cart: empty". Each waits for the cart count to follow. Needs
     * {@code cartLine}, {@code lineQuantity}, {@code cartCount}; {@code lineName} and {@code lineRemove} to remove.
     */
    public StorefrontJourney cart(Consumer<CartEdits> edits) {
        CartEdits cart = new CartEdits();
        edits.accept(cart);
        openCart();
        for (CartEdits.Edit edit : cart.edits()) {
            if (edit instanceof CartEdits.ChangeQuantity change) {
                verb("cart: change line " + change.line() + " to " + change.quantity(), s -> s.changeQuantity(change.line(), change.quantity()),
                        Hook.CART_LINE, Hook.LINE_QUANTITY, Hook.CART_COUNT);
            } else if (edit instanceof CartEdits.Remove remove) {
                verb("cart: remove '" + remove.product() + "'", s -> s.remove(remove.product()),
                        Hook.CART_LINE, Hook.LINE_NAME, Hook.LINE_QUANTITY, Hook.LINE_REMOVE, Hook.CART_COUNT);
            } else {
                verb("cart: empty", Shopper::empty, Hook.CART_LINE, Hook.LINE_QUANTITY, Hook.LINE_REMOVE, Hook.CART_COUNT);
            }
        }
        return this;
    }

    /** Opens the cart page ({@code urls.cart}) and waits for its lines or {@code cartEmpty}. Needs {@code cartLine}. Step "open the cart". */
    public StorefrontJourney openCart() {
        return verb("open the cart", Shopper::openCart, Hook.CART_LINE);
    }

    /** Opens the cart and removes every line. */
    public StorefrontJourney emptyCart() {
        return cart(CartEdits::empty);
    }

    /**
     * Checks out in parts, each a step, each used when the profile has its hooks:
     * <ol>
     * <li>"checkout: contact and shipping": opens the cart, clicks {@code checkoutButton}, fills the fields the
     * profile has ({@code email}, {@code firstName}, {@code lastName}, {@code phone}, {@code street},
     * {@code postalCode}, {@code city}), chooses {@code country}, {@code province}, {@code shippingMethod}, and clicks
     * {@code continueToOverview} or {@code continueToPayment} if there is one. A field that drops what is typed is FAILED.</li>
     * <li>"checkout: overview" (with {@code subtotal} and {@code total}): item total + {@code shippingTotal} + {@code tax}
     * = total, and the item total is what the cart's lines ({@code linePrice} x quantity) added up to.</li>
     * <li>"checkout: payment method 'Cash on delivery'" (with {@code paymentMethod}).</li>
     * <li>"checkout: payment step reachable" (a card field and an enabled {@code placeOrder}) or, without a card,
     * "checkout: place order reachable". Here it stops unless {@link Checkout#placeOrder()}: then "place order"
     * (through {@code StepContext.placeOrder}, refused on production sites) and "order confirmation" ({@code orderNumber}).</li>
     * </ol>
     * What the spec lacks for the profile (an e-mail, phone, province, shipping or payment method) makes the journey
     * BROKEN when it starts, before anything is typed.
     */
    public StorefrontJourney checkout(Consumer<Checkout> spec) {
        Checkout co = new Checkout();
        spec.accept(co);
        specProblems.addAll(co.problems(profile));
        verb("checkout: contact and shipping", s -> s.contactAndShipping(co), Hook.CART_LINE, Hook.CHECKOUT_BUTTON);
        if (profile.has(Hook.TOTAL) || profile.has(Hook.SUBTOTAL)) {
            verb("checkout: overview", s -> s.overview(co), Hook.SUBTOTAL, Hook.TOTAL);
        }
        if (profile.has(Hook.PAYMENT_METHOD) && co.paymentMethod() != null) {
            verb("checkout: payment method '" + co.paymentMethod() + "'", s -> s.paymentMethod(co.paymentMethod()), Hook.PAYMENT_METHOD);
        }
        boolean card = profile.has(Hook.CARD_NUMBER) && co.paymentMethod() == null;
        verb(card ? "checkout: payment step reachable" : "checkout: place order reachable", s -> s.placeOrderReachable(co), Hook.PLACE_ORDER);
        if (co.placesOrder()) {
            verb("place order", s -> s.placeOrder(co), Hook.PLACE_ORDER);
            verb("order confirmation", Shopper::confirmation, Hook.ORDER_NUMBER);
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

    /**
     * Logs in on {@code urls.login}: types {@code user} into {@code loginUsername} (a shop that signs in by name)
     * or else {@code loginEmail}, the password into {@code loginPassword}, clicks {@code loginSubmit} and waits for
     * {@code accountGreeting}. Step "log in as shopper@example.test".
     */
    public StorefrontJourney login(String user, String password) {
        requireText(user, "login user");
        requireText(password, "login password");
        Hook name = profile.has(Hook.LOGIN_USERNAME) ? Hook.LOGIN_USERNAME : Hook.LOGIN_EMAIL;
        return verb("log in as " + user, s -> s.login(user, password), name, Hook.LOGIN_PASSWORD, Hook.LOGIN_SUBMIT, Hook.ACCOUNT_GREETING);
    }

    /** The cart count is {@code count}, waiting for it (a missing badge is 0 where the profile says so). Needs {@code cartCount}. Step "expect cart count 2". */
    public StorefrontJourney expectCartCount(int count) {
        return verb("expect cart count " + count, s -> s.expectCartCount(count), Hook.CART_COUNT);
    }

    /**
     * The cart page lists exactly these products, in any order (shops differ in whether the newest line is first).
     * Needs {@code cartLine}, {@code lineName}. Step "expect cart lines [A, B]".
     */
    public StorefrontJourney expectCartLines(String... products) {
        List<String> wanted = List.of(products);
        return verb("expect cart lines " + wanted, s -> s.expectCartLines(wanted, false), Hook.CART_LINE, Hook.LINE_NAME);
    }

    /** The cart page lists exactly these products in this order. Step "expect cart lines in order [A, B]". */
    public StorefrontJourney expectCartLinesInOrder(String... products) {
        List<String> wanted = List.of(products);
        return verb("expect cart lines in order " + wanted, s -> s.expectCartLines(wanted, true), Hook.CART_LINE, Hook.LINE_NAME);
    }

    /**
     * The cart line of the product opened last shows the price its product page showed: a changed price is FAILED,
     * naming both. Needs {@code cartLine}, {@code lineName}, {@code linePrice}. Step "expect cart prices as on the product page".
     */
    public StorefrontJourney expectLinePrices() {
        return verb("expect cart prices as on the product page", Shopper::expectLinePrices, Hook.CART_LINE, Hook.LINE_NAME, Hook.LINE_PRICE);
    }

    /** The cart page shows this grand total, as the shop writes it ("€1,268.90"). Needs {@code cartTotal}. */
    public StorefrontJourney expectCartTotal(String total) {
        requireText(total, "cart total");
        return verb("expect cart total " + total, s -> s.expectCartTotal(total), Hook.CART_TOTAL);
    }

    /** The product page shows this price. Needs {@code productPrice}. */
    public StorefrontJourney expectPrice(String price) {
        requireText(price, "price");
        return verb("expect price " + price, s -> s.expectPrice(price), Hook.PRODUCT_PRICE);
    }

    /** The product page's stock message is exactly {@code text} ("In stock"). Needs {@code stockStatus}. */
    public StorefrontJourney expectStock(String text) {
        requireText(text, "stock text");
        return verb("expect stock '" + text + "'", s -> s.expectStock(text), Hook.STOCK_STATUS);
    }

    /** The page shows {@code text} somewhere. Step "expect text 'Welcome back'". */
    public StorefrontJourney expectText(String text) {
        requireText(text, "expected text");
        return verb("expect text '" + text + "'", s -> s.expectText(text));
    }

    /**
     * Anything the verbs do not cover, with the page and the run's context. Fail it as a shop defect with
     * {@code ctx.fail("...")} (or an {@code ExpectationFailedException} or {@code AssertionError}): FAILED; any other
     * exception is the journey's own bug: BROKEN.
     */
    public StorefrontJourney step(String name, StepAction action) {
        steps.add(Step.of(name, action));
        return this;
    }

    /** A step of your own with the profile's hooks: {@code .step("badge", (ctx, hooks) -> ctx.page().find(hooks.locator(Hook.CART_COUNT)))}. */
    public StorefrontJourney step(String name, ShopStep action) {
        Objects.requireNonNull(action, "action");
        ShopHooks hooks = new ShopHooks(profile);
        steps.add(Step.of(name, ctx -> action.run(ctx, hooks)));
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

    /**
     * The journey, checked against its profile: a verb whose hook the profile lacks, or a checkout that lacks a value
     * the shop asks for, makes it start with a step "check the journey against profile 'x'" that is BROKEN at once
     * (never retried), listing every problem, before anything is typed on the shop.
     */
    public Journey build() {
        List<String> problems = problems();
        if (problems.isEmpty()) {
            return new Journey(name, feature, steps, profile.orderRequests());
        }
        String message = "the journey does not fit storefront profile '" + profile.name() + "':\n  - " + String.join("\n  - ", problems);
        List<Step> all = new ArrayList<>();
        all.add(Step.of("check the journey against profile '" + profile.name() + "'", ctx -> {
            throw new BrokenMonitorException(message);
        }));
        all.addAll(steps);
        return new Journey(name, feature, all, profile.orderRequests());
    }

    /** What does not fit the profile: missing hooks per step and missing checkout values; empty when the journey can run. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        needs.forEach((step, hooks) -> {
            for (Hook h : hooks) {
                if (!profile.has(h)) {
                    out.add("step '" + step + "' needs hooks." + h.key() + " (" + h.meaning() + ")");
                }
            }
        });
        out.addAll(specProblems);
        return List.copyOf(out);
    }

    private StorefrontJourney verb(String stepName, Consumer<Shopper> action, Hook... required) {
        steps.add(Step.of(stepName, ctx -> action.accept(new Shopper(profile, ctx))));
        if (required.length > 0) {
            needs.merge(stepName, List.of(required), (a, b) -> {
                List<Hook> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
            });
        }
        return this;
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
