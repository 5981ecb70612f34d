package dev.flows.examples;

import dev.flows.dsl.Storefront;
import dev.flows.journey.Journey;
import dev.flows.testng.JourneyTests;

import java.util.List;

/** The example journeys as TestNG tests: one per journey, site and engine of {@link DemoStoreSetup}. */
public class ShopJourneyTests extends JourneyTests {

    @Override
    protected List<Journey> journeys() {
        return new ShopJourneys().journeys(Storefront.demoStore());
    }
}
