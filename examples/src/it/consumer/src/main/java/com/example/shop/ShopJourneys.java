package com.example.shop;

import dev.flows.dsl.JourneySuite;
import dev.flows.dsl.Pick;
import dev.flows.dsl.Storefront;
import dev.flows.journey.Journey;

import java.util.List;

/** The shop's own journeys, named in flows.yaml; the storefront comes from shop-profile.yaml. */
public final class ShopJourneys implements JourneySuite {

    @Override
    public List<Journey> journeys(Storefront shop) {
        return List.of(
                shop.journey("add a machine to the cart").feature("cart")
                        .landing()
                        .category("Espresso Machines")
                        .product(Pick.named("Compact One"))
                        .addToCart(1)
                        .expectCartCount(1)
                        .build(),
                shop.journey("find a grinder").feature("browse")
                        .landing()
                        .search("grinder")
                        .expectProducts(3)
                        .build());
    }
}
