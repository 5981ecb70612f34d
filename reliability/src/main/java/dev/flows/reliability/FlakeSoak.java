package dev.flows.reliability;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Durations;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.Storefront;
import dev.flows.examples.ShopJourneys;
import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every example journey, again and again on both sites and each engine, on a healthy shop made hard to watch:
 * every response 100 to 1000 ms late, and the buttons a shopper needs next inserted by script 1.5 s after the page.
 * Any FAILED or BROKEN verdict is a false failure (the shop works); FLAKY (passed on the retry) is counted too.
 */
final class FlakeSoak {

    private static final Duration LATE = Duration.ofMillis(1500);

    private final Path work;
    private final List<BrowserConfig.EngineType> engines;
    private final int rounds;
    private final Goals goals;

    FlakeSoak(Path work, List<BrowserConfig.EngineType> engines, int rounds, Goals goals) {
        this.work = work;
        this.engines = engines;
        this.rounds = rounds;
        this.goals = goals;
    }

    Map<String, Object> run() {
        System.out.println();
        System.out.println("== Flake soak: the example journeys x live and fallback x " + rounds + " rounds per engine, "
                + "responses 100-1000 ms late, add-to-cart and checkout buttons 1.5 s late");
        Map<String, Object> report = new LinkedHashMap<>();
        try (DemoStore live = DemoStore.builder().name("live").start();
             DemoStore fallback = DemoStore.builder().name("fallback").start()) {
            for (DemoStore store : List.of(live, fallback)) {
                store.faults().latency("*", Duration.ofMillis(100), Duration.ofMillis(900))
                        .lateElement("/product/*", "add-to-cart", LATE)
                        .lateElement("/cart", "checkout-button", LATE);
            }
            List<Site> sites = List.of(Site.builder("live").url(live.baseUrl()).production(true).build(),
                    Site.builder("fallback").url(fallback.baseUrl()).role("fallback").build());
            List<Journey> journeys = new ShopJourneys().journeys(Storefront.demoStore());
            for (BrowserConfig.EngineType engine : engines) {
                report.put(engine.id(), soak(engine, sites, journeys));
            }
        }
        return report;
    }

    private Map<String, Object> soak(BrowserConfig.EngineType engine, List<Site> sites, List<Journey> journeys) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        List<String> falseFailures = new ArrayList<>();
        List<String> flaky = new ArrayList<>();
        long start = System.nanoTime();
        try (Browser browser = Browser.launch(BrowserConfig.builder(engine).build())) {
            for (int round = 1; round <= rounds; round++) {
                RunResult result = Run.builder().browser(browser).sites(sites).journeys(journeys)
                        .parallelSites(2).retries(1)
                        .output(work.resolve(engine.id()).resolve("round-" + round))
                        .build().execute();
                for (JourneyResult r : result.results()) {
                    counts.merge(r.outcome(), 1, Integer::sum);
                    String what = "round " + round + ": " + r.journey() + " on " + r.site() + ": " + r.message();
                    if (r.outcome() == Outcome.FAILED || r.outcome() == Outcome.BROKEN) {
                        falseFailures.add(what);
                    } else if (r.outcome() == Outcome.FLAKY) {
                        flaky.add(what);
                    }
                }
                if (round % 10 == 0 || round == rounds) {
                    System.out.printf("  %-10s round %3d/%d: %s%n", engine.id(), round, rounds, counts);
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        int runs = counts.values().stream().mapToInt(Integer::intValue).sum();
        int perJourney = rounds * sites.size();
        System.out.printf("%-10s %5d journey runs (%d per journey) in %s: %s%n", engine.id(), runs, perJourney,
                Durations.say(took), counts);
        falseFailures.stream().limit(10).forEach(f -> System.out.println("    false failure: " + f));
        flaky.stream().limit(10).forEach(f -> System.out.println("    flaky: " + f));
        goals.check(engine.id() + ": zero false failures in the flake soak", falseFailures.isEmpty(),
                falseFailures.size() + " FAILED or BROKEN of " + runs + " runs (" + perJourney + " per journey), "
                        + flaky.size() + " FLAKY");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", runs);
        m.put("runsPerJourney", perJourney);
        m.put("tookMs", took.toMillis());
        m.put("outcomes", counts);
        m.put("falseFailures", falseFailures);
        m.put("flaky", flaky);
        return m;
    }
}
