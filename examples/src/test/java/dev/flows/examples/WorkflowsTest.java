package dev.flows.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GitHub Actions workflows pass a real linter, and say what the README says they do. */
class WorkflowsTest {

    private static final Path WORKFLOWS = Path.of("..", ".github", "workflows");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode workflow(String name) throws IOException {
        return YAML.readTree(WORKFLOWS.resolve(name).toFile());
    }

    private static List<JsonNode> steps(JsonNode workflow) {
        List<JsonNode> steps = new ArrayList<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(steps::add));
        return steps;
    }

    @Test
    void everyWorkflowParsesAndHasJobsWithSteps() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            List<Path> yamls = files.filter(f -> f.toString().endsWith(".yml")).toList();
            assertFalse(yamls.isEmpty());
            for (Path file : yamls) {
                JsonNode workflow = YAML.readTree(file.toFile());
                assertTrue(workflow.path("name").isTextual(), file + " has a name");
                assertTrue(workflow.has("on"), file + " says when it runs");
                assertTrue(workflow.path("jobs").size() > 0, file + " has jobs");
                workflow.path("jobs").fields().forEachRemaining(job -> {
                    assertTrue(job.getValue().path("runs-on").isTextual(), file + " job " + job.getKey() + " runs somewhere");
                    assertTrue(job.getValue().path("steps").size() > 0, file + " job " + job.getKey() + " has steps");
                    job.getValue().path("steps").forEach(step -> assertTrue(step.has("uses") ^ step.has("run"),
                            file + ": a step either uses an action or runs a command: " + step));
                });
            }
        }
    }

    /**
     * Every workflow passes {@code action-validator} (npm {@code @action-validator/cli}, pinned and installed by
     * {@code .ci/run}): the schema of GitHub's workflow syntax, not only YAML. Absent on a developer's machine the
     * test is skipped with a message; absent in CI ({@code CI=true}) it fails.
     */
    @Test
    void everyWorkflowPassesTheLinter() throws IOException, InterruptedException {
        String tool = linter();
        if (tool == null) {
            String missing = "action-validator is not on PATH: npm install -g @action-validator/cli@0.6.0 (.ci/run does)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(missing);
            }
            Assumptions.abort(missing);
        }
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                Process p = new ProcessBuilder(tool, file.toString()).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "action-validator did not finish on " + file);
                assertEquals(0, p.exitValue(), file + " fails action-validator:\n" + output);
            }
        }
    }

    /** {@code FLOWS_ACTION_VALIDATOR}, else {@code action-validator} on PATH, else null. */
    private static String linter() {
        String given = System.getenv("FLOWS_ACTION_VALIDATOR");
        if (given != null && !given.isBlank()) {
            return given;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "action-validator");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    @Test
    void aBrokenWorkflowFailsTheLinter(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException, InterruptedException {
        String tool = linter();
        Assumptions.assumeTrue(tool != null || "true".equalsIgnoreCase(System.getenv("CI")), "action-validator is not on PATH");
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, "name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        runz: echo\n");
        Process p = new ProcessBuilder(String.valueOf(tool), broken.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("Additional property 'runz' is not allowed"), output);
    }

    @Test
    void ciRunsTheSameScriptAsOurCi() throws IOException {
        JsonNode ci = workflow("ci.yml");
        assertTrue(steps(ci).stream().anyMatch(s -> s.path("run").asText().strip().equals("bash .ci/run")));
    }

    @Test
    void theMonitorRunsOnACronAndByHandAndAlwaysSendsAFinalHeartbeat() throws IOException {
        JsonNode monitor = workflow("monitor.yml");
        String cron = monitor.path("on").path("schedule").path(0).path("cron").asText();
        assertEquals(5, cron.trim().split("\\s+").length, "a five-field cron: " + cron);
        assertTrue(monitor.path("on").has("workflow_dispatch"));

        List<JsonNode> steps = new ArrayList<>();
        monitor.path("jobs").path("monitor").path("steps").forEach(steps::add);
        JsonNode run = steps.stream().filter(s -> "monitor".equals(s.path("id").asText())).findFirst().orElseThrow();
        assertTrue(run.path("run").asText().contains("./mvnw -q -B -ntp test-compile exec:java -pl examples -am"),
                "the monitor step runs the README's run command: " + run.path("run").asText());
        assertTrue(run.path("run").asText().contains("-Dexec.args=\"run --config "), "the flows command: " + run.path("run").asText());
        assertTrue(run.path("run").asText().contains("--every 60s"), "minute-level page checks");
        int validate = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).path("run").asText().contains("-Dexec.args=\"validate --config ")) {
                validate = i;
            }
        }
        assertTrue(validate >= 0 && validate < steps.indexOf(run), "flows validate runs before the monitor: " + steps);

        JsonNode last = steps.get(steps.size() - 1);
        assertEquals("always()", last.path("if").asText(), "the final heartbeat runs even when the job failed");
        assertTrue(last.path("run").asText().contains("$HC_PING_URL/fail"));

        List<String> cached = steps.stream().filter(s -> s.path("uses").asText().startsWith("actions/cache/"))
                .map(s -> s.path("with").path("path").asText()).toList();
        assertTrue(cached.contains("target/flows-output/alert-state.json"), "alert state kept between runs: " + cached);
        assertTrue(cached.contains("allure-history"), "Allure history kept between runs: " + cached);
        assertTrue(steps.stream().anyMatch(s -> s.path("uses").asText().startsWith("actions/upload-pages-artifact")),
                "the report goes to GitHub Pages");
        assertEquals("actions/deploy-pages@v4",
                monitor.path("jobs").path("publish-report").path("steps").path(0).path("uses").asText());
    }
}
