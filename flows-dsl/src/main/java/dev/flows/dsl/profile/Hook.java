package dev.flows.dsl.profile;

import java.util.Arrays;
import java.util.Optional;

/**
 * A place on a storefront that a verb needs, named as in a profile's {@code hooks:} map. A profile maps the hooks
 * its shop has; a verb that needs a missing hook makes its journey BROKEN with a message naming the hook.
 */
public enum Hook {
    CATEGORY_LINK("categoryLink", "a link to a category in the navigation (its text is the category's name)"),
    CATEGORY_MENU("categoryMenu", "a button that opens the menu holding the category links (when they are not always shown)"),
    SORT("sort", "the sort control of a listing: a select, a listbox or buttons"),
    CARD_PRICE("cardPrice", "the price inside a product card of a listing"),
    PRODUCT_CARD("productCard", "a product in a listing (category, landing, search)"),
    IN_STOCK_CARD("inStockCard", "a product card of a product in stock"),
    PRODUCT_NAME("productName", "the product's name link, inside a card"),
    PRODUCT_TITLE("productTitle", "the product's name on its own page"),
    PRODUCT_PRICE("productPrice", "the price on the product page"),
    STOCK_STATUS("stockStatus", "the stock message on the product page"),
    VARIANT("variant", "the variant choice on the product page: a select, a listbox, or swatch buttons (or their container)"),
    QUANTITY("quantity", "the quantity field on the product page"),
    ADD_TO_CART("addToCart", "the add-to-cart button"),
    CART_COUNT("cartCount", "the number of items in the cart, shown on every page"),
    CART_LINE("cartLine", "one line of the cart"),
    LINE_NAME("lineName", "the product name inside a cart line"),
    LINE_QUANTITY("lineQuantity", "the quantity inside a cart line: a field, or text beside -/+ steppers"),
    LINE_INCREASE("lineIncrease", "the + stepper inside a cart line"),
    LINE_DECREASE("lineDecrease", "the - stepper inside a cart line"),
    LINE_PRICE("linePrice", "the unit price inside a cart line"),
    LINE_UPDATE("lineUpdate", "the button that saves a changed quantity, inside a cart line"),
    LINE_REMOVE("lineRemove", "the remove button inside a cart line"),
    CART_TOTAL("cartTotal", "the cart's grand total"),
    CART_EMPTY("cartEmpty", "what an empty cart shows"),
    CHECKOUT_BUTTON("checkoutButton", "the button on the cart page that starts the checkout"),
    EMAIL("email", "checkout: contact e-mail"),
    FIRST_NAME("firstName", "checkout: first name"),
    LAST_NAME("lastName", "checkout: last name"),
    STREET("street", "checkout: street and number"),
    POSTAL_CODE("postalCode", "checkout: postal code"),
    CITY("city", "checkout: city"),
    COUNTRY("country", "checkout: country (a select or a listbox)"),
    PHONE("phone", "checkout: phone number"),
    PROVINCE("province", "checkout: province or state (a select or a listbox)"),
    SHIPPING_METHOD("shippingMethod", "checkout: the shipping-method choice (radios, buttons, a select or a listbox)"),
    CONTINUE_TO_PAYMENT("continueToPayment", "checkout: the button that leads to the payment step"),
    CONTINUE_TO_OVERVIEW("continueToOverview", "checkout: the button that leads from the contact form to the order overview"),
    SUBTOTAL("subtotal", "overview: the item total (before tax and shipping)"),
    SHIPPING_TOTAL("shippingTotal", "overview: the shipping cost"),
    TAX("tax", "overview: the tax"),
    TOTAL("total", "overview: the order total"),
    PAYMENT_METHOD("paymentMethod", "checkout: the payment-method choice (e.g. cash on delivery or card)"),
    CARD_NUMBER("cardNumber", "payment: the card number field"),
    PLACE_ORDER("placeOrder", "payment: the button that places the order"),
    ORDER_NUMBER("orderNumber", "confirmation: the order number"),
    SEARCH_INPUT("searchInput", "the search field"),
    SEARCH_SUBMIT("searchSubmit", "the search button"),
    SEARCH_RESULTS("searchResults", "the search results area (shown with or without hits)"),
    LOGIN_EMAIL("loginEmail", "login: e-mail field"),
    LOGIN_USERNAME("loginUsername", "login: username field (a shop that signs in by name, not e-mail)"),
    LOGIN_PASSWORD("loginPassword", "login: password field"),
    LOGIN_SUBMIT("loginSubmit", "login: sign-in button"),
    ACCOUNT_GREETING("accountGreeting", "what a signed-in shopper sees after logging in");

    private final String key;
    private final String meaning;

    Hook(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    /** The name in a profile's {@code hooks:} map: "addToCart". */
    public String key() {
        return key;
    }

    /** What the hook is, for documentation and error messages. */
    public String meaning() {
        return meaning;
    }

    public static Optional<Hook> ofKey(String key) {
        return Arrays.stream(values()).filter(h -> h.key.equals(key)).findFirst();
    }
}
