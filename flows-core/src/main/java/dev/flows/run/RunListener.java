package dev.flows.run;

import dev.flows.journey.Journey;
import dev.flows.site.Site;

/**
 * Hears what a run does, e.g. to write Allure steps or to switch a fault off between attempts. Every method has
 * an empty default. A listener that throws is logged and ignored: it never changes a verdict. Listeners are
 * called from the threads that run the sites, so one listener may hear several sites at once.
 */
public interface RunListener {

    /** A journey is about to start its first attempt on {@code site}. */
    default void journeyStarted(Journey journey, Site site, String engine) {
    }

    /** A step finished (passed or failed) in attempt {@code attempt}. */
    default void stepFinished(Journey journey, Site site, String engine, int attempt, StepResult step) {
    }

    /** An attempt failed and another one follows in a fresh page. */
    default void attemptFailed(Journey journey, Site site, String engine, Attempt attempt) {
    }

    /** The journey has its verdict. */
    default void journeyFinished(Journey journey, Site site, JourneyResult result) {
    }
}
