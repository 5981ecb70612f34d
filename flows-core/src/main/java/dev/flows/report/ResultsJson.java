package dev.flows.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flows.diagnostics.Diagnostics;
import dev.flows.run.Attempt;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.ResultKey;
import dev.flows.run.RunResult;
import dev.flows.run.StepResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's results as JSON, whole: every attempt, step and diagnostics folder, so that {@code flows merge} can
 * rebuild the results of shards run on other machines and make one report from them, instead of parsing the
 * disparity report's display text back.
 *
 * <pre>{@code
 * ResultsJson.write(result, result.output().resolve(ResultsJson.FILE));
 * RunResult again = ResultsJson.read(Path.of("shard-2/20261202-101500-ab12/results.json"));
 * }</pre>
 */
public final class ResultsJson {

    /** The file name a run writes next to {@code disparity.json}. */
    public static final String FILE = "results.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int VERSION = 1;

    private ResultsJson() {
    }

    /** Writes {@code run} to {@code file}; returns it. */
    public static Path write(RunResult run, Path file) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("flowsResults", VERSION);
        root.put("runId", run.runId());
        root.put("output", run.output().toAbsolutePath().toString());
        root.put("tookNanos", run.took().toNanos());
        List<Map<String, Object>> results = new ArrayList<>();
        for (JourneyResult r : run.results()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", r.key().kind().name());
            m.put("name", r.key().name());
            m.put("feature", r.feature());
            m.put("site", r.site());
            m.put("role", r.role());
            m.put("engine", r.engine());
            m.put("outcome", r.outcome().name());
            m.put("tookNanos", r.took().toNanos());
            List<Map<String, Object>> attempts = new ArrayList<>();
            for (Attempt a : r.attempts()) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("number", a.number());
                am.put("outcome", a.outcome().name());
                am.put("started", a.started() == null ? null : a.started().toString());
                am.put("tookNanos", a.took().toNanos());
                am.put("failure", a.failure());
                am.put("notes", a.notes());
                List<Map<String, Object>> steps = new ArrayList<>();
                for (StepResult s : a.steps()) {
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("index", s.index());
                    sm.put("name", s.name());
                    sm.put("passed", s.passed());
                    sm.put("started", s.started() == null ? null : s.started().toString());
                    sm.put("tookNanos", s.took().toNanos());
                    sm.put("budgetNanos", s.budget() == null ? null : s.budget().toNanos());
                    sm.put("failure", s.failure());
                    steps.add(sm);
                }
                am.put("steps", steps);
                if (a.diagnostics() != null) {
                    Map<String, Object> dm = new LinkedHashMap<>();
                    dm.put("folder", a.diagnostics().folder().toString());
                    dm.put("files", a.diagnostics().files().stream().map(Path::toString).toList());
                    dm.put("problems", a.diagnostics().problems());
                    am.put("diagnostics", dm);
                }
                attempts.add(am);
            }
            m.put("attempts", attempts);
            m.put("prices", r.prices());
            results.add(m);
        }
        root.put("results", results);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results " + file.toAbsolutePath(), e);
        }
        return file;
    }

    /** Reads a file {@link #write} wrote; a one-line error naming the file otherwise. */
    public static RunResult read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a Flows results file: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.path("flowsResults").asInt(0) != VERSION) {
            throw new IllegalArgumentException(file + ": not a Flows results file (no \"flowsResults\": " + VERSION + ")");
        }
        try {
            List<JourneyResult> results = new ArrayList<>();
            for (JsonNode r : root.path("results")) {
                List<Attempt> attempts = new ArrayList<>();
                for (JsonNode a : r.path("attempts")) {
                    List<StepResult> steps = new ArrayList<>();
                    for (JsonNode s : a.path("steps")) {
                        steps.add(new StepResult(s.path("index").asInt(), s.path("name").asText(), s.path("passed").asBoolean(),
                                instant(s.path("started")), Duration.ofNanos(s.path("tookNanos").asLong()),
                                s.path("budgetNanos").isNull() ? null : Duration.ofNanos(s.path("budgetNanos").asLong()),
                                text(s.path("failure"))));
                    }
                    Diagnostics diagnostics = null;
                    JsonNode d = a.path("diagnostics");
                    if (d.isObject()) {
                        List<Path> files = new ArrayList<>();
                        d.path("files").forEach(f -> files.add(Path.of(f.asText())));
                        List<String> problems = new ArrayList<>();
                        d.path("problems").forEach(p -> problems.add(p.asText()));
                        diagnostics = new Diagnostics(Path.of(d.path("folder").asText()), files, problems);
                    }
                    List<String> notes = new ArrayList<>();
                    a.path("notes").forEach(n -> notes.add(n.asText()));
                    attempts.add(new Attempt(a.path("number").asInt(), Outcome.valueOf(a.path("outcome").asText()),
                            instant(a.path("started")), steps,
                            Duration.ofNanos(a.path("tookNanos").asLong()), text(a.path("failure")), notes, diagnostics));
                }
                Map<String, String> prices = new LinkedHashMap<>();
                r.path("prices").fields().forEachRemaining(e -> prices.put(e.getKey(), e.getValue().asText()));
                ResultKey key = new ResultKey(ResultKey.Kind.valueOf(r.path("kind").asText()), r.path("name").asText(),
                        r.path("site").asText(), r.path("engine").asText());
                results.add(new JourneyResult(key, r.path("feature").asText(), r.path("role").asText(),
                        Outcome.valueOf(r.path("outcome").asText()), Duration.ofNanos(r.path("tookNanos").asLong()), attempts, prices));
            }
            return new RunResult(root.path("runId").asText(), Path.of(root.path("output").asText()),
                    Duration.ofNanos(root.path("tookNanos").asLong()), results);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": a result cannot be read: " + e.getMessage());
        }
    }

    private static java.time.Instant instant(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : java.time.Instant.parse(node.asText());
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
