package dev.flows.gate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure statistics of the gate, against values worked out by hand. */
class StatisticsTest {

    @Test
    void mannWhitneyIsExactForSmallSamples() {
        // All 3 candidates above all 3 baselines: 1 ordering of C(6,3) = 20.
        assertEquals(0.05, MannWhitney.pSlower(new double[] {4, 5, 6}, new double[] {1, 2, 3}), 1e-12);
        // 6 against 6: 1 / C(12,6) = 1/924.
        assertEquals(1.0 / 924, MannWhitney.pSlower(new double[] {7, 8, 9, 10, 11, 12}, new double[] {1, 2, 3, 4, 5, 6}), 1e-12);
        // The other way round: every ordering has U >= 0.
        assertEquals(1.0, MannWhitney.pSlower(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 1e-12);
        // U = 8 of 9 with 3 and 3: orderings with U >= 8 are U=9 (1) and U=8 (1): 2/20.
        assertEquals(0.1, MannWhitney.pSlower(new double[] {3.5, 5, 6}, new double[] {1, 2, 4}), 1e-12);
    }

    @Test
    void oneOutlierCannotMakeACandidateSlower() {
        double[] baseline = {100, 102, 98, 101, 99, 103};
        double[] candidate = {99, 101, 97, 100, 98, 5000};
        assertTrue(MannWhitney.pSlower(candidate, baseline) > 0.3, "one GC pause is not a regression");
    }

    @Test
    void mannWhitneyFallsBackToTheNormalApproximationWithTies() {
        double[] baseline = {1, 2, 2, 3, 3, 3, 4};
        double[] candidate = {3, 4, 4, 5, 5, 6, 6};
        double p = MannWhitney.pSlower(candidate, baseline);
        // U = 44.5 of 49; mean 24.5, tie-corrected sd 7.25: z = (44.5 - 24.5 - 0.5) / 7.25 = 2.69, p = 0.0036.
        assertEquals(0.0036, p, 0.0003);
        assertEquals(1.0, MannWhitney.pSlower(new double[0], baseline));
    }

    @Test
    void exactAndNormalAgreeForLargerSamples() {
        double[] baseline = new double[20];
        double[] candidate = new double[20];
        for (int i = 0; i < 20; i++) {
            baseline[i] = 100 + i * 2;
            candidate[i] = 105 + i * 2 + 0.5;
        }
        double exact = MannWhitney.pSlower(candidate, baseline);
        double[] longer = java.util.Arrays.copyOf(candidate, 40);
        double[] longerBase = java.util.Arrays.copyOf(baseline, 40);
        for (int i = 20; i < 40; i++) {
            longer[i] = candidate[i - 20] + 0.25;
            longerBase[i] = baseline[i - 20] + 0.25;
        }
        double normal = MannWhitney.pSlower(longer, longerBase);
        assertTrue(exact < 0.3 && exact > 0.05, "a small shift is not significant with 20: " + exact);
        assertTrue(normal < exact, "the same shift with twice the samples is stronger evidence: " + normal);
    }

    @Test
    void fisherExactMatchesTheHypergeometricTail() {
        // 4 of 8 failed on the candidate, none of 8 on the baseline: C(8,4) / C(16,4) = 70/1820.
        assertEquals(70.0 / 1820, FisherExact.pMoreFailures(4, 8, 0, 8), 1e-12);
        // A flaky baseline (2 of 8) and 3 of 8 on the candidate: (1568 + 560 + 56) / 4368 = 0.5.
        assertEquals(0.5, FisherExact.pMoreFailures(3, 8, 2, 8), 1e-12);
        assertEquals(1.0, FisherExact.pMoreFailures(0, 8, 0, 8), 1e-12);
        assertEquals("failures must be 0..runs: candidate 9/8, baseline 0/8",
                assertThrows(IllegalArgumentException.class, () -> FisherExact.pMoreFailures(9, 8, 0, 8)).getMessage());
    }

    @Test
    void percentilesInterpolateLinearly() {
        double[] v = {5, 1, 4, 2, 3};
        assertEquals(3.0, GateAnalysis.median(v));
        assertEquals(4.8, GateAnalysis.percentile(v, 95), 1e-12);
        assertEquals(2.5, GateAnalysis.median(new double[] {1, 2, 3, 4}));
        assertTrue(Double.isNaN(GateAnalysis.median(new double[0])));
    }
}
