package dev.flows.testng;

import dev.flows.journey.Journey;
import dev.flows.site.Site;

import java.util.Objects;

/**
 * One TestNG test: a journey on a site with an engine. Its {@code toString()} is the test's name in TestNG's
 * reports: "guest checkout on live [playwright]".
 *
 * @param journey the journey
 * @param site    the site
 * @param engine  "playwright" or "selenium"
 */
public record JourneyCase(Journey journey, Site site, String engine) {

    public JourneyCase {
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(engine, "engine");
    }

    @Override
    public String toString() {
        return journey.name() + " on " + site.name() + " [" + engine + "]";
    }
}
