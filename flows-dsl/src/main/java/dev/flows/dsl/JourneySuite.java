package dev.flows.dsl;

import dev.flows.journey.Journey;

import java.util.List;

/**
 * A shop's journeys, written against the storefront its profile describes. Name the class in {@code flows.yaml}
 * ({@code journeys: [com.example.shop.ShopJourneys]}) or register it in
 * {@code META-INF/services/dev.flows.dsl.JourneySuite}, and the {@code flows} command runs it with the profile
 * the config names. The class needs a public no-argument constructor; it depends on the DSL only, never on the
 * monitor, so the same journeys run from TestNG or a plain {@code Run} too.
 *
 * <pre>{@code
 * public final class ShopJourneys implements JourneySuite {
 *     public List<Journey> journeys(Storefront shop) {
 *         return List.of(shop.journey("add a grinder").landing().category("Grinders")
 *                 .product(Pick.firstInStock()).addToCart().expectCartCount(1).build());
 *     }
 * }
 * }</pre>
 */
public interface JourneySuite {

    /** The journeys, written against {@code shop} (the storefront of the configured profile). */
    List<Journey> journeys(Storefront shop);
}
