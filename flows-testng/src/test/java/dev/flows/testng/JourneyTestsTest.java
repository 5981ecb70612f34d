package dev.flows.testng;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flows.allure.DefectCategories;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Timeouts;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.Storefront;
import dev.flows.journey.ExpectationFailedException;
import dev.flows.journey.Journey;
import dev.flows.run.Run;
import dev.flows.site.Site;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testng.ITestResult;
import org.testng.TestListenerAdapter;
import org.testng.TestNG;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TestNG suites run in code (TestNG's own runner) against the demo store, read back from their Allure results. */
class JourneyTestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The journeys of the suite; public with a no-argument constructor, as TestNG creates it. */
    public static class GrinderJourneys extends JourneyTests {
        @Override
        protected List<Journey> journeys() {
            Storefront shop = Storefront.demoStore();
            return List.of(
                    shop.journey("browse grinders").feature("browse").landing().category("Grinders").expectProducts(4).build(),
                    shop.journey("add a grinder").feature("cart")
                            // Deterministic flakiness: the first try on live fails, its retry in a fresh page passes.
                            .step("first try on live fails", ctx -> {
                                if (ctx.site().name().equals("live") && ctx.attempt() == 1) {
                                    throw new ExpectationFailedException("the first try on live fails on purpose");
                                }
                            })
                            .productAt("/product/flat-burr-64").addToCart().expectCartCount(1).build());
        }
    }

    /** Live healthy, fallback without its add-to-cart button; both engines. */
    static final class BrokenFallback implements FlowsSetup {
        final DemoStore live = DemoStore.builder().name("live").start();
        final DemoStore fallback = DemoStore.builder().name("fallback").start();
        final Path results;
        boolean closed;

        BrokenFallback(Path results) {
            this.results = results;
            fallback.faults().hideElement("/product/*", "add-to-cart");
        }

        @Override
        public List<Site> sites() {
            return List.of(Site.builder("live").url(live.baseUrl()).production(true).build(),
                    Site.builder("fallback").url(fallback.baseUrl()).role("fallback").build());
        }

        @Override
        public List<BrowserConfig> engines() {
            return List.of(BrowserConfig.playwright().build(), BrowserConfig.selenium().build());
        }

        @Override
        public void configure(Run.Builder run) {
            run.retries(1).output(Path.of("target", "flows-test-output")).pageTimeouts(Timeouts.DEFAULT.withWaitFor(Duration.ofSeconds(2)));
        }

        @Override
        public Path allureResults() {
            return results;
        }

        @Override
        public void close() {
            closed = true;
            live.close();
            fallback.close();
        }
    }

    @Test
    void journeys_run_on_every_site_and_engine_with_retries_reported_as_flaky(@TempDir Path results) throws IOException {
        BrokenFallback setup = new BrokenFallback(results);
        TestListenerAdapter tests = runSuite(new FlowsListener(setup), results);

        Map<String, String> verdicts = new TreeMap<>();
        tests.getPassedTests().forEach(t -> verdicts.put(name(t), "passed"));
        tests.getFailedTests().forEach(t -> verdicts.put(name(t), "failed"));
        tests.getSkippedTests().forEach(t -> verdicts.put(name(t), "skipped"));
        Map<String, String> expected = new TreeMap<>();
        for (String engine : List.of("playwright", "selenium")) {
            expected.put("browse grinders on live [" + engine + "]", "passed");
            expected.put("browse grinders on fallback [" + engine + "]", "passed");
            expected.put("add a grinder on live [" + engine + "]", "passed");
            expected.put("add a grinder on fallback [" + engine + "]", "failed");
        }
        assertEquals(expected, verdicts, "one TestNG test per journey, site and engine; none skipped");
        assertTrue(tests.getFailedTests().get(0).getThrowable() instanceof JourneyFailedError);
        assertTrue(setup.closed, "the suite closes its setup");

        List<JsonNode> allure = results(results);
        assertEquals(8, allure.size(), "one Allure result per test: a retry is not a second (skipped) result");
        for (String engine : List.of("playwright", "selenium")) {
            JsonNode flaky = named(allure, "add a grinder on live [" + engine + "]");
            assertEquals("passed", flaky.path("status").asText());
            assertTrue(flaky.path("statusDetails").path("flaky").asBoolean(), flaky.toString());
            assertEquals("Flaky (passed on a retry)", category(flaky));
            assertEquals(List.of("attempt 1 of 2: FAILED at step 1 'first try on live fails'", "attempt 2 of 2: PASSED"),
                    names(flaky.path("steps")));

            JsonNode failed = named(allure, "add a grinder on fallback [" + engine + "]");
            assertEquals("failed", failed.path("status").asText());
            assertEquals("Fallback-only failure", category(failed));
            assertEquals(List.of("fallback", "fallback (fallback)", engine),
                    List.of(label(failed, "site"), label(failed, "parentSuite"), label(failed, "engine")));
            JsonNode lastAttempt = failed.path("steps").get(1);
            JsonNode failing = lastAttempt.path("steps").get(lastAttempt.path("steps").size() - 1);
            assertEquals("step 3 'add to cart'", failing.path("name").asText());
            assertEquals(List.of("failure message", "screenshot", "page source", "console errors", "failed requests", "trace (trace.zip)"),
                    names(failing.path("attachments")));
            for (JsonNode a : failing.path("attachments")) {
                assertTrue(Files.size(results.resolve(a.path("source").asText())) > 0, a.toString());
            }
        }
        java.util.Properties environment = new java.util.Properties();
        try (var in = Files.newBufferedReader(results.resolve("environment.properties"))) {
            environment.load(in);
        }
        assertEquals(setup.fallback.baseUrl() + " (fallback)", environment.getProperty("site.fallback"));
        assertTrue(environment.getProperty("browser.selenium").startsWith("selenium, chromium"), environment.toString());
        assertTrue(Files.exists(results.resolve("categories.json")));
        assertTrue(Files.readString(results.resolve("executor.json")).contains("\"buildName\""));
    }

    @Test
    void a_suite_without_a_setup_says_how_to_add_one(@TempDir Path results) {
        TestListenerAdapter tests = runSuite(new FlowsListener(), results);

        assertEquals(0, tests.getPassedTests().size());
        List<ITestResult> problems = new ArrayList<>(tests.getFailedTests());
        problems.addAll(tests.getSkippedTests());
        assertEquals(1, problems.size());
        assertEquals("suite 'flows' has no parameter flows.setup: name a class that implements dev.flows.testng.FlowsSetup",
                rootMessage(problems.get(0).getThrowable()).replace("the Flows suite could not start: ", ""));
    }

    private static TestListenerAdapter runSuite(FlowsListener listener, Path results) {
        AllureLifecycle before = Allure.getLifecycle();
        // allure-testng, found by TestNG's ServiceLoader, writes through Allure's lifecycle: point it at this test's folder.
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
        try {
            XmlSuite suite = new XmlSuite();
            suite.setName("flows");
            suite.setDataProviderThreadCount(2);
            XmlTest test = new XmlTest(suite);
            test.setName("grinders");
            test.setXmlClasses(List.of(new XmlClass(GrinderJourneys.class)));
            TestNG testng = new TestNG(false);
            testng.setXmlSuites(List.of(suite));
            testng.setOutputDirectory(results.resolve("testng").toString());
            testng.setVerbose(0);
            TestListenerAdapter tests = new TestListenerAdapter();
            testng.addListener(tests);
            testng.addListener(listener);
            testng.run();
            return tests;
        } finally {
            Allure.setLifecycle(before);
        }
    }

    private static String name(ITestResult t) {
        return t.getParameters().length > 0 ? String.valueOf(t.getParameters()[0]) : t.getName();
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    static List<JsonNode> results(Path folder) throws IOException {
        List<JsonNode> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith("-result.json")).sorted()::iterator) {
                list.add(JSON.readTree(f.toFile()));
            }
        }
        return list;
    }

    static JsonNode named(List<JsonNode> results, String name) {
        return results.stream().filter(r -> r.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Allure result '" + name + "' among " + results.stream().map(r -> r.path("name").asText()).toList()));
    }

    static String label(JsonNode result, String name) {
        for (JsonNode l : result.path("labels")) {
            if (l.path("name").asText().equals(name)) {
                return l.path("value").asText();
            }
        }
        return null;
    }

    static String category(JsonNode r) {
        return DefectCategories.shipped().of(r.path("status").asText(), r.path("statusDetails").path("message").asText(null),
                r.path("statusDetails").path("flaky").asBoolean(false)).orElse("(none)");
    }

    static List<String> names(JsonNode steps) {
        List<String> names = new ArrayList<>();
        steps.forEach(s -> names.add(s.path("name").asText()));
        return names;
    }
}
