package dev.flows.monitor.cli;

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
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code flows} command as a user runs it: arguments, config files, exit codes and what it prints. */
class FlowsCommandTest {

    /** A config for the embedded demo store, as a user writes it; no journeys named, so the profile's standard ones run. */
    static final String DEMO_CONFIG = """
            sites:
              - { name: live, url: "${DEMO_LIVE_URL}", role: primary, production: true }
              - { name: fallback, url: "${DEMO_FALLBACK_URL}", role: fallback }
            engine: playwright
            retries: 1
            parallelSites: 2
            timeouts: { waitFor: 20s }          # a 2-core machine shared by many builds is slow, not broken
            checks:
              every: 60s
              pages:
                - { type: landing,  path: /,                           status: 200, marker: "Bean & Burr", budget: 2s }
                - { type: category, path: /category/espresso-machines, status: 200, marker: "Espresso",    budget: 2s }
                - { type: product,  path: /product/barista-pro,        status: 200, marker: "Barista Pro", budget: 2s }
                - { type: cart,     path: /cart,                       status: 200, budget: 2s }
                - { type: account,  path: /account/login,              status: 200, budget: 2s }
            alert:
              after: 3
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int flows(Map<String, String> variables, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.get(0).equals("validate") && !all.contains("--output")) {
            all.addAll(List.of("--output", dir.resolve("out").toString()));
        }
        if (!all.get(0).equals("validate") && !all.contains("--alert-state")) {
            all.addAll(List.of("--alert-state", dir.resolve("alert-state.json").toString()));
        }
        if (!all.get(0).equals("validate") && !all.contains("--allure-results")) {
            all.addAll(List.of("--allure-results", dir.resolve("allure-results").toString()));
        }
        return new Flows(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                variables).execute(all.toArray(String[]::new));
    }

    private int flows(String... args) {
        return flows(Map.of(), args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** How many progress lines say that this check worked: PASSED, or DEGRADED when a loaded machine was slow. */
    private long worked(String prefix) {
        return printed().lines().filter(l -> l.startsWith(prefix + " PASSED") || l.startsWith(prefix + " DEGRADED")).count();
    }

    private List<String> errors() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private Path config(String text) throws IOException {
        Path file = dir.resolve("flows.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void anUnknownArgumentIsBrokenWithOneLineAndWhereToLook() {
        assertEquals(2, flows("run", "--bogus"));
        assertEquals(List.of("flows: unknown argument '--bogus'", "Try 'flows run --help' for the options."), errors());
        assertEquals("", printed(), "nothing started");
    }

    @Test
    void withoutASubcommandTheUsageIsPrintedAndNothingRuns() {
        assertEquals(2, new Flows(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).execute());
        assertTrue(errors().get(0).startsWith("Usage: flows "), errors().toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("validate"), errors().toString());
    }

    @Test
    void badValuesAreNamed() {
        assertEquals(2, flows("run", "--every", "1s"));
        assertEquals("flows: --every needs --for: the loop always ends by itself (e.g. --every 60s --for 5m)", errors().get(0));
        err.reset();
        assertEquals(2, flows("run", "--every", "soon", "--for", "1m"));
        assertEquals("flows: --every: 'soon' is not a duration (write 250ms, 5s, 2m or 1h)", errors().get(0));
        err.reset();
        assertEquals(2, flows("run", "--engines", "firefox"));
        assertEquals("flows: --engines: unknown engine 'firefox': use playwright or selenium", errors().get(0));
        err.reset();
        assertEquals(2, flows("run", "--every", "1m", "--for", "30s"));
        assertEquals("flows: --for 30 s is shorter than --every 1 min", errors().get(0));
        err.reset();
        assertEquals(2, flows("run", "--no-checks", "--no-journeys"));
        assertEquals("flows: --no-journeys and --no-checks together leave nothing to do", errors().get(0));
        err.reset();
        assertEquals(2, flows("run", "--config"));
        assertEquals("flows: --config needs a value", errors().get(0));
        err.reset();
        assertEquals(2, flows("check", "--alert-after", "0"));
        assertEquals(List.of("flows: alert threshold must be between 1 and 100: 0"), errors());
        err.reset();
        assertEquals(2, flows("run", "--engines", ","));
        assertEquals("flows: --engines: an empty engine name in ',' (write playwright, selenium or playwright,selenium)", errors().get(0));
        err.reset();
        assertEquals(2, flows("run", "--every", "1s", "--for", "99999999999999999999h"));
        assertEquals("flows: --for: '99999999999999999999h' is too long a duration (at most 10000 days)", errors().get(0));
        err.reset();
        assertEquals(2, flows("run", "--every", "1s", "--for", "9999999999999h"));
        assertEquals("flows: --for: '9999999999999h' is too long a duration (at most 10000 days)", errors().get(0));
        err.reset();
        assertEquals(2, flows("check", "--every", "1ms", "--for", "1s"));
        assertEquals("flows: --every 1 ms is shorter than 1 s: a faster loop only loads the shop and the heartbeat service", errors().get(0));
    }

    @Test
    void aMissingConfigFileIsBroken() {
        Path missing = dir.resolve("nope.yaml");
        assertEquals(2, flows("run", "--config", missing.toString()));
        assertEquals(List.of("flows: config file not found: " + missing), errors());
    }

    @Test
    void aBadConfigFileIsBrokenWithTheConfigMessage() throws IOException {
        Path file = config("""
                sites:
                  - { name: live, url: "https://shop.example.test" }
                checks:
                  pages:
                    - { type: landing, path: /, status: 999 }
                """);
        assertEquals(2, flows("run", "--config", file.toString()));
        assertEquals(List.of("flows: " + file + ":5:45: checks.pages[0]: status must be an HTTP status (100-599): 999"), errors());
    }

    @Test
    void aConfigThatNeedsTheDemoStoreSaysSo() throws IOException {
        Path file = config(DEMO_CONFIG);
        assertEquals(2, flows("validate", "--config", file.toString()));
        assertEquals(List.of("flows: " + file + ":2:24: sites[0].url: environment variable DEMO_LIVE_URL is not set "
                + "(add --demo-store to start the embedded demo store)"), errors());
    }

    @Test
    void journeyClassesAreLoadedOrNamedInOneLine() throws IOException {
        Path file = config(DEMO_CONFIG + "journeys: [com.example.Missing]\n");
        assertEquals(2, flows("validate", "--config", file.toString(), "--demo-store"));
        assertEquals(List.of("flows: " + file + ": journeys[0]: class com.example.Missing is not on the classpath"), errors());
        err.reset();
        file = config(DEMO_CONFIG + "journeys: [java.lang.String]\n");
        assertEquals(2, flows("validate", "--config", file.toString(), "--demo-store"));
        assertEquals(List.of("flows: " + file + ": journeys[0]: java.lang.String does not implement dev.flows.dsl.JourneySuite"), errors());
        err.reset();
        file = config(DEMO_CONFIG + "journeys: [\"not a class\"]\n");
        assertEquals(2, flows("validate", "--config", file.toString(), "--demo-store"));
        assertEquals(List.of("flows: " + file + ":19:1: journeys: 'not a class' is not a class name (write com.example.shop.ShopJourneys)"),
                errors());
        err.reset();
        file = config(DEMO_CONFIG + "journeys: [" + TwoJourneys.class.getName() + "]\nprofile: missing-profile.yaml\n");
        assertEquals(2, flows("validate", "--config", file.toString(), "--demo-store"));
        assertEquals(List.of("flows: " + file + ": profile: " + dir.resolve("missing-profile.yaml")
                + ": storefront profile file not found"), errors());
    }

    @Test
    void validatePrintsThePlanWithHeartbeatUrlsRedacted() throws IOException {
        Files.writeString(dir.resolve("shop-profile.yaml"), """
                name: my-shop
                urls: { landing: / }
                hooks:
                  productCard: testId:product-card
                  inStockCard: "css:[data-testid='product-card'][data-stock='in']"
                  productName: testId:product-name
                  productTitle: testId:product-title
                  addToCart: testId:add-to-cart
                  cartCount: testId:cart-count
                """);
        Path file = config(DEMO_CONFIG + """
                profile: shop-profile.yaml
                heartbeat:
                  - { type: healthchecks, url: "https://hc-ping.com/${HC_KEY}" }
                """);
        assertEquals(0, flows(Map.of("HC_KEY", "5bf66975-d4c7-4bf5-bcc8-b8d8a82ea278"), "validate", "--config", file.toString(),
                "--demo-store", "--engines", "playwright,selenium"), printed() + errors());
        assertEquals(List.of(), errors());
        List<String> lines = printed().lines().toList();
        assertEquals("Config:      " + file, lines.get(0));
        assertEquals("Profile:     my-shop (" + dir.resolve("shop-profile.yaml") + ")", lines.get(1));
        assertEquals("Journeys:    2 from standard storefront journeys", lines.get(2));
        assertEquals("  browse to a product  browse, 2 steps", lines.get(3));
        assertEquals("  add to cart          cart, 4 steps", lines.get(4));
        assertEquals("Sites:       2", lines.get(5));
        assertTrue(lines.get(6).matches("  live      http://127\\.0\\.0\\.1:\\d+/  primary, production \\(no orders\\)"), lines.get(6));
        assertTrue(lines.get(7).matches("  fallback  http://127\\.0\\.0\\.1:\\d+/  fallback"), lines.get(7));
        assertEquals("Engines:     playwright, selenium", lines.get(8));
        assertEquals("Plan:        2 journeys x 2 sites x 2 engines = 8 journey runs each time the journeys are due", lines.get(9));
        assertEquals("Page checks: 5 pages x 2 sites = 10 checks per iteration (every 1 min in a loop)", lines.get(10));
        assertEquals("  landing   /                            status 200, marker 'Bean & Burr', budget 2 s", lines.get(11));
        assertEquals("Heartbeats:  1", lines.get(16));
        assertEquals("  healthchecks https://hc-ping.com/****", lines.get(17));
        assertEquals("Alert:       after 3 failures in a row; state .flows/alert-state.json", lines.get(18));
        assertEquals("Valid: nothing was run.", lines.get(lines.size() - 1));
        assertTrue(!printed().contains("5bf66975"), "the ping URL's secret never printed: " + printed());
    }

    @Test
    void withoutConfigTheLoopChecksTheDemoStorePagesEverySecond() {
        assertEquals(0, flows("check", "--every", "1s", "--for", "3s"), printed() + errors());
        assertEquals(3, printed().lines().filter(l -> l.startsWith("== iteration ")).count(), printed());
        assertEquals(3, worked("[live] page landing"), printed());
        assertEquals(3, worked("[fallback] page account"), printed());
        assertTrue(printed().matches("(?s).*page: product  \\| (PASSED|DEGRADED) .*"), printed());
        assertTrue(printed().contains("Exit code 0 (passed) after 3 iterations"), printed());
    }

    /** A profile of a shop without a checkout hook: the standard journeys leave the checkout out. */
    private static final String CART_ONLY_PROFILE = """
            name: cart-only
            urls: { landing: /, cart: /cart }
            hooks:
              productCard: testId:product-card
              inStockCard: "css:[data-testid='product-card'][data-stock='in']"
              productName: testId:product-name
              productTitle: testId:product-title
              productPrice: "css:.product__info [data-testid='product-price']"
              addToCart: testId:add-to-cart
              cartCount: testId:cart-count
            """;

    @Test
    void aConfigWithAProfileAndNoJavaRunsTheStandardJourneysOnTheEmbeddedStores() throws IOException {
        Files.writeString(dir.resolve("shop-profile.yaml"), CART_ONLY_PROFILE);
        Path file = config(DEMO_CONFIG + "profile: shop-profile.yaml\n");
        // --for is a deadline: 60 s leaves the first iteration (browser launch and four journeys) time on a busy
        // machine, and the second (page checks only: journeys are due every checks.every) starts at 30 s.
        int code = flows("run", "--config", file.toString(), "--demo-store", "--engines", "playwright", "--every", "30s", "--for", "60s");
        String table = printed().substring(printed().lastIndexOf("journey "));
        assertEquals(0, code, printed() + errors());
        assertEquals(2, worked("[fallback] page landing"), printed());
        assertEquals(1, printed().lines().filter(l -> l.startsWith("[live][playwright] add to cart: PASSED")).count(),
                "journeys once: " + printed());
        assertTrue(!printed().contains("checkout up to payment"), "no checkout hook, no checkout journey: " + printed());
        assertTrue(printed().contains("[live][playwright] add to cart: step 2 'product: first in stock' passed"), printed());
        assertTrue(table.contains("page: landing"), table);
        assertTrue(table.contains("browse to a product"), table);
        assertTrue(table.lines().findFirst().orElseThrow().matches("journey +\\| live +\\| fallback"), table);
        JsonNode report;
        try (Stream<Path> runs = Files.list(dir.resolve("out"))) {
            Path folder = runs.filter(p -> Files.isRegularFile(p.resolve("disparity.json")) && !p.getFileName().toString().matches(".*-\\d$"))
                    .findFirst().orElseThrow();
            report = new ObjectMapper().readTree(folder.resolve("disparity.json").toFile());
        }
        assertEquals("page: landing", report.path("journeys").get(0).path("journey").asText());
        try (Stream<Path> results = Files.list(dir.resolve("allure-results"))) {
            List<String> names = results.map(p -> p.getFileName().toString()).toList();
            assertEquals(4, names.stream().filter(n -> n.endsWith("-result.json")).count(), "2 journeys x 2 sites: " + names);
            assertTrue(names.containsAll(List.of("categories.json", "environment.properties", "executor.json")), names.toString());
        }
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
            Path file = config(DEMO_CONFIG + "heartbeat:\n  - { type: webhook, url: \"${HOOK_URL}\" }\n");
            assertEquals(0, flows(Map.of("HOOK_URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
                    "check", "--config", file.toString(), "--demo-store", "--every", "1s", "--for", "2s"), printed() + errors());
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

    @Test
    void metricsFromTheConfigAreServedWhileTheLoopRunsAndWrittenToTheTextfile() throws Exception {
        Path textfile = dir.resolve("textfile").resolve("flows.prom");
        Path file = config(DEMO_CONFIG + "metrics:\n  port: 0\n  textfile: \"" + textfile + "\"\n");
        java.util.concurrent.CompletableFuture<Integer> exit = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                flows("check", "--config", file.toString(), "--demo-store", "--every", "1s", "--for", "30s"));
        java.util.regex.Pattern served = java.util.regex.Pattern.compile("flows: metrics on (http://127\\.0\\.0\\.1:\\d+/metrics)");
        String url = null;
        String scraped = "";
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        // While the loop runs: the server answers, and holds the first iteration's page checks once it has finished.
        while (!exit.isDone() && !scraped.contains("flows_page_checks_total{")) {
            if (url == null) {
                java.util.regex.Matcher m = served.matcher(err.toString(StandardCharsets.UTF_8));
                url = m.find() ? m.group(1) : null;
            } else {
                scraped = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            }
            Thread.sleep(100);
        }
        assertTrue(url != null, "no metrics line: " + errors());
        assertTrue(scraped.contains("flows_page_checks_total{outcome=\"passed\",page=\"landing\",role=\"primary\",site=\"live\"}")
                || scraped.contains("flows_page_checks_total{outcome=\"degraded\",page=\"landing\",role=\"primary\",site=\"live\"}"),
                scraped);
        assertEquals(0, exit.get(), printed() + errors());
        String written = Files.readString(textfile);
        assertTrue(written.contains("flows_page_checks_total{outcome="), written);
        assertTrue(written.contains("flows_last_run_timestamp_seconds{role=\"fallback\",site=\"fallback\"}"), written);
    }

    /** A suite of the user's own, named in a config: two journeys against the configured profile. */
    public static final class TwoJourneys implements dev.flows.dsl.JourneySuite {
        @Override
        public List<dev.flows.journey.Journey> journeys(dev.flows.dsl.Storefront shop) {
            return List.of(shop.journey("landing").landing().build(),
                    shop.journey("grinders").landing().category("Grinders").expectProducts(4).build());
        }
    }
}
