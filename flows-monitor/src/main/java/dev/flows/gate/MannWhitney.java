package dev.flows.gate;

import java.util.Arrays;

/**
 * The one-sided Mann-Whitney U test (Wilcoxon rank-sum): how likely samples at least this much higher in
 * {@code candidate} than in {@code baseline} are if both come from the same distribution.
 *
 * <pre>{@code
 * double p = MannWhitney.pSlower(new double[] {510, 530, 498}, new double[] {101, 99, 104});   // 0.05: 3 vs 3 is the least it can say
 * }</pre>
 *
 * <p>Why this test decides "slower": latencies are skewed and heavy-tailed (a GC pause, a cold cache), so a t-test's
 * normal assumption does not hold; the ranks ignore how far an outlier lies, so one stray sample cannot fake or hide
 * a regression. With few samples (the gate runs a handful of rounds) the p-value is exact: the number of orderings
 * whose U is at least the one seen, over all orderings, counted by recursion. From 50 samples on (or with ties), the
 * normal approximation with tie and continuity correction is used. A bootstrap would need far more samples to
 * estimate a 95th percentile and would give a different answer with every seed.
 */
public final class MannWhitney {

    /** Up to this many samples together, the exact distribution is counted (C(50, 25) fits a double). */
    private static final int EXACT_UP_TO = 50;

    private MannWhitney() {
    }

    /**
     * One-sided p-value for "candidate is slower than baseline" (its values tend to be higher); 1 when either side
     * has no samples.
     */
    public static double pSlower(double[] candidate, double[] baseline) {
        int n1 = candidate.length;
        int n2 = baseline.length;
        if (n1 == 0 || n2 == 0) {
            return 1.0;
        }
        double[] all = new double[n1 + n2];
        System.arraycopy(candidate, 0, all, 0, n1);
        System.arraycopy(baseline, 0, all, n1, n2);
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        boolean ties = false;
        double rankSum = 0;
        for (int i = 0; i < n1; i++) {
            int below = lowerBound(sorted, candidate[i]);
            int upTo = upperBound(sorted, candidate[i]);
            ties |= upTo - below > 1;
            rankSum += (below + 1 + upTo) / 2.0;   // the mid-rank of equal values
        }
        double u = rankSum - n1 * (n1 + 1) / 2.0;   // pairs (candidate, baseline) where the candidate is higher
        if (!ties && n1 + n2 <= EXACT_UP_TO) {
            return exactAtLeast((int) Math.round(u), n1, n2);
        }
        return normalAtLeast(u, n1, n2, sorted);
    }

    /** P(U >= u) under the null: counts of orderings with each U, by the recursion N(u; m, n) = N(u - n; m - 1, n) + N(u; m, n - 1). */
    static double exactAtLeast(int u, int n1, int n2) {
        int max = n1 * n2;
        // counts[m][n][k] is too big to keep whole: build it up one m at a time.
        double[][] previous = new double[n2 + 1][];
        for (int n = 0; n <= n2; n++) {
            previous[n] = new double[] {1.0};   // m = 0: U is always 0
        }
        for (int m = 1; m <= n1; m++) {
            double[][] current = new double[n2 + 1][];
            current[0] = new double[] {1.0};   // n = 0: U is always 0
            for (int n = 1; n <= n2; n++) {
                double[] counts = new double[m * n + 1];
                double[] lastCandidateHighest = previous[n];   // the largest value is a candidate's: it beats all n baselines
                double[] lastBaselineHighest = current[n - 1];
                for (int k = 0; k <= m * n; k++) {
                    double a = k - n >= 0 && k - n < lastCandidateHighest.length ? lastCandidateHighest[k - n] : 0;
                    double b = k < lastBaselineHighest.length ? lastBaselineHighest[k] : 0;
                    counts[k] = a + b;
                }
                current[n] = counts;
            }
            previous = current;
        }
        double[] distribution = previous[n2];
        double total = 0;
        double atLeast = 0;
        for (int k = 0; k <= max; k++) {
            total += distribution[k];
            if (k >= u) {
                atLeast += distribution[k];
            }
        }
        return atLeast / total;
    }

    private static double normalAtLeast(double u, int n1, int n2, double[] sorted) {
        double mean = n1 * (double) n2 / 2;
        double n = n1 + n2;
        double tieTerm = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = upperBound(sorted, sorted[i]);
            double t = j - i;
            tieTerm += t * t * t - t;
            i = j;
        }
        double variance = n1 * (double) n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)));
        if (variance <= 0) {
            return 1.0;
        }
        double z = (u - mean - 0.5) / Math.sqrt(variance);
        return 1 - standardNormal(z);
    }

    /** The standard normal CDF, by the Abramowitz-Stegun 7.1.26 erf approximation (error below 1.5e-7). */
    static double standardNormal(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
