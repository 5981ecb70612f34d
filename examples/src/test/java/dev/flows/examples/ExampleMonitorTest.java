package dev.flows.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor's command line as a user runs it: arguments, config files, exit codes and what it prints. */
class ExampleMonitorTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--output")) {
            all.addAll(List.of("--output", dir.resolve("out").toString()));
        }
        if (!all.contains("--alert-state")) {
            all.addAll(List.of("--alert-state", dir.resolve("alert-state.json").toString()));
        }
        return ExampleMonitor.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), all.toArray(String[]::new));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** How many progress lines say that this check worked: PASSED, or DEGRADED when a loaded machine was slow. */
    private long worked(String prefix) {
        return printed().lines().filter(l -> l.startsWith(prefix + " PASSED") || l.startsWith(prefix + " DEGRADED")).count();
    }

    private List<String> errors() {
        return err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("SLF4J")).toList();
    }

    @Test
    void anUnknownArgumentIsBrokenWithOneLineAndTheUsage() {
        assertEquals(2, run("--bogus"));
        assertEquals(List.of("flows: unknown argument '--bogus'", ExampleMonitor.USAGE), errors());
        assertEquals("", printed(), "nothing started");
    }

    @Test
    void badValuesAreNamed() {
        assertEquals(2, run("--every", "1s"));
        assertEquals("flows: --every needs --for: the loop always ends by itself (e.g. --every 60s --for 5m)", errors().get(0));
        err.reset();
        assertEquals(2, run("--every", "soon", "--for", "1m"));
        assertEquals("flows: --every: 'soon' is not a duration (write 250ms, 5s, 2m or 1h)", errors().get(0));
        err.reset();
        assertEquals(2, run("--engines", "firefox"));
        assertEquals("flows: unknown engine 'firefox': use playwright or selenium", errors().get(0));
        err.reset();
        assertEquals(2, run("--every", "1m", "--for", "30s"));
        assertEquals("flows: --for 30 s is shorter than --every 1 min", errors().get(0));
        err.reset();
        assertEquals(2, run("--no-checks", "--no-journeys"));
        assertEquals("flows: --no-journeys and --no-checks together leave nothing to do", errors().get(0));
        err.reset();
        assertEquals(2, run("--no-journeys", "--alert-after", "0"));
        assertEquals(List.of("flows: alert threshold must be between 1 and 100: 0"), errors());
    }

    @Test
    void aMissingConfigFileIsBroken() {
        Path missing = dir.resolve("nope.yaml");
        assertEquals(2, run("--config", missing.toString()));
        assertEquals(List.of("flows: config file not found: " + missing), errors());
    }

    @Test
    void aBadConfigFileIsBrokenWithTheConfigMessage() throws IOException {
        Path file = dir.resolve("flows.yaml");
        Files.writeString(file, """
                sites:
                  - { name: live, url: "https://shop.example.test" }
                checks:
                  pages:
                    - { type: landing, path: /, status: 999 }
                """);
        assertEquals(2, run("--config", file.toString()));
        assertEquals(List.of("flows: " + file + ":5:45: checks.pages[0]: status must be an HTTP status (100-599): 999"), errors());
    }

    @Test
    void theExampleConfigNeedsTheDemoStoreAndSaysSo() {
        assertEquals(2, run("--config", "flows.yaml"));
        assertEquals(1, errors().size(), errors().toString());
        assertTrue(errors().get(0).startsWith("flows: flows.yaml:"), errors().get(0));
        assertTrue(errors().get(0).endsWith("sites[0].url: environment variable DEMO_LIVE_URL is not set "
                + "(add --demo-store to start the embedded demo store)"), errors().get(0));
    }

    @Test
    void withoutConfigTheLoopChecksTheDemoStorePagesEverySecond() {
        assertEquals(0, run("--no-journeys", "--every", "1s", "--for", "3s"), printed() + errors());
        assertEquals(3, printed().lines().filter(l -> l.startsWith("== iteration ")).count(), printed());
        assertEquals(3, worked("[live] page landing"), printed());
        assertEquals(3, worked("[fallback] page account"), printed());
        assertTrue(printed().matches("(?s).*page: product  \\| (PASSED|DEGRADED) .*"), printed());
        assertTrue(printed().contains("Exit code 0 (passed) after 3 iterations"), printed());
    }

    @Test
    void theExampleConfigRunsPageChecksAndJourneysOnTheEmbeddedStores() throws IOException {
        int code = run("--config", "flows.yaml", "--demo-store", "--engines", "playwright", "--every", "1s", "--for", "2s");
        String table = printed().substring(printed().lastIndexOf("journey "));
        assertEquals(0, code, printed() + errors());
        assertEquals(2, worked("[fallback] page landing"), printed());
        assertEquals(1, printed().lines().filter(l -> l.startsWith("[live][playwright] guest checkout: PASSED")
                || l.startsWith("[live][playwright] guest checkout: FLAKY")).count(), "journeys once: " + printed());
        assertTrue(printed().contains("[live][playwright] guest checkout: step 1 'landing' passed"), printed());
        assertTrue(table.startsWith("journey "), table);
        assertTrue(table.contains("page: landing"), table);
        assertTrue(table.contains("guest checkout"), table);
        assertTrue(table.lines().findFirst().orElseThrow().matches("journey +\\| live +\\| fallback"), table);
        JsonNode report = new ObjectMapper().readTree(Files.readString(Files.list(dir.resolve("out"))
                .filter(p -> Files.isRegularFile(p.resolve("disparity.json")) && !p.getFileName().toString().matches(".*-\\d$"))
                .findFirst().orElseThrow().resolve("disparity.json")));
        assertTrue(report.path("journeys").get(0).path("sites").path("live").path("outcome").asText().matches("PASSED|DEGRADED"),
                report.toString());
        assertEquals("page: landing", report.path("journeys").get(0).path("journey").asText());
    }

    @Test
    void heartbeatsFromTheConfigAreSentPerIteration() throws IOException {
        List<JsonNode> pings = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            pings.add(new ObjectMapper().readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Path file = dir.resolve("flows.yaml");
            Files.writeString(file, Files.readString(Path.of("flows.yaml"))
                    .replace("# heartbeat:\n#   - { type: healthchecks, url: \"${HC_PING_URL}\" }",
                            "heartbeat:\n  - { type: webhook, url: \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\" }"));
            assertEquals(0, run("--config", file.toString(), "--demo-store", "--no-journeys", "--every", "1s", "--for", "2s"),
                    printed() + errors());
            List<String> events = pings.stream().map(p -> p.path("event").asText()).toList();
            assertEquals(List.of("start", "finish", "start", "finish"), events);
            JsonNode finish = pings.get(3);
            assertEquals("PASSED", finish.path("status").asText());
            // A cold first request on a loaded machine may go over the 2 s budget: DEGRADED, still a success.
            assertTrue(finish.path("summary").asText().matches("10 checks: \\d+ passed(, \\d+ degraded)?\\."), finish.toString());
            assertTrue(finish.path("runId").asText().endsWith("-2"), finish.toString());
        } finally {
            receiver.stop(0);
        }
    }
}
