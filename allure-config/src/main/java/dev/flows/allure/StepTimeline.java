package dev.flows.allure;

import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import dev.flows.run.RunListener;
import dev.flows.run.StepResult;
import dev.flows.site.Site;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each step of a run ended, on the wall clock: a {@link StepResult} knows only how long it took, and Allure
 * draws its timeline from start and stop instants.
 *
 * <pre>{@code
 * StepTimeline timeline = new StepTimeline();
 * RunResult result = Run.builder().listener(timeline)...build().execute();
 * Instant end = timeline.stopOf(result.results().get(0), 1, 3);   // attempt 1, step 3
 * }</pre>
 *
 * <p>Thread-safe: a run reports several sites at once.
 */
public final class StepTimeline implements RunListener {

    private final Clock clock;
    private final Map<String, Instant> stops = new ConcurrentHashMap<>();
    private final Map<String, Instant> starts = new ConcurrentHashMap<>();

    public StepTimeline() {
        this(Clock.systemUTC());
    }

    StepTimeline(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void journeyStarted(Journey journey, Site site, String engine) {
        starts.put(key(journey.name(), site.name(), engine), clock.instant());
    }

    @Override
    public void stepFinished(Journey journey, Site site, String engine, int attempt, StepResult step) {
        stops.put(key(journey.name(), site.name(), engine) + "|" + attempt + "|" + step.index(), clock.instant());
    }

    /** When the journey's first attempt began, or null when this timeline did not hear it. */
    public Instant startOf(JourneyResult result) {
        return starts.get(key(result.journey(), result.site(), result.engine()));
    }

    /** When step {@code index} of attempt {@code attempt} ended, or null when this timeline did not hear it. */
    public Instant stopOf(JourneyResult result, int attempt, int index) {
        return stops.get(key(result.journey(), result.site(), result.engine()) + "|" + attempt + "|" + index);
    }

    private static String key(String journey, String site, String engine) {
        return journey + "|" + site + "|" + engine;
    }
}
