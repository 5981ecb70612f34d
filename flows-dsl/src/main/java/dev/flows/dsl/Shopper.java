package dev.flows.dsl;

import dev.flows.browser.Condition;
import dev.flows.browser.Element;
import dev.flows.browser.Elements;
import dev.flows.browser.Locator;
import dev.flows.browser.Page;
import dev.flows.dsl.profile.Hook;
import dev.flows.dsl.profile.ShopPage;
import dev.flows.dsl.profile.StorefrontProfile;
import dev.flows.journey.BrokenMonitorException;
import dev.flows.journey.ExpectationFailedException;
import dev.flows.journey.StepContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** What a shopper does on a shop described by a profile: the storefront verbs, acted out on one step's page. */
final class Shopper {

    /** Memory keys shared by the verbs of one attempt. */
    static final String PRODUCT = "product";
    static final String PRICE = "price";
    static final String ORDER_NUMBER = "orderNumber";

    private final StorefrontProfile profile;
    private final StepContext ctx;
    private final Page page;

    Shopper(StorefrontProfile profile, StepContext ctx) {
        this.profile = profile;
        this.ctx = ctx;
        this.page = ctx.page();
    }

    void landing() {
        page.open(url(ShopPage.LANDING));
    }

    void category(String name) {
        Locator link = hook(Hook.CATEGORY_LINK);
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
            page.find(hook(Hook.SEARCH_INPUT)).fill(query);
            page.find(hook(Hook.SEARCH_SUBMIT)).click();
        }
        profile.hookIfPresent(Hook.SEARCH_RESULTS).ifPresent(results -> page.find(results).should(Condition.present()));
    }

    void product(Pick pick) {
        Locator name = hook(Hook.PRODUCT_NAME);
        Locator card;
        if (pick instanceof Pick.Named named) {
            card = hook(Hook.PRODUCT_CARD);
            Elements names = page.findAll(card.find(name));
            names.shouldHaveSizeAtLeast(1);
            int index = names.texts().indexOf(named.name());
            if (index < 0) {
                throw new ExpectationFailedException("no product '" + named.name() + "' on " + page.url() + ": the listing shows "
                        + names.texts());
            }
            page.find(card.find(name).nth(index)).click();
        } else {
            card = hook(Hook.IN_STOCK_CARD);
            Elements cards = page.findAll(card);
            cards.shouldHaveSizeAtLeast(1);
            int index = pick instanceof Pick.RandomInStock random ? new Random(random.seed()).nextInt(cards.count()) : 0;
            page.find(card.nth(index).find(name)).click();
        }
        readProduct();
    }

    void productAt(String path) {
        page.open(path);
        readProduct();
    }

    /** Remembers the product on the page and records its price for the disparity report. */
    private void readProduct() {
        String title = page.find(hook(Hook.PRODUCT_TITLE)).text();
        ctx.remember(PRODUCT, title);
        profile.hookIfPresent(Hook.PRODUCT_PRICE).ifPresent(price -> {
            String shown = page.find(price).text();
            ctx.remember(PRICE, shown);
            ctx.recordPrice(title, shown);
        });
    }

    void addToCart(int quantity, String variant) {
        Locator count = hook(Hook.CART_COUNT);
        int before = number(page.find(count).text(), count);
        if (variant != null) {
            page.find(hook(Hook.VARIANT)).select(variant);
        }
        if (quantity != 1) {
            page.find(hook(Hook.QUANTITY)).fill(String.valueOf(quantity));
        }
        page.find(hook(Hook.ADD_TO_CART)).click();
        page.find(count).should(Condition.exactText(String.valueOf(before + quantity)));
    }

    void openCart() {
        page.open(url(ShopPage.CART));
        page.find(hook(Hook.CART_COUNT)).should(Condition.present());
    }

    void changeQuantity(int line, int quantity) {
        Locator lines = hook(Hook.CART_LINE);
        int size = page.findAll(lines).shouldHaveSizeAtLeast(1).count();
        if (line > size) {
            throw new ExpectationFailedException("the cart has no line " + line + ": it has " + size + (size == 1 ? " line" : " lines"));
        }
        Locator count = hook(Hook.CART_COUNT);
        int before = number(page.find(count).text(), count);
        Element field = page.find(lines.nth(line - 1).find(hook(Hook.LINE_QUANTITY)));
        int old = number(field.value(), hook(Hook.LINE_QUANTITY));
        field.fill(String.valueOf(quantity));
        page.find(lines.nth(line - 1).find(hook(Hook.LINE_UPDATE))).click();
        page.find(count).should(Condition.exactText(String.valueOf(before - old + quantity)));
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
        page.find(hook(Hook.CART_COUNT)).should(Condition.exactText("0"));
    }

    private void removeLine(int index) {
        Locator lines = hook(Hook.CART_LINE);
        Locator count = hook(Hook.CART_COUNT);
        int before = number(page.find(count).text(), count);
        int quantity = number(page.find(lines.nth(index).find(hook(Hook.LINE_QUANTITY))).value(), hook(Hook.LINE_QUANTITY));
        page.find(lines.nth(index).find(hook(Hook.LINE_REMOVE))).click();
        page.find(count).should(Condition.exactText(String.valueOf(before - quantity)));
    }

    void contactAndShipping(Checkout co) {
        page.open(url(ShopPage.CART));
        page.find(hook(Hook.CHECKOUT_BUTTON)).click();
        if (co.email() != null) {
            page.find(hook(Hook.EMAIL)).fill(co.email());
        }
        Address a = co.address();
        page.find(hook(Hook.FIRST_NAME)).fill(a.firstName());
        page.find(hook(Hook.LAST_NAME)).fill(a.lastName());
        page.find(hook(Hook.STREET)).fill(a.street());
        page.find(hook(Hook.POSTAL_CODE)).fill(a.postalCode());
        page.find(hook(Hook.CITY)).fill(a.city());
        page.find(hook(Hook.COUNTRY)).select(a.country());
        page.find(hook(Hook.CONTINUE_TO_PAYMENT)).click();
    }

    /** Proves the payment step works up to the last click: the card field and an enabled place-order button. */
    void paymentReachable() {
        page.find(hook(Hook.CARD_NUMBER)).should(Condition.visible(), Condition.enabled());
        page.find(hook(Hook.PLACE_ORDER)).should(Condition.visible(), Condition.enabled());
    }

    void placeOrder(String card) {
        Locator button = hook(Hook.PLACE_ORDER);
        Locator cardNumber = hook(Hook.CARD_NUMBER);
        // The guard comes first: on a refused site not even the card number is typed.
        ctx.placeOrder(() -> {
            page.find(cardNumber).fill(card);
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

    void login(String email, String password) {
        page.open(url(ShopPage.LOGIN));
        page.find(hook(Hook.LOGIN_EMAIL)).fill(email);
        page.find(hook(Hook.LOGIN_PASSWORD)).fill(password);
        page.find(hook(Hook.LOGIN_SUBMIT)).click();
        page.find(hook(Hook.ACCOUNT_GREETING)).should(Condition.visible());
    }

    void expectCartCount(int count) {
        page.find(hook(Hook.CART_COUNT)).should(Condition.exactText(String.valueOf(count)));
    }

    void expectCartLines(List<String> products) {
        Elements names = page.findAll(hook(Hook.CART_LINE).find(hook(Hook.LINE_NAME)));
        try {
            names.shouldHaveSize(products.size());
        } catch (RuntimeException e) {
            throw new ExpectationFailedException("expected cart lines " + products + " but the cart shows " + names.texts());
        }
        if (!names.texts().equals(products)) {
            throw new ExpectationFailedException("expected cart lines " + products + " but the cart shows " + names.texts());
        }
    }

    void expectCartTotal(String total) {
        page.find(hook(Hook.CART_TOTAL)).should(Condition.exactText(total));
    }

    void expectPrice(String price) {
        page.find(hook(Hook.PRODUCT_PRICE)).should(Condition.exactText(price));
    }

    void expectStock(String text) {
        page.find(hook(Hook.STOCK_STATUS)).should(Condition.exactText(text));
    }

    void expectProducts(int atLeast) {
        page.findAll(hook(Hook.PRODUCT_CARD)).shouldHaveSizeAtLeast(atLeast);
    }

    void expectText(String text) {
        page.find(Locator.css("body")).should(Condition.text(text));
    }

    private String url(ShopPage shopPage) {
        return profile.urlIfPresent(shopPage).orElseThrow(() -> new BrokenMonitorException("storefront profile '"
                + profile.name() + "' has no urls." + shopPage.key() + ": add it to the profile, or leave this step out"));
    }

    private Locator hook(Hook hook) {
        return profile.hookIfPresent(hook).orElseThrow(() -> new BrokenMonitorException("storefront profile '"
                + profile.name() + "' has no hook '" + hook.key() + "' (" + hook.meaning()
                + "): add hooks." + hook.key() + " to the profile, or leave this step out"));
    }

    private static int number(String text, Locator where) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ExpectationFailedException("expected a number in " + where + " but found '" + text + "'");
        }
    }
}
