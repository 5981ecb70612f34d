package dev.flows.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gate's verdict with its evidence: one {@link Comparison} per measure, as a table for people and as JSON for
 * machines (an Argo Rollouts analysis, a pipeline step).
 *
 * <pre>{@code
 * System.out.print(report.table());
 * report.writeJson(Path.of("gate.json"));
 * System.exit(report.verdict().exitCode());
 * }</pre>
 *
 * @param baseline    the baseline site's name
 * @param candidate   the candidate site's name
 * @param policy      the thresholds applied
 * @param comparisons every measure of every journey, step and page
 * @param broken      BROKEN results left out (the monitor's problem, no evidence about either site)
 */
public record GateReport(String baseline, String candidate, GatePolicy policy, List<Comparison> comparisons, int broken) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public GateReport {
        comparisons = List.copyOf(comparisons);
    }

    /** The worst line's verdict: rollback over hold over promote; hold when there is nothing to compare. */
    public Verdict verdict() {
        if (comparisons.isEmpty()) {
            return Verdict.HOLD;
        }
        return comparisons.stream().map(Comparison::verdict).reduce(Verdict.PROMOTE, Verdict::worst);
    }

    /** The lines that decided: those with the verdict's own word (for promote: none). */
    public List<Comparison> decisive() {
        Verdict v = verdict();
        return v == Verdict.PROMOTE ? List.of() : comparisons.stream().filter(c -> c.verdict() == v).toList();
    }

    /** One line: "gate: rollback canary against stable: add to cart [playwright] failures: 4 of 8 failed ...". */
    public String summary() {
        Verdict v = verdict();
        if (comparisons.isEmpty()) {
            return "gate: hold " + candidate + " against " + baseline + ": nothing was compared (no journeys and no page checks)";
        }
        if (v == Verdict.PROMOTE) {
            return "gate: promote " + candidate + " against " + baseline + ": all " + comparisons.size()
                    + " measures within the thresholds";
        }
        List<Comparison> d = decisive();
        Comparison first = d.get(0);
        return "gate: " + v.word() + " " + candidate + " against " + baseline + ": " + first.subject() + " " + first.measure()
                + ": " + first.reason() + (d.size() > 1 ? " (and " + (d.size() - 1) + " more)" : "");
    }

    /** The evidence as a console table, then the summary line. */
    public String table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("subject", "measure", baseline, candidate, "n", "change", "limit", "p", "verdict"));
        for (Comparison c : comparisons) {
            boolean failures = c.measure().equals("failures");
            rows.add(List.of(c.subject(), c.measure(), value(c.baseline(), failures), value(c.candidate(), failures),
                    c.samples(), c.change(), c.limit(), Double.isNaN(c.p()) ? "-" : GateAnalysis.p(c.p()), c.verdict().word()));
        }
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", rows.get(r).get(i)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    rule.append(i == 0 ? "" : " | ").append("-".repeat(widths[i]));
                }
                out.append(rule).append('\n');
            }
        }
        if (broken > 0) {
            out.append("\n").append(broken).append(" BROKEN results left out: the monitor failed there, not the site\n");
        }
        out.append('\n').append(summary()).append('\n');
        return out.toString();
    }

    /** The verdict, the exit code, the thresholds, the decisive lines and every comparison. */
    public Map<String, Object> toJson(int exitCode) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("verdict", verdict().word());
        root.put("exitCode", exitCode);
        root.put("baseline", baseline);
        root.put("candidate", candidate);
        root.put("summary", summary());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rounds", policy.rounds());
        p.put("warmup", policy.warmup());
        p.put("minSamples", policy.minSamples());
        p.put("maxExtraFailures", policy.maxExtraFailures());
        p.put("maxMedianSlowerPercent", policy.maxMedianSlowerPercent());
        p.put("maxP95SlowerPercent", policy.maxP95SlowerPercent());
        p.put("noiseFloorMs", policy.noiseFloor().toMillis());
        p.put("alpha", policy.alpha());
        root.put("policy", p);
        root.put("broken", broken);
        root.put("decisive", decisive().stream().map(GateReport::json).toList());
        root.put("comparisons", comparisons.stream().map(GateReport::json).toList());
        return root;
    }

    /** Writes {@link #toJson} to {@code file}; returns it. */
    public Path writeJson(Path file, int exitCode) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            JSON.writeValue(file.toFile(), toJson(exitCode));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gate report " + file.toAbsolutePath(), e);
        }
        return file;
    }

    private static Map<String, Object> json(Comparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", c.subject());
        m.put("measure", c.measure());
        m.put("baseline", Double.isNaN(c.baseline()) ? null : c.baseline());
        m.put("candidate", Double.isNaN(c.candidate()) ? null : c.candidate());
        m.put("unit", c.measure().equals("failures") ? "failures" : "ms");
        m.put("samples", c.samples());
        m.put("change", c.change());
        m.put("limit", c.limit());
        m.put("p", Double.isNaN(c.p()) ? null : Double.valueOf(GateAnalysis.p(c.p())));
        m.put("verdict", c.verdict().word());
        m.put("reason", c.reason());
        return m;
    }

    private static String value(double v, boolean count) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return count ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.0f ms", v);
    }
}
