package dev.flows.gate;

import dev.flows.run.Attempt;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.ResultKey;
import dev.flows.run.StepResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gate's rules on made-up results: no browser. */
class GateAnalysisTest {

    private static final GatePolicy POLICY = GatePolicy.builder().minSamples(5).alpha(0.05).build();

    /** A journey of two steps, "landing" and "add to cart", taking these milliseconds; failed at step 2 when asked. */
    private static JourneyResult result(String site, long landing, long addToCart, boolean failed) {
        List<StepResult> steps = List.of(
                new StepResult(1, "landing", true, java.time.Instant.EPOCH, Duration.ofMillis(landing), null, null),
                new StepResult(2, "add to cart", !failed, java.time.Instant.EPOCH, Duration.ofMillis(addToCart), null, failed ? "timed out" : null));
        Outcome outcome = failed ? Outcome.FAILED : Outcome.PASSED;
        Duration took = Duration.ofMillis(landing + addToCart);
        Attempt attempt = new Attempt(1, outcome, java.time.Instant.EPOCH, steps, took, failed ? "failed" : null, List.of(), null);
        return new JourneyResult(ResultKey.journey("add to cart", site, "playwright"), "cart",
                site.equals("stable") ? "stable" : "canary", outcome, took, List.of(attempt), Map.of());
    }

    private static List<JourneyResult> rounds(String site, int n, long landing, long addToCart, int failures) {
        List<JourneyResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // A little spread, different per round, so that no two samples tie.
            out.add(result(site, landing + i * 3L, addToCart + i * 5L, i < failures));
        }
        return out;
    }

    private static GateReport compare(List<JourneyResult> stable, List<JourneyResult> canary) {
        return GateAnalysis.compare(POLICY, "stable", stable, "canary", canary);
    }

    @Test
    void theSameShopIsPromoted() {
        GateReport report = compare(rounds("stable", 8, 300, 500, 0), rounds("canary", 8, 301, 499, 0));
        assertEquals(Verdict.PROMOTE, report.verdict());
        assertEquals("gate: promote canary against stable: all 7 measures within the thresholds", report.summary());
    }

    @Test
    void aCandidateThatFailsHalfTheTimeIsRolledBack() {
        GateReport report = compare(rounds("stable", 8, 300, 500, 0), rounds("canary", 8, 300, 500, 4));
        assertEquals(Verdict.ROLLBACK, report.verdict());
        Comparison failures = report.decisive().get(0);
        assertEquals("failures", failures.measure());
        assertEquals("4 of 8 failed on the candidate, 0 of 8 on the baseline: more failures than +0 failures allows"
                + " (Fisher's exact test p=0.038 < 0.05)", failures.reason());
    }

    @Test
    void aFlakyBaselineIsNoRegressionOfTheCandidate() {
        GateReport report = compare(rounds("stable", 8, 300, 500, 2), rounds("canary", 8, 300, 500, 3));
        assertEquals(Verdict.HOLD, report.verdict());
        assertEquals("3 of 8 failed on the candidate, 2 of 8 on the baseline: over +0 failures, but within noise"
                + " (Fisher's exact test p=0.500)", report.decisive().get(0).reason());
        assertEquals(Verdict.PROMOTE, compare(rounds("stable", 8, 300, 500, 2), rounds("canary", 8, 300, 500, 2)).verdict(),
                "as many failures as the baseline: the candidate is as healthy");
    }

    @Test
    void aSlowerStepIsRolledBackWithTheTestThatSaidSo() {
        GateReport report = compare(rounds("stable", 8, 300, 500, 0), rounds("canary", 8, 300, 900, 0));
        assertEquals(Verdict.ROLLBACK, report.verdict());
        List<String> decisive = report.decisive().stream().map(c -> c.subject() + " " + c.measure()).toList();
        assertEquals(List.of("add to cart [playwright] median", "add to cart [playwright] p95",
                "add to cart [playwright] step 2 'add to cart' median", "add to cart [playwright] step 2 'add to cart' p95"), decisive);
        // 8 against 8, every candidate slower: p = 1 / C(16,8) = 7.8e-5; Holm over 3 series (journey, 2 steps): x3.
        assertEquals("median 918 ms against 518 ms: slower than +10% allows (Mann-Whitney U p=2.3e-04 < 0.05, Holm-adjusted)",
                report.decisive().get(2).reason());
    }

    @Test
    void slowerByLessThanTheNoiseFloorIsNotSlower() {
        // +40% on a 60 ms step is 24 ms: below the 50 ms floor.
        GateReport report = compare(rounds("stable", 8, 60, 500, 0), rounds("canary", 8, 84, 500, 0));
        assertEquals(Verdict.PROMOTE, report.verdict());
    }

    @Test
    void overTheLimitWithoutEvidenceIsNoise() {
        // Half the canary's samples are much slower, half as fast as the baseline: a p95 far over, but ranks that overlap.
        List<JourneyResult> canary = new ArrayList<>();
        long[] addToCart = {480, 490, 500, 510, 1400, 1500, 1600, 1700};
        for (int i = 0; i < addToCart.length; i++) {
            canary.add(result("canary", 300 + i * 3L, addToCart[i], false));
        }
        List<JourneyResult> stable = new ArrayList<>();
        long[] base = {495, 505, 515, 525, 535, 545, 555, 565};
        for (int i = 0; i < base.length; i++) {
            stable.add(result("stable", 300 + i * 3L, base[i], false));
        }
        GateReport report = compare(stable, canary);
        assertEquals(Verdict.PROMOTE, report.verdict(), report.table());
        Comparison p95 = report.comparisons().stream()
                .filter(c -> c.subject().endsWith("step 2 'add to cart'") && c.measure().equals("p95")).findFirst().orElseThrow();
        assertEquals("p95 1665 ms against 562 ms: over +20%, but no evidence that the candidate is slower, only noise"
                + " (Mann-Whitney U p=1.000, Holm-adjusted)", p95.reason());
    }

    @Test
    void tooFewSamplesIsAHold() {
        GateReport report = compare(rounds("stable", 2, 300, 500, 0), rounds("canary", 2, 300, 500, 0));
        assertEquals(Verdict.HOLD, report.verdict());
        assertEquals("gate: hold canary against stable: add to cart [playwright] failures: not enough evidence: 2 baseline"
                + " and 2 candidate samples, 5 needed (and 6 more)", report.summary());
    }

    @Test
    void brokenResultsAreNoEvidence() {
        List<JourneyResult> canary = new ArrayList<>(rounds("canary", 8, 300, 500, 0));
        Attempt broken = new Attempt(1, Outcome.BROKEN, java.time.Instant.EPOCH, List.of(), Duration.ZERO, "browser gone", List.of(), null);
        canary.add(new JourneyResult(ResultKey.journey("add to cart", "canary", "playwright"), "cart", "canary", Outcome.BROKEN,
                Duration.ZERO, List.of(broken), Map.of()));
        GateReport report = compare(rounds("stable", 8, 300, 500, 0), canary);
        assertEquals(Verdict.PROMOTE, report.verdict());
        assertEquals(1, report.broken());
    }
}
