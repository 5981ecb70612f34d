package dev.flows.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The ratio of two variants round by round: each round runs both within seconds of each other, so a slow spell of a
 * shared machine slows both, and the ratio of that round's two times leaves it out, where the ratio of two medians
 * taken over all rounds does not. The median of those per-round ratios and their middle half (first to third
 * quartile, nearest rank), over the rounds where both variants passed.
 */
record PairedRatio(int n, double median, double q1, double q3) {

    static PairedRatio of(List<Map<String, Long>> rounds, String a, String b) {
        List<Double> ratios = new ArrayList<>();
        for (Map<String, Long> round : rounds) {
            Long x = round.get(a);
            Long y = round.get(b);
            if (x != null && y != null && y > 0) {
                ratios.add((double) x / y);
            }
        }
        if (ratios.isEmpty()) {
            return new PairedRatio(0, Double.NaN, Double.NaN, Double.NaN);
        }
        Collections.sort(ratios);
        int n = ratios.size();
        double median = n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
        return new PairedRatio(n, median, rank(ratios, 0.25), rank(ratios, 0.75));
    }

    private static double rank(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** "1.12 (1.05-1.21, 15 rounds)". */
    String say() {
        return n == 0 ? "-" : String.format("%.2f (%.2f-%.2f, %d rounds)", median, q1, q3, n);
    }
}
