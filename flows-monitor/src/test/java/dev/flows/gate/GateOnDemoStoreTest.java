package dev.flows.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flows.demostore.CanaryRelease;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.Storefront;
import dev.flows.gate.cli.GateCommand;
import dev.flows.journey.Journey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code flows gate} end to end: a stable and a canary demo store on 127.0.0.1, real headless Chromium through
 * Playwright, a handful of rounds. The JSON evidence of each case is kept in {@code target/gate-evidence/}.
 */
class GateOnDemoStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<DemoStore> stores = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        stores.forEach(DemoStore::close);
    }

    /** Land, open Barista Pro, add it: touches the product route (slower canary) and add-to-cart (failing canary). */
    private static List<Journey> journeys() {
        return List.of(Storefront.demoStore().journey("add to cart")
                .landing()
                .productAt("/product/barista-pro")
                .addToCart()
                .build());
    }

    private JsonNode gate(CanaryRelease release, String gateSection, String name, int expectedExit) throws IOException {
        return gate(release, gateSection, name, expectedExit, "2s");
    }

    private JsonNode gate(CanaryRelease release, String gateSection, String name, int expectedExit, String waitFor) throws IOException {
        DemoStore stable = DemoStore.builder().name("stable").start();
        stores.add(stable);
        DemoStore canary = DemoStore.builder().name("canary").release(release).start();
        stores.add(canary);
        Path config = dir.resolve("flows.yaml");
        Files.writeString(config, """
                sites:
                  - { name: stable, url: "%s", role: stable }
                  - { name: canary, url: "%s", role: canary }
                engine: playwright
                timeouts: { waitFor: %s }
                checks:
                  pages:
                    - { type: landing, path: /, marker: "Bean & Burr" }
                    - { type: product, path: /product/barista-pro, marker: "Barista Pro" }
                gate: %s
                output: "%s"
                """.formatted(stable.baseUrl(), canary.baseUrl(), waitFor, gateSection, dir.resolve("out")));
        Path json = Path.of("target", "gate-evidence", name + ".json");
        CommandLine command = new CommandLine(new GateCommand(journeys()));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute("--config", config.toString(), "--json", json.toString());
        assertEquals(expectedExit, exit, out + "\n" + err);
        return JSON.readTree(json.toFile());
    }

    @Test
    void aHealthyCanaryIsPromoted() throws IOException {
        // A generous wait: on a busy machine a 2 s wait fails some of the baseline's add-to-carts too, and the gate
        // then rightly holds for want of samples.
        JsonNode report = gate(CanaryRelease.healthy(), "{ rounds: 6, minSamples: 5 }", "healthy", 0, "10s");
        assertEquals("promote", report.path("verdict").asText(), out.toString());
        assertEquals(0, report.path("exitCode").asInt());
        assertEquals("gate: promote canary against stable: all " + report.path("comparisons").size()
                + " measures within the thresholds", report.path("summary").asText());
        assertTrue(out.toString().contains("Exit code 0 (promote)"), out.toString());
    }

    @Test
    void aCanaryFailingMostAddToCartsIsRolledBack() throws IOException {
        // 3 of every 4 add-to-cart requests answer 500: after the warm-up's one, 6 of the 8 counted rounds fail.
        // A generous wait keeps a busy machine from failing the baseline too; the canary's 500s fail regardless.
        JsonNode report = gate(CanaryRelease.builder().failing("/cart/add*", 0.75).build(),
                "{ rounds: 8, minSamples: 5, alpha: 0.05 }", "failing", 1, "5s");
        assertEquals("rollback", report.path("verdict").asText());
        JsonNode decisive = report.path("decisive").get(0);
        assertEquals("add to cart [playwright]", decisive.path("subject").asText());
        assertEquals("failures", decisive.path("measure").asText());
        assertTrue(decisive.path("candidate").asInt() >= 6, "the canary's own 500s: " + decisive);
        assertTrue(decisive.path("reason").asText().matches("[678] of 8 failed on the candidate, [01] of 8 on the baseline:"
                + " more failures than \\+0 failures allows \\(Fisher's exact test p=0\\.0\\d\\d < 0\\.05\\)"), decisive.toString());
    }

    @Test
    void aSlowerCanaryIsRolledBack() throws IOException {
        // Product pages 400 ms slower. The HTTP page check measures that to the millisecond; the browser journeys
        // on a busy machine vary by seconds, so there the same 400 ms is (rightly) noise.
        JsonNode report = gate(CanaryRelease.named("slower"), "{ rounds: 8, minSamples: 5 }", "slower", 1);
        assertEquals("rollback", report.path("verdict").asText());
        List<String> decisive = new ArrayList<>();
        report.path("decisive").forEach(c -> decisive.add(c.path("subject").asText() + " " + c.path("measure").asText()));
        assertTrue(decisive.contains("page: product median"), decisive.toString());
        assertTrue(decisive.stream().noneMatch(d -> d.startsWith("page: landing")), "the landing page is not slower: " + decisive);
        JsonNode median = report.path("decisive").get(0);
        assertTrue(median.path("reason").asText().matches("median \\d+ ms against \\d+ ms: slower than \\+10% allows"
                + " \\(Mann-Whitney U p=[0-9.e-]+ < 0\\.01, Holm-adjusted\\)"), median.toString());
    }

    @Test
    void tooFewRoundsHold() throws IOException {
        JsonNode report = gate(CanaryRelease.healthy(), "{ rounds: 2, minSamples: 5 }", "too-few", 3);
        assertEquals("hold", report.path("verdict").asText());
        assertEquals("not enough evidence: 2 baseline and 2 candidate samples, 5 needed",
                report.path("decisive").get(0).path("reason").asText());
    }

    @Test
    void aConfigWithoutACanaryIsRefusedWithOneLine() throws IOException {
        Path config = dir.resolve("flows.yaml");
        Files.writeString(config, "sites:\n  - { name: live, url: \"http://127.0.0.1:9/\" }\n");
        CommandLine command = new CommandLine(new GateCommand(List.of()));
        command.setErr(new PrintWriter(err, true));
        assertEquals(2, command.execute("--config", config.toString()));
        assertEquals("flows gate: no candidate site: name one with gate.candidate or --candidate, or give a site the role canary\n",
                err.toString());
    }
}
