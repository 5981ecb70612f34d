package dev.flows.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The side-by-side: every variant runs one journey per round, round-robin, after warm-up rounds that are not counted. */
final class Journeys {

    private static final List<String[]> RATIOS = List.of(
            new String[] {"flows-playwright", "bare-playwright"},
            new String[] {"flows-selenium", "bare-selenium"},
            new String[] {"flows-playwright", "playwright-test"},
            new String[] {"flows-selenium", "selenide"});

    private Journeys() {
    }

    static Map<String, Object> run(List<String> names, int rounds, int warmups, URI base, Path work) throws Exception {
        List<Variant> variants = new ArrayList<>();
        Map<String, List<Long>> times = new LinkedHashMap<>();
        Map<String, List<String>> failures = new LinkedHashMap<>();
        List<List<Double>> loads = new ArrayList<>();
        List<Map<String, Long>> perRound = new ArrayList<>();
        try {
            for (String name : names) {
                Variant v = Bench.variant(name, work);
                v.start();
                variants.add(v);
                times.put(name, new ArrayList<>());
                failures.put(name, new ArrayList<>());
            }
            for (int round = -warmups; round < rounds; round++) {
                // A different starting variant every round, so no variant always follows the same other one.
                int offset = Math.floorMod(round, variants.size());
                Map<String, Long> thisRound = new LinkedHashMap<>();
                StringBuilder line = new StringBuilder(round < 0 ? "warm-up " + (round + warmups + 1) + "/" + warmups
                        : "round " + (round + 1) + "/" + rounds).append(':');
                for (int i = 0; i < variants.size(); i++) {
                    Variant v = variants.get((i + offset) % variants.size());
                    try {
                        long ms = v.timed(base);
                        if (round >= 0) {
                            times.get(v.name()).add(ms);
                            thisRound.put(v.name(), ms);
                        }
                        line.append(' ').append(v.name()).append('=').append(ms);
                    } catch (Exception | AssertionError e) {
                        failures.get(v.name()).add(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                        line.append(' ').append(v.name()).append("=FAILED");
                    }
                }
                if (round >= 0) {
                    perRound.add(thisRound);
                }
                loads.add(Machine.loadAverage());
                System.out.println(line + "  load " + Machine.loadAverage().get(0));
            }
        } finally {
            variants.forEach(Variant::close);
        }

        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> perVariant = new LinkedHashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (String name : names) {
            Stats s = Stats.of(times.get(name));
            perVariant.put(name, Map.of("medianMs", s.median(), "p90Ms", s.p90(), "minMs", s.min(), "maxMs", s.max(),
                    "n", s.n(), "samplesMs", times.get(name), "failures", failures.get(name)));
            rows.add(Bench.row(name, s.median() + " ms", s.p90() + " ms", s.n(), failures.get(name).size()));
        }
        result.put("variants", perVariant);
        Map<String, Object> ratios = new LinkedHashMap<>();
        Map<String, Object> ratiosPerRound = new LinkedHashMap<>();
        List<List<Object>> ratioRows = new ArrayList<>();
        for (String[] pair : RATIOS) {
            if (times.containsKey(pair[0]) && times.containsKey(pair[1]) && !times.get(pair[1]).isEmpty()
                    && !times.get(pair[0]).isEmpty()) {
                String name = pair[0] + " / " + pair[1];
                double r = (double) Stats.of(times.get(pair[0])).median() / Stats.of(times.get(pair[1])).median();
                double rounded = Math.round(r * 100) / 100.0;
                ratios.put(name, rounded);
                PairedRatio paired = PairedRatio.of(perRound, pair[0], pair[1]);
                ratiosPerRound.put(name, Map.of("median", paired.median(), "q1", paired.q1(), "q3", paired.q3(),
                        "n", paired.n()));
                ratioRows.add(Bench.row(name, String.format("%.2f", rounded), paired.say()));
            }
        }
        result.put("ratios", ratios);
        result.put("ratiosPerRound", ratiosPerRound);
        result.put("loadAveragePerRound", loads);
        System.out.println("\nJourney: guest checkout with a cart edit, " + rounds + " rounds after " + warmups + " warm-ups");
        Bench.table(List.of("variant", "median", "p90", "n", "failed"), rows);
        System.out.println();
        Bench.table(List.of("ratio", "of the medians", "per round: median (middle half)"), ratioRows);
        return result;
    }
}
