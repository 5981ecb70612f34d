package dev.flows.reliability;

import dev.flows.benchmarks.Rss;
import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Durations;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.Pick;
import dev.flows.dsl.Storefront;
import dev.flows.journey.Journey;
import dev.flows.run.Outcome;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Many journeys in one JVM on one browser per engine, as a monitor that runs for days does: processes, threads,
 * open files, temporary entries and memory, sampled as it goes. Growth is measured from the sample after a warm-up
 * (the first journeys load classes and start the browser) to the last one.
 */
final class Resources {

    private static final int WARM_UP = 10;
    private static final java.util.regex.Pattern HELPER_SWITCH =
            java.util.regex.Pattern.compile("--(?:type|utility-sub-type)=(\\S+)");

    private record Sample(int journeys, long processes, long threads, long files, long temp, long rssMb,
                          Map<String, Long> processKinds, Map<String, Long> rssMbByKind) {
        @Override
        public String toString() {
            return String.format("%5d journeys: %3d processes, %4d threads, %4d open files, %4d temp entries, %6d MiB",
                    journeys, processes, threads, files, temp, rssMb);
        }
    }

    private final Path work;
    private final List<BrowserConfig.EngineType> engines;
    private final int journeys;
    private final Goals goals;

    Resources(Path work, List<BrowserConfig.EngineType> engines, int journeys, Goals goals) {
        this.work = work;
        this.engines = engines;
        this.journeys = journeys;
        this.goals = goals;
    }

    Map<String, Object> run() {
        System.out.println();
        System.out.println("== Resources: " + journeys + " journeys per engine in one JVM, one browser per engine");
        Map<String, Object> report = new LinkedHashMap<>();
        try (DemoStore store = DemoStore.builder().name("live").start()) {
            Site site = Site.builder("live").url(store.baseUrl()).build();
            Journey journey = Storefront.demoStore().journey("add to cart")
                    .landing().category("Espresso Machines").product(Pick.firstInStock()).addToCart(1).expectCartCount(1)
                    .build();
            for (BrowserConfig.EngineType engine : engines) {
                report.put(engine.id(), measure(engine, site, journey));
            }
        }
        return report;
    }

    private Map<String, Object> measure(BrowserConfig.EngineType engine, Site site, Journey journey) {
        List<Sample> samples = new ArrayList<>();
        int notPassed = 0;
        long start = System.nanoTime();
        int every = Math.max(1, journeys / 6);
        try (Browser browser = Browser.launch(BrowserConfig.builder(engine).build())) {
            for (int i = 1; i <= journeys; i++) {
                RunResult result = Run.builder().browser(browser).site(site).journey(journey)
                        .output(work.resolve(engine.id())).runId("run-" + (i % 5)).build().execute();
                if (result.results().get(0).outcome() != Outcome.PASSED) {
                    notPassed++;
                }
                if (i == Math.min(WARM_UP, journeys) || i % every == 0 || i == journeys) {
                    Sample s = sample(i);
                    samples.add(s);
                    System.out.println("  " + engine.id() + " " + s);
                }
            }
        }
        Sample warm = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long rssGrowth = last.rssMb() - warm.rssMb();
        boolean held = last.processes() <= warm.processes() && last.threads() <= warm.threads() + 5
                && last.files() <= warm.files() + 10 && last.temp() <= warm.temp() && rssGrowth <= Math.max(100, warm.rssMb() / 5);
        goals.check(engine.id() + ": no growth in processes, threads, open files, temp entries or memory over "
                        + journeys + " journeys",
                held, "from journey " + warm.journeys() + " to " + last.journeys() + ": processes " + warm.processes()
                        + " -> " + last.processes() + ", threads " + warm.threads() + " -> " + last.threads() + ", files "
                        + warm.files() + " -> " + last.files() + ", temp " + warm.temp() + " -> " + last.temp()
                        + ", RSS " + warm.rssMb() + " -> " + last.rssMb() + " MiB" + kindsChanged(warm, last) + "; "
                        + notPassed + " not passed; " + Durations.say(took));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("journeys", journeys);
        m.put("notPassed", notPassed);
        m.put("tookMs", took.toMillis());
        m.put("samples", samples);
        return m;
    }

    private static Sample sample(int journeys) {
        ProcessHandle self = ProcessHandle.current();
        return new Sample(journeys, settledProcesses(self), count(Path.of("/proc/self/task")),
                count(Path.of("/proc/self/fd")), count(Path.of(System.getProperty("java.io.tmpdir"))),
                Rss.treeKb(self) / 1024, processKinds(self), rssMbByKind(self));
    }

    /**
     * The number of processes below {@code self} once it stops changing (two equal looks 300 ms apart, at most 5 s):
     * a renderer of a just-closed browser context may still be exiting, which is not growth.
     */
    private static long settledProcesses(ProcessHandle self) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long last = self.descendants().count();
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = self.descendants().count();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /**
     * The processes below {@code self} by kind: the program and, for a browser's helpers, its {@code --type} and
     * {@code --utility-sub-type}, so that a change in the count says which process came or went.
     */
    private static Map<String, Long> processKinds(ProcessHandle self) {
        Map<String, Long> kinds = new java.util.TreeMap<>();
        self.descendants().forEach(p -> kinds.merge(kindOf(p), 1L, Long::sum));
        return kinds;
    }

    /** The resident memory by kind of process, in MiB, this JVM as "java (this JVM)". */
    private static Map<String, Long> rssMbByKind(ProcessHandle self) {
        Map<String, Long> kb = new java.util.TreeMap<>();
        kb.put("java (this JVM)", Rss.kb(self.pid()));
        self.descendants().forEach(p -> kb.merge(kindOf(p), Rss.kb(p.pid()), Long::sum));
        Map<String, Long> mb = new java.util.TreeMap<>();
        kb.forEach((kind, value) -> mb.put(kind, value / 1024));
        return mb;
    }

    /** The program and, for a browser's helpers, its {@code --type} and {@code --utility-sub-type}. */
    private static String kindOf(ProcessHandle p) {
        // Read from /proc: Chrome's helpers rewrite their command line, and the JDK then gives none.
        String line;
        try {
            line = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            line = "";
        }
        StringBuilder kind = new StringBuilder(Path.of(p.info().command().orElse("?")).getFileName().toString());
        java.util.regex.Matcher m = HELPER_SWITCH.matcher(line);
        while (m.find()) {
            kind.append(' ').append(m.group(1));
        }
        return kind.toString();
    }

    /**
     * Which kinds of process there are more or fewer of at the end than after the warm-up, and whose resident memory
     * changed by 10 MiB or more; "" when none.
     */
    private static String kindsChanged(Sample warm, Sample last) {
        java.util.Set<String> all = new java.util.TreeSet<>(warm.processKinds().keySet());
        all.addAll(last.processKinds().keySet());
        List<String> changes = new ArrayList<>();
        for (String kind : all) {
            long before = warm.processKinds().getOrDefault(kind, 0L);
            long after = last.processKinds().getOrDefault(kind, 0L);
            if (before != after) {
                changes.add(String.format("%+d %s", after - before, kind));
            }
        }
        List<String> memory = new ArrayList<>();
        java.util.Set<String> withMemory = new java.util.TreeSet<>(warm.rssMbByKind().keySet());
        withMemory.addAll(last.rssMbByKind().keySet());
        for (String kind : withMemory) {
            long delta = last.rssMbByKind().getOrDefault(kind, 0L) - warm.rssMbByKind().getOrDefault(kind, 0L);
            if (Math.abs(delta) >= 10) {
                memory.add(String.format("%+d MiB %s", delta, kind));
            }
        }
        return (changes.isEmpty() ? "" : " (processes: " + String.join(", ", changes) + ")")
                + (memory.isEmpty() ? "" : " (RSS: " + String.join(", ", memory) + ")");
    }

    private static long count(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
