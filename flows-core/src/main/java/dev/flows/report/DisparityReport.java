package dev.flows.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flows.browser.Durations;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.ResultKey;
import dev.flows.run.RunResult;
import dev.flows.run.StepResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The same journeys on every site side by side: a table with journeys as rows and sites as columns, and the
 * differences called out and classified ("live failing, fallback passing: live FAILED at step 4 'add to cart',
 * fallback PASSED"; a product priced differently); see {@link Disparity}.
 *
 * <pre>{@code
 * DisparityReport report = DisparityReport.of(result);
 * System.out.println(report.table());
 * report.differences().forEach(System.out::println);
 * report.writeJson(result.output().resolve("disparity.json"));
 * }</pre>
 *
 * <p>A column is a site, or "site [engine]" when the run used more than one engine; differences are compared
 * between sites of the same engine. Results without an engine (HTTP page checks, rows "page: landing") show in
 * every column of their site and are compared between sites.
 */
public final class DisparityReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final RunResult run;
    private final List<String> journeys;
    private final List<String> columns;
    private final boolean severalEngines;
    private final Map<String, String> columnSites;

    private DisparityReport(RunResult run) {
        this.run = run;
        Set<String> j = new LinkedHashSet<>();
        Set<String> engines = new LinkedHashSet<>();
        run.results().forEach(r -> {
            j.add(r.journey());
            if (!pageCheck(r)) {
                // Page checks have no engine: they neither make a run "several engines" nor get columns of their own.
                engines.add(r.engine());
            }
        });
        this.journeys = List.copyOf(j);
        Set<String> browserEngines = engines;
        this.severalEngines = browserEngines.size() > 1;
        Map<String, String> c = new LinkedHashMap<>();
        for (String engine : browserEngines) {
            run.results().stream().filter(r -> r.engine().equals(engine)).forEach(r -> c.put(column(r), r.site()));
        }
        run.results().stream().filter(r -> c.values().stream().noneMatch(r.site()::equals))
                .forEach(r -> c.put(column(r), r.site()));
        this.columns = List.copyOf(c.keySet());
        this.columnSites = Map.copyOf(c);
    }

    public static DisparityReport of(RunResult run) {
        return new DisparityReport(run);
    }

    /** Journeys as rows, sites as columns; each cell "PASSED 3.2 s" or "FAILED 4 'add to cart'". */
    public String table() {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("journey");
        header.addAll(columns);
        rows.add(header);
        for (String journey : journeys) {
            List<String> row = new ArrayList<>();
            row.add(journey);
            for (String column : columns) {
                row.add(cell(journey, column).map(DisparityReport::describe).orElse("-"));
            }
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append(line(rows.get(r), widths)).append('\n');
            if (r == 0) {
                List<String> rule = new ArrayList<>();
                for (int w : widths) {
                    rule.add("-".repeat(w));
                }
                out.append(line(rule, widths)).append('\n');
            }
        }
        List<String> differences = differences();
        if (!differences.isEmpty()) {
            out.append("\nDifferences:\n");
            differences.forEach(d -> out.append("  - ").append(d).append('\n'));
        }
        return out.toString();
    }

    /**
     * Where sites disagree, classified: a journey with different outcomes ("'guest checkout' (live failing, fallback
     * passing): live FAILED at step 4 'add to cart', fallback PASSED"), a journey failing on every site ("'guest
     * checkout' (failing on every site): ..."), and a product priced differently ("'Barista Pro' costs €1,249.00 on
     * live, €1,124.10 on fallback").
     */
    public List<String> differences() {
        List<String> out = new ArrayList<>();
        Set<String> engines = new LinkedHashSet<>();
        run.results().forEach(r -> engines.add(r.engine()));
        for (String engine : engines) {
            String suffix = severalEngines && !engine.isEmpty() ? " [" + engine + "]" : "";
            for (List<JourneyResult> row : checks()) {
                if (!row.get(0).engine().equals(engine) || row.size() < 2) {
                    continue;
                }
                Disparity disparity = Disparity.of(row);
                boolean outcomesDiffer = row.stream().map(JourneyResult::outcome).distinct().count() > 1;
                if (outcomesDiffer || disparity == Disparity.ALL_FAILING) {
                    List<String> parts = new ArrayList<>();
                    row.forEach(r -> parts.add(r.site() + " " + r.outcome()
                            + r.failingStep().map(s -> " at " + s.label()).orElse("")));
                    out.add("'" + row.get(0).journey() + "'" + suffix
                            + (disparity == Disparity.NONE ? "" : " (" + disparity.says() + ")") + ": " + String.join(", ", parts));
                }
            }
            Map<String, Map<String, String>> prices = new LinkedHashMap<>();
            run.results().stream().filter(r -> r.engine().equals(engine)).forEach(r -> r.prices()
                    .forEach((product, price) -> prices.computeIfAbsent(product, p -> new LinkedHashMap<>()).putIfAbsent(r.site(), price)));
            prices.forEach((product, bySite) -> {
                if (bySite.values().stream().distinct().count() > 1) {
                    List<String> parts = new ArrayList<>();
                    bySite.forEach((site, price) -> parts.add(price + " on " + site));
                    out.add("'" + product + "'" + suffix + " costs " + String.join(", ", parts));
                }
            });
        }
        return out;
    }

    /** How the check of {@code key} (a journey on its engine, or a page check) fares across the run's sites. */
    public Disparity disparity(ResultKey key) {
        return checks().stream().filter(row -> row.get(0).key().sameCheck(key)).findFirst()
                .map(Disparity::of)
                .orElseThrow(() -> new IllegalArgumentException("no result for " + key + " in run " + run.runId()));
    }

    /** The results grouped by check (the same journey and engine, or the same page check), one per site, in run order. */
    private List<List<JourneyResult>> checks() {
        List<List<JourneyResult>> rows = new ArrayList<>();
        for (JourneyResult r : run.results()) {
            rows.stream().filter(row -> row.get(0).key().sameCheck(r.key())).findFirst()
                    .ifPresentOrElse(row -> row.add(r), () -> rows.add(new ArrayList<>(List.of(r))));
        }
        return rows;
    }

    /** Writes the table's data, the differences and every failure message as JSON; returns {@code file}. */
    public Path writeJson(Path file) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("runId", run.runId());
        root.put("tookMs", run.took().toMillis());
        root.put("columns", columns);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String journey : journeys) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("journey", journey);
            Map<String, Object> cells = new LinkedHashMap<>();
            for (String column : columns) {
                cell(journey, column).ifPresent(r -> cells.put(column, json(r)));
            }
            row.put("sites", cells);
            Map<String, Object> disparities = new LinkedHashMap<>();
            checks().stream().filter(group -> group.get(0).journey().equals(journey))
                    .forEach(group -> disparities.put(group.get(0).engine(), Disparity.of(group).name()));
            row.put("disparity", disparities);
            rows.add(row);
        }
        root.put("journeys", rows);
        root.put("differences", differences());
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the disparity report " + file.toAbsolutePath(), e);
        }
        return file;
    }

    private static Map<String, Object> json(JourneyResult r) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("kind", r.kind().name());
        cell.put("site", r.site());
        cell.put("role", r.role());
        cell.put("engine", r.engine());
        cell.put("outcome", r.outcome().name());
        cell.put("tookMs", r.took().toMillis());
        cell.put("attempts", r.attempts().size());
        r.failingStep().ifPresent(s -> {
            cell.put("failingStep", s.index());
            cell.put("failingStepName", s.name());
        });
        if (!r.message().isEmpty()) {
            cell.put("message", r.message());
        }
        if (!r.notes().isEmpty()) {
            cell.put("notes", r.notes());
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepResult s : r.last().steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("index", s.index());
            step.put("name", s.name());
            step.put("passed", s.passed());
            step.put("started", s.started().toString());
            step.put("tookMs", s.took().toMillis());
            steps.add(step);
        }
        cell.put("steps", steps);
        cell.put("diagnostics", r.diagnosticsFolders().stream().map(p -> p.toAbsolutePath().toString()).toList());
        cell.put("prices", r.prices());
        return cell;
    }

    /** A page check (no engine) shows in every column of its site. */
    private Optional<JourneyResult> cell(String journey, String column) {
        return run.results().stream().filter(r -> r.journey().equals(journey)
                && (pageCheck(r) ? r.site().equals(columnSites.get(column)) : column(r).equals(column))).findFirst();
    }

    private String column(JourneyResult r) {
        return severalEngines && !pageCheck(r) ? r.site() + " [" + r.engine() + "]" : r.site();
    }

    private static boolean pageCheck(JourneyResult r) {
        return r.kind() == ResultKey.Kind.PAGE_CHECK;
    }

    private static String describe(JourneyResult r) {
        Optional<StepResult> failing = r.failingStep();
        if (r.outcome() == Outcome.PASSED || r.outcome() == Outcome.DEGRADED || failing.isEmpty()) {
            return r.outcome() + " " + Durations.say(r.took());
        }
        StepResult s = failing.get();
        return r.outcome() + " " + Durations.say(r.took()) + " at " + s.index() + " '" + s.name() + "'";
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
        }
        return out.toString().stripTrailing();
    }
}
