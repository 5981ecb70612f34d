package dev.flows.dsl;

import dev.flows.dsl.profile.Hook;
import dev.flows.dsl.profile.StorefrontProfile;
import dev.flows.journey.Journey;

import java.util.ArrayList;
import java.util.List;

/**
 * The journeys every storefront has, built from nothing but its profile: what a shop gets when its
 * {@code flows.yaml} names a profile and no journeys. Each journey is left out when the profile lacks the hook it
 * starts from, so a shop without categories or without a checkout still gets the rest.
 *
 * <ul>
 *   <li>"browse to a product": landing, then the first product in stock that the landing page lists
 *       ({@code inStockCard}): a shop's landing page shows products, its navigation varies too much to guess;</li>
 *   <li>"add to cart": the same, then add one to the cart and see the cart count say 1 ({@code addToCart});</li>
 *   <li>"checkout up to payment": the same, then check out as a guest up to the payment step, which is never
 *       submitted ({@code checkoutButton}).</li>
 * </ul>
 *
 * <pre>{@code
 * List<Journey> journeys = new StandardJourneys().journeys(Storefront.of(StorefrontProfile.load(Path.of("shop.yaml"))));
 * }</pre>
 */
public final class StandardJourneys implements JourneySuite {

    /** The guest e-mail of the checkout journey: a reserved domain, so no real mail is ever sent. */
    public static final String GUEST_EMAIL = "flows-monitor@example.test";

    @Override
    public List<Journey> journeys(Storefront shop) {
        StorefrontProfile profile = shop.profile();
        List<Journey> journeys = new ArrayList<>();
        if (!profile.has(Hook.IN_STOCK_CARD)) {
            return journeys;
        }
        journeys.add(toProduct(shop, "browse to a product").feature("browse").build());
        if (profile.has(Hook.ADD_TO_CART)) {
            journeys.add(toProduct(shop, "add to cart").feature("cart").addToCart().expectCartCount(1).build());
            if (profile.has(Hook.CHECKOUT_BUTTON)) {
                journeys.add(toProduct(shop, "checkout up to payment").feature("checkout").addToCart()
                        .checkout(co -> co.guest(GUEST_EMAIL).shipping(Address.TEST)).build());
            }
        }
        return journeys;
    }

    private static StorefrontJourney toProduct(Storefront shop, String name) {
        return shop.journey(name).landing().product(Pick.firstInStock());
    }

    @Override
    public String toString() {
        return "standard storefront journeys";
    }
}
