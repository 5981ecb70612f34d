package dev.flows.benchmarks;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scale: N journeys on each of 2 sites, one engine, the sites one after another ({@code parallelSites(1)}) and
 * at once ({@code parallelSites(2)}): wall time, journeys per minute and the peak RSS of the JVM plus every
 * browser process. The browser is launched before the clock starts.
 */
final class Scale {

    private Scale() {
    }

    static Map<String, Object> measure(List<BrowserConfig.EngineType> engines, List<Integer> sizes, List<URI> sites,
                                       Path work) {
        Map<String, Object> result = new LinkedHashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (BrowserConfig.EngineType engine : engines) {
            List<Map<String, Object>> entries = new ArrayList<>();
            try (Browser browser = Browser.launch(BrowserConfig.builder(engine).build())) {
                // One unmeasured journey, so class loading and the first page's caches are not in the figures.
                run(browser, 1, 1, sites, work);
                for (int n : sizes) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("journeysPerSite", n);
                    long sequentialMs = 0;
                    for (int parallel : List.of(1, 2)) {
                        Map<String, Object> m;
                        try (Rss rss = new Rss()) {
                            m = run(browser, n, parallel, sites, work);
                            m.put("peakRssMb", rss.peakMb());
                        }
                        m.put("loadAverage", Machine.loadAverage());
                        entry.put(parallel == 1 ? "sequential" : "parallel", m);
                        long wall = (Long) m.get("wallMs");
                        if (parallel == 1) {
                            sequentialMs = wall;
                        } else {
                            entry.put("throughputGain", Math.round(100.0 * sequentialMs / wall) / 100.0);
                        }
                        rows.add(Bench.row(engine.id(), n + " x 2", parallel == 1 ? "sequential" : "parallel", wall,
                                m.get("journeysPerMinute"), m.get("peakRssMb"), m.get("passed") + "/" + (2 * n),
                                parallel == 1 ? "" : String.format("%.2fx", 1.0 * sequentialMs / wall)));
                    }
                    entries.add(entry);
                }
            }
            result.put(engine.id(), entries);
        }
        System.out.println("\nScale: N journeys x 2 sites on one engine");
        Bench.table(List.of("engine", "journeys", "sites", "wall ms", "journeys/min", "peak RSS MB", "passed", "gain"), rows);
        return result;
    }

    private static Map<String, Object> run(Browser browser, int perSite, int parallel, List<URI> sites, Path work) {
        List<Journey> journeys = new ArrayList<>();
        for (int i = 0; i < perSite; i++) {
            journeys.add(FlowsVariant.journey("guest checkout " + (i + 1)));
        }
        Run.Builder b = Run.builder().browser(browser).parallelSites(parallel).output(work.resolve("flows-output"));
        for (int i = 0; i < sites.size(); i++) {
            b.site(Site.builder(i == 0 ? "live" : "fallback").url(sites.get(i).toString()).role(i == 0 ? "primary" : "fallback").build());
        }
        long start = System.nanoTime();
        RunResult result = b.journeys(journeys).build().execute();
        long wall = (System.nanoTime() - start) / 1_000_000;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wallMs", wall);
        m.put("journeysPerMinute", Math.round(10.0 * result.results().size() * 60_000 / wall) / 10.0);
        m.put("passed", result.results().stream().map(JourneyResult::outcome).filter(o -> o == Outcome.PASSED).count());
        return m;
    }
}
