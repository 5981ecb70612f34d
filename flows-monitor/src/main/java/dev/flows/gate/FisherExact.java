package dev.flows.gate;

/**
 * Fisher's exact test, one-sided: how likely at least this many of all the failures fall on the candidate, if
 * failing is equally likely on both sites.
 *
 * <pre>{@code
 * FisherExact.pMoreFailures(4, 8, 0, 8);   // 0.038: 4 of 8 failed on the candidate, none of 8 on the baseline
 * FisherExact.pMoreFailures(3, 8, 2, 8);   // 0.5: a flaky baseline fails too; one more is not a regression
 * }</pre>
 *
 * <p>Why: failures are counts in small samples, where a normal approximation of two proportions is wrong, and a
 * flaky baseline must raise the bar for the candidate: conditioning on the failures seen on both sites does exactly
 * that, so a shop whose stable version fails now and then does not roll back a candidate that fails as often.
 */
public final class FisherExact {

    private FisherExact() {
    }

    /** P(candidate failures >= {@code candidateFailures}) given the margins of the 2x2 table. */
    public static double pMoreFailures(int candidateFailures, int candidateRuns, int baselineFailures, int baselineRuns) {
        if (candidateFailures < 0 || baselineFailures < 0 || candidateFailures > candidateRuns || baselineFailures > baselineRuns) {
            throw new IllegalArgumentException("failures must be 0..runs: candidate " + candidateFailures + "/" + candidateRuns
                    + ", baseline " + baselineFailures + "/" + baselineRuns);
        }
        int failures = candidateFailures + baselineFailures;
        int total = candidateRuns + baselineRuns;
        double p = 0;
        for (int k = candidateFailures; k <= Math.min(failures, candidateRuns); k++) {
            p += Math.exp(logChoose(candidateRuns, k) + logChoose(baselineRuns, failures - k) - logChoose(total, failures));
        }
        return Math.min(1.0, p);
    }

    private static double logChoose(int n, int k) {
        if (k < 0 || k > n) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += Math.log(n - k + i) - Math.log(i);
        }
        return sum;
    }
}
