package dev.flows.config;

import dev.flows.browser.BrowserConfig;
import dev.flows.site.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowsConfigTest {

    @TempDir
    Path dir;

    private static final String MINIMAL = """
            sites:
              - name: live
                url: https://shop.example.com
            """;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private FlowsConfig read(String yaml) throws IOException {
        return FlowsConfig.read(write("flows.yaml", yaml), Map.of(), Map.of());
    }

    private String error(String yaml) throws IOException {
        return error(yaml, Map.of(), Map.of());
    }

    private String error(String yaml, Map<String, String> env, Map<String, String> overrides) throws IOException {
        Path file = write("flows.yaml", yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> FlowsConfig.read(file, env, overrides));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        if (overrides.isEmpty()) {
            // flows validate refuses the same file with exit code 2 and exactly that line (overrides are -D properties,
            // which a command line in this JVM cannot set apart).
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int code = new dev.flows.monitor.cli.Flows(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                    new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), env)
                    .execute("validate", "--config", file.toString());
            assertEquals(2, code, out.toString(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(List.of("flows: " + e.getMessage()), err.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList());
            assertEquals("", out.toString(java.nio.charset.StandardCharsets.UTF_8), "nothing printed but the error");
        }
        return e.getMessage().replace(file.toString(), "flows.yaml");
    }

    @Test
    void aMinimalFileGetsTheDocumentedDefaults() throws IOException {
        FlowsConfig config = read(MINIMAL);
        assertEquals("playwright", config.engine());
        assertEquals(1, config.retries());
        assertEquals(1, config.parallelSites());
        assertEquals(Duration.ofSeconds(5), config.timeouts().waitFor());
        assertEquals(Duration.ofMinutes(5), config.timeouts().journey());
        assertEquals(Path.of("target", "flows-output"), config.output());
        assertEquals(1, config.alert().after());
        assertEquals("X-Flows-Synthetic", config.traffic().header());
        Site live = config.siteList().get(0);
        assertEquals(URI.create("https://shop.example.com/"), live.baseUrl());
        assertEquals("primary", live.role());
        assertFalse(live.production());
        BrowserConfig browser = config.browserConfig();
        assertEquals(BrowserConfig.EngineType.PLAYWRIGHT, browser.engine());
        assertTrue(browser.headless());
    }

    @Test
    void readsEverySection() throws IOException {
        FlowsConfig config = FlowsConfig.read(write("flows.yaml", """
                sites:
                  - { name: live, url: "https://shop.example.com", role: primary, production: true,
                      headers: { X-Env: prod }, credentials: { password: "${SHOP_PASSWORD}" } }
                  - { name: fallback, url: "${FALLBACK_URL}", role: fallback }
                engine: selenium
                browser: { headless: false, path: /usr/bin/chromium, downloads: false, args: [--lang=de] }
                timeouts: { waitFor: 8s, navigation: 45s, step: 90s, journey: 4m }
                retries: 2
                stepBudget: 2500ms
                parallelSites: 2
                allowOrders: [fallback]
                traffic: { header: X-Monitor, value: flows, userAgentSuffix: AcmeMonitor/1 }
                heartbeat:
                  - { type: healthchecks, url: "${HC_PING_URL}", site: live, exitStatus: true }
                  - { type: cronitor, url: "https://cronitor.link/p/key/flows", env: production }
                checks:
                  every: 1m
                  pages:
                    - { type: landing, path: /, marker: "Bean & Burr", budget: 1500ms }
                    - { type: cart, path: /cart, status: 200 }
                alert: { after: 3, state: state/alerts.json }
                output: reports
                """), Map.of("SHOP_PASSWORD", "s3cret", "FALLBACK_URL", "https://fallback.example.net",
                "HC_PING_URL", "https://hc-ping.com/0f7b"), Map.of());
        assertEquals("selenium", config.engine());
        assertEquals(URI.create("https://fallback.example.net/"), config.siteList().get(1).baseUrl());
        assertEquals("s3cret", config.sites().get(0).credentials().get("password").value());
        assertEquals("${SHOP_PASSWORD}", config.sites().get(0).credentials().get("password").toString());
        assertEquals(Map.of("X-Env", "prod"), config.siteList().get(0).headers());
        assertFalse(config.browserConfig().headless());
        assertEquals(List.of("--lang=de"), config.browserConfig().browserArgs());
        assertEquals(Duration.ofSeconds(8), config.browserConfig().timeouts().waitFor());
        assertEquals(Duration.ofMillis(2500), config.stepBudget());
        assertEquals(List.of("fallback"), config.allowOrders());
        assertEquals(2, config.heartbeatTargets().size());
        assertEquals("healthchecks", config.heartbeatTargets().get(0).type());
        assertEquals(Duration.ofMinutes(1), config.checks().every());
        assertEquals("Bean & Burr", config.checks().pages().get(0).marker());
        assertEquals(Duration.ofMillis(1500), config.checks().pages().get(0).budget());
        assertEquals(3, config.alert().after());
        assertEquals(Path.of("reports"), config.output());
    }

    @Test
    void readsJsonToo() throws IOException {
        FlowsConfig config = FlowsConfig.read(write("flows.json",
                "{\"sites\":[{\"name\":\"live\",\"url\":\"https://shop.example.com\"}],\"retries\":0}"), Map.of(), Map.of());
        assertEquals(0, config.retries());
    }

    @Test
    void heartbeatOptionsMayBeWrittenAsTheHeartbeatDocsDo() throws IOException {
        FlowsConfig config = read(MINIMAL + "heartbeat:\n  - { type: healthchecks, url: \"https://hc-ping.com/x\", exit-status: true }\n");
        assertTrue(config.heartbeat().get(0).exitStatus());
    }

    @Test
    void anEnvironmentDefaultIsUsedWhenTheVariableIsUnset() throws IOException {
        FlowsConfig config = read("""
                sites:
                  - name: live
                    url: "${SHOP_URL:-https://default.example.com}"
                """);
        assertEquals(URI.create("https://default.example.com/"), config.siteList().get(0).baseUrl());
    }

    // --- malformed files: each refused with one line naming file, line and key ---

    @Test
    void refusesAMissingFile() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> FlowsConfig.read(dir.resolve("nope.yaml"), Map.of(), Map.of()));
        assertEquals("config file not found: " + dir.resolve("nope.yaml"), e.getMessage());
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        assertEquals("flows.yaml is empty: it needs at least 'sites'", error(""));
    }

    @Test
    void refusesAnUnknownKey() throws IOException {
        assertEquals("flows.yaml:4:5: sites[0].prodution: unknown key (expected one of credentials, headers, name, "
                + "production, role, secretHeaders, url)", error(MINIMAL + "    prodution: true\n"));
    }

    @Test
    void refusesAnUnknownTopLevelKey() throws IOException {
        assertEquals("flows.yaml:4:1: retry: unknown key (expected one of alert, allowOrders, blockHosts, browser, checks, engine, "
                + "gate, heartbeat, journeys, metrics, output, parallelSites, profile, retries, sites, stepBudget, timeouts, traffic)", error(MINIMAL + "retry: 2\n"));
    }

    @Test
    void refusesANonBoolean() throws IOException {
        assertEquals("flows.yaml:4:17: sites[0].production: 'yes please' is not true or false",
                error(MINIMAL + "    production: yes please\n"));
    }

    @Test
    void refusesANonNumber() throws IOException {
        assertEquals("flows.yaml:4:10: retries: 'twice' is not a whole number", error(MINIMAL + "retries: twice\n"));
    }

    @Test
    void refusesAnOutOfRangeValue() throws IOException {
        assertEquals("flows.yaml:5:1: retries: must be between 0 and 5: 9", error(MINIMAL + "retries: 9\n").replace("flows.yaml:5:1: : ", "flows.yaml:5:1: "));
    }

    @Test
    void refusesABadDuration() throws IOException {
        assertEquals("flows.yaml:5:12: timeouts.waitFor: '5 secs' is not a duration (write 250ms, 5s, 2m or 1h)",
                error(MINIMAL + "timeouts:\n  waitFor: 5 secs\n"));
    }

    @Test
    void refusesADurationWithoutUnit() throws IOException {
        assertEquals("flows.yaml:4:13: stepBudget: '5' needs a unit (write 250ms, 5s, 2m or 1h)", error(MINIMAL + "stepBudget: 5\n"));
    }

    @Test
    void refusesAnUnknownEngine() throws IOException {
        assertEquals("flows.yaml:5:1: engine: unknown engine 'firefox': use playwright or selenium", error(MINIMAL + "engine: firefox\n"));
    }

    @Test
    void refusesASiteWithoutUrl() throws IOException {
        assertEquals("flows.yaml:3:1: sites[0].url: is required", error("sites:\n  - name: live\n"));
    }

    @Test
    void refusesABadSiteUrl() throws IOException {
        assertEquals("flows.yaml:4:1: sites[0]: site 'live' url must be an absolute http(s) URL: shop.example.com",
                error("sites:\n  - name: live\n    url: shop.example.com\n"));
    }

    @Test
    void refusesNoSites() throws IOException {
        assertEquals("flows.yaml:2:1: at least one site is needed under 'sites'", error("engine: playwright\n"));
    }

    @Test
    void refusesTwoSitesWithOneName() throws IOException {
        assertEquals("flows.yaml:6:1: sites: the name 'live' is used twice",
                error(MINIMAL + "  - name: live\n    url: https://other.example.com\n"));
    }

    @Test
    void refusesAListWhereAMappingBelongs() throws IOException {
        assertEquals("flows.yaml:4:11: timeouts: expected a mapping of keys to values", error(MINIMAL + "timeouts: [5s]\n"));
    }

    @Test
    void refusesInvalidYaml() throws IOException {
        String message = error("sites: [\n  { name: live, url: https://shop.example.com\n");
        assertTrue(message.matches("flows\\.yaml:\\d+:\\d+: sites: not valid YAML: while parsing a flow mapping"), message);
    }

    @Test
    void refusesAnUnsetEnvironmentVariable() throws IOException {
        assertEquals("flows.yaml:6:10: heartbeat[0].url: environment variable HC_PING_URL is not set",
                error(MINIMAL + "heartbeat:\n  - type: healthchecks\n    url: \"${HC_PING_URL}\"\n".replace("  - type", "  - type")));
    }

    @Test
    void refusesALiteralSecret() throws IOException {
        assertEquals("flows.yaml:5:17: sites[0].credentials.password: credentials must be an environment variable "
                + "reference such as \"${SHOP_PASSWORD}\", never the secret itself",
                error(MINIMAL + "    credentials:\n      password: hunter2\n"));
    }

    @Test
    void refusesAnUnknownHeartbeatTypeWithoutShowingTheUrl() throws IOException {
        String message = error(MINIMAL + "heartbeat:\n  - { type: pagerduty, url: \"https://events.example.com/s3cr3t\" }\n");
        assertFalse(message.contains("s3cr3t"), message);
        assertTrue(message.startsWith("flows.yaml:5:"), message);
        assertTrue(message.contains("heartbeat[0]: "), message);
    }

    @Test
    void refusesAllowOrdersForAnUnknownSite() throws IOException {
        assertEquals("flows.yaml:5:1: allowOrders: names no site 'staging' (sites are live)", error(MINIMAL + "allowOrders: [staging]\n"));
    }

    @Test
    void refusesADuplicateKey() throws IOException {
        String message = error(MINIMAL + "retries: 1\nretries: 2\n");
        assertTrue(message.startsWith("flows.yaml:5:"), message);
        assertTrue(message.contains("retries"), message);
    }

    // --- overrides ---

    @Test
    void aSystemPropertyOverridesOneValue() throws IOException {
        Path file = write("flows.yaml", MINIMAL + "engine: playwright\n");
        FlowsConfig config = FlowsConfig.read(file, Map.of(), Map.of("engine", "selenium", "sites.live.url", "https://staging.example.com",
                "timeouts.waitFor", "9s"));
        assertEquals("selenium", config.engine());
        assertEquals(URI.create("https://staging.example.com/"), config.siteList().get(0).baseUrl());
        assertEquals(Duration.ofSeconds(9), config.timeouts().waitFor());
    }

    @Test
    void anEnvironmentVariableOverridesOneValue() throws IOException {
        Path file = write("flows.yaml", MINIMAL);
        FlowsConfig config = FlowsConfig.read(file, Map.of("FLOWS_RETRIES", "3", "FLOWS_TIMEOUTS_WAIT_FOR", "7s",
                "FLOWS_SITES_LIVE_PRODUCTION", "true", "FLOWS_WEBHOOK_URL", "https://not-an-override.example.com"), Map.of());
        assertEquals(3, config.retries());
        assertEquals(Duration.ofSeconds(7), config.timeouts().waitFor());
        assertTrue(config.siteList().get(0).production());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "retries|lots|flows.yaml with override -Dflows.retries: retries: 'lots' is not a whole number",
            "engine|firefox|flows.yaml with override -Dflows.engine: engine: unknown engine 'firefox': use playwright or selenium",
            "retires|2|override -Dflows.retires names no config key (keys are sites, engine, browser, timeouts, retries, "
                    + "stepBudget, parallelSites, allowOrders, traffic, heartbeat, checks, alert, output, profile, journeys, gate, metrics, blockHosts)"})
    void aBadOverrideIsNamed(String key, String value, String expected) throws IOException {
        assertEquals(expected, error(MINIMAL, Map.of(), Map.of(key, value)));
    }

    @Test
    void readsTheGateAndMetricsSections() throws IOException {
        Path file = write("flows.yaml", """
                sites:
                  - { name: stable, url: "http://127.0.0.1:1/", role: stable }
                  - { name: canary, url: "http://127.0.0.1:2/", role: canary }
                gate: { candidate: canary, rounds: 6, maxP95SlowerPercent: 25, noiseFloor: 80ms }
                metrics: { port: 9464, textfile: /var/lib/node_exporter/textfile/flows.prom }
                """);
        FlowsConfig config = FlowsConfig.read(file, Map.of(), Map.of());
        assertEquals(dev.flows.gate.GatePolicy.builder().rounds(6).maxP95SlowerPercent(25).noiseFloor(Duration.ofMillis(80)).build(),
                config.gate().policy());
        assertEquals(9464, config.metrics().port());
        assertEquals("flows.yaml:5:7: gate: names no site 'canray' (sites are stable, canary, live)",
                error(MINIMAL.replace("sites:", "sites:\n  - { name: stable, url: \"http://127.0.0.1:1/\" }\n  - { name: canary, url: \"http://127.0.0.1:2/\" }") + "gate: { candidate: canray }\n")
                        .replaceAll("flows.yaml:\\d+:\\d+", "flows.yaml:5:7"));
        assertEquals("flows.yaml:5:7: gate.rounds: must be between 1 and 1000: 0",
                error(MINIMAL + "gate: { rounds: 0 }\n").replaceAll("flows.yaml:\\d+:\\d+", "flows.yaml:5:7"));
        assertEquals("flows.yaml:5:7: metrics.textfile: must end in .prom (the textfile collector reads only those): flows.txt",
                error(MINIMAL + "metrics: { textfile: flows.txt }\n").replaceAll("flows.yaml:\\d+:\\d+", "flows.yaml:5:7"));
    }
}
