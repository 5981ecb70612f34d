package dev.flows.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flows.browser.BrowserConfig;
import dev.flows.demostore.DemoStore;
import dev.flows.engine.spi.ChromiumDiscovery;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark: the same guest checkout with a cart edit, written six ways, on one embedded demo store, run
 * round-robin after warm-ups; then cold start, scale and detection latency of Flows itself. Prints tables and
 * writes everything as JSON.
 *
 * <pre>{@code
 * ./mvnw -q -B -ntp -pl benchmarks -am verify -Pbenchmark -Dbench.rounds=15 -Dbench.warmups=3
 * }</pre>
 *
 * Properties (all optional): {@code bench.rounds} (15), {@code bench.warmups} (3), {@code bench.parts}
 * (journeys,coldstart,scale,detection), {@code bench.variants} (all six), {@code bench.engines} (playwright,selenium;
 * for cold start, scale and detection), {@code bench.scale} (1,2,4,8), {@code bench.coldRuns} (3),
 * {@code bench.out} (target/benchmark.json), {@code bench.chromium} (the browser of every variant: the one Flows
 * finds for a headless run), {@code bench.chromedriver} (/usr/bin/chromedriver), {@code bench.jar} (the packaged
 * benchmarks jar, which the pom passes: with it the cold start also runs on a class-data archive).
 */
public final class Bench {

    /** The browser of all six variants: a headless shell where the machine has one, as Flows itself would pick. */
    static final String CHROMIUM = System.getProperty("bench.chromium", ChromiumDiscovery.onThisMachine()
            .browser(null, true).map(found -> found.path().toString()).orElse("/usr/bin/chromium"));
    static final String CHROMEDRIVER = System.getProperty("bench.chromedriver", "/usr/bin/chromedriver");
    static final List<String> ALL_VARIANTS = List.of("flows-playwright", "flows-selenium", "bare-playwright",
            "bare-selenium", "selenide", "playwright-test");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 15);
        int warmups = Integer.getInteger("bench.warmups", 3);
        Set<String> parts = Set.copyOf(list("bench.parts", "journeys,coldstart,scale,detection"));
        List<String> variants = list("bench.variants", String.join(",", ALL_VARIANTS));
        List<BrowserConfig.EngineType> engines = list("bench.engines", "playwright,selenium").stream()
                .map(BrowserConfig.EngineType::of).toList();
        Path out = Path.of(System.getProperty("bench.out", "target/benchmark.json"));
        Path work = out.toAbsolutePath().getParent();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("machineAtStart", Machine.describe());
        report.put("settings", Map.of("rounds", rounds, "warmups", warmups, "parts", parts, "variants", variants,
                "engines", engines.stream().map(BrowserConfig.EngineType::id).toList(), "browser", CHROMIUM));
        System.out.println("Flows benchmark on " + Machine.describe() + ", browser " + CHROMIUM);

        try (DemoStore live = DemoStore.builder().name("live").start();
             DemoStore fallback = DemoStore.builder().name("fallback").adminToken(live.adminToken()).start()) {
            if (parts.contains("journeys")) {
                report.put("journeys", Journeys.run(variants, rounds, warmups, live.baseUrl(), work));
            }
            if (parts.contains("coldstart")) {
                report.put("coldStart", ColdStart.measure(engines, Integer.getInteger("bench.coldRuns", 3),
                        live.baseUrl(), fallback.baseUrl(), work));
            }
            if (parts.contains("scale")) {
                List<Integer> sizes = list("bench.scale", "1,2,4,8").stream().map(Integer::parseInt).toList();
                report.put("scale", Scale.measure(engines, sizes, List.of(live.baseUrl(), fallback.baseUrl()), work));
            }
            if (parts.contains("detection")) {
                report.put("detection", Detection.measure(engines, live, work));
            }
        }
        report.put("machineAtEnd", Machine.describe());
        Files.createDirectories(work);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        System.out.println("\nJSON: " + out.toAbsolutePath());
    }

    static List<String> list(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    static Variant variant(String name, Path work) {
        return switch (name) {
            case "flows-playwright" -> new FlowsVariant(BrowserConfig.EngineType.PLAYWRIGHT, work.resolve("flows-output"));
            case "flows-selenium" -> new FlowsVariant(BrowserConfig.EngineType.SELENIUM, work.resolve("flows-output"));
            case "bare-playwright" -> new BarePlaywright();
            case "bare-selenium" -> new BareSelenium();
            case "selenide" -> new SelenideVariant();
            case "playwright-test" -> new PlaywrightTestVariant(Path.of("playwright-test"), work.resolve("playwright-test"));
            default -> throw new IllegalArgumentException("bench.variants: unknown variant '" + name + "'; known: " + ALL_VARIANTS);
        };
    }

    static String pad(Object value, int width) {
        String s = String.valueOf(value);
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static List<Object> row(Object... cells) {
        return new ArrayList<>(List.of(cells));
    }

    /** Prints rows as a Markdown table. */
    static void table(List<String> header, List<List<Object>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<Object> r : rows) {
                widths[i] = Math.max(widths[i], String.valueOf(r.get(i)).length());
            }
        }
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            sb.append(' ').append(pad(header.get(i), widths[i])).append(" |");
        }
        sb.append("\n|");
        for (int w : widths) {
            sb.append('-').append("-".repeat(w)).append("-|");
        }
        for (List<Object> r : rows) {
            sb.append("\n|");
            for (int i = 0; i < widths.length; i++) {
                sb.append(' ').append(pad(r.get(i), widths[i])).append(" |");
            }
        }
        System.out.println(sb);
    }

}
