package dev.flows.run;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.journey.Journey;
import dev.flows.site.Site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lays a run out: every journey on every site with every engine, sites (with their engines) in parallel up to
 * {@code parallelSites}, the journeys of one site and engine one after another. Launches the engines the run owns
 * and closes them; a launch failure makes that engine's journeys BROKEN, not the run.
 */
final class Scheduler {

    private final String runId;
    private final List<Journey> journeys;
    private final List<Site> sites;
    private final List<Browser> browsers;
    private final List<BrowserConfig> engines;
    private final int parallelSites;
    private final AttemptSettings settings;
    private final Listeners listeners;
    private final java.util.Set<String> shardKeys;

    Scheduler(String runId, List<Journey> journeys, List<Site> sites, List<Browser> browsers, List<BrowserConfig> engines,
              int parallelSites, AttemptSettings settings, Listeners listeners, Shard shard) {
        this.runId = runId;
        this.journeys = List.copyOf(journeys);
        this.sites = List.copyOf(sites);
        this.browsers = List.copyOf(browsers);
        this.engines = List.copyOf(engines);
        this.parallelSites = parallelSites;
        this.settings = settings;
        this.listeners = listeners;
        List<String> engineIds = new ArrayList<>();
        browsers.forEach(browser -> engineIds.add(browser.engine()));
        engines.forEach(config -> engineIds.add(config.engine().id()));
        List<String> keys = new ArrayList<>();
        for (Journey journey : journeys) {
            for (Site site : sites) {
                for (String engine : engineIds) {
                    keys.add(Shard.key(journey.name(), site.name(), engine));
                }
            }
        }
        this.shardKeys = java.util.Set.copyOf(shard.pick(keys, key -> key));
    }

    /** A browser of the run, or the reason its engine could not start. */
    private record Engine(String id, Browser browser, RuntimeException launchFailure) {
    }

    /** The verdicts reached, in journey, site, engine order, and the journeys cut by the time limit. */
    record Scheduled(List<JourneyResult> results, List<String> notRun) {
    }

    /** Every result, in journey, site, engine order; with a time limit (or null), what was not reached by then. */
    Scheduled run(java.time.Duration timeLimit) {
        long start = System.nanoTime();
        java.util.Queue<JourneyResult> finished = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<Engine> launched = new ArrayList<>();
        browsers.forEach(b -> launched.add(new Engine(b.engine(), b, null)));
        ExecutorService siteThreads = Executors.newFixedThreadPool(parallelSites, daemonThreads("flows-site"));
        ExecutorService stepThreads = Executors.newCachedThreadPool(daemonThreads("flows-step"));
        List<Browser> owned = new ArrayList<>();
        try {
            for (BrowserConfig config : engines) {
                try {
                    Browser browser = Browser.launch(config);
                    owned.add(browser);
                    launched.add(new Engine(browser.engine(), browser, null));
                } catch (RuntimeException e) {
                    launched.add(new Engine(config.engine().id(), null, e));
                }
            }
            AttemptRunner attempts = new AttemptRunner(settings, listeners, stepThreads);
            List<Future<List<JourneyResult>>> futures = new ArrayList<>();
            for (Site site : sites) {
                for (Engine engine : launched) {
                    futures.add(siteThreads.submit(() -> runSite(site, engine, attempts, finished)));
                }
            }
            boolean cut = false;
            for (Future<List<JourneyResult>> f : futures) {
                try {
                    if (timeLimit == null) {
                        f.get();
                    } else {
                        f.get(Math.max(0, start + timeLimit.toNanos() - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    cut = true;
                    break;
                }
            }
            List<JourneyResult> results = new ArrayList<>(finished);
            List<String> notRun = new ArrayList<>();
            if (cut) {
                futures.forEach(f -> f.cancel(true));
                for (Journey j : journeys) {
                    for (Site site : sites) {
                        for (Engine engine : launched) {
                            ResultKey key = ResultKey.journey(j.name(), site.name(), engine.id());
                            if (shardKeys.contains(Shard.key(j.name(), site.name(), engine.id()))
                                    && results.stream().noneMatch(r -> r.key().equals(key))) {
                                notRun.add(key.toString());
                            }
                        }
                    }
                }
            }
            List<String> engineOrder = launched.stream().map(Engine::id).toList();
            results.sort(Comparator
                    .comparingInt((JourneyResult r) -> journeys.stream().map(Journey::name).toList().indexOf(r.key().name()))
                    .thenComparingInt(r -> sites.stream().map(Site::name).toList().indexOf(r.site()))
                    .thenComparingInt(r -> engineOrder.indexOf(r.engine())));
            return new Scheduled(results, notRun);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("run " + runId + " was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("run " + runId + " failed inside the runner: " + e.getCause(), e.getCause());
        } finally {
            siteThreads.shutdownNow();
            stepThreads.shutdownNow();
            owned.forEach(Browser::close);
        }
    }

    private List<JourneyResult> runSite(Site site, Engine engine, AttemptRunner attempts,
                                        java.util.Queue<JourneyResult> finished) {
        List<JourneyResult> results = new ArrayList<>();
        for (Journey journey : journeys) {
            if (!shardKeys.contains(Shard.key(journey.name(), site.name(), engine.id()))) {
                continue;   // another shard's
            }
            if (Thread.currentThread().isInterrupted()) {
                // The run's time limit was reached: the rest is reported as not run.
                break;
            }
            listeners.tell(l -> l.journeyStarted(journey, site, engine.id()));
            JourneyResult result = engine.browser() == null
                    ? AttemptRunner.launchFailed(journey, site, engine.id(), engine.launchFailure())
                    : attempts.run(journey, site, engine.browser());
            results.add(result);
            finished.add(result);
            listeners.tell(l -> l.journeyFinished(journey, site, result));
        }
        return results;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
