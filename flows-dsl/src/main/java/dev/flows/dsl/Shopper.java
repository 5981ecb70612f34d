package dev.flows.dsl;

import dev.flows.browser.BrowserException;
import dev.flows.browser.Condition;
import dev.flows.browser.Element;
import dev.flows.browser.ElementState;
import dev.flows.browser.Elements;
import dev.flows.browser.Locator;
import dev.flows.browser.NotAFieldException;
import dev.flows.browser.Page;
import dev.flows.browser.WaitTimeoutException;
import dev.flows.dsl.profile.Hook;
import dev.flows.dsl.profile.ShopPage;
import dev.flows.dsl.profile.StorefrontProfile;
import dev.flows.journey.BrokenMonitorException;
import dev.flows.journey.ExpectationFailedException;
import dev.flows.journey.StepContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a shopper does on a shop described by a profile: the storefront verbs, acted out on one step's page. */
final class Shopper {

    /** Memory keys shared by the verbs of one attempt. */
    static final String PRODUCT = "product";
    static final String PRICE = "price";
    static final String LISTING_PRICE = "listingPrice";
    static final String ORDER_NUMBER = "orderNumber";
    static final String CART_ITEM_TOTAL = "cartItemTotal";

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    /** How long a verb gives a page to settle before it calls what it sees a defect (a wrong product, a typed field). */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private final StorefrontProfile profile;
    private final StepContext ctx;
    private final Page page;

    Shopper(StorefrontProfile profile, StepContext ctx) {
        this.profile = profile;
        this.ctx = ctx;
        this.page = ctx.page();
    }

    // ---- landing, listing, product

    void landing() {
        page.open(url(ShopPage.LANDING));
    }

    void category(String name) {
        Locator link = hook(Hook.CATEGORY_LINK);
        profile.hookIfPresent(Hook.CATEGORY_MENU).ifPresent(menu -> {
            // Categories behind a menu: open it unless its links are already shown.
            if (!page.find(link.first()).isVisible()) {
                page.find(menu).click();
            }
        });
        page.findAll(link).shouldHaveSizeAtLeast(1);
        List<String> names = page.findAll(link).texts();
        int index = names.indexOf(name);
        if (index < 0) {
            throw new ExpectationFailedException("no category '" + name + "' among the " + names.size()
                    + " category links (" + link + "): " + names);
        }
        page.find(link.nth(index)).click();
        page.findAll(hook(Hook.PRODUCT_CARD)).shouldHaveSizeAtLeast(1);
    }

    void categoryAt(String path) {
        page.open(path);
        page.findAll(hook(Hook.PRODUCT_CARD)).shouldHaveSizeAtLeast(1);
    }

    void search(String query) {
        String template = profile.urlIfPresent(ShopPage.SEARCH).orElse(null);
        if (template != null) {
            page.open(template.replace("{query}", URLEncoder.encode(query, StandardCharsets.UTF_8)));
        } else {
            fill(Hook.SEARCH_INPUT, query);
            page.find(hook(Hook.SEARCH_SUBMIT)).click();
        }
        profile.hookIfPresent(Hook.SEARCH_RESULTS).ifPresent(results -> page.find(results).should(Condition.present()));
    }

    void sort(String option) {
        page.findAll(hook(Hook.PRODUCT_CARD)).shouldHaveSizeAtLeast(1);
        choose(Hook.SORT, hook(Hook.SORT), option);
        page.findAll(hook(Hook.PRODUCT_CARD)).shouldHaveSizeAtLeast(1);
    }

    void expectListingOrder(ListingOrder order) {
        Locator cards = hook(Hook.PRODUCT_CARD);
        boolean byPrice = order == ListingOrder.PRICE_ASCENDING || order == ListingOrder.PRICE_DESCENDING;
        Locator field = byPrice ? cards.find(hook(Hook.CARD_PRICE)) : cards.find(hook(Hook.PRODUCT_NAME));
        page.findAll(cards).shouldHaveSizeAtLeast(1);
        // A re-sorted listing may still be rendering: look again until the order holds or the wait is over.
        List<String> seen = waitFor(() -> {
            List<String> shown = page.findAll(field).texts();
            return sortedAs(shown, order) ? shown : null;
        });
        if (seen == null) {
            throw new ExpectationFailedException("expected the listing in order of " + order + ", but it shows "
                    + page.findAll(field).texts() + " (" + field + ")");
        }
    }

    private static boolean sortedAs(List<String> shown, ListingOrder order) {
        if (shown.isEmpty()) {
            return false;
        }
        Comparator<String> compare = switch (order) {
            case NAME_ASCENDING -> String.CASE_INSENSITIVE_ORDER;
            case NAME_DESCENDING -> String.CASE_INSENSITIVE_ORDER.reversed();
            case PRICE_ASCENDING -> Comparator.comparingLong(Prices::cents);
            case PRICE_DESCENDING -> Comparator.comparingLong(Prices::cents).reversed();
        };
        for (int i = 1; i < shown.size(); i++) {
            if (compare.compare(shown.get(i - 1), shown.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    void expectListedPrice(String product, String price) {
        Locator cards = hook(Hook.PRODUCT_CARD);
        Elements names = page.findAll(cards.find(hook(Hook.PRODUCT_NAME)));
        names.shouldHaveSizeAtLeast(1);
        int index = names.texts().indexOf(product);
        if (index < 0) {
            throw new ExpectationFailedException("no product '" + product + "' in the listing on " + page.url() + ": it shows " + names.texts());
        }
        String shown = read(page.find(cards.nth(index).find(hook(Hook.CARD_PRICE))), Hook.CARD_PRICE);
        if (Prices.cents(shown) != Prices.cents(price)) {
            throw new ExpectationFailedException("the listing shows '" + product + "' at " + shown + ", expected " + price);
        }
    }

    void expectProductCount(int exactly) {
        try {
            page.findAll(hook(Hook.PRODUCT_CARD)).shouldHaveSize(exactly);
        } catch (WaitTimeoutException e) {
            throw new ExpectationFailedException("expected exactly " + exactly + " products in the listing on " + page.url()
                    + ", found " + page.findAll(hook(Hook.PRODUCT_CARD)).count());
        }
    }

    void expectProducts(int atLeast) {
        page.findAll(hook(Hook.PRODUCT_CARD)).shouldHaveSizeAtLeast(atLeast);
    }

    void product(Pick pick) {
        Locator name = hook(Hook.PRODUCT_NAME);
        Locator card;
        int index;
        if (pick instanceof Pick.Named named) {
            card = hook(Hook.PRODUCT_CARD);
            Elements names = page.findAll(card.find(name));
            names.shouldHaveSizeAtLeast(1);
            index = names.texts().indexOf(named.name());
            if (index < 0) {
                throw new ExpectationFailedException("no product '" + named.name() + "' on " + page.url() + ": the listing shows "
                        + names.texts());
            }
        } else {
            card = hook(Hook.IN_STOCK_CARD);
            Elements cards = page.findAll(card);
            cards.shouldHaveSizeAtLeast(1);
            index = pick instanceof Pick.RandomInStock random ? new Random(random.seed()).nextInt(cards.count()) : 0;
        }
        Locator picked = card.nth(index);
        String wanted = page.find(picked.find(name)).text();
        String listed = profile.hookIfPresent(Hook.CARD_PRICE)
                .map(price -> read(page.find(picked.find(price)), Hook.CARD_PRICE)).orElse(null);
        page.find(picked.find(name)).click();
        Element title = page.find(hook(Hook.PRODUCT_TITLE));
        try {
            title.should(Condition.exactText(wanted), SETTLE);
        } catch (WaitTimeoutException e) {
            String opened = title.text();
            if (!opened.equals(wanted)) {
                throw new ExpectationFailedException("the listing's link to '" + wanted + "' opened '" + opened
                        + "' instead (" + page.url() + ")");
            }
        }
        // The title shows what the listing named: no second look to read it.
        readProduct(wanted, listed);
    }

    void productAt(String path) {
        page.open(path);
        readProduct(page.find(hook(Hook.PRODUCT_TITLE)).text(), null);
    }

    /** Remembers the product on the page, records its price, and compares it with the price its listing showed. */
    private void readProduct(String title, String listedPrice) {
        ctx.remember(PRODUCT, title);
        profile.hookIfPresent(Hook.PRODUCT_PRICE).ifPresent(price -> {
            String shown = read(page.find(price), Hook.PRODUCT_PRICE);
            ctx.remember(PRICE, shown);
            ctx.recordPrice(title, shown);
            // With variants the page shows the chosen variant's price, which a listing need not show.
            boolean variants = profile.hookIfPresent(Hook.VARIANT).map(v -> page.find(v.first()).exists()).orElse(false);
            if (listedPrice != null && !variants && Prices.cents(listedPrice) != Prices.cents(shown)) {
                throw new ExpectationFailedException("the price of '" + title + "' changed between the listing and the product page: listing "
                        + listedPrice + ", product page " + shown);
            }
        });
    }

    // ---- cart

    void addToCart(int quantity, String variant) {
        Locator button = hook(Hook.ADD_TO_CART);
        // The page is ready once its button shows; only then does a missing badge mean an empty cart.
        page.find(button).should(Condition.visible());
        int before = count();
        if (variant != null) {
            choose(Hook.VARIANT, hook(Hook.VARIANT), variant);
            profile.hookIfPresent(Hook.PRODUCT_PRICE).ifPresent(price -> ctx.remember(PRICE, read(page.find(price), Hook.PRODUCT_PRICE)));
        }
        if (quantity != 1) {
            fill(Hook.QUANTITY, String.valueOf(quantity));
        }
        page.find(button).click();
        int expected = before + quantity;
        if (!countBecomes(expected)) {
            int now = count();
            String product = ctx.recall(PRODUCT, String.class).map(p -> " × '" + p + "'").orElse("");
            throw new ExpectationFailedException(now == before
                    ? "adding " + quantity + product + " to the cart did nothing: the cart count stayed at " + before + " (" + hook(Hook.CART_COUNT) + ")"
                    : "after adding " + quantity + product + " the cart count is " + now + ", expected " + expected);
        }
    }

    void openCart() {
        page.open(url(ShopPage.CART));
        waitForCart();
    }

    /** Waits until the cart shows lines or its empty state. */
    private void waitForCart() {
        Locator lines = hook(Hook.CART_LINE);
        Locator empty = profile.hookIfPresent(Hook.CART_EMPTY).orElse(null);
        Boolean shown = waitFor(() -> page.findAll(lines).count() > 0 || empty != null && page.find(empty).exists() ? Boolean.TRUE : null);
        if (shown == null) {
            page.findAll(lines).shouldHaveSizeAtLeast(1);
        }
        if (!profile.absentCountIsZero()) {
            page.find(hook(Hook.CART_COUNT)).should(Condition.present());
        }
    }

    void changeQuantity(int line, int quantity) {
        Locator lines = hook(Hook.CART_LINE);
        int size = page.findAll(lines).shouldHaveSizeAtLeast(1).count();
        if (line > size) {
            throw new ExpectationFailedException("the cart has no line " + line + ": it has " + size + (size == 1 ? " line" : " lines"));
        }
        int before = count();
        Locator row = lines.nth(line - 1);
        Locator quantityHook = row.find(hook(Hook.LINE_QUANTITY));
        Element field = page.find(quantityHook);
        int old = quantityIn(field);
        boolean isField = isTextField(field.tagName());
        if (isField && profile.has(Hook.LINE_UPDATE)) {
            fill(Hook.LINE_QUANTITY, quantityHook, String.valueOf(quantity));
            page.find(row.find(hook(Hook.LINE_UPDATE))).click();
        } else if (profile.has(Hook.LINE_INCREASE) || profile.has(Hook.LINE_DECREASE)) {
            Hook stepper = quantity > old ? Hook.LINE_INCREASE : Hook.LINE_DECREASE;
            Locator button = row.find(hook(stepper));
            for (int now = old; now != quantity; now += quantity > old ? 1 : -1) {
                int next = now + (quantity > old ? 1 : -1);
                page.find(button).click();
                page.find(quantityHook).should(quantityIs(next));
            }
        } else if (isField) {
            fill(Hook.LINE_QUANTITY, quantityHook, String.valueOf(quantity));
        } else {
            throw new BrokenMonitorException("storefront profile '" + profile.name() + "': the cart line quantity (hooks.lineQuantity, "
                    + hook(Hook.LINE_QUANTITY) + ") is a <" + field.tagName() + ">, not a field, and the profile has no steppers:"
                    + " add hooks.lineIncrease and hooks.lineDecrease");
        }
        expectCountSoon(before - old + quantity);
    }

    void remove(String product) {
        Locator lines = hook(Hook.CART_LINE);
        Elements names = page.findAll(lines.find(hook(Hook.LINE_NAME)));
        names.shouldHaveSizeAtLeast(1);
        List<String> shown = names.texts();
        int index = shown.indexOf(product);
        if (index < 0) {
            throw new ExpectationFailedException("the cart has no line '" + product + "': its lines are " + shown);
        }
        removeLine(index);
    }

    void empty() {
        Locator lines = hook(Hook.CART_LINE);
        for (int guard = 0; guard < 100 && page.findAll(lines).count() > 0; guard++) {
            removeLine(0);
        }
        profile.hookIfPresent(Hook.CART_EMPTY).ifPresent(empty -> page.find(empty).should(Condition.visible()));
        expectCountSoon(0);
    }

    private void removeLine(int index) {
        Locator lines = hook(Hook.CART_LINE);
        int before = count();
        int linesBefore = page.findAll(lines).count();
        int quantity = quantityIn(page.find(lines.nth(index).find(hook(Hook.LINE_QUANTITY))));
        page.find(lines.nth(index).find(hook(Hook.LINE_REMOVE))).click();
        page.findAll(lines).shouldHaveSize(linesBefore - 1);
        expectCountSoon(before - quantity);
    }

    void expectCartCount(int count) {
        expectCountSoon(count);
    }

    void expectCartLines(List<String> products, boolean inOrder) {
        Elements names = page.findAll(hook(Hook.CART_LINE).find(hook(Hook.LINE_NAME)));
        List<String> shown = waitFor(() -> {
            List<String> now = names.texts();
            return matches(now, products, inOrder) ? now : null;
        });
        if (shown == null) {
            throw new ExpectationFailedException("expected cart lines " + products + (inOrder ? " in this order" : " (in any order)")
                    + " but the cart shows " + names.texts());
        }
    }

    private static boolean matches(List<String> shown, List<String> wanted, boolean inOrder) {
        if (inOrder) {
            return shown.equals(wanted);
        }
        List<String> a = new ArrayList<>(shown);
        List<String> b = new ArrayList<>(wanted);
        a.sort(null);
        b.sort(null);
        return a.equals(b);
    }

    void expectCartTotal(String total) {
        page.find(hook(Hook.CART_TOTAL)).should(Condition.exactText(total));
    }

    /** Each cart line's unit price is the price the product page showed when it was added (where it remembered one). */
    void expectLinePrices() {
        Locator lines = hook(Hook.CART_LINE);
        page.findAll(lines).shouldHaveSizeAtLeast(1);
        List<String> names = page.findAll(lines.find(hook(Hook.LINE_NAME))).texts();
        List<String> prices = page.findAll(lines.find(hook(Hook.LINE_PRICE))).texts();
        String product = ctx.recall(PRODUCT, String.class).orElse(null);
        String price = ctx.recall(PRICE, String.class).orElse(null);
        int at = product == null ? -1 : names.indexOf(product);
        if (at >= 0 && at < prices.size() && Prices.cents(prices.get(at)) != Prices.cents(price)) {
            throw new ExpectationFailedException("the price of '" + product + "' changed between the product page and the cart: product page "
                    + price + ", cart " + prices.get(at));
        }
    }

    // ---- checkout

    void contactAndShipping(Checkout co) {
        page.open(url(ShopPage.CART));
        waitForCart();
        rememberCartItemTotal();
        page.find(hook(Hook.CHECKOUT_BUTTON)).click();
        Address a = co.address();
        if (co.email() != null && profile.has(Hook.EMAIL)) {
            fill(Hook.EMAIL, co.email());
        }
        fillIfHooked(Hook.FIRST_NAME, a.firstName());
        fillIfHooked(Hook.LAST_NAME, a.lastName());
        if (profile.has(Hook.PHONE)) {
            fill(Hook.PHONE, co.phone());
        }
        fillIfHooked(Hook.STREET, a.street());
        fillIfHooked(Hook.POSTAL_CODE, a.postalCode());
        fillIfHooked(Hook.CITY, a.city());
        if (profile.has(Hook.COUNTRY)) {
            choose(Hook.COUNTRY, hook(Hook.COUNTRY), a.country());
        }
        if (profile.has(Hook.PROVINCE)) {
            choose(Hook.PROVINCE, hook(Hook.PROVINCE), co.province());
        }
        if (profile.has(Hook.SHIPPING_METHOD)) {
            choose(Hook.SHIPPING_METHOD, hook(Hook.SHIPPING_METHOD), co.shippingMethod());
        }
        if (profile.has(Hook.CONTINUE_TO_OVERVIEW)) {
            page.find(hook(Hook.CONTINUE_TO_OVERVIEW)).click();
        } else if (profile.has(Hook.CONTINUE_TO_PAYMENT)) {
            page.find(hook(Hook.CONTINUE_TO_PAYMENT)).click();
        }
    }

    private void fillIfHooked(Hook hook, String text) {
        if (profile.has(hook)) {
            fill(hook, text);
        }
    }

    /** The cart's item total from its lines (unit price x quantity), for the overview to agree with. */
    private void rememberCartItemTotal() {
        if (!profile.has(Hook.LINE_PRICE)) {
            return;
        }
        Locator lines = hook(Hook.CART_LINE);
        int n = page.findAll(lines).count();
        long total = 0;
        for (int i = 0; i < n; i++) {
            long unit = Prices.cents(read(page.find(lines.nth(i).find(hook(Hook.LINE_PRICE))), Hook.LINE_PRICE));
            total += unit * quantityIn(page.find(lines.nth(i).find(hook(Hook.LINE_QUANTITY))));
        }
        ctx.remember(CART_ITEM_TOTAL, total);
    }

    /** The overview's item total, tax, shipping and total add up, and the item total is what the cart held. */
    void overview(Checkout co) {
        String subtotalText = read(page.find(hook(Hook.SUBTOTAL)).should(Condition.visible()), Hook.SUBTOTAL);
        long subtotal = Prices.cents(subtotalText);
        long tax = profile.has(Hook.TAX) ? Prices.cents(read(page.find(hook(Hook.TAX)), Hook.TAX)) : 0;
        long shipping = profile.has(Hook.SHIPPING_TOTAL) ? Prices.cents(read(page.find(hook(Hook.SHIPPING_TOTAL)), Hook.SHIPPING_TOTAL)) : 0;
        String totalText = read(page.find(hook(Hook.TOTAL)), Hook.TOTAL);
        long total = Prices.cents(totalText);
        Long cart = ctx.recall(CART_ITEM_TOTAL, Long.class).orElse(null);
        if (cart != null && cart != subtotal) {
            throw new ExpectationFailedException("the overview's item total " + subtotalText + " differs from the cart's lines, which add up to "
                    + money(cart));
        }
        if (subtotal + tax + shipping != total) {
            throw new ExpectationFailedException("the overview does not add up: item total " + subtotalText
                    + (profile.has(Hook.SHIPPING_TOTAL) ? " + shipping " + money(shipping) : "")
                    + (profile.has(Hook.TAX) ? " + tax " + money(tax) : "") + " = " + money(subtotal + tax + shipping) + ", but the total shows " + totalText);
        }
        if (co.expectedTotal() != null && Prices.cents(co.expectedTotal()) != total) {
            throw new ExpectationFailedException("expected the order total " + co.expectedTotal() + ", the overview shows " + totalText);
        }
    }

    void paymentMethod(String method) {
        choose(Hook.PAYMENT_METHOD, hook(Hook.PAYMENT_METHOD), method);
    }

    /** Proves the order can be placed, up to the last click: the card field (when paying by card) and an enabled button. */
    void placeOrderReachable(Checkout co) {
        if (profile.has(Hook.CARD_NUMBER) && co.paymentMethod() == null) {
            page.find(hook(Hook.CARD_NUMBER)).should(Condition.visible(), Condition.enabled());
        }
        page.find(hook(Hook.PLACE_ORDER)).should(Condition.visible(), Condition.enabled());
    }

    void placeOrder(Checkout co) {
        Locator button = hook(Hook.PLACE_ORDER);
        // The guard comes first: on a refused site not even the card number is typed.
        ctx.placeOrder(() -> {
            if (co.cardNumber() != null && profile.has(Hook.CARD_NUMBER) && page.find(hook(Hook.CARD_NUMBER)).isVisible()) {
                fill(Hook.CARD_NUMBER, co.cardNumber());
            }
            page.find(button).click();
        });
    }

    void confirmation() {
        String number = page.find(hook(Hook.ORDER_NUMBER)).text();
        if (number.isBlank()) {
            throw new ExpectationFailedException("the confirmation shows an empty order number");
        }
        ctx.remember(ORDER_NUMBER, number);
    }

    // ---- account

    void login(String user, String password) {
        page.open(url(ShopPage.LOGIN));
        fill(profile.has(Hook.LOGIN_USERNAME) ? Hook.LOGIN_USERNAME : Hook.LOGIN_EMAIL, user);
        fill(Hook.LOGIN_PASSWORD, password);
        page.find(hook(Hook.LOGIN_SUBMIT)).click();
        page.find(hook(Hook.ACCOUNT_GREETING)).should(Condition.visible());
    }

    // ---- checks

    void expectPrice(String price) {
        page.find(hook(Hook.PRODUCT_PRICE)).should(Condition.exactText(price));
    }

    void expectStock(String text) {
        page.find(hook(Hook.STOCK_STATUS)).should(Condition.exactText(text));
    }

    void expectText(String text) {
        page.find(Locator.css("body")).should(Condition.text(text));
    }

    // ---- controls

    /**
     * Types into a field and proves the field kept it: a field that drops what is typed is a shop defect (FAILED);
     * a hook that is not a field at all is a profile mistake (BROKEN).
     */
    private void fill(Hook hook, String text) {
        fill(hook, hook(hook), text);
    }

    private void fill(Hook hook, Locator where, String text) {
        Element field = page.find(where);
        try {
            // The fill's own look tells a field from an element that is none: no separate look at the tag.
            field.fill(text);
        } catch (NotAFieldException e) {
            throw wrongKind(hook, where, e.tag(), "a text field (<input> or <textarea>)");
        }
        try {
            field.should(Condition.value(text), SETTLE);
        } catch (WaitTimeoutException e) {
            String kept = field.value();
            throw new ExpectationFailedException("the field " + hook.key() + " (" + where + ") dropped what was typed: typed '" + text
                    + "', it shows '" + (kept == null ? "" : kept) + "'");
        }
    }

    private static boolean isTextField(String tag) {
        return tag.equals("input") || tag.equals("textarea");
    }

    /**
     * Chooses {@code option} in whatever control the hook is: a {@code <select>}, a custom listbox (a combobox that
     * opens {@code role=option} items), or a group of buttons, swatches, radios or links (the hook being the group or
     * its items), matched by text, {@code aria-label}, {@code title}, {@code value} or {@code data-value}.
     */
    private void choose(Hook hook, Locator where, String option) {
        Element control = page.find(where.first());
        String tag = control.tagName();
        if (tag.equals("select")) {
            try {
                page.find(where).select(option);
            } catch (BrowserException e) {
                if (String.valueOf(e.getMessage()).contains("no option")) {
                    throw new ExpectationFailedException(e.getMessage());
                }
                throw e;
            }
            return;
        }
        if (tag.equals("input") && !"radio".equals(control.attribute("type")) && !"checkbox".equals(control.attribute("type"))
                || tag.equals("textarea")) {
            throw wrongKind(hook, where, tag, "a choice (a <select>, a listbox, or buttons, swatches or radios)");
        }
        String role = control.attribute("role");
        if ("combobox".equals(role) || "listbox".equals(control.attribute("aria-haspopup"))) {
            control.click();
            Locator item = Locator.xpath("//*[@role='option'][" + matchesOption(option) + "]");
            page.find(item.first()).should(Condition.visible());
            page.find(item.first()).click();
            page.find(where.first()).should(Condition.text(option));
            return;
        }
        Locator choice = where.find(Locator.xpath("descendant-or-self::*[self::button or self::a or self::label or self::option or @role='radio'"
                + " or @role='option' or @role='button' or (self::input and (@type='radio' or @type='checkbox'))][" + matchesOption(option) + "]"));
        Elements found = page.findAll(choice);
        if (found.count() == 0) {
            List<String> offered = page.findAll(where.find(Locator.xpath(
                    "descendant-or-self::*[self::button or self::label or @role='radio' or @role='option']"))).texts();
            throw new ExpectationFailedException("no choice '" + option + "' in " + hook.key() + " (" + where + "): it offers " + offered);
        }
        page.find(choice.first()).click();
    }

    private static String matchesOption(String option) {
        String literal = xpathLiteral(option);
        return "normalize-space(.)=" + literal + " or @aria-label=" + literal + " or @title=" + literal + " or @value=" + literal
                + " or @data-value=" + literal + " or starts-with(normalize-space(.), " + xpathLiteral(option + " ") + ")";
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "',\"'\",'") + "')";
    }

    private BrokenMonitorException wrongKind(Hook hook, Locator where, String tag, String wanted) {
        return new BrokenMonitorException("storefront profile '" + profile.name() + "': hooks." + hook.key() + " (" + where
                + ") is bound to a <" + tag + ">, but " + hook.meaning() + " must be " + wanted + ": fix hooks." + hook.key());
    }

    // ---- reading

    /** A hook's text, or the attribute the profile reads it from. */
    private String read(Element element, Hook hook) {
        String attribute = profile.readsAttribute(hook).orElse(null);
        if (attribute == null) {
            return element.text();
        }
        String value = element.attribute(attribute);
        return value == null ? "" : value;
    }

    private String read(ElementState state, Hook hook) {
        String attribute = profile.readsAttribute(hook).orElse(null);
        return attribute == null ? state.text() : state.attributes().getOrDefault(attribute, "");
    }

    /** A quantity shown in a field (its value) or as text. */
    private int quantityIn(Element element) {
        String value = element.value();
        String shown = value != null ? value : element.text();
        return number(shown, element.locator());
    }

    private Condition quantityIs(int quantity) {
        return Condition.of("show quantity " + quantity, e -> e != null && String.valueOf(quantity).equals(
                        (e.value() != null ? e.value() : e.text()).strip()),
                e -> e == null ? "no element" : "quantity '" + (e.value() != null ? e.value() : e.text()) + "'");
    }

    /** The cart count now; a missing badge is 0 where the profile says the shop leaves it out. */
    private int count() {
        Locator where = hook(Hook.CART_COUNT);
        if (profile.absentCountIsZero() && !page.find(where).exists()) {
            return 0;
        }
        return countIn(read(page.find(where), Hook.CART_COUNT), where);
    }

    private Condition countIs(int n) {
        return Condition.of("show a cart count of " + n, e -> e == null ? n == 0 && profile.absentCountIsZero()
                        : countOrMinus(read(e, Hook.CART_COUNT)) == n,
                e -> e == null ? "no element" : "'" + read(e, Hook.CART_COUNT) + "'");
    }

    private boolean countBecomes(int n) {
        try {
            page.find(hook(Hook.CART_COUNT)).should(countIs(n));
            return true;
        } catch (WaitTimeoutException e) {
            return false;
        }
    }

    private void expectCountSoon(int n) {
        page.find(hook(Hook.CART_COUNT)).should(countIs(n));
    }

    private static int countOrMinus(String text) {
        Matcher m = INTEGER.matcher(text);
        return m.find() ? Integer.parseInt(m.group()) : -1;
    }

    private static int countIn(String text, Locator where) {
        int n = countOrMinus(text);
        if (n < 0) {
            throw new ExpectationFailedException("expected a number in " + where + " but found '" + text + "'");
        }
        return n;
    }

    private static int number(String text, Locator where) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ExpectationFailedException("expected a number in " + where + " but found '" + text + "'");
        }
    }

    private static String money(long cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, Math.abs(cents % 100));
    }

    /**
     * Looks again until {@code look} gives a value, up to the page's wait timeout. For conditions over many elements
     * (an order, a set of lines) that the browser port's single-element conditions cannot state.
     */
    private <T> T waitFor(Supplier<T> look) {
        long deadline = System.nanoTime() + page.timeouts().waitFor().toNanos();
        long pause = 50;
        while (true) {
            T value = look.get();
            if (value != null || System.nanoTime() >= deadline) {
                return value;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            pause = Math.min(pause * 2, 250);
        }
    }

    private String url(ShopPage shopPage) {
        return profile.urlIfPresent(shopPage).orElseThrow(() -> new BrokenMonitorException("storefront profile '"
                + profile.name() + "' has no urls." + shopPage.key() + ": add it to the profile, or leave this step out"));
    }

    private Locator hook(Hook hook) {
        return profile.hookIfPresent(hook).orElseThrow(() -> ShopHooks.missing(profile, hook));
    }
}
