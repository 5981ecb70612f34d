package dev.flows.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import dev.flows.run.RunListener;
import dev.flows.run.Run;
import dev.flows.site.Site;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start: a new JVM runs 1 journey on 2 sites (in parallel) and the time to its first verdict is split into
 * JVM start, engine creation (Playwright's driver; for Selenium, finding browser and driver), browser launch and
 * the journey. The engines log their own split at FINE ("engine ready in N ms", "browser launched in N ms").
 * <p>
 * Each engine is measured twice, run by run in turn: a plain JVM, and a JVM that maps the classes a first, uncounted
 * run loaded from a class-data archive ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}; see the
 * README's Performance section), which a monitor started by cron can use too.
 */
final class ColdStart {

    private static final Pattern SPLIT = Pattern.compile("(engine ready|browser launched) in (\\d+) ms");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ColdStart() {
    }

    static Map<String, Object> measure(List<BrowserConfig.EngineType> engines, int runs, URI live, URI fallback, Path work)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = jarsOnly(System.getProperty("java.class.path"));
        Map<String, Object> result = new LinkedHashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (BrowserConfig.EngineType engine : engines) {
            // A class-data archive needs a class path of jars only; the training run writes it and is not counted.
            Path archive = null;
            if (classpath != null) {
                archive = work.resolve("cold-start-" + engine.id() + ".jsa");
                Files.deleteIfExists(archive);
                child(java, classpath, List.of("-XX:ArchiveClassesAtExit=" + archive), engine, live, fallback);
                if (!Files.isRegularFile(archive)) {
                    throw new IllegalStateException("the training run wrote no class-data archive at " + archive);
                }
            }
            String cp = classpath != null ? classpath : System.getProperty("java.class.path");
            List<Map<String, Object>> plain = new ArrayList<>();
            List<Map<String, Object>> shared = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                plain.add(child(java, cp, List.of(), engine, live, fallback));
                if (archive != null) {
                    // -Xshare:on: a JVM that cannot use the archive fails instead of quietly running without it.
                    shared.add(child(java, cp, List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"), engine, live, fallback));
                }
            }
            result.put(engine.id(), summary(engine.id(), plain, rows));
            if (archive != null) {
                result.put(engine.id() + "+class-data-archive", summary(engine.id() + " + class-data archive", shared, rows));
            }
        }
        System.out.println("\nCold start: JVM start to first verdict, 1 journey x 2 sites in parallel (medians of " + runs + ", ms)");
        Bench.table(List.of("engine", "JVM", "engine creation", "browser launch", "journey", "total", "verdict"), rows);
        if (classpath == null) {
            System.out.println("(no class-data archive row: the class path has directories; run through Maven's verify, "
                    + "which packages the benchmarks jar)");
        }
        return result;
    }

    private static Map<String, Object> summary(String name, List<Map<String, Object>> samples, List<List<Object>> rows) {
        Map<String, Object> medians = new LinkedHashMap<>();
        for (String key : List.of("jvmMs", "engineMs", "browserMs", "journeyMs", "totalMs")) {
            medians.put(key, Stats.of(samples.stream().map(s -> ((Number) s.get(key)).longValue()).toList()).median());
        }
        rows.add(Bench.row(name, medians.get("jvmMs"), medians.get("engineMs"), medians.get("browserMs"),
                medians.get("journeyMs"), medians.get("totalMs"), samples.get(samples.size() - 1).get("verdict")));
        return Map.of("medians", medians, "runs", samples);
    }

    /** One cold JVM: its split, from the JSON line it prints. */
    private static Map<String, Object> child(String java, String classpath, List<String> jvmOptions,
                                             BrowserConfig.EngineType engine, URI live, URI fallback) throws Exception {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, ColdStart.class.getName(), engine.id(), live.toString(), fallback.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        pb.environment().put("SE_OFFLINE", "true");
        long spawned = System.currentTimeMillis();
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        p.waitFor(120, TimeUnit.SECONDS);
        String last = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (last == null) {
            throw new IllegalStateException("cold start child " + jvmOptions + " printed no result:\n" + out);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> child = JSON.readValue(last, Map.class);
        Map<String, Object> sample = new LinkedHashMap<>();
        long mainAt = ((Number) child.get("mainAt")).longValue();
        sample.put("jvmMs", mainAt - spawned);
        sample.put("engineMs", child.get("engineMs"));
        sample.put("browserMs", child.get("browserMs"));
        sample.put("journeyMs", child.get("journeyMs"));
        sample.put("totalMs", ((Number) child.get("verdictAt")).longValue() - spawned);
        sample.put("verdict", child.get("verdict"));
        sample.put("loadAverage", Machine.loadAverage());
        return sample;
    }

    /**
     * This class path with the benchmarks' own classes as their packaged jar ({@code bench.jar}, which Maven's
     * verify has built), or null when a directory remains: the JVM archives classes from jars only.
     */
    static String jarsOnly(String classpath) throws Exception {
        String jar = System.getProperty("bench.jar");
        Path own = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                if (jar == null || !Files.isRegularFile(Path.of(jar)) || !Files.isSameFile(path, own)) {
                    return null;
                }
                entry = jar;
            }
            entries.add(entry);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** The child: {@code ColdStart <engine> <live-url> <fallback-url>}; prints one JSON line. */
    public static void main(String[] args) throws Exception {
        long mainAt = System.currentTimeMillis();
        Map<String, Long> split = new LinkedHashMap<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                Matcher m = SPLIT.matcher(String.valueOf(r.getMessage()));
                if (m.find()) {
                    // The first lane's: a second site in parallel starts a second lane during the journey.
                    split.putIfAbsent(m.group(1), Long.parseLong(m.group(2)));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger engines = Logger.getLogger("dev.flows.engine");
        engines.setLevel(Level.FINE);
        engines.addHandler(capture);
        BrowserConfig.EngineType type = BrowserConfig.EngineType.of(args[0]);
        Journey journey = FlowsVariant.journey();
        long launchStart = System.nanoTime();
        try (Browser browser = Browser.launch(BrowserConfig.builder(type).build())) {
            long launched = (System.nanoTime() - launchStart) / 1_000_000;
            long journeyStartAt = System.currentTimeMillis();
            CountDownLatch first = new CountDownLatch(1);
            long[] verdictAt = new long[1];
            String[] verdict = new String[1];
            Run run = Run.builder().browser(browser)
                    .site(Site.builder("live").url(args[1]).build())
                    .site(Site.builder("fallback").url(args[2]).role("fallback").build())
                    .journey(journey).parallelSites(2)
                    .output(Files.createTempDirectory("flows-bench-cold-"))
                    .listener(new RunListener() {
                        @Override
                        public void journeyFinished(Journey j, Site site, JourneyResult result) {
                            synchronized (verdictAt) {
                                if (verdictAt[0] == 0) {
                                    verdictAt[0] = System.currentTimeMillis();
                                    verdict[0] = result.outcome().name();
                                }
                            }
                            first.countDown();
                        }
                    })
                    .build();
            run.execute();
            first.await();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mainAt", mainAt);
            long engineMs = split.getOrDefault("engine ready", 0L);
            // Browser launch is the rest of Browser.launch(): for Selenium, the first browser starts there too.
            out.put("engineMs", engineMs);
            out.put("browserMs", launched - engineMs);
            out.put("journeyMs", verdictAt[0] - journeyStartAt);
            out.put("verdictAt", verdictAt[0]);
            out.put("verdict", verdict[0]);
            System.out.println(new ObjectMapper().writeValueAsString(out));
        }
    }
}
