package dev.flows.gate;

import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.StepResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares what the baseline and the candidate did over the gate's rounds and decides: pure, no browser, so every
 * rule is tested with made-up results.
 *
 * <pre>{@code
 * GateReport report = GateAnalysis.compare(policy, "stable", baselineResults, "canary", candidateResults);
 * report.verdict();   // PROMOTE, HOLD or ROLLBACK
 * }</pre>
 *
 * <p>The rules, per journey (and engine) and per page check:
 * <ul>
 *   <li><b>failures</b>: FAILED results (BROKEN ones are the monitor's problem and no evidence about either site).
 *   More than {@code maxExtraFailures} beyond the baseline's (scaled to the candidate's samples) is a rollback when
 *   Fisher's exact test says so ({@code p < alpha}), else a hold: a flaky baseline raises the bar.</li>
 *   <li><b>latency</b>: the whole journey (successful results) and each step that passed, in milliseconds.
 *   A median more than {@code maxMedianSlowerPercent}, or a 95th percentile more than {@code maxP95SlowerPercent},
 *   above the baseline's, and by more than the noise floor, is a rollback when the one-sided Mann-Whitney U test
 *   says the candidate is slower ({@code p < alpha} after Holm's correction over every latency series, so that
 *   twenty steps do not give twenty chances of a false alarm). Without that evidence the difference is noise
 *   and passes: a hold there would hold every healthy canary on a busy machine.</li>
 *   <li>Fewer than {@code minSamples} on a side: hold, whatever the numbers.</li>
 * </ul>
 * The verdict is the worst line: rollback over hold over promote.
 */
public final class GateAnalysis {

    private GateAnalysis() {
    }

    /** Compares the results of every round; each list holds the results of one site only. */
    public static GateReport compare(GatePolicy policy, String baselineSite, List<JourneyResult> baseline,
                                     String candidateSite, List<JourneyResult> candidate) {
        Map<String, Subject> subjects = new LinkedHashMap<>();
        baseline.forEach(r -> subjects.computeIfAbsent(subject(r), Subject::new).baseline.add(r));
        candidate.forEach(r -> subjects.computeIfAbsent(subject(r), Subject::new).candidate.add(r));

        List<Series> series = new ArrayList<>();
        for (Subject s : subjects.values()) {
            series.add(new Series(s.name, "", durations(s.baseline, null), durations(s.candidate, null)));
            if (!isPageCheck(s)) {
                for (String step : stepLabels(s)) {
                    series.add(new Series(s.name, step, durations(s.baseline, step), durations(s.candidate, step)));
                }
            }
        }
        holm(series);

        List<Comparison> lines = new ArrayList<>();
        int broken = 0;
        for (Subject s : subjects.values()) {
            broken += (int) s.baseline.stream().filter(r -> r.outcome() == Outcome.BROKEN).count();
            broken += (int) s.candidate.stream().filter(r -> r.outcome() == Outcome.BROKEN).count();
            lines.add(failures(policy, s));
            for (Series x : series) {
                if (x.subject.equals(s.name)) {
                    lines.add(latency(policy, x, "median", median(x.baseline), median(x.candidate), policy.maxMedianSlowerPercent()));
                    lines.add(latency(policy, x, "p95", percentile(x.baseline, 95), percentile(x.candidate, 95), policy.maxP95SlowerPercent()));
                }
            }
        }
        return new GateReport(baselineSite, candidateSite, policy, lines, broken);
    }

    private static final class Subject {
        final String name;
        final List<JourneyResult> baseline = new ArrayList<>();
        final List<JourneyResult> candidate = new ArrayList<>();

        Subject(String name) {
            this.name = name;
        }
    }

    private static final class Series {
        final String subject;
        final String step;
        final double[] baseline;
        final double[] candidate;
        double p;

        Series(String subject, String step, double[] baseline, double[] candidate) {
            this.subject = subject;
            this.step = step;
            this.baseline = baseline;
            this.candidate = candidate;
        }

        String name() {
            return step.isEmpty() ? subject : subject + " " + step;
        }
    }

    private static String subject(JourneyResult r) {
        return r.engine().isEmpty() ? r.journey() : r.journey() + " [" + r.engine() + "]";
    }

    private static boolean isPageCheck(Subject s) {
        return java.util.stream.Stream.concat(s.baseline.stream(), s.candidate.stream()).allMatch(r -> r.engine().isEmpty());
    }

    private static List<String> stepLabels(Subject s) {
        List<String> labels = new ArrayList<>();
        for (List<JourneyResult> side : List.of(s.baseline, s.candidate)) {
            for (JourneyResult r : side) {
                for (StepResult step : r.last().steps()) {
                    if (!labels.contains(step.label())) {
                        labels.add(step.label());
                    }
                }
            }
        }
        return labels;
    }

    /** Milliseconds of the whole attempt (step == null, successful results only) or of one step that passed. */
    private static double[] durations(List<JourneyResult> results, String step) {
        List<Double> out = new ArrayList<>();
        for (JourneyResult r : results) {
            if (step == null) {
                if (r.outcome().isSuccess()) {
                    out.add(r.last().took().toNanos() / 1e6);
                }
            } else {
                r.last().steps().stream().filter(s -> s.passed() && s.label().equals(step)).findFirst()
                        .ifPresent(s -> out.add(s.took().toNanos() / 1e6));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Holm's step-down adjustment: the k-th smallest p of m is multiplied by (m - k + 1), kept monotone. */
    private static void holm(List<Series> series) {
        series.forEach(s -> s.p = MannWhitney.pSlower(s.candidate, s.baseline));
        List<Series> sorted = new ArrayList<>(series);
        sorted.sort(Comparator.comparingDouble(s -> s.p));
        int m = sorted.size();
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1.0, (m - k) * sorted.get(k).p));
            sorted.get(k).p = running;
        }
    }

    private static Comparison failures(GatePolicy policy, Subject s) {
        int nb = (int) s.baseline.stream().filter(r -> r.outcome() != Outcome.BROKEN).count();
        int nc = (int) s.candidate.stream().filter(r -> r.outcome() != Outcome.BROKEN).count();
        int fb = (int) s.baseline.stream().filter(r -> r.outcome() == Outcome.FAILED).count();
        int fc = (int) s.candidate.stream().filter(r -> r.outcome() == Outcome.FAILED).count();
        String samples = nb + "/" + nc;
        double expected = nb == 0 ? 0 : fb * (double) nc / nb;
        double extra = fc - expected;
        String change = signed(extra) + " failures";
        String limit = "+" + policy.maxExtraFailures() + " failures";
        if (nb < policy.minSamples() || nc < policy.minSamples()) {
            return new Comparison(s.name, "failures", fb, fc, samples, change, limit, Double.NaN, Verdict.HOLD,
                    notEnough(nb, nc, policy));
        }
        if (extra <= policy.maxExtraFailures() + 1e-9) {
            return new Comparison(s.name, "failures", fb, fc, samples, change, limit, Double.NaN, Verdict.PROMOTE,
                    fc + " of " + nc + " failed on the candidate, " + fb + " of " + nb + " on the baseline: within " + limit);
        }
        double p = FisherExact.pMoreFailures(fc, nc, fb, nb);
        if (p < policy.alpha()) {
            return new Comparison(s.name, "failures", fb, fc, samples, change, limit, p, Verdict.ROLLBACK,
                    fc + " of " + nc + " failed on the candidate, " + fb + " of " + nb + " on the baseline: more failures"
                            + " than " + limit + " allows (Fisher's exact test p=" + p(p) + " < " + policy.alpha() + ")");
        }
        return new Comparison(s.name, "failures", fb, fc, samples, change, limit, p, Verdict.HOLD,
                fc + " of " + nc + " failed on the candidate, " + fb + " of " + nb + " on the baseline: over " + limit
                        + ", but within noise (Fisher's exact test p=" + p(p) + ")");
    }

    private static Comparison latency(GatePolicy policy, Series x, String measure, double base, double cand, int percent) {
        String samples = x.baseline.length + "/" + x.candidate.length;
        String limit = "+" + percent + "%";
        if (x.baseline.length < policy.minSamples() || x.candidate.length < policy.minSamples()) {
            return new Comparison(x.name(), measure, round(base), round(cand), samples, change(base, cand), limit, Double.NaN,
                    Verdict.HOLD, notEnough(x.baseline.length, x.candidate.length, policy));
        }
        double floor = policy.noiseFloor().toNanos() / 1e6;
        boolean overRatio = cand > base * (1 + percent / 100.0);
        boolean overFloor = cand - base > floor;
        String said = measure + " " + ms(cand) + " against " + ms(base);
        if (!overRatio || !overFloor) {
            return new Comparison(x.name(), measure, round(base), round(cand), samples, change(base, cand), limit, x.p,
                    Verdict.PROMOTE, said + ": within " + (overRatio ? "the " + ms(floor) + " noise floor" : limit));
        }
        if (x.p < policy.alpha()) {
            return new Comparison(x.name(), measure, round(base), round(cand), samples, change(base, cand), limit, x.p,
                    Verdict.ROLLBACK, said + ": slower than " + limit + " allows (Mann-Whitney U p=" + p(x.p)
                    + " < " + policy.alpha() + ", Holm-adjusted)");
        }
        // Over the limit in the point estimate only: the ranks do not say the candidate is slower. Holding here would
        // hold a healthy canary whenever a busy machine spreads the timings (one slow sample moves a p95 by seconds).
        return new Comparison(x.name(), measure, round(base), round(cand), samples, change(base, cand), limit, x.p,
                Verdict.PROMOTE, said + ": over " + limit + ", but no evidence that the candidate is slower, only noise"
                + " (Mann-Whitney U p=" + p(x.p) + ", Holm-adjusted)");
    }

    private static String notEnough(int nb, int nc, GatePolicy policy) {
        return "not enough evidence: " + nb + " baseline and " + nc + " candidate samples, " + policy.minSamples() + " needed";
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }

    /** The linear-interpolation percentile (R's type 7, numpy's default); NaN without values. */
    static double percentile(double[] values, double percent) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * percent / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static String change(double base, double cand) {
        if (Double.isNaN(base) || Double.isNaN(cand) || base <= 0) {
            return "-";
        }
        return signed((cand / base - 1) * 100) + "%";
    }

    private static String signed(double v) {
        String text = Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v)) : String.format(Locale.ROOT, "%.1f", v);
        return v >= 0 ? "+" + text : text;
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10) / 10.0;
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f ms", v);
    }

    static String p(double p) {
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }
}
