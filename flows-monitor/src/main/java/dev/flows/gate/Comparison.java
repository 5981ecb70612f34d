package dev.flows.gate;

/**
 * One line of the gate's evidence: one measure of one journey, step or page on both sites, and what it says.
 *
 * @param subject   "add to cart [playwright]", "add to cart [playwright] step 3 'add to cart'", "page: landing"
 * @param measure   "failures", "median" or "p95"
 * @param baseline  the baseline's value: failures, or milliseconds
 * @param candidate the candidate's value
 * @param samples   samples per side, "8/8" (baseline/candidate)
 * @param change    the candidate against the baseline: "+2 failures", "+12.5%"
 * @param limit     what the policy allows: "+0 failures", "+10%"
 * @param p         the test's p-value (Holm-adjusted for latencies), or NaN when no test was needed
 * @param verdict   this line's verdict
 * @param reason    one sentence: why
 */
public record Comparison(String subject, String measure, double baseline, double candidate, String samples, String change,
                         String limit, double p, Verdict verdict, String reason) {
}
