package com.example.shop;

import dev.flows.dsl.Storefront;
import dev.flows.dsl.profile.StorefrontProfile;
import dev.flows.journey.Journey;
import dev.flows.testng.JourneyTests;

import java.nio.file.Path;
import java.util.List;

/** The same journeys as TestNG tests: one per journey, site and engine. */
public class ShopJourneyTests extends JourneyTests {

    @Override
    protected List<Journey> journeys() {
        return new ShopJourneys().journeys(Storefront.of(StorefrontProfile.load(Path.of("shop-profile.yaml"))));
    }
}
