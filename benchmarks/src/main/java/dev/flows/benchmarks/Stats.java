package dev.flows.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median and 90th percentile of a list of milliseconds (nearest rank). */
record Stats(int n, long median, long p90, long min, long max) {

    static Stats of(List<Long> millis) {
        if (millis.isEmpty()) {
            return new Stats(0, 0, 0, 0, 0);
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int n = sorted.size();
        long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        long p90 = sorted.get(Math.min(n - 1, (int) Math.ceil(0.9 * n) - 1));
        return new Stats(n, median, p90, sorted.get(0), sorted.get(n - 1));
    }
}
