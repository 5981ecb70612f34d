package dev.flows.benchmarks;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Timeouts;
import dev.flows.demostore.DemoStore;
import dev.flows.journey.Journey;
import dev.flows.run.Attempt;
import dev.flows.run.JourneyResult;
import dev.flows.run.RunListener;
import dev.flows.run.Run;
import dev.flows.run.StepResult;
import dev.flows.site.Site;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Detection latency: how long from the start of a journey to its FAILED verdict when the site is down, when an
 * element is missing, and when a page answers 500; wait timeout 5 s, 1 retry (the defaults). Also the time from
 * a step's failure to the end of its attempt: diagnostics capture plus closing the page.
 */
final class Detection {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private Detection() {
    }

    static Map<String, Object> measure(List<BrowserConfig.EngineType> engines, DemoStore shop, Path work) {
        Map<String, Consumer<DemoStore>> faults = new LinkedHashMap<>();
        faults.put("site down", s -> s.faults().down());
        faults.put("element missing (add-to-cart)", s -> s.faults().hideElement("/product/*", "add-to-cart"));
        faults.put("page answers 500 (category)", s -> s.faults().serverError("/category/*"));
        Map<String, Object> result = new LinkedHashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (BrowserConfig.EngineType engine : engines) {
            Map<String, Object> perFault = new LinkedHashMap<>();
            try (Browser browser = Browser.launch(BrowserConfig.builder(engine).build())) {
                for (Map.Entry<String, Consumer<DemoStore>> fault : faults.entrySet()) {
                    fault.getValue().accept(shop);
                    try {
                        Map<String, Object> m = once(browser, shop, work);
                        m.put("loadAverage", Machine.loadAverage());
                        perFault.put(fault.getKey(), m);
                        rows.add(Bench.row(engine.id(), fault.getKey(), m.get("outcome"), m.get("verdictMs"),
                                m.get("attempts"), m.get("failedStep"), m.get("captureMs")));
                    } finally {
                        shop.faults().clear();
                    }
                }
            }
            result.put(engine.id(), perFault);
        }
        System.out.println("\nDetection latency: journey start to verdict (wait timeout " + WAIT.toSeconds() + " s, 1 retry)");
        Bench.table(List.of("engine", "fault", "verdict", "verdict ms", "attempts", "failed step", "capture+close ms per attempt"), rows);
        return result;
    }

    private static Map<String, Object> once(Browser browser, DemoStore shop, Path work) {
        Journey journey = FlowsVariant.journey();
        List<Long> capture = new CopyOnWriteArrayList<>();
        long[] failedAt = new long[1];
        RunListener timing = new RunListener() {
            @Override
            public void stepFinished(Journey j, Site site, String engine, int attempt, StepResult step) {
                if (!step.passed()) {
                    failedAt[0] = System.nanoTime();
                }
            }

            @Override
            public void attemptFailed(Journey j, Site site, String engine, Attempt attempt) {
                capture.add((System.nanoTime() - failedAt[0]) / 1_000_000);
            }

            @Override
            public void journeyFinished(Journey j, Site site, JourneyResult result) {
                if (failedAt[0] != 0 && capture.size() < result.attempts().size()) {
                    capture.add((System.nanoTime() - failedAt[0]) / 1_000_000);
                }
            }
        };
        long start = System.nanoTime();
        JourneyResult r = Run.builder().browser(browser).site(Site.builder("live").url(shop.baseUrl().toString()).build())
                .journey(journey).pageTimeouts(Timeouts.DEFAULT.withWaitFor(WAIT)).retries(1)
                .listener(timing).output(work.resolve("flows-output")).build().execute().results().get(0);
        long verdictMs = (System.nanoTime() - start) / 1_000_000;
        Attempt last = r.attempts().get(r.attempts().size() - 1);
        String failedStep = last.steps().stream().filter(s -> !s.passed()).map(StepResult::name).findFirst().orElse("-");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", r.outcome().name());
        m.put("verdictMs", verdictMs);
        m.put("attempts", r.attempts().size());
        m.put("failedStep", failedStep);
        m.put("captureMs", capture);
        return m;
    }
}
