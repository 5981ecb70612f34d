package dev.flows.dsl;

import dev.flows.browser.BrowserConfig;
import dev.flows.demostore.DemoStore;
import dev.flows.journey.Journey;
import dev.flows.report.DisparityReport;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site behind basic auth (given as {@code http://user:pass@host/}), with a secret header and a credential, on a
 * journey that fails and keeps its trace: the shop is reached (no false alarm), and no artefact of the run holds
 * any secret, zips unpacked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsScanTest {

    private static final String PASSWORD = "pa55-Secret-Basic";
    private static final String TOKEN = "Bearer tok-Secret-Header-1234";
    private static final String CREDENTIAL = "cred-Secret-Login-5678";

    @TempDir
    Path dir;

    private DemoStore store;
    private Engines engines;

    @BeforeAll
    void start() {
        store = DemoStore.builder().name("staging").basicAuth("shop", PASSWORD).start();
        engines = new Engines();
    }

    @AfterAll
    void stop() {
        engines.close();
        store.close();
    }

    static Stream<BrowserConfig.EngineType> engines() {
        return Engines.both();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void noArtefactHoldsASecretAndTheGuardedSiteIsReached(BrowserConfig.EngineType engine) throws IOException {
        String url = store.baseUrl().toString().replace("http://", "http://shop:" + PASSWORD + "@");
        Site site = Site.builder("staging").url(url).secretHeader("Authorization-Token", TOKEN)
                .credential("password", CREDENTIAL).build();
        Storefront shop = Storefront.demoStore();
        Journey fails = shop.journey("reaches the shop, then fails")
                .landing()
                .step("mention the credential in a failure", ctx -> {
                    throw new AssertionError("login with " + ctx.site().credential("password").orElseThrow() + " failed at " + url);
                })
                .build();
        // A passing journey whose trace is kept too: its network entries carry the same headers.
        Journey passes = shop.journey("reaches the shop").landing().build();
        Path output = dir.resolve(engine.id());
        RunResult run = Run.builder().browser(engines.get(engine)).site(site).journey(fails).journey(passes).retries(0)
                .keepTraces(true).output(output).build().execute();
        assertEquals(Outcome.PASSED, run.results().get(1).outcome(), run.results().get(1).message());
        JourneyResult result = run.results().get(0);
        assertEquals(Outcome.FAILED, result.outcome(), result.message());
        assertEquals("step 2 'mention the credential in a failure'", result.failingStep().orElseThrow().label(),
                "step 1 reached the guarded shop: " + result.message());
        DisparityReport.of(run).writeJson(run.output().resolve("disparity.json"));
        Files.writeString(run.output().resolve("stdout.txt"), DisparityReport.of(run).table() + "\n" + result.message());

        List<String> secrets = List.of(PASSWORD, TOKEN.substring("Bearer ".length()), CREDENTIAL,
                java.util.Base64.getEncoder().encodeToString(("shop:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        int[] scanned = {0, 0};
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                scanned[0]++;
                scan(f.toString(), Files.readAllBytes(f), secrets, hits, scanned);
            }
        }
        System.out.println("secrets scan [" + engine.id() + "]: " + scanned[0] + " files, " + scanned[1] + " zip entries, "
                + hits.size() + " hits");
        assertTrue(scanned[1] > 0, "the trace was kept and unpacked");
        assertEquals(List.of(), hits);
    }

    private static void scan(String name, byte[] content, List<String> secrets, List<String> hits, int[] scanned) throws IOException {
        if (content.length > 4 && content[0] == 'P' && content[1] == 'K') {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    scanned[1]++;
                    scan(name + "!" + e.getName(), zip.readAllBytes(), secrets, hits, scanned);
                }
            }
            return;
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
            if (text.contains(secret)) {
                hits.add(name + " holds " + secret.substring(0, 4) + "…");
            }
        }
    }
}
