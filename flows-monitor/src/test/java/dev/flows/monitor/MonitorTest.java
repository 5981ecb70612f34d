package dev.flows.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.flows.check.PageCheck;
import dev.flows.demostore.DemoStore;
import dev.flows.heartbeat.Heartbeat;
import dev.flows.heartbeat.HeartbeatTarget;
import dev.flows.run.Outcome;
import dev.flows.site.Site;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor's loop with page checks on the real demo store, heartbeats to a real receiver on 127.0.0.1. */
class MonitorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private DemoStore store;
    private Site live;
    private HttpServer receiver;
    private final List<JsonNode> pings = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        store = DemoStore.builder().name("live").start();
        live = Site.builder("live").url(store.baseUrl()).build();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            pings.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        store.close();
    }

    private Heartbeat heartbeat() {
        return Heartbeat.builder()
                .target(HeartbeatTarget.webhook("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"))
                .build();
    }

    private Monitor.Builder monitor() {
        return Monitor.builder()
                .pageChecks(List.of(new PageCheck(live, "landing", "/", 200, "Bean & Burr", null),
                        new PageCheck(live, "cart", "/cart", 200, null, null)))
                .output(dir.resolve("out"))
                .alertState(dir.resolve("alert-state.json"), 1)
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<JsonNode> finishes() {
        return pings.stream().filter(p -> p.path("event").asText().equals("finish")).toList();
    }

    @Test
    void theLoopMakesCeilForOverEveryIterationsAndStops() {
        long start = System.nanoTime();
        MonitorResult result = monitor().every(Duration.ofSeconds(1)).lasting(Duration.ofSeconds(3)).runId("loop").build().run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(3, result.iterations());
        assertEquals(0, result.exitCode(), printed());
        assertEquals(3, printed().lines().filter(l -> l.startsWith("[live] page landing PASSED")).count(), printed());
        assertTrue(printed().contains("== iteration 3/3 (run loop-3): 2 page checks"), printed());
        assertTrue(printed().contains("Exit code 0 (passed) after 3 iterations"), printed());
        // Slots at 0 s, 1 s and 2 s: it ends soon after the third, nowhere near another slot's worth of waiting.
        assertTrue(took.compareTo(Duration.ofSeconds(60)) < 0, "bounded: " + took);
        assertEquals(3, store.requestLog().stream().filter(r -> r.path().equals("/")).count());
        assertTrue(Files.isRegularFile(result.report()), "the JSON report at the end");
        assertEquals(dir.resolve("out/loop/disparity.json"), result.report());
    }

    @Test
    void iterationsAreCountedFromEveryAndFor() {
        assertEquals(1, monitor().build().iterations());
        assertEquals(5, monitor().every(Duration.ofSeconds(60)).lasting(Duration.ofMinutes(5)).build().iterations());
        assertEquals(3, monitor().every(Duration.ofSeconds(2)).lasting(Duration.ofSeconds(5)).build().iterations());
    }

    @Test
    void theHeartbeatFailsOnlyAfterNFailuresInARowAndRecoveryIsReportedOnce() throws Exception {
        store.faults().serverError("/cart");
        try (Heartbeat heartbeat = heartbeat()) {
            Monitor.Builder m = monitor().heartbeat(heartbeat).alertState(dir.resolve("alert-state.json"), 2);
            MonitorResult first = m.runId("first").build().run();
            assertEquals(1, first.exitCode(), "the exit code says what was seen, whatever the threshold");
            assertEquals(List.of(), first.alerts());
            assertEquals("PASSED", finishes().get(0).path("status").asText(), "1 of 2 failures: no alarm");
            assertEquals("DEGRADED", finishes().get(0).path("checks").get(1).path("outcome").asText());

            MonitorResult second = monitor().heartbeat(heartbeat).alertState(dir.resolve("alert-state.json"), 2)
                    .runId("second").build().run();
            assertEquals(1, second.alerts().size(), second.alerts().toString());
            assertTrue(second.alerts().get(0).startsWith("ALARM page:cart@live: FAILED 2 times in a row since "),
                    second.alerts().get(0));
            assertEquals("FAILED", finishes().get(1).path("status").asText(), "the second failure in a row");

            store.faults().clear();
            MonitorResult third = monitor().heartbeat(heartbeat).alertState(dir.resolve("alert-state.json"), 2)
                    .runId("third").build().run();
            assertEquals(0, third.exitCode());
            assertEquals(1, third.alerts().size());
            assertTrue(third.alerts().get(0).startsWith("RECOVERED page:cart@live: PASSED again after 2 times in a row"),
                    third.alerts().get(0));
            assertEquals("PASSED", finishes().get(2).path("status").asText());
            assertTrue(pings.stream().anyMatch(p -> p.path("event").asText().equals("log")
                    && p.path("message").asText().startsWith("RECOVERED page:cart@live")), pings.toString());

            MonitorResult fourth = monitor().heartbeat(heartbeat).alertState(dir.resolve("alert-state.json"), 2)
                    .runId("fourth").build().run();
            assertEquals(List.of(), fourth.alerts(), "recovery is reported once");
            assertEquals(4, finishes().size());
            assertEquals(4, pings.stream().filter(p -> p.path("event").asText().equals("start")).count());
        }
    }

    @Test
    void aDownSiteFailsEveryIterationAndTheTableSaysSo() {
        store.faults().down();
        MonitorResult result = monitor().every(Duration.ofSeconds(1)).lasting(Duration.ofSeconds(2)).runId("down").build().run();
        assertEquals(2, result.iterations());
        assertEquals(1, result.exitCode());
        assertEquals(Outcome.FAILED, result.latest().result(dev.flows.run.ResultKey.pageCheck("landing", "live")).outcome());
        assertTrue(printed().contains("page: landing | FAILED"), printed());
        assertTrue(printed().contains("ALARM page:landing@live: FAILED once in a row"), printed());
    }

    @Test
    void aMonitorWithoutWorkOrWithAnEndlessLoopIsRefused() {
        assertEquals("the monitor has nothing to do: no page checks and no journeys",
                assertThrows(IllegalArgumentException.class, () -> Monitor.builder().build()).getMessage());
        assertEquals("every needs a duration for the loop too (for): the loop always ends by itself",
                assertThrows(IllegalArgumentException.class, () -> monitor().every(Duration.ofSeconds(1)).build()).getMessage());
        assertEquals("journeys need an engine: engine(BrowserConfig)",
                assertThrows(IllegalArgumentException.class, () -> monitor().sites(List.of(live))
                        .journeys(List.of(dev.flows.journey.Journey.builder("j").step("s", c -> { }).build())).build()).getMessage());
    }

    @Test
    void anUnwritableOutputFolderStopsTheMonitorBeforeTheFirstCheckAndTheHeartbeatHearsIt() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("out"), "a file where the output folder should be");
        store.clearRequestLog();
        try (Heartbeat heartbeat = heartbeat()) {
            MonitorResult result = monitor().heartbeat(heartbeat).runId("unwritable").build().run();
            assertEquals(2, result.exitCode());
            assertEquals(0, result.iterations());
        }
        String line = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, line.lines().count(), line);
        assertEquals("flows: cannot write to " + notAFolder.toAbsolutePath() + " (a file, not a folder): no check was run",
                line.strip());
        assertEquals(List.of(), store.requestLog(), "no check ran");
        assertEquals("BROKEN", finishes().get(0).path("status").asText(), pings.toString());
    }

    @Test
    void aMonitorThatCannotRememberItsAlertStateReportsFailureAndExits2() throws Exception {
        Files.createDirectories(dir.resolve("alert-state.json"));
        try (Heartbeat heartbeat = heartbeat()) {
            MonitorResult result = monitor().heartbeat(heartbeat).runId("no-memory").build().run();
            assertEquals(2, result.exitCode());
        }
        assertEquals("flows: cannot write the alert state " + dir.resolve("alert-state.json").toAbsolutePath()
                + ": no check was run", err.toString(StandardCharsets.UTF_8).strip());
        assertEquals("BROKEN", finishes().get(0).path("status").asText(), pings.toString());
    }

    @Test
    void everyVerdictIsInTheResultsLogAsSoonAsItIsReached() throws Exception {
        MonitorResult result = monitor().runId("logged").build().run();
        assertEquals(0, result.exitCode(), printed());
        List<JsonNode> lines = Files.readAllLines(dir.resolve("out/logged/results.jsonl")).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        assertEquals(List.of("page:landing@live PASSED", "page:cart@live PASSED"),
                lines.stream().map(l -> l.path("key").asText() + " " + l.path("outcome").asText()).toList());
    }

    @Test
    void forIsADeadlineTheCheckAfterItIsReportedAsNotRun() {
        // The landing page answers long after the deadline (but within the 30 s page timeout): the check is cut.
        store.faults().latency("/", Duration.ofSeconds(20));
        long start = System.nanoTime();
        MonitorResult result = monitor().every(Duration.ofSeconds(1)).lasting(Duration.ofSeconds(2)).runId("deadline").build().run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(printed().contains("not run: page landing on live (the --for deadline of 2 s was reached)"), printed());
        assertTrue(printed().contains("not run: page cart on live (the --for deadline of 2 s was reached)"), printed());
        assertTrue(!printed().contains("page landing PASSED"), printed());
        assertTrue(printed().contains("not run: iterations 2 to 2 (the --for deadline of 2 s was reached)"), printed());
        assertEquals(1, result.iterations());
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "bounded: " + took);
    }

    @Test
    void everyHasAFloor() {
        assertEquals("every must be at least 1 s: 1 ms", assertThrows(IllegalArgumentException.class,
                () -> monitor().every(Duration.ofMillis(1))).getMessage());
    }
}
