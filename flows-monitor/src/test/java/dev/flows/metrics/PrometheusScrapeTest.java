package dev.flows.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flows.browser.BrowserConfig;
import dev.flows.check.PageCheck;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.Storefront;
import dev.flows.monitor.Monitor;
import dev.flows.monitor.MonitorResult;
import dev.flows.site.Site;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Prometheus server (Debian's {@code /usr/bin/prometheus}) on 127.0.0.1 scrapes the monitor's metrics, and
 * its HTTP API answers a query for a journey's success counter with the number of journeys that passed.
 */
class PrometheusScrapeTest {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void prometheusScrapesTheJourneySuccessCounter() throws Exception {
        if (!Files.isExecutable(PROMETHEUS)) {
            // Locally a missing binary skips with the reason; in CI (.ci/run installs it) it is a failure.
            if (System.getenv("CI") != null) {
                fail(PROMETHEUS + " is missing: .ci/run must install Debian's prometheus package");
            }
            Assumptions.abort(PROMETHEUS + " is missing: apt-get install -y prometheus (this test fails instead when CI is set)");
        }
        try (DemoStore store = DemoStore.builder().name("live").start();
             FlowsMetrics metrics = FlowsMetrics.builder().port(0).textfile(dir.resolve("textfile/flows.prom")).build()) {
            Site live = Site.builder("live").url(store.baseUrl()).role("primary").build();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // Two monitor runs into the same metrics, journeys in both: the success counter must read 2.
            for (int run = 0; run < 2; run++) {
                MonitorResult result = Monitor.builder()
                        .sites(List.of(live))
                        .pageChecks(List.of(new PageCheck(live, "landing", "/", 200, "Bean & Burr", null)))
                        .journeys(List.of(Storefront.demoStore().journey("landing").landing().build()))
                        .engine(BrowserConfig.playwright().build())
                        .output(dir.resolve("out"))
                        .alertState(dir.resolve("alert-state.json"), 1)
                        .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                        .err(new PrintStream(out, true, StandardCharsets.UTF_8))
                        .onIteration(metrics::record)
                        .build()
                        .run();
                assertEquals(0, result.exitCode(), out.toString(StandardCharsets.UTF_8));
            }

            String textfile = Files.readString(dir.resolve("textfile/flows.prom"));
            assertTrue(textfile.contains("flows_journeys_total{engine=\"playwright\",journey=\"landing\",outcome=\"passed\",role=\"primary\",site=\"live\"} 2.0\n"),
                    textfile);
            assertTrue(textfile.contains("flows_page_checks_total{outcome=\"passed\",page=\"landing\",role=\"primary\",site=\"live\"} 2.0\n"), textfile);

            int port = freePort();
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, """
                    global:
                      scrape_interval: 1s
                    scrape_configs:
                      - job_name: flows
                        static_configs:
                          - targets: ["127.0.0.1:%d"]
                    """.formatted(metrics.port()));
            Process prometheus = new ProcessBuilder(PROMETHEUS.toString(),
                    "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("tsdb"),
                    "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                String base = "http://127.0.0.1:" + port;
                waitFor("Prometheus ready at " + base, Duration.ofSeconds(60), () -> get(base + "/-/ready")
                        .filter(r -> r.statusCode() == 200).map(r -> true));
                String query = "flows_journeys_total{site=\"live\",role=\"primary\",journey=\"landing\",engine=\"playwright\",outcome=\"passed\"}";
                String value = waitFor("a scrape with " + query, Duration.ofSeconds(60), () -> get(base + "/api/v1/query?query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8)).map(r -> json(r.body()))
                        .filter(j -> j.path("data").path("result").size() == 1)
                        .map(j -> j.path("data").path("result").get(0).path("value").get(1).asText()));
                assertEquals("2", value);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nprometheus log:\n" + Files.readString(dir.resolve("prometheus.log")), e);
            } finally {
                prometheus.destroy();
                if (!prometheus.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
        }
    }

    private static <T> T waitFor(String what, Duration limit, Supplier<Optional<T>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Optional<T> found = condition.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(200);   // polling interval of a condition, not a wait for time to pass
        }
    }

    private static Optional<HttpResponse<String>> get(String url) {
        try {
            return Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
