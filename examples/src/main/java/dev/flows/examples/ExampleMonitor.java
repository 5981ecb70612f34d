package dev.flows.examples;

import dev.flows.browser.BrowserConfig;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.Storefront;
import dev.flows.report.DisparityReport;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the demo store's live and fallback instances, runs the example journeys on both with the chosen engines,
 * prints the disparity table and writes the JSON report and diagnostics under {@code target/flows-output}.
 *
 * <pre>
 * mvn -q -B install -DskipTests &amp;&amp; mvn -q -B -pl examples exec:java
 * mvn -q -B -pl examples exec:java -Dexec.args="--engines playwright --output /tmp/flows"
 * </pre>
 *
 * <p>Exit code: 0 when every journey worked (flaky and degraded included), 1 when one failed, 2 when the monitor broke.
 */
public final class ExampleMonitor {

    private ExampleMonitor() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("flows: " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    /** Runs the monitor; returns its exit code. */
    static int run(String... args) {
        List<BrowserConfig> engines = new ArrayList<>();
        Path output = Path.of("target", "flows-output");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--engines" -> {
                    for (String id : value(args, ++i, "--engines").split(",")) {
                        engines.add(BrowserConfig.builder(BrowserConfig.EngineType.of(id)).build());
                    }
                }
                case "--output" -> output = Path.of(value(args, ++i, "--output"));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "': use --engines playwright,selenium --output <folder>");
            }
        }
        if (engines.isEmpty()) {
            engines.add(BrowserConfig.playwright().build());
            engines.add(BrowserConfig.selenium().build());
        }
        try (DemoStore live = DemoStore.builder().name("live").start();
             DemoStore fallback = DemoStore.builder().name("fallback").start()) {
            Run.Builder run = Run.builder()
                    .site(Site.builder("live").url(live.baseUrl()).role("primary").production(true).build())
                    .site(Site.builder("fallback").url(fallback.baseUrl()).role("fallback").build())
                    .journeys(new ShopJourneys(Storefront.demoStore()).all())
                    .parallelSites(2)
                    .output(output);
            engines.forEach(run::engine);
            RunResult result = run.build().execute();
            DisparityReport report = DisparityReport.of(result);
            Path json = report.writeJson(result.output().resolve("disparity.json"));
            System.out.print(report.table());
            result.results().stream().filter(r -> !r.outcome().isSuccess())
                    .forEach(r -> System.out.println("\n" + r.message()));
            System.out.println("\n" + result.toSummary().text());
            System.out.println("Report: " + json.toAbsolutePath());
            return result.exitCode();
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }
}
