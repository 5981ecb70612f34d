package dev.flows.dsl.profile;

import java.util.Arrays;
import java.util.Optional;

/** A page that verbs open by URL, named as in a profile's {@code urls:} map. */
public enum ShopPage {
    /** Where a shopper lands (default "/"). */
    LANDING("landing"),
    /** The cart page. */
    CART("cart"),
    /** Search results; the template must contain {@code {query}}. Without it, search types into the search field. */
    SEARCH("search"),
    /** The login page. */
    LOGIN("login");

    private final String key;

    ShopPage(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<ShopPage> ofKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
