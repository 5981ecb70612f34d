package dev.flows.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Timeouts;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.Storefront;
import dev.flows.journey.Journey;
import dev.flows.report.DisparityReport;
import dev.flows.report.ResultsJson;
import dev.flows.run.JourneyResult;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.run.Shard;
import dev.flows.site.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three shards of a run on the demo store (3 journeys x 2 sites x 2 engines, one journey failing on the fallback),
 * merged with {@code flows merge}: every combination ran exactly once, and the merged verdicts are the unsharded run's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardedRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private DemoStore live;
    private DemoStore fallback;
    private Browser playwright;
    private Browser selenium;

    @BeforeAll
    void start() {
        live = DemoStore.builder().name("live").start();
        fallback = DemoStore.builder().name("fallback").start();
        fallback.faults().hideElement("/product/*", "add-to-cart");
        playwright = Browser.launch(BrowserConfig.playwright().build());
        selenium = Browser.launch(BrowserConfig.selenium().build());
    }

    @AfterAll
    void stop() {
        playwright.close();
        selenium.close();
        live.close();
        fallback.close();
    }

    private Run.Builder run(Path output) {
        Storefront shop = Storefront.demoStore();
        List<Journey> journeys = List.of(
                shop.journey("landing").landing().build(),
                shop.journey("product").productAt("/product/barista-pro").build(),
                shop.journey("add to cart").productAt("/product/descaling-kit").addToCart().build());
        return Run.builder()
                .site(Site.builder("live").url(live.baseUrl()).build())
                .site(Site.builder("fallback").url(fallback.baseUrl()).role("fallback").build())
                .journeys(journeys)
                .browser(playwright)
                .browser(selenium)
                .retries(0)
                .pageTimeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(30)))
                .output(output);
    }

    private static Map<String, String> verdicts(JsonNode disparity) {
        Map<String, String> out = new TreeMap<>();
        disparity.path("journeys").forEach(row -> row.path("sites").fields().forEachRemaining(cell ->
                out.put(row.path("journey").asText() + " @ " + cell.getKey(), cell.getValue().path("outcome").asText())));
        return out;
    }

    @Test
    void threeShardsRunEverythingOnceAndMergeToTheUnshardedVerdicts() throws IOException {
        RunResult whole = run(dir.resolve("whole")).build().execute();
        assertEquals(12, whole.results().size());
        Path unsharded = DisparityReport.of(whole).writeJson(dir.resolve("whole.json"));

        Set<String> ran = new HashSet<>();
        List<String> shardFolders = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path folder = dir.resolve("shard-" + i);
            RunResult part = run(folder).shard(new Shard(i, 3)).build().execute();
            assertEquals(4, part.results().size(), "12 combinations in 3 even shards");
            for (JourneyResult r : part.results()) {
                assertTrue(ran.add(r.journey() + " on " + r.site() + " [" + r.engine() + "]"), "ran twice: " + r.journey());
            }
            ResultsJson.write(part, part.output().resolve(ResultsJson.FILE));
            // What a shard's Allure listener leaves: results named by UUID, and the suite-wide files.
            Path allure = Files.createDirectories(folder.resolve("allure-results"));
            Files.writeString(allure.resolve("shard" + i + "-result.json"), "{}");
            Files.writeString(allure.resolve("environment.properties"), "Flows=0.1.0\nshard=" + i + "\n");
            shardFolders.add(folder.toString());
        }
        assertEquals(12, ran.size(), "every journey x site x engine exactly once");

        StringWriter out = new StringWriter();
        CommandLine merge = new CommandLine(new MergeCommand());
        merge.setOut(new PrintWriter(out, true));
        List<String> args = new ArrayList<>(List.of("--output", dir.resolve("merged").toString()));
        args.addAll(shardFolders);
        assertEquals(1, merge.execute(args.toArray(String[]::new)), out.toString());

        assertEquals(verdicts(JSON.readTree(unsharded.toFile())), verdicts(JSON.readTree(dir.resolve("merged/disparity.json").toFile())));
        assertEquals(Map.of("add to cart @ fallback [playwright]", "FAILED", "add to cart @ fallback [selenium]", "FAILED"),
                new TreeMap<>(verdicts(JSON.readTree(dir.resolve("merged/disparity.json").toFile())).entrySet().stream()
                        .filter(e -> !e.getValue().equals("PASSED"))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        assertEquals(12, ResultsJson.read(dir.resolve("merged/results.json")).results().size());
        assertEquals(Set.of("shard1-result.json", "shard2-result.json", "shard3-result.json", "environment.properties"),
                Set.copyOf(Files.list(dir.resolve("merged/allure-results")).map(p -> p.getFileName().toString()).toList()));
        assertEquals(List.of("Flows=0.1.0", "shard=1", "shard=2", "shard=3"),
                Files.readAllLines(dir.resolve("merged/allure-results/environment.properties")));
    }

    @Test
    void aShardRunTwiceIsRefused() throws IOException {
        Path folder = dir.resolve("twice");
        RunResult part = run(folder).journeys(List.of()).shard(new Shard(1, 12)).build().execute();
        ResultsJson.write(part, folder.resolve("a/results.json"));
        ResultsJson.write(part, folder.resolve("b/results.json"));
        StringWriter err = new StringWriter();
        CommandLine merge = new CommandLine(new MergeCommand());
        merge.setErr(new PrintWriter(err, true));
        assertEquals(2, merge.execute("--output", dir.resolve("m").toString(), folder.toString()));
        String key = part.results().get(0).key().toString();   // "'landing' on live [playwright]"
        assertEquals("flows merge: " + key + " is in two shards: " + folder.resolve("a/results.json") + " and "
                + folder.resolve("b/results.json") + " (were they split from the same run with --shard i/n?)\n", err.toString());
    }

    @Test
    void aFolderWithoutResultsIsRefused() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        StringWriter err = new StringWriter();
        CommandLine merge = new CommandLine(new MergeCommand());
        merge.setErr(new PrintWriter(err, true));
        assertEquals(2, merge.execute(empty.toString()));
        assertEquals("flows merge: no results.json in shard folder " + empty + " (the run writes it next to disparity.json)\n", err.toString());
    }
}
