package dev.flows.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flows.config.FlowsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Argo Rollouts AnalysisTemplates and the Helm test hook under {@code docs/canary} are well-formed YAML with the
 * fields their controllers read, and the flows.yaml they carry is one the gate accepts.
 */
class DeploymentDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "canary");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (values.hasNext()) {
                out.add((JsonNode) values.next());
            }
        }
        return out;
    }

    /** The flows.yaml inside a ConfigMap, read as the gate reads it (with the URLs the Job's environment sets). */
    private FlowsConfig flowsYaml(JsonNode configMap) throws IOException {
        Path file = dir.resolve("flows.yaml");
        Files.writeString(file, configMap.path("data").path("flows.yaml").asText());
        return FlowsConfig.read(file, Map.of("STABLE_URL", "http://stable.test/", "CANARY_URL", "http://canary.test/"), Map.of());
    }

    @Test
    void theJobAnalysisTemplateRunsTheGateOnceWithoutRetries() throws IOException {
        List<JsonNode> docs = documents(DOCS.resolve("analysis-template-gate-job.yaml"));
        assertEquals(2, docs.size());
        JsonNode template = docs.get(0);
        assertEquals("argoproj.io/v1alpha1", template.path("apiVersion").asText());
        assertEquals("AnalysisTemplate", template.path("kind").asText());
        JsonNode metric = template.path("spec").path("metrics").get(0);
        assertEquals(1, metric.path("count").asInt());
        assertEquals(0, metric.path("failureLimit").asInt());
        JsonNode job = metric.path("provider").path("job").path("spec");
        assertEquals(0, job.path("backoffLimit").asInt());
        assertEquals("Never", job.path("template").path("spec").path("restartPolicy").asText());
        JsonNode container = job.path("template").path("spec").path("containers").get(0);
        assertEquals("gate", container.path("args").get(0).asText());
        assertEquals("{{args.canary-url}}", container.path("env").get(1).path("value").asText());
        List<String> args = new ArrayList<>();
        template.path("spec").path("args").forEach(a -> args.add(a.path("name").asText()));
        assertEquals(List.of("stable-url", "canary-url"), args);

        JsonNode configMap = docs.get(1);
        assertEquals("ConfigMap", configMap.path("kind").asText());
        assertEquals(configMap.path("metadata").path("name").asText(),
                job.path("template").path("spec").path("volumes").get(0).path("configMap").path("name").asText());
        FlowsConfig config = flowsYaml(configMap);
        assertEquals("canary", config.gate().candidate());
        assertEquals(GatePolicy.builder().rounds(10).minSamples(8).build(), config.gate().policy());
    }

    @Test
    void thePrometheusAnalysisTemplateQueriesTheMonitorsMetrics() throws IOException {
        List<JsonNode> docs = documents(DOCS.resolve("analysis-template-prometheus.yaml"));
        assertEquals(1, docs.size());
        JsonNode spec = docs.get(0).path("spec");
        assertEquals("AnalysisTemplate", docs.get(0).path("kind").asText());
        List<String> names = new ArrayList<>();
        spec.path("metrics").forEach(m -> {
            names.add(m.path("name").asText());
            assertEquals("{{args.prometheus-address}}", m.path("provider").path("prometheus").path("address").asText());
            assertTrue(m.path("successCondition").asText().startsWith("len(result) > 0 && result[0]"), m.toString());
            assertTrue(m.has("failureCondition"), m.toString());
        });
        assertEquals(List.of("canary-journey-success-rate", "canary-journey-p95-ratio", "flows-monitor-alive"), names);
        String queries = spec.path("metrics").findValues("query").toString();
        for (String metric : List.of("flows_journeys_total", "flows_journey_duration_seconds_bucket", "flows_last_run_timestamp_seconds")) {
            assertTrue(queries.contains(metric), metric + " in " + queries);
        }
    }

    @Test
    void theHelmTestHookRunsTheGate() throws IOException {
        Path chart = DOCS.resolve("helm/flows-gate-test");
        assertEquals("v2", documents(chart.resolve("Chart.yaml")).get(0).path("apiVersion").asText());
        JsonNode pod = documents(chart.resolve("templates/tests/flows-gate.yaml")).get(0);
        assertEquals("Pod", pod.path("kind").asText());
        assertEquals("test", pod.path("metadata").path("annotations").path("helm.sh/hook").asText());
        assertEquals("Never", pod.path("spec").path("restartPolicy").asText());
        JsonNode container = pod.path("spec").path("containers").get(0);
        assertEquals("gate", container.path("args").get(0).asText());
        JsonNode values = documents(chart.resolve("values.yaml")).get(0);
        for (String key : List.of("stableUrl", "canaryUrl", "image", "rounds")) {
            assertTrue(values.has(key), "values.yaml has " + key);
        }
        JsonNode configMap = documents(chart.resolve("templates/tests/flows-gate-config.yaml")).get(0);
        assertEquals("test", configMap.path("metadata").path("annotations").path("helm.sh/hook").asText());
        assertEquals(10, flowsYaml(configMap).gate().policy().rounds());
    }
}
