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
                          Map<String, Kind> kinds) {
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
        Map<String, Kind> kinds = kinds(self);
        // The tree's resident memory is the sum over its kinds: the walk that found them read every process's.
        long rssKb = kinds.values().stream().mapToLong(Kind::rssKb).sum();
        return new Sample(journeys, settledProcesses(self), count(Path.of("/proc/self/task")),
                count(Path.of("/proc/self/fd")), count(Path.of(System.getProperty("java.io.tmpdir"))),
                rssKb / 1024, kinds);
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

    /** How many processes of a kind there are, and their resident memory together. */
    private record Kind(long count, long rssKb) {
        Kind plus(Kind other) {
            return new Kind(count + other.count, rssKb + other.rssKb);
        }
    }

    /**
     * This JVM ("java (this JVM)") and the processes below it by kind (the program and, for a browser's helpers, its
     * {@code --type} and {@code --utility-sub-type}), in one walk: a change says which process came, went or grew.
     */
    private static Map<String, Kind> kinds(ProcessHandle self) {
        Map<String, Kind> kinds = new java.util.TreeMap<>();
        kinds.put("java (this JVM)", new Kind(0, Rss.kb(self.pid())));
        self.descendants().forEach(p -> kinds.merge(kindOf(p), new Kind(1, Rss.kb(p.pid())), Kind::plus));
        return kinds;
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
        List<String> processes = changes(warm, last, Kind::count, 1, "%+d %s");
        List<String> memory = changes(warm, last, kind -> kind.rssKb() / 1024, 10, "%+d MiB %s");
        return (processes.isEmpty() ? "" : " (processes: " + String.join(", ", processes) + ")")
                + (memory.isEmpty() ? "" : " (RSS: " + String.join(", ", memory) + ")");
    }

    /** Each kind whose {@code figure} changed by at least {@code least} from {@code warm} to {@code last}, formatted. */
    private static List<String> changes(Sample warm, Sample last, java.util.function.ToLongFunction<Kind> figure,
                                        long least, String format) {
        java.util.Set<String> all = new java.util.TreeSet<>(warm.kinds().keySet());
        all.addAll(last.kinds().keySet());
        List<String> changes = new ArrayList<>();
        Kind none = new Kind(0, 0);
        for (String kind : all) {
            long delta = figure.applyAsLong(last.kinds().getOrDefault(kind, none))
                    - figure.applyAsLong(warm.kinds().getOrDefault(kind, none));
            if (Math.abs(delta) >= least) {
                changes.add(String.format(format, delta, kind));
            }
        }
        return changes;
    }

    private static long count(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
